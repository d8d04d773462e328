"""The figure finder on news-style sentences written here, for classes of figures other teams'
suites showed it missing (issue 23): each answer is what a reader of the sentence reads."""

from __future__ import annotations

import pytest

from claimcheck.find.figures import find_figures


def values(text: str) -> list[tuple[str, float, float, str | None]]:
    return [(m.raw, m.low, m.high, m.unit) for m in find_figures(text)]


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
