"""The figure detector on real sentences from the articles in examples/articles."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import pytest
from conftest import all_articles, read_article

from claimcheck.find.figures import find_figures
from claimcheck.find.quantity import FigureMention
from claimcheck.read.structure import Article


def figures_in(article: str, words: str) -> list[FigureMention]:
    """The figures of the article's sentence containing ``words``, offsets into the article."""
    text = read_article(article)
    for sentence in Article(text).sentences:
        if words in sentence.text(text):
            return find_figures(text, sentence.start, sentence.end)
    raise AssertionError(f"no sentence of {article} contains {words!r}")


def read(article: str, words: str) -> list[tuple[str, float, float, str | None]]:
    return [(m.raw, m.low, m.high, m.unit) for m in figures_in(article, words)]


def only(text: str) -> FigureMention:
    (mention,) = find_figures(text)
    return mention


BROWN = "bbc-politics-brown-shrugs-off-economy-fears.txt"
YUKOS = "bbc-business-yukos-unit-fetches-9bn-at-auction.txt"
RATES = "bbc-business-us-interest-rates-increased-to-2.txt"
IRAN = "bbc-tech-iran-jails-blogger-for-14-years.txt"
LIRA = "bbc-business-turkey-knocks-six-zeros-off-lira.txt"
BANK = "bbc-business-uk-bank-seals-south-korean-deal.txt"
QANTAS = "bbc-business-qantas-considers-offshore-option.txt"
TMOBILE = "bbc-tech-t-mobile-bets-on-pocket-office.txt"


# Numbers, multipliers and ranges ----------------------------------------------------------


def test_range_carries_the_multiplier_to_its_first_number() -> None:
    (m,) = figures_in("ukraine-troops.txt", "losing 5-7,000 people")
    assert m.raw == "5-7,000 people a week"
    assert (m.low, m.high, m.unit, m.per, m.approximate) == (5000, 7000, "people", "week", True)


def test_range_carries_a_word_multiplier_and_its_currency() -> None:
    m = only("the deal could cost $2-3bn over the decade")
    assert (m.raw, m.low, m.high, m.unit, m.approximate) == ("$2-3bn", 2e9, 3e9, "USD", True)


def test_between_a_range_keeps_its_hedge_and_its_percent() -> None:
    (m,) = figures_in("bbc-business-iraqi-voters-turn-to-economic-issues.txt", "30-40%")
    assert (m.raw, m.low, m.high, m.unit, m.approximate) == (
        "between 30-40%", 30, 40, "percent", True
    )  # fmt: skip
    assert only("between 10 and 20 people").unit == "people"
    assert (only("rose 10 to 20% last year").low, only("rose 5–7% last year").high) == (10, 7)


def test_a_change_from_one_number_to_another_is_two_figures() -> None:
    assert read(QANTAS, "from 370 to 870") == [("370", 370, 370, None), ("870", 870, 870, None)]
    assert read(TMOBILE, "from 12,300 to 20,000")[-2:] == [
        ("12,300", 12300, 12300, None),
        ("20,000", 20000, 20000, None),
    ]


def test_a_range_of_percentages_is_one_figure_with_its_low_and_high() -> None:
    def reading(text: str) -> list[tuple[str, float, float, str | None, str | None]]:
        return [(m.raw, m.low, m.high, m.unit, m.per) for m in find_figures(text)]

    assert reading("Growth will be 4% to 4.5%.") == [("4% to 4.5%", 4, 4.5, "percent", None)]
    assert reading("Inflation will be between 4% and 4.5%.") == [
        ("between 4% and 4.5%", 4, 4.5, "percent", None)
    ]
    assert reading("The band is 3%-3.5%.") == [("3%-3.5%", 3, 3.5, "percent", None)]
    assert reading("Cruz had just 1% to 3% support.") == [("1% to 3%", 1, 3, "percent", None)]
    # The period is the sentence's, for the whole range, or none.
    assert reading("Prices grew 2% to 3% a year.") == [("2% to 3% a year", 2, 3, "percent", "year")]
    assert reading("The fee is between $1.1 million and $2.25 million.") == [
        ("between $1.1 million and $2.25 million", 1.1e6, 2.25e6, "USD", None)
    ]


