"""The figure finder on news-style sentences written here, for classes of figures other teams'
suites showed it missing (issue 23): each answer is what a reader of the sentence reads."""

from __future__ import annotations

import pytest

from claimcheck.find.figures import find_figures


def values(text: str) -> list[tuple[str, float, float, str | None]]:
    return [(m.raw, m.low, m.high, m.unit) for m in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("The index closed the year at minus five.", "minus five", -5),
        ("Growth was revised to minus two, the agency said.", "minus two", -2),
    ],
)
def test_a_number_in_words_after_minus_is_an_amount(text: str, raw: str, value: float) -> None:
    assert values(text) == [(raw, value, value, None)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("Temperatures reached 35C in Seville on Tuesday.", "35C", 35),
        ("Overnight it fell to -10C in the Highlands.", "-10C", -10),
        ("Forecasters expect minus 4F by the weekend.", "minus 4F", -4),
    ],
)
def test_degrees_written_against_the_number_are_a_temperature(
    text: str, raw: str, value: float
) -> None:
    assert [(m.raw, m.low, m.unit) for m in find_figures(text)] == [(raw, value, "°" + raw[-1])]


def test_a_letter_after_a_number_in_a_name_is_no_temperature() -> None:
    assert find_figures("She lives in Apartment 3C with her sister.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a compound written in words is plainly a number, whether or not a noun follows
        ("He was asked how many and said one hundred and twelve.", [112]),
        ("The club has sold a hundred and fifty of them.", [150]),
        ("The scores were forty-one and thirty-eight.", [41, 38]),
        # a single word with nothing counted still refers or stands for a thing
        ("The two met in Paris, and one said no.", []),
        ("It takes two to tango.", []),
    ],
)
def test_a_compound_number_in_words_counts_without_a_noun(text: str, found: list[float]) -> None:
    assert [m.low for m in find_figures(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The plant covers 40m^2 of roof.", [40]),
        ("Panels deliver 200 W/m^2 at noon.", [200]),
        ("Each flat has 50 m² of floor.", [50]),
    ],
)
def test_a_power_written_after_a_unit_is_no_figure(text: str, found: list[float]) -> None:
    assert [m.low for m in find_figures(text)] == found


def test_hours_abbreviated_are_a_duration_unless_a_clock_time() -> None:
    assert values("The crossing took 3 hrs in the storm.") == [("3 hrs", 3, 3, "hrs")]
    assert values("The ferry left at 1800 hrs.") == []


def test_a_hyphenated_number_of_seconds_is_a_duration() -> None:
    assert values("The firm bought a 30-second advert.") == [("30-second", 30, 30, "seconds")]


@pytest.mark.parametrize(
    "text", ["Voters should think twice before backing it.", "Nobody looked twice at him."]
)
def test_twice_in_an_idiom_is_no_figure(text: str) -> None:
    assert find_figures(text) == []


def test_twice_as_a_ratio_or_a_count_is_two() -> None:
    assert [m.low for m in find_figures("Prices rose twice as fast as wages.")] == [2]
    assert [m.low for m in find_figures("The firm has been fined twice.")] == [2]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The watch sold for 450,000 Swiss francs.", 450_000, "CHF"),
        ("The fine was 20 million rand.", 20e6, "ZAR"),
        ("Fares rose to 12 zloty.", 12, "PLN"),
        ("The bond raised 3bn shekels.", 3e9, "ILS"),
        ("A loaf costs 1,200 naira.", 1200, "NGN"),
        ("The deal is worth AED 500 million.", 500e6, "AED"),
        ("The plan costs 40bn baht.", 40e9, "THB"),
        ("Tickets were fifty quid each.", 50, "GBP"),
    ],
)
def test_more_currencies_by_name_and_code(text: str, value: float, unit: str) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Nine out of ten doctors backed the plan.", 0.9, "doctors"),
        ("Four out of five voters said yes.", 0.8, "voters"),
        ("About 3 out of 10 firms cut jobs.", 0.3, "firms"),
    ],
)
def test_so_many_out_of_so_many_is_a_share(text: str, value: float, unit: str) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


