"""The figure parser on real sentences from the articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import all_articles

from claimcheck.figures import FigureMention, find_figures


def only(text: str) -> FigureMention:
    (mention,) = find_figures(text)
    return mention


def values(text: str) -> list[tuple[float, float, str | None]]:
    return [(m.low, m.high, m.unit) for m in find_figures(text)]


def test_range_carries_the_multiplier_to_its_first_number() -> None:
    m = only("they’re losing 5-7,000 people a week in that ridiculous war")
    assert (m.low, m.high, m.unit, m.per, m.approximate) == (5000, 7000, "people", "week", True)
    assert m.raw == "5-7,000 people a week"


def test_range_carries_a_word_multiplier() -> None:
    m = only("the deal could cost between $2-3bn over the decade")
    assert (m.low, m.high, m.unit, m.approximate) == (2e9, 3e9, "USD", True)


def test_money_is_in_the_base_amount_of_its_currency() -> None:
    assert values("fund a £1bn package to avoid big council tax rises") == [(1e9, 1e9, "GBP")]
    assert values("It includes a £285m cash injection") == [(285e6, 285e6, "GBP")]


def test_money_converted_in_brackets_gives_each_currency() -> None:
    text = "Baikal Finance Group paid 260.75bn roubles ($9.37bn; £4.8bn) for the unit"
    assert values(text) == [
        (260.75e9, 260.75e9, "RUB"),
        (9.37e9, 9.37e9, "USD"),
        (4.8e9, 4.8e9, "GBP"),
    ]


def test_percentages_keep_their_written_number() -> None:
    text = "Inflation would be 1.75% next year and 2% in the years to follow"
    assert values(text) == [(1.75, 1.75, "percent"), (2, 2, "percent")]


def test_quarter_of_a_percentage_point() -> None:
    m = only("raised rates by a quarter percentage point")
    assert (m.low, m.unit) == (0.25, "percentage points")


def test_fraction_in_words() -> None:
    m = only("Nearly two thirds of those polled had shopped online")
    assert (round(m.low, 3), m.approximate) == (0.667, True)


def test_hedges_make_a_figure_approximate() -> None:
    assert only("as many as 7,000 jobs could go").approximate
    assert only("More than 90% of staff").approximate
    assert not only("35,000 staff").approximate


def test_dash_between_two_amounts_is_not_a_range() -> None:
    text = "Borrowing figures for 2003/4 are £35bn - £2.5bn less than the £37.5bn predicted"
    assert values(text) == [(35e9, 35e9, "GBP"), (2.5e9, 2.5e9, "GBP"), (37.5e9, 37.5e9, "GBP")]


@pytest.mark.parametrize(
    "text",
    [
        "Borrowing figures for 2003/4 were revised",
        "Borrowing is tipped to fall by 2005/06",
        "keep schools open from 0800 to 1800GMT to look after children",
        "the band's 2004 debut reached numbers 19 and 10 in the UK singles chart",
        "Mr Smith, 45, said he would appeal",
        "the 21st century and the 1990s",
        "his fianc&#233;e, who moved in 1994",
        "one of the bidders said no one knew",
        "the two men met the three ministers on 5 January",
        "free nursery education for three and four-year-olds",
        "launched a 3G phone and an MP3 player with Boeing 747 parts",
    ],
)
def test_dates_times_ages_ordinals_and_names_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_durations_are_figures() -> None:
    assert values("jailed for 14 years") == [(14, 14, "years")]
    assert values("to 15 hours from April 2006") == [(15, 15, "hours")]


def test_pence_are_pounds_divided_by_a_hundred() -> None:
    assert values("shares fell 28 pence to 925p") == [(0.28, 0.28, "GBP"), (9.25, 9.25, "GBP")]


def test_currency_named_before_the_number() -> None:
    assert values("a record Australian dollars 648m ($492m) profit") == [
        (648e6, 648e6, "AUD"),
        (492e6, 492e6, "USD"),
    ]


def test_rates_take_their_period() -> None:
    assert only("the scheme costs £7m a year").per == "year"
    assert only("prices rose 3% annually").per == "year"


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_every_mention_is_the_text_it_came_from(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for m in find_figures(text):
        assert text[m.start : m.end] == m.raw
        assert m.low <= m.high
        assert "/" not in m.raw


def test_offsets_are_into_the_whole_text_when_given_a_window() -> None:
    text = "Intro. They paid £5m for it."
    (m,) = find_figures(text, 7, len(text))
    assert text[m.start : m.end] == "£5m"


def test_a_long_text_is_parsed_in_linear_time() -> None:
    import time

    sentence = "Some 5-7,000 people a week, about £1.5bn in 2004/5, and 3% of 200 jobs. "
    started = time.perf_counter()
    found = find_figures(sentence * 4000)
    assert len(found) == 4 * 4000
    assert time.perf_counter() - started < 10


def test_hyphenated_durations_and_quarter_points() -> None:
    assert values("he set out a 10-year childcare strategy") == [(10, 10, "years")]
    assert values("voted in favour of a quarter point rise") == [(0.25, 0.25, "percentage points")]
    assert values("with quarter percentage point rises in June") == [
        (0.25, 0.25, "percentage points")
    ]
    assert not find_figures("the 45-year-old was arrested")


def test_numbers_in_words_count_unless_they_refer() -> None:
    assert values("But just two companies turned up for the auction") == [(2, 2, "companies")]
    assert values("pumping close to a million barrels of oil a day") == [(1e6, 1e6, "barrels")]
    assert find_figures("pumping close to a million barrels of oil a day")[0].per == "day"
    assert values("Some 83 MPs gave their answers") == [(83, 83, "MPs")]
    assert find_figures("the two men and their three sons") == []