def test_a_poll_margin_is_two_figures_not_a_range() -> None:
    def raws(text: str) -> list[str]:
        return [m.raw for m in find_figures(text)]

    assert raws("Sanders leads Clinton 50% to 40% among Democrats.") == ["50%", "40%"]
    assert raws("Trump and Sanders were in a dead heat -- 44% to 43%.") == ["44%", "43%"]
    assert raws("Clinton trails Trump 41% to 45% in Ohio.") == ["41%", "45%"]
    assert raws("Rates rose from 4% to 4.5%.") == ["4%", "4.5%"]  # a change


def test_the_second_number_of_a_change_takes_the_first_ones_unit() -> None:
    found = read(BROWN, "from six months to nine")
    assert ("six months", 6, 6, "months") in found
    assert ("nine", 9, 9, "months") in found


def test_numbers_in_words_count_what_follows_them() -> None:
    assert read(LIRA, "five million lira")[0] == ("five million lira", 5e6, 5e6, "TRY")
    assert read(LIRA, "two million people") == [("two million people", 2e6, 2e6, "people")]
    assert read(YUKOS, "just two companies") == [("two companies", 2, 2, "companies")]
    assert [(m.low, m.unit) for m in find_figures("twenty-three people and a dozen eggs")] == [
        (23, "people"),
        (12, "eggs"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("There were one hundred and six people.", 106),
        ("It has two thousand two hundred members.", 2200),
        ("A hundred and two people came.", 102),
        ("She bought three dozen eggs.", 36),
        ("Half a million people marched.", 500_000),
        ("Two and a half million people voted.", 2_500_000),
        ("There were thirty-five thousands people.", 35_000),
        ("Some 2,000 people and Fifty-six million seven hundred thousand voters.", 56_700_000),
    ],
)
def test_compound_numbers_in_words_are_one_figure(text: str, value: float) -> None:
    assert value in [m.low for m in find_figures(text)]
    assert all(m.low == m.high for m in find_figures(text))


def test_a_run_of_number_words_holding_several_numbers_gives_each() -> None:
    found = find_figures("The scores were fifty sixty thirty and eleven points.")
    assert [m.low for m in find_figures("We counted twelve chickens and twenty-five cows.")] == [
        12,
        25,
    ]
    assert found[-1].low == 11 and 4 not in [m.low for m in found]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It raised USD 200 million.", 200e6, "USD"),
        ("It cost 200 million euros.", 200e6, "EUR"),
        ("It cost 10 €.", 10, "EUR"),
        ("It cost Rs 500 crore.", 5e9, "INR"),
        ("It cost 3 dollars 50 cents.", 3.5, "USD"),
        ("It made $1MM.", 1e6, "USD"),
        ("It made 10 bln rupees.", 10e9, "INR"),
    ],
)
def test_money_in_codes_names_and_signs_after_the_number(
    text: str, value: float, unit: str
) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("It cost 1.2bn and 2mil.", [1.2e9, 2e6]),
        ("It has 2.3k followers and 1.2b in debt.", [2300, 1.2e9]),
        ("Prices fell 9.2%, to -9.2%.", [9.2, -9.2]),
        ("It fell to minus five degrees.", [-5]),
        ("It fell to -3 degrees.", [-3]),
        ("About 3/4 of voters agreed.", [0.75]),
        ("It took 2 1/2 hours.", [2.5]),
        ("A mouse can get through a 1/4 inch gap.", [0.25]),
        ("Add ½ tbsp of salt.", [0.5]),
    ],
)
def test_multipliers_negatives_and_written_fractions(text: str, values: list[float]) -> None:
    assert [m.low for m in find_figures(text)] == values