def test_a_fraction_of_a_percent_is_a_percentage() -> None:
    assert values("Rates rose 2½% last year.") == [("2½%", 2.5, 2.5, "percent")]
    assert values("Rates rose by 2 1/2 per cent.") == [("2 1/2 per cent", 2.5, 2.5, "percent")]


def test_by_a_half_is_half() -> None:
    assert [m.low for m in find_figures("The budget was cut by a half.")] == [0.5]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Police clocked the car at 160 km/h.", 160, "km/h"),
        ("The flat is 500 sq ft.", 500, "sq ft"),
        ("The site covers 2,000 sq m.", 2000, "sq m"),
    ],
)
def test_speeds_and_areas_in_symbols(text: str, value: float, unit: str) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The minister said one point five million homes would be built.", 1.5e6, "homes"),
        ("Growth slowed to two point three per cent.", 2.3, "percent"),
        ("It will cost three point two billion pounds.", 3.2e9, "GBP"),
        ("He put the odds at two point o five per cent.", 2.05, "percent"),
    ],
)
def test_a_decimal_point_in_words_is_read(text: str, value: float, unit: str) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The EU fund holds €2.1trn.", 2.1e12, "EUR"),
        ("Congress passed a $1.2tr package.", 1.2e12, "USD"),
        ("The scheme will cost Rs 1.5 lakh crore.", 1.5e12, "INR"),
        ("Output grew 4,5 million tonnes, the ministry said.", 4.5e6, "tonnes"),
        ("The deal, worth 2,5 million euros, fell through.", 2.5e6, "EUR"),
    ],
)
def test_scales_written_the_way_other_countries_write_them(
    text: str, value: float, unit: str
) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


def test_a_million_alone_is_a_number() -> None:
    assert [m.low for m in find_figures("The petition's target was a million.")] == [1e6]


def test_negative_before_a_number_is_its_sign() -> None:
    assert values("Rates stayed at negative 0.1% in Japan.") == [
        ("negative 0.1%", -0.1, -0.1, "percent")
    ]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Circa 500 people attended the vigil.", "Circa 500 people"),
        ("Top 100 companies paid less tax.", "100 companies"),
    ],
)
def test_a_hedge_or_a_rank_opening_a_sentence_is_no_name(text: str, raw: str) -> None:
    assert [m.raw for m in find_figures(text)] == [raw]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("Shares in the bank rose 5pc on Monday.", "5pc", 5),
        ("Turnout was 70 pct, officials said.", "70 pct", 70),
    ],
)
def test_pc_and_pct_are_percent(text: str, raw: str, value: float) -> None:
    assert values(text) == [(raw, value, value, "percent")]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("Labour holds a 3-point lead in the latest poll.", "3-point", 3, "points"),
        ("The inquiry published a 1,000-page report.", "1,000-page", 1000, "pages"),
        ("The party won a 50-seat majority.", "50-seat", 50, "seats"),
        ("A 12-member jury was sworn in.", "12-member", 12, "members"),
    ],
)
def test_a_count_joined_to_its_noun_by_a_hyphen(
    text: str, raw: str, value: float, unit: str
) -> None:
    assert values(text) == [(raw, value, value, unit)]


