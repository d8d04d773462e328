"""A claim's text and its speaker never disagree: where the text says "X said", X speaks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import all_articles

import claimcheck

POLNEAR_DEV = Path(__file__).resolve().parents[3] / "shared" / "polnear" / "dev"
# A text that opens with a capitalised name and a verb of saying ("Yukos has always insisted",
# "Margaret Osei said", "Sens. Ron Wyden and Mark Udall said"); not "When asked …".
OPENS_WITH_NAME = re.compile(
    r"^(?P<who>(?:[A-Z][\w.’'-]*\s+(?:(?:of|and)\s+)?){0,5}[A-Z][\w’'-]*),?\s+"
    r"(?:has\s+|had\s+|always\s+|also\s+)*(?:said|says|told|insisted|argued|warned|added)\b"
)
NOT_A_NAME = {"When", "Asked", "But", "And", "As", "In", "On", "After", "While", "If", "The"} | {
    "Having",  # "Having said that, …": an idiom, nobody speaking
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
}  # a pronoun names nobody: the texts that open with one are counted apart


def disagreements(path: Path) -> list[str]:
    report = claimcheck.check(path.read_text(encoding="utf-8"), engine="rules")
    found = []
    for claim in report.claims:
        match = OPENS_WITH_NAME.match(claim.text)
        if match is None or match.group("who").split()[0] in NOT_A_NAME:
            continue
        named = {w.strip(".,") for w in match.group("who").split() if w[:1].isupper()}
        if not named & set((claim.speaker or "").split()):
            found.append(f"{path.name}: {claim.speaker!r} for {claim.text[:80]!r}")
    return found


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_every_example_claim_that_says_who_said_it_has_that_speaker(path: Path) -> None:
    assert disagreements(path) == []


@pytest.mark.skipif(
    not POLNEAR_DEV.is_dir(),
    reason=f"PolNeAR's dev split is not at {POLNEAR_DEV} (see benchmarks/polnear.py)",
)
def test_every_polnear_dev_claim_that_says_who_said_it_has_that_speaker() -> None:
    found = [d for path in sorted(POLNEAR_DEV.glob("*.txt")) for d in disagreements(path)]
    assert found == []


def test_an_assertion_a_body_insists_on_is_the_bodys() -> None:
    """ "Yukos has always insisted …": Yukos speaks, not the authorities named before."""
    text = (
        "Yukos unit sold at auction\n\n"
        "Russian authorities said the sale of Yukos's main unit was lawful.\n\n"
        "Yukos has always insisted the auction was state-sponsored theft.\n"
    )
    (claim,) = [c for c in claimcheck.check(text, engine="rules").claims if "insisted" in c.text]
    assert claim.speaker == "Yukos"


def test_a_name_that_says_it_speaks_wins_over_the_person_quoted_before() -> None:
    text = (
        "Council accused of waste\n\n"
        "“We have been let down,” said Tom Hartley, a resident.\n\n"
        "Margaret Osei said the council had wasted £2.3m on the scheme.\n"
    )
    claims = [c for c in claimcheck.check(text, engine="rules").claims if "wasted" in c.text]
    assert claims and {c.speaker for c in claims} == {"Margaret Osei"}