@pytest.mark.parametrize(
    "text", ["After 9/11 flights stopped.", "It is open 24/7.", "On 3/4/2020."]
)
def test_a_slash_that_names_or_dates_is_no_fraction(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Between 1,000 - 5,000 people came.", 1000, 5000, "people"),
        ("From 20 through 100 people came.", 20, 100, "people"),
        ("They were given 44 mg to 50 mg of ethanol.", 44, 50, "mg"),
    ],
)
def test_ranges_with_spaced_dashes_through_and_units_on_both_sides(
    text: str, low: float, high: float, unit: str
) -> None:
    assert [(m.low, m.high, m.unit) for m in find_figures(text)] == [(low, high, unit)]


def test_bounds_are_approximate() -> None:
    assert [(m.low, m.approximate) for m in find_figures("No less than thirty people came.")] == [
        (30, True)
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It is a 3-inch nail.", 3, "inch"),
        ("They went on a six-mile walk.", 6, "mile"),
        ("He weighs 200lbs.", 200, "lbs"),
        ("Add 75ml of milk.", 75, "ml"),
        ("He is six feet tall.", 6, "feet"),
    ],
)
def test_measures_in_symbols_and_words(text: str, value: float, unit: str) -> None:
    assert [(m.low, m.unit) for m in find_figures(text)] == [(value, unit)]


def test_a_number_in_words_that_refers_is_not_a_figure() -> None:
    assert read("bbc-business-mixed-reaction-to-man-utd-offer.txt", "Glazer's two sons") == []
    assert read("ukraine-troops.txt", "It takes two to tango") == []
    assert find_figures("the two men and their three sons") == []


def test_the_counted_noun_may_follow_a_few_adjectives() -> None:
    assert read("bbc-politics-plan-to-give-elderly-care-control.txt", "80,000 long term") == [
        ("more than 80,000 long term care places", 80000, 80000, "places")
    ]
    assert read("bbc-sport-sfa-awaits-report-over-mikoliunas.txt", "10,000 Hearts fans") == [
        ("10,000 Hearts fans", 10000, 10000, "fans")
    ]


def test_vague_plurals_are_approximate_ranges() -> None:
    (m,) = figures_in(YUKOS, "tens of thousands of shareholders")
    assert (m.raw, m.low, m.high, m.unit) == (
        "tens of thousands of shareholders", 20000, 99999, "shareholders"
    )  # fmt: skip
    assert m.approximate
    assert read(YUKOS, "billions in unpaid taxes") == []  # no "of": nothing counted
    assert only("millions of pounds were lost").unit == "GBP"


# Money and percentages --------------------------------------------------------------------


def test_money_is_in_the_base_amount_of_its_currency() -> None:
    assert read(BROWN, "fund a £1bn package") == [("£1bn", 1e9, 1e9, "GBP")]
    assert read(BROWN, "£285m cash injection")[0] == ("£285m", 285e6, 285e6, "GBP")
    assert only("he paid 9bn for it").low == 9e9
    assert only("$2.5m was paid").low == 2.5e6


def test_money_converted_in_brackets_gives_each_currency() -> None:
    assert read(YUKOS, "Baikal paid 260.75bn roubles") == [
        ("260.75bn roubles", 260.75e9, 260.75e9, "RUB"),
        ("$9.37bn", 9.37e9, 9.37e9, "USD"),
        ("£4.8bn", 4.8e9, 4.8e9, "GBP"),
        ("$27bn", 27e9, 27e9, "USD"),
    ]


def test_currency_named_before_the_number() -> None:
    assert read(QANTAS, "Australian dollars 648m")[:2] == [
        ("Australian dollars 648m", 648e6, 648e6, "AUD"),
        ("$492m", 492e6, 492e6, "USD"),
    ]


def test_lira_in_words_and_a_note_with_its_dollar_value() -> None:
    assert read(LIRA, "If a person has 10 billion lira") == [("10 billion lira", 10e9, 10e9, "TRY")]
    assert ("$15", 15, 15, "USD") in read(LIRA, "the 20m note, worth $15")