@pytest.mark.parametrize(
    "text",
    ["The side suffered a 2-1 defeat.", "He is a 45-year-old father.", "It uses 3G-based chips."],
)
def test_a_hyphen_after_a_number_that_is_no_count_of_a_noun(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "per"),
    [
        ("He signed a $5m-a-year contract.", "$5m-a-year", 5e6, "year"),
        ("She took a £30,000-a-year job.", "£30,000-a-year", 30_000, "year"),
        ("Flats let at £1,200 pcm.", "£1,200 pcm", 1200, "month"),
        ("Salaries of £30,000 per annum were offered.", "£30,000 per annum", 30_000, "year"),
    ],
)
def test_a_rate_joined_by_hyphens_or_abbreviated(
    text: str, raw: str, value: float, per: str
) -> None:
    assert [(m.raw, m.low, m.per) for m in find_figures(text)] == [(raw, value, per)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The budget is 5 million US dollars.", 5e6, "USD"),
        ("The mine cost 2bn Australian dollars.", 2e9, "AUD"),
        ("The port cost S$5m to rebuild.", 5e6, "SGD"),
        ("A spokesman said US$ 5 million was paid.", 5e6, "USD"),
        ("Donors gave $ 120,000 last year.", 120_000, "USD"),
    ],
)
def test_dollars_named_by_country_and_signs_set_apart(text: str, value: float, unit: str) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "raw", "low", "high", "unit"),
    [
        ("Two or three people were hurt in the crush.", "Two or three people", 2, 3, "people"),
        ("Police said 10 or 15 cars were damaged.", "10 or 15 cars", 10, 15, "cars"),
        ("Prices may rise 5% or 6% next year.", "5% or 6%", 5, 6, "percent"),
    ],
)
def test_this_or_that_many_is_a_range(
    text: str, raw: str, low: float, high: float, unit: str
) -> None:
    assert values(text) == [(raw, low, high, unit)]


def test_a_choice_that_falls_is_two_numbers() -> None:
    assert [m.raw for m in find_figures("Voters chose 7 or 3 as their lucky number.")] == ["7", "3"]


@pytest.mark.parametrize(
    ("text", "raw", "low", "high", "unit"),
    [
        ("Losses were put at -5% to -10%.", "-5% to -10%", -10, -5, "percent"),
        ("Lows of -5C to -10C are forecast.", "-5C to -10C", -10, -5, "°C"),
    ],
)
def test_a_range_of_negatives_runs_from_its_lowest(
    text: str, raw: str, low: float, high: float, unit: str
) -> None:
    assert values(text) == [(raw, low, high, unit)]


def test_a_run_of_number_words_is_a_list_of_numbers_and_the_noun_is_the_last_ones() -> None:
    found = values("The singer counted one two three four before the song began.")
    assert found == [
        (w, v, v, None) for w, v in (("one", 1), ("two", 2), ("three", 3), ("four", 4))
    ]
    found = values("Stalls sold ten twenty thirty tickets an hour.")
    assert found == [
        ("ten", 10, 10, None),
        ("twenty", 20, 20, None),
        ("thirty tickets an hour", 30, 30, "tickets"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("Half the staff were laid off.", "Half the staff", 0.5, "staff"),
        ("Almost half the population voted.", "Almost half the population", 0.5, "population"),
        ("Half of the electorate stayed home.", "Half of the electorate", 0.5, "electorate"),
    ],
)
def test_half_the_whole_is_half_of_it(text: str, raw: str, value: float, unit: str) -> None:
    assert values(text) == [(raw, value, value, unit)]


@pytest.mark.parametrize("text", ["Half of the time was wasted.", "He is right half the time."])
def test_half_the_time_is_an_idiom(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("The meeting took three-quarters of an hour.", "three-quarters of an hour", 0.75, "hours"),
        ("It lasted a quarter of a century.", "a quarter of a century", 0.25, "centuries"),
    ],
)
def test_a_fraction_of_a_period_is_an_amount_of_it(
    text: str, raw: str, value: float, unit: str
) -> None:
    assert values(text) == [(raw, value, value, unit)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A million and a half people signed.", 1.5e6),
        ("It drew one-and-a-half million visitors.", 1.5e6),
    ],
)
def test_and_a_half_after_a_scale_or_between_hyphens(text: str, value: float) -> None:
    assert [m.low for m in find_figures(text)] == [value]


