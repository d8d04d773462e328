"""A careful strong model's answers, written by hand (``tests/strong/``), served by the
stand-in server: the report keeps every one of their claims whole and adds nothing over them.

The expected values are the hand-written claims themselves, and where their excerpts are in
the article; nothing here is computed by the pipeline under test.
"""

from __future__ import annotations

import pytest
from strong_model import NAMES, added, answer, article, kept, responder, where
from stub_openai import StubOpenAI

import claimcheck


@pytest.fixture(scope="module")
def reports() -> dict[str, claimcheck.Report]:
    found = {}
    for name in NAMES:
        with (
            StubOpenAI(responder(name)) as server,
            claimcheck.Checker(
                engine="openai",
                base_url=server.base_url,
                model="strong",
                api_key="sk-test",
                cache=False,
            ) as checker,
        ):
            found[name] = checker.check(article(name), source=name)
    return found


def test_three_articles_are_answered_by_hand() -> None:
    assert NAMES == [
        "bbc-politics-brown-shrugs-off-economy-fears",
        "bbc-politics-kilroy-silk-quits-shameful-ukip",
        "ukraine-troops",
    ]
    assert [len(answer(n)) for n in NAMES] == [44, 29, 19]


@pytest.mark.parametrize("name", NAMES)
def test_every_claim_of_a_strong_model_is_kept_whole(
    name: str, reports: dict[str, claimcheck.Report]
) -> None:
    text, report = article(name), reports[name]
    lost = [w["text"] for w in answer(name) if not kept(w, report, text)]
    assert lost == []
    assert report.model_claims == len(answer(name))
    mine = [c for c in report.claims if c not in added(name, report)]
    assert all(c.origin == "model" and c.revised == [] for c in mine)


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_added_over_a_strong_models_claims(
    name: str, reports: dict[str, claimcheck.Report]
) -> None:
    text, report = article(name), reports[name]
    held = [where(text, w["excerpt"]) for w in answer(name)]
    over = [c.text for c in added(name, report) if any(c.start < e and s < c.end for s, e in held)]
    assert over == []
    # These three articles leave the rules nothing to add at all.
    assert added(name, report) == []
    assert not any("rules layer" in w for w in report.warnings)


def test_the_articles_own_voice_keeps_no_speaker(reports: dict[str, claimcheck.Report]) -> None:
    """ "Trump sat down with Zelensky on Monday, …, saying that “…,” the President said": the
    cue is the quotation's; the meeting is the article's own statement."""
    report = reports["ukraine-troops"]
    (meeting,) = [c for c in report.claims if c.text.startswith("Donald Trump sat down")]
    assert (meeting.kind, meeting.speaker) == ("assertion", None)


def test_a_quote_restating_its_frame_rests_on_it(reports: dict[str, claimcheck.Report]) -> None:
    """The model's text carries the question Trump answered: its excerpt takes in the frame,
    so no piece of that sentence is left for the rules to add."""
    text, report = article("ukraine-troops"), reports["ukraine-troops"]
    (quote,) = [c for c in report.claims if c.kind == "quote" and "my assurance" in c.text]
    sentence = text.index("When asked in an interview")
    assert quote.start == sentence
    assert text[quote.end - 1] == "”"