def test_currency_signs_and_words_become_iso_codes() -> None:
    text = "US$5m, A$3bn, €4m, ¥100, 5 euros, 100 roubles, 3 trillion won and £20k"
    assert [(m.low, m.unit) for m in find_figures(text)] == [
        (5e6, "USD"),
        (3e9, "AUD"),
        (4e6, "EUR"),
        (100, "JPY"),
        (5, "EUR"),
        (100, "RUB"),
        (3e12, "KRW"),
        (20000, "GBP"),
    ]


def test_pence_are_pounds_divided_by_a_hundred() -> None:
    assert read(BANK, "28 pence lower at 925p") == [
        ("28 pence", 0.28, 0.28, "GBP"),
        ("925p", 9.25, 9.25, "GBP"),
    ]


def test_percentages_keep_their_written_number() -> None:
    assert read(BROWN, "Inflation would be 1.75%") == [
        ("1.75%", 1.75, 1.75, "percent"),
        ("2%", 2, 2, "percent"),
    ]
    text = "5 per cent, 5 percent and five percentage points"
    assert [m.unit for m in find_figures(text)] == ["percent", "percent", "percentage points"]


def test_a_quarter_of_a_percentage_point() -> None:
    assert read(RATES, "by a quarter percentage point to 2%") == [
        ("a quarter percentage point", 0.25, 0.25, "percentage points"),
        ("2%", 2, 2, "percent"),
    ]
    assert read(RATES, "a quarter point rise") == [
        ("a quarter point", 0.25, 0.25, "percentage points")
    ]


def test_index_points_keep_their_decimals() -> None:
    assert read(RATES, "closed down 0.89 points") == [
        ("0.89 points", 0.89, 0.89, "points"),
        ("0.01%", 0.01, 0.01, "percent"),
        ("10,385.48", 10385.48, 10385.48, None),
    ]


def test_a_dash_between_two_amounts_is_not_a_range() -> None:
    assert read(BROWN, "Borrowing figures for 2003/4") == [
        ("£35bn", 35e9, 35e9, "GBP"),
        ("£2.5bn", 2.5e9, 2.5e9, "GBP"),
        ("£37.5bn", 37.5e9, 37.5e9, "GBP"),
    ]


def test_units_of_measure_written_against_the_number() -> None:
    found = figures_in("bbc-tech-bt-boosts-its-broadband-packages.txt", "speeds of up to 40Mbps")
    assert [(m.raw, m.low, m.unit, m.approximate) for m in found] == [
        ("up to 40Mbps", 40, "Mbps", True)
    ]


# Fractions and ratios ---------------------------------------------------------------------


def test_fractions_in_words_are_their_value() -> None:
    found = figures_in("bbc-business-card-fraudsters-targeting-web.txt", "Nearly two thirds")
    assert (found[0].raw, found[0].low, found[0].approximate) == ("Nearly two thirds", 2 / 3, True)
    found = figures_in("bbc-business-card-fraudsters-targeting-web.txt", "nearly a quarter")
    assert ("nearly a quarter", 0.25, 0.25, None) in [(m.raw, m.low, m.high, m.unit) for m in found]


def test_a_fraction_of_something_counts_it() -> None:
    assert only("half of the staff left").unit == "staff"
    assert (only("two-thirds of MPs").raw, only("two-thirds of MPs").low) == (
        "two-thirds of MPs",
        2 / 3,
    )


@pytest.mark.parametrize(
    "text", ["half the time", "a half-way house", "in the third quarter", "a quarter to five"]
)
def test_half_and_quarter_count_only_when_plainly_amounts(text: str) -> None:
    assert find_figures(text) == []


def test_one_in_five_is_a_share() -> None:
    (m,) = figures_in(TMOBILE, "One in five European workers")
    assert (m.raw, m.low, m.unit) == ("One in five European workers", 0.2, "workers")