def test_a_run_of_number_words_after_the_refers() -> None:
    assert values("The two three-year deals were signed.") == [("three-year", 3, 3, "years")]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("There were 20-odd people at the count.", "20-odd people", 20, "people"),
        ("Some 50,000-plus fans filled the ground.", "Some 50,000-plus fans", 50_000, "fans"),
        ("The firm hired 1,000+ workers last year.", "1,000+ workers", 1000, "workers"),
    ],
)
def test_odd_and_plus_after_a_number_make_it_at_least_about_that(
    text: str, raw: str, value: float, unit: str
) -> None:
    assert [(m.raw, m.low, m.unit, m.approximate) for m in find_figures(text)] == [
        (raw, value, unit, True)
    ]


@pytest.mark.parametrize(
    ("text", "raw", "low", "high"),
    [
        ("100s of people queued overnight.", "100s of people", 200, 999),
        ("1,000s of homes lost power.", "1,000s of homes", 2000, 9999),
        ("Scores of people were hurt in the blast.", "Scores of people", 40, 99),
    ],
)
def test_vague_plurals_in_digits_and_scores(text: str, raw: str, low: float, high: float) -> None:
    assert [(m.raw, m.low, m.high, m.approximate) for m in find_figures(text)] == [
        (raw, low, high, True)
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("Profits rose fivefold in a year.", "fivefold", 5),
        ("Sales saw a 10-fold rise.", "10-fold", 10),
        ("Demand grew three-fold.", "three-fold", 3),
    ],
)
def test_so_many_fold_is_a_ratio(text: str, raw: str, value: float) -> None:
    assert values(text) == [(raw, value, value, None)]


def test_basis_points_written_against_the_number() -> None:
    assert values("The central bank raised rates by 25bp.") == [("25bp", 25, 25, "bp")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("Support for Labour rose 2pp in a month.", "2pp", 2),
        ("The gap narrowed by 3 ppt, the pollster said.", "3 ppt", 3),
    ],
)
def test_pp_and_ppt_are_percentage_points(text: str, raw: str, value: float) -> None:
    assert values(text) == [(raw, value, value, "percentage points")]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Women outnumber men by a ratio of 3:1 on the course.", "3:1"),
        ("The board agreed a 50:50 split of the profits.", "50:50"),
    ],
)
def test_a_ratio_with_a_colon_is_one_tally(text: str, raw: str) -> None:
    (found,) = find_figures(text)
    assert found.raw == raw and found.low == found.high == float(raw.split(":")[0])


def test_a_time_with_a_colon_is_still_no_figure() -> None:
    assert find_figures("The vote was held at 3:15 on Tuesday.") == []


@pytest.mark.parametrize(
    "opening",
    ["Exactly", "Perhaps", "Today", "Yesterday", "Overall", "Currently", "Including", "Possibly"],
)
def test_a_word_that_opens_a_sentence_before_a_number_is_no_name(opening: str) -> None:
    assert [m.raw for m in find_figures(f"{opening} 300 people were hurt.")] == ["300 people"]


def test_a_name_before_a_number_is_still_a_name() -> None:
    assert find_figures("Apollo 11 landed on the Moon.") == []


@pytest.mark.parametrize(
    ("text", "raw", "per"),
    [
        ("Revenue hit $1.2bn in Q3, the firm said.", "$1.2bn", "quarter"),
        ("Inflation was 3.2% in the year to March.", "3.2%", "year"),
        ("Prices rose 0.4% in the month to June.", "0.4%", "month"),
    ],
)
def test_an_amount_takes_a_quarter_or_a_year_to_a_month_it_was_measured_over(
    text: str, raw: str, per: str
) -> None:
    assert [(m.raw, m.per) for m in find_figures(text)] == [(raw, per)]


def test_a_scale_after_a_number_in_a_code_is_no_figure_of_its_own() -> None:
    """ "R50 million": the scale is the glued number's, not a million of its own."""
    assert find_figures("The deal was worth R50 million to the club.") == []


