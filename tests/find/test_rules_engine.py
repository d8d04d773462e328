"""The offline engine on real articles: the report contract and the example article's claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import all_articles, assert_pinned, read_article

import claimcheck
from claimcheck.models import Claim, Report
from claimcheck.read.structure import Article


@pytest.fixture(scope="module")
def report() -> Report:
    return claimcheck.check(read_article("ukraine-troops.txt"), engine="rules")


def quote_with(report: Report, words: str) -> Claim:
    (found,) = [c for c in report.claims if c.kind == "quote" and words in c.excerpt]
    return found


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_every_claim_is_pinned_to_the_article_and_never_to_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = claimcheck.check(text, engine="rules", source=str(path))
    article = Article(text)
    assert report.engine == "rules" and report.usage.requests == 0
    assert report.claims, "every news article has something to check"
    assert_pinned(text, report)
    for c in report.claims:
        assert not article.is_furniture(c.start, c.end)
        assert c.text.strip()
        assert (c.kind == "figure") == (c.figure is not None)
    assert [c.id for c in report.claims] == [f"c{i}" for i in range(1, len(report.claims) + 1)]


def test_report_top_level_fields_for_the_rules_engine(report: Report) -> None:
    data = report.model_dump()
    assert {"source", "engine", "model", "prompt_version", "claims", "usage", "warnings"} <= set(
        data
    )
    assert (data["model"], data["prompt_version"]) == (None, None)
    usage = data["usage"]
    assert {k: usage[k] for k in ("requests", "prompt_tokens", "completion_tokens")} == {
        "requests": 0,
        "prompt_tokens": 0,
        "completion_tokens": 0,
    }
    assert usage["cached_tokens"] == 0


@pytest.mark.parametrize(
    "words, speaker",
    [
        ("You have my assurance", "Donald Trump"),
        ("We will give them very good protection", "Donald Trump"),
        ("I’m just trying to stop people", "Donald Trump"),
        ("It takes two to tango", "Donald Trump"),
        ("the parties discussed the idea", "The Kremlin"),
        ("When it comes to security", "Donald Trump"),
        ("any scenarios involving the deployment", "Russia’s Foreign Ministry"),
    ],
)
def test_example_quotes_name_their_speakers(report: Report, words: str, speaker: str) -> None:
    assert quote_with(report, words).speaker == speaker


def test_reporters_question_is_not_a_quote(report: Report) -> None:
    """The question is the frame of Trump's answer, never words anyone is credited with."""
    framing = [c for c in report.claims if "boots on the ground" in c.excerpt]
    assert [c.kind for c in framing] == ["quote"]
    assert "You have my assurance" in framing[0].excerpt
    assert not any("say “American boots" in q for q in framing[0].follow_up_questions)


def test_weekly_casualty_figure_is_5000_to_7000_a_week_with_its_gaps(report: Report) -> None:
    (figure,) = [c for c in report.claims if c.figure and c.figure.raw.startswith("5-7,000")]
    assert figure.figure is not None
    assert (figure.figure.low, figure.figure.high) == (5000, 7000)
    assert figure.figure.per == "week"
    assert figure.figure.unit == "people"
    assert figure.speaker == "Donald Trump"
    gaps = {g.kind for g in figure.sourcing_gaps}
    assert {"vague_figure", "unclear_scope"} <= gaps
    # asked in the article's words; low and high above hold what they mean
    assert any("5-7,000 people a week" in q for q in figure.follow_up_questions)
    assert any("Ukraine, Russia, or both" in q for q in figure.follow_up_questions)


def test_quote_with_a_figure_yields_both_claims(report: Report) -> None:
    quote = quote_with(report, "5-7,000")
    figures = [
        c for c in report.claims if c.kind == "figure" and quote.start <= c.start < quote.end
    ]
    assert figures and figures[0].speaker == quote.speaker


def test_read_more_line_makes_no_claim(report: Report) -> None:
    assert not [c for c in report.claims if "Read more" in c.excerpt or "Brushed Off" in c.excerpt]


def test_reported_speech_keeps_its_speaker(report: Report) -> None:
    (lede,) = [c for c in report.claims if "no U.S. troops will be deployed" in c.excerpt]
    assert lede.kind == "assertion"
    assert lede.speaker == "Donald Trump"


def test_passive_judgement_is_flagged(report: Report) -> None:
    (claim,) = [c for c in report.claims if "has been seen as" in c.excerpt]
    assert "passive_voice" in {g.kind for g in claim.sourcing_gaps}


def test_unlinked_statement_is_flagged_as_missing_primary_document(report: Report) -> None:
    kremlin = [c for c in report.claims if "Kremlin issued a statement" in c.excerpt]
    assert kremlin
    assert "missing_primary_document" in {g.kind for g in kremlin[0].sourcing_gaps}


def test_unnamed_economists_are_an_unnamed_source() -> None:
    text = read_article("bbc-politics-brown-shrugs-off-economy-fears.txt")
    report = claimcheck.check(text, engine="rules")
    (claim,) = [c for c in report.claims if "wishful thinking" in c.excerpt]
    assert "unnamed_source" in {g.kind for g in claim.sourcing_gaps}


def test_sentence_joining_two_facts_is_split_at_and() -> None:
    text = "The council closed the central library in March, and the mayor resigned on Friday."
    report = claimcheck.check(text, engine="rules")
    assertions = [c.excerpt for c in report.claims if c.kind == "assertion"]
    assert "The council closed the central library in March" in assertions
    assert any(a.startswith("the mayor resigned on Friday") for a in assertions)


def test_money_figure_in_the_lede_is_normalised_to_pounds() -> None:
    text = read_article("bbc-politics-brown-shrugs-off-economy-fears.txt")
    report = claimcheck.check(text, engine="rules")
    (fund,) = [c for c in report.claims if c.figure and c.figure.raw == "£1bn"]
    assert fund.figure is not None
    assert (fund.figure.low, fund.figure.unit) == (1_000_000_000, "GBP")


def test_a_sentence_of_hundreds_of_figures_gives_claims_of_a_clause_each() -> None:
    """Each figure's claim holds the words around it, not the whole sentence: otherwise the
    report (and the work of making it) grows with the square of the sentence's length."""
    figures = ", ".join(str(1000 + i) for i in range(400))
    text = f"The council counted {figures} and more."
    checker = claimcheck.Checker(engine="rules", cache=False, max_chars=len(text))
    claims = checker.check(text).claims
    assert len(claims) > 300
    assert max(len(c.excerpt) for c in claims) <= 1000
    assert all(c.figure is None or c.figure.raw in c.excerpt for c in claims)