def test_twice_and_times_are_ratios() -> None:
    assert read(RATES, "twice as many jobs") == [("twice", 2, 2, None)]
    assert ("three times", 3, 3, None) in read(BANK, "three times the size")


# Hedges and rates -------------------------------------------------------------------------


def test_hedges_make_a_figure_approximate() -> None:
    found = [
        m for s in ("about 20 online", "Around 10,000", "About 12%") for m in figures_in(IRAN, s)
    ]
    assert [(m.raw, m.approximate) for m in found] == [
        ("about 20 online journalists", True),
        ("Around 10,000 people", True),
        ("About 12%", True),
    ]
    assert figures_in(QANTAS, "as many as 7,000 jobs")[0].approximate
    assert not figures_in(QANTAS, "35,000 staff")[0].approximate


def test_an_extra_amount_is_exact() -> None:
    *_, m = figures_in(BROWN, "providing an extra £1bn")
    assert (m.raw, m.approximate) == ("an extra £1bn", False)


def test_rates_take_their_period() -> None:
    m, *_ = figures_in("bbc-politics-hospital-suspends-no-welsh-plan.txt", "worth £7m a year")
    assert (m.raw, m.per) == ("£7m a year", "year")
    found = figures_in("bbc-tech-bt-boosts-its-broadband-packages.txt", "30 gigabytes a month")
    assert [(m.raw, m.unit, m.per) for m in found] == [
        ("2Mbps", "Mbps", None),
        ("one gigabyte", "gigabytes", None),
        ("30 gigabytes a month", "gigabytes", "month"),
    ]
    assert only("prices rose 3% annually").per == "year"
    assert only("5,000 barrels per day").per == "day"
    assert only("£50 each month").per == "month"


def test_amounts_take_the_period_they_were_measured_over() -> None:
    """ "profit last year" is a year's profit; the raw text stays the number as written."""
    per = [(m.raw, m.per) for m in figures_in(RATES, "US firms created 337,000 jobs")]
    assert per[0] == ("337,000 jobs", "month")
    assert figures_in(RATES, "grew 3.7% in the third quarter")[0].per == "quarter"
    # "next year" is a time, not a period the amount is measured over (issue 23)
    assert [(m.raw, m.per) for m in figures_in(BROWN, "in the years to follow")] == [
        ("1.75%", None),
        ("2%", "year"),
    ]
    assert only("Prices will rise around 7% next year.").per is None
    qantas = figures_in("bbc-business-qantas-considers-offshore-option.txt", "648m")
    assert [(m.raw, m.unit, m.per) for m in qantas] == [
        ("Australian dollars 648m", "AUD", "year"),
        ("$492m", "USD", "year"),
    ]
    assert only("The firm employed 300 people in 1999.").per is None
    assert only("It cost £5m, and last year it rose.").per is None


def test_an_annual_amount_is_a_rate_per_year() -> None:
    (m,) = [m for m in figures_in(BANK, "annual revenues of $44bn") if m.unit == "USD"]
    assert (m.raw, m.per) == ("$44bn", "year")


def test_per_cent_is_not_a_rate() -> None:
    assert only("5 per cent").per is None


# Durations --------------------------------------------------------------------------------


def test_durations_are_figures() -> None:
    assert read(IRAN, "has been jailed for 14 years") == [("14 years", 14, 14, "years")]
    assert ("10-year", 10, 10, "years") in read(BROWN, "a 10-year childcare strategy")
    assert read("bbc-tech-yahoo-celebrates-a-decade-online.txt", "In just one decade") == [
        ("one decade", 1, 1, "decades")
    ]


def test_age_groups_are_not_figures_but_hours_are() -> None:
    assert read(BROWN, "three and four-year-olds") == [("15 hours", 15, 15, "hours")]


