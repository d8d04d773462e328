"""Who the article names, and the speaker field as people write it: a name, no title."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.find.analysis import analyse
from claimcheck.find.names import strip_titles
from claimcheck.read.structure import Article


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Massachusetts Sen. Elizabeth Warren", "Elizabeth Warren"),
        ("Oversight Chairman Jason Chaffetz", "Jason Chaffetz"),
        ("Assistant Attorney General Peter Kadzik", "Peter Kadzik"),
        ("Lib Dem leader Charles Kennedy", "Charles Kennedy"),
        ("Bank of England Governor Mervyn King", "Mervyn King"),
        ("Democratic Rep. Elijah Cummings", "Elijah Cummings"),
        ("Mayor Bill de Blasio", "Bill de Blasio"),
        # Bodies and plain names keep their words.
        ("the Welsh Assembly Government", "the Welsh Assembly Government"),
        ("Standard Chartered", "Standard Chartered"),
        ("Mervyn King", "Mervyn King"),
    ],
)
def test_a_title_before_a_name_comes_off_whatever_qualifies_it(written: str, name: str) -> None:
    assert strip_titles(written) == name


def test_two_people_with_one_surname_stay_two_people() -> None:
    text = (
        "Donald Trump unveiled a childcare plan on Tuesday. Ivanka Trump, his eldest daughter, "
        "said the plan would help working mothers."
    )
    names = analyse(Article(text)).names
    assert names.fullest_name("Ivanka Trump") == "Ivanka Trump"
    assert names.fullest_name("Trump") == "Donald Trump"  # the surname alone: the first named


def test_a_titled_speaker_is_reported_without_the_title() -> None:
    text = (
        "Senators questioned the bank's chief executive on Tuesday.\n\n"
        "“You should resign,” Massachusetts Sen. Elizabeth Warren said.\n\n"
        "Ivanka Trump said the plan would not cover fathers."
    )
    speakers = {c.speaker for c in claimcheck.check(text, engine="rules").claims}
    assert "Elizabeth Warren" in speakers and "Ivanka Trump" in speakers
    assert not any(s and ("Sen." in s or s == "Donald Trump") for s in speakers)