def test_naira_by_its_sign() -> None:
    assert [(m.low, m.unit) for m in find_figures("Fuel costs ₦617 a litre.")] == [(617, "NGN")]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Sales rose 5% a year ago.", "5%"),
        ("He earned £5m a year later.", "£5m"),
        ("It rose 5% a week before the vote.", "5%"),
        ("Prices were up 3% a month after the crash.", "3%"),
        ("He had paid $500 a day earlier.", "$500"),
    ],
)
def test_a_time_after_the_number_is_no_rate(text: str, raw: str) -> None:
    """ "5% a year ago" dates the figure; "5% a year" would say what the article did not."""
    assert [(m.raw, m.per) for m in find_figures(text)] == [(raw, None)]


def test_a_rate_before_tax_is_still_a_rate() -> None:
    assert [(m.raw, m.per) for m in find_figures("The job pays £30,000 a year before tax.")] == [
        ("£30,000 a year", "year")
    ]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Annual profit was £5m.", "year"),
        ("It had annual sales of $2bn.", "year"),
        ("Card fraud rose an annual 6%.", "year"),
        ("The annual report showed 300 jobs had gone.", None),
        ("The annual meeting drew 300 shareholders.", None),
    ],
)
def test_annual_makes_a_rate_of_an_amount_it_names(text: str, per: str | None) -> None:
    assert [m.per for m in find_figures(text)] == [per]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("There were approx 300 people at the rally.", "approx 300 people"),
        ("The crowd was approx. 300 people.", "approx. 300 people"),
        ("Organisers counted ~300 people.", "~300 people"),
        ("Turnout was >60% in the city.", ">60%"),
        ("Support is <5% in the polls.", "<5%"),
        ("The hall held c.300 people.", "c.300 people"),
        ("The bill is an est. £5m.", "an est. £5m"),
        ("As few as 10 people turned up.", "As few as 10 people"),
        ("Getting on for 300 people came.", "Getting on for 300 people"),
        ("It cost the best part of £1m.", "the best part of £1m"),
    ],
)
def test_hedges_in_abbreviations_and_symbols_make_a_figure_approximate(text: str, raw: str) -> None:
    assert [(m.raw, m.approximate) for m in find_figures(text)] == [(raw, True)]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("Rates rose half a percentage point.", "half a percentage point", 0.5,
         "percentage points"),
        ("Prices fell by half a per cent.", "half a per cent", 0.5, "percent"),
        ("Growth slowed by 0.5 of a percentage point.", "0.5 of a percentage point", 0.5,
         "percentage points"),
    ],
)  # fmt: skip
def test_part_of_a_percentage_point(text: str, raw: str, value: float, unit: str) -> None:
    assert values(text) == [(raw, value, value, unit)]


@pytest.mark.parametrize(
    ("text", "raw", "low", "high"),
    [
        ("He earns a six-figure salary.", "six-figure", 100_000, 999_999),
        ("A seven-figure sum was paid to settle.", "seven-figure", 1_000_000, 9_999_999),
    ],
)
def test_so_many_figures_is_a_vague_amount_of_that_many_digits(
    text: str, raw: str, low: float, high: float
) -> None:
    assert [(m.raw, m.low, m.high, m.approximate) for m in find_figures(text)] == [
        (raw, low, high, True)
    ]


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("The council will spend £3bn over three years on roads.", ["£3bn"]),
        ("The contract is worth $5bn across five years.", ["$5bn"]),
        ("Building the bridge took over three years.", ["over three years"]),
    ],
)
def test_the_years_an_amount_is_spread_over_are_no_figure_of_their_own(
    text: str, raws: list[str]
) -> None:
    assert [m.raw for m in find_figures(text)] == raws


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Sales rose 5% over two quarters.", [5.0]),
        ("The economy shrank for two quarters.", []),
        ("Three quarters of the staff agreed.", [0.75]),
        ("Nearly three quarters said yes.", [0.75]),
    ],
)
def test_quarters_counted_are_a_time_and_three_quarters_a_share(
    text: str, values: list[float]
) -> None:
    assert [m.low for m in find_figures(text)] == values