def test_a_half_hour_is_half_of_an_hour() -> None:
    found = read("bbc-entertainment-my-memories-of-marley.txt", "half-hour interview")
    assert found == [("half-hour", 0.5, 0.5, "hours")]


# Not figures ------------------------------------------------------------------------------


def test_fiscal_years_and_times_of_day_are_not_figures() -> None:
    assert read(BROWN, "from 0800 to 1800GMT") == []
    assert read(BROWN, "to fall to £31bn by 2005/06") == [
        ("£31bn", 31e9, 31e9, "GBP"),
        ("£2bn", 2e9, 2e9, "GBP"),
    ]


def test_a_time_of_day_with_its_minutes_is_not_a_figure() -> None:
    assert find_figures("6:01 p.m.") == []
    assert find_figures("The polls closed at 12:50 p.m. and reopened at 2 p.m. on Monday.") == []
    assert [m.raw for m in find_figures("It ended at 7.30 a.m., after 3 hours")] == ["3 hours"]


def test_a_count_after_a_possessive_is_a_figure() -> None:
    (m,) = find_figures("He was cheered by the party's 12,000 members.")
    assert (m.raw, m.low, m.unit) == ("12,000 members", 12000, "members")
    (m,) = find_figures("UKIP's 12,000 members voted.")
    assert (m.raw, m.low, m.unit) == ("12,000 members", 12000, "members")
    (m,) = find_figures("Trump’s 1,237 delegates")
    assert (m.raw, m.low, m.unit) == ("1,237 delegates", 1237, "delegates")
    assert find_figures("the Boeing 747 and Radio 4") == []


def test_list_numbers_and_ranks_are_not_figures() -> None:
    assert find_figures("1. Donald Trump (Last week: 2.)\n\n4. Ben Carson (3.)") == []
    assert find_figures("Ranked:\n2) Marco Rubio\n\n3\nZoe Saldana Responds To Hate.") == []
    assert [m.raw for m in find_figures("He won 2. Then he lost 3 seats.")] == ["2", "3 seats"]


def test_ages_of_named_people_are_not_figures() -> None:
    assert find_figures(read_article("bbc-politics-escaped-prisoner-report-ordered.txt")) == []
    assert read("bbc-sport-sfa-awaits-report-over-mikoliunas.txt", "Mikoliunas, 20,") == []
    assert read("bbc-entertainment-cult-band-kasabian-surge-forward.txt", "the age of 17") == []
    assert read("bbc-entertainment-my-memories-of-marley.txt", "36 years old") == []
    ages = "five children: Donald Trump, Jr., 38; Ivanka, 34; Eric Trump, 32;"
    assert [m.raw for m in find_figures(ages)] == ["five children"]
    assert find_figures("Pascal Hess, 50.") == []


def test_dates_are_not_figures() -> None:
    assert read("bbc-sport-edu-blasts-arsenal.txt", "planned for 6 or 7 January") == []
    assert [m.raw for m in figures_in(TMOBILE, "runs from 14 to 17 February")] == [
        "Thousands of mobile industry experts"
    ]
    assert read(IRAN, "22 February 2005") == []


def test_years_are_dates_unless_they_count_something() -> None:
    assert find_figures("in 2004 people voted; 2004-2006; between 2004 and 2006") == []
    assert only("about 2000 people came").unit == "people"


def test_names_and_model_numbers_are_not_figures() -> None:
    assert read(TMOBILE, "the 2.5G/wi-fi MDA III") == []
    assert read(YUKOS, "Chapter 11 protection") == []
    assert read("bbc-politics-kilroy-silk-quits-shameful-ukip.txt", "BBC News 24") == []
    assert [m.raw for m in figures_in(BANK, "FTSE 100's 0.3% decline")] == [
        "118 million new shares",
        "0.3%",
    ]


def test_a_capitalised_first_word_is_not_a_name() -> None:
    found = read("bbc-politics-plan-to-give-elderly-care-control.txt", "After eight years")
    assert found == [("eight years", 8, 8, "years")]


def test_one_as_a_pronoun_is_not_a_figure() -> None:
    assert read("bbc-business-iraqi-voters-turn-to-economic-issues.txt", "only one of which") == [
        ("19 private banks", 19, 19, "banks")
    ]
    assert read(IRAN, "sentenced one day after") == []
    assert find_figures("no one knew") == []


@pytest.mark.parametrize(
    ("text", "raw", "unit"),
    [
        ("The council passed the budget 31 to 12 on Tuesday.", "31 to 12", None),
        ("The Senate voted 31-12 to pass the bill.", "31-12", None),
        ("The motion was carried by 31 votes to 12.", "31 votes to 12", "votes"),
        ("It was approved in a 31-12 vote.", "31-12", None),
    ],
)
def test_a_vote_is_one_figure_with_both_sides(text: str, raw: str, unit: str | None) -> None:
    mention = only(text)
    assert (mention.raw, mention.low, mention.high, mention.unit) == (raw, 31, 31, unit)


def test_a_tally_counting_up_is_not_a_range() -> None:
    mention = only("The committee voted 12 to 31 against the plan.")
    assert (mention.raw, mention.low, mention.high) == ("12 to 31", 12, 12)


def test_a_change_between_two_numbers_is_not_a_tally() -> None:
    assert [m.raw for m in find_figures("Staff rose from 370 to 870.")] == ["370", "870"]


def test_scores_are_not_figures() -> None:
    assert read("bbc-sport-sfa-awaits-report-over-mikoliunas.txt", "2-1 defeat") == []
    assert find_figures("a 3-0 win and a 1-2 defeat") == []


@pytest.mark.parametrize(
    "text",
    [
        "call 0800 123 4567 or +44 20 7946 0000",
        "launched a 3G phone and an MP3 player with Boeing 747 parts",
        "the 21st century, the 1990s and the 70s",
        "at 10am, 3.30pm or 10 am",
        "Mr Smith, 45, said he was aged 60, a 45-year-old",
        "his fianc&#233;e, who moved in 1994",
        "the band reached numbers 19 and 10 in the UK singles chart",
    ],
)
def test_phone_numbers_codes_times_and_ages_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


# Across the articles ----------------------------------------------------------------------


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_every_mention_is_the_text_it_came_from(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = find_figures(text)
    for m in found:
        assert text[m.start : m.end] == m.raw
        assert m.low <= m.high
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_no_mention_lies_inside_a_fiscal_year() -> None:
    for path in all_articles():
        text = path.read_text(encoding="utf-8")
        years = [(y.start(), y.end()) for y in re.finditer(r"\b\d{4}/\d{1,4}\b", text)]
        for m in find_figures(text):
            assert not any(m.start < e and s < m.end for s, e in years), (path.name, m.raw)
    assert "2003/4" in read_article(BROWN)


def test_offsets_are_into_the_whole_text_when_given_a_window() -> None:
    text = "Intro. They paid £5m for it."
    (m,) = find_figures(text, 7, len(text))
    assert (m.start, m.end, text[m.start : m.end]) == (17, 20, "£5m")


def test_a_long_article_is_read_in_linear_time() -> None:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in all_articles())
    once = len(find_figures(text))
    started = time.perf_counter()
    assert len(find_figures(text * 20)) == once * 20
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize(
    "text",
    [
        "about" + " " * 100_000 + "x",
        "1" * 100_000,
        "1," * 50_000,
        "five " * 20_000,
        "one in " * 15_000,
        "5 " + "Abc " * 25_000,
        "thousands of " * 10_000,
    ],
)
def test_pathological_text_does_not_backtrack(text: str) -> None:
    started = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - started < 10


# Written the way much of the world writes them -------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "low", "high", "unit"),
    [
        ("a 10- to 15-minute walk", "10- to 15-minute", 10, 15, "minutes"),
        ("an 8- to 16-meter telescope", "8- to 16-meter", 8, 16, "meter"),
        ("They hired 10 000 workers.", "10 000 workers", 10_000, 10_000, "workers"),
        ("It cost €1 250 000 in total.", "€1 250 000", 1_250_000, 1_250_000, "EUR"),
        ("a quarter of a million people", "a quarter of a million people", 250e3, 250e3, "people"),
        (
            "three quarters of a billion dollars",
            "three quarters of a billion dollars",
            75e7,
            75e7,
            "USD",
        ),
        ("The risk is one sixth.", "one sixth", 1 / 6, 1 / 6, None),
        ("⅓ of voters agreed.", "⅓ of voters", 1 / 3, 1 / 3, "voters"),
        ("It sold for five billion won.", "five billion won", 5e9, 5e9, "KRW"),
    ],
)
def test_ranges_groups_and_fractions_of_scales_read_whole(
    text: str, raw: str, low: float, high: float, unit: str | None
) -> None:
    found = only(text)
    assert (found.raw, found.low, found.high, found.unit) == (raw, low, high, unit)


@pytest.mark.parametrize(
    "text", ["That one costs more.", "Which one won?", "Call 0800 123 456 now.", "a sixth win"]
)
def test_pronouns_codes_and_ordinals_are_no_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Several thousand protesters marched.", 3000, 9000, "protesters"),
        ("A few hundred people came.", 200, 900, "people"),
        ("It cost a couple of million pounds.", 2e6, 2e6, "GBP"),
    ],
)
def test_several_thousand_is_a_vague_amount_not_one_thousand(
    text: str, low: float, high: float, unit: str
) -> None:
    found = only(text)
    assert (found.low, found.high, found.unit, found.approximate) == (low, high, unit, True)


@pytest.mark.parametrize(
    ("text", "raw", "low", "unit"),
    [
        (
            "It lies approximately one-half miles east.",
            "approximately one-half miles",
            0.5,
            "miles",
        ),
        ("They live a quarter mile away.", "a quarter mile", 0.25, "mile"),
        ("It ran three-quarters of a mile.", "three-quarters of a mile", 0.75, "mile"),
        ("The pipe is three-eighths inch wide.", "three-eighths inch", 0.375, "inch"),
    ],
)
def test_a_fraction_of_a_measure_is_an_amount_of_it(
    text: str, raw: str, low: float, unit: str
) -> None:
    found = only(text)
    assert (found.raw, found.low, found.unit) == (raw, low, unit)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Ages range from 18 to 25 years.", [(18, 25)]),  # no change: a range
        ("Zones there are high, from 7 to 10, as shown.", [(7, 10)]),
        (
            "Qantas increased the number of staff in London from 370 to 870.",
            [(370, 370), (870, 870)],
        ),
        ("They were given from 44 ml to 50 mg of it.", [(44, 44), (50, 50)]),  # two units
    ],
)
def test_from_x_to_y_is_a_range_unless_something_changes(
    text: str, values: list[tuple[float, float]]
) -> None:
    assert [(m.low, m.high) for m in find_figures(text)] == values


@pytest.mark.parametrize(
    ("text", "raw", "low"),
    [
        ("Violet light oscillates at 4e14 a second.", "4e14", 4e14),
        ("It fell by a factor of 2.48×10−5 overall.", "2.48×10−5", 2.48e-5),
        ("Give me -1e-3 of it.", "-1e-3", -1e-3),
        ("The Sun is 1.5 x 10^8 km away.", "1.5 x 10^8 km", 1.5e8),
    ],
)
def test_scientific_notation_is_its_value(text: str, raw: str, low: float) -> None:
    found = only(text)
    assert found.raw == raw and found.low == pytest.approx(low)


@pytest.mark.parametrize("text", ["A 4x4 vehicle", "the 3x100 relay", "a 2x10 plank"])
def test_a_size_or_a_relay_is_no_power_of_ten(text: str) -> None:
    assert all("10^" not in m.raw and m.low < 1e4 for m in find_figures(text))
