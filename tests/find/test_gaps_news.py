"""Sourcing gaps in the wording of US political news, which the first gold labeller's articles
rarely used: views held by nobody ("is considered"), judgements in the article's own voice,
groups as sources, documents and reports referred to. The sentences are written for these
tests (the cues were found on benchmarks/gap-labels)."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.models import Claim


def claim_with(text: str, words: str) -> Claim:
    report = claimcheck.check(text, engine="rules")
    found = [c for c in report.claims if words in c.excerpt]
    assert found, f"no claim holds {words!r}: {[c.excerpt for c in report.claims]}"
    return found[0]


def gaps_of(text: str, words: str) -> dict[str, str]:
    return {g.kind: g.explanation for g in claim_with(text, words).sourcing_gaps}


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The stoppage is considered the longest in the railway's history.", "is considered"),
        ("Two of the prisoners are deemed too dangerous to release.", "are deemed"),
        ("The port has long been considered a likely site for the new depot.", "considered"),
        ("Considered unpopular with voters, the levy is rarely named by candidates.", "Considered"),
    ],
)
def test_a_view_held_by_nobody_named_is_passive_voice(sentence: str, phrase: str) -> None:
    gaps = gaps_of(sentence, sentence.split()[2])
    assert phrase in gaps["passive_voice"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The proposal is being considered by the cabinet this week.",
        "The mayor was considered for the post in 2019.",
        "The stoppage is considered by Moody's the costliest this year.",
        "The winner has the chance to be considered a serious candidate next year.",
    ],
)
def test_considered_under_review_or_by_someone_is_not_passive_voice(sentence: str) -> None:
    assert "passive_voice" not in gaps_of(sentence, sentence.split()[2])


@pytest.mark.parametrize(
    ("sentence", "words", "cue"),
    [
        ("The senator's aim seemed to be to embarrass the governor.", "aim", "seemed to"),
        (
            "Driven apparently by anger at the ruling, Ms Ortiz said “we will appeal at once.”",
            "Driven",
            "apparently",
        ),
        (
            "The mayor appeared to rule out a bid by saying, “I am happy where I am.”",
            "mayor",
            "appeared to",
        ),
    ],
)
def test_a_motive_inferred_in_the_articles_voice_is_opinion(
    sentence: str, words: str, cue: str
) -> None:
    assert cue in gaps_of(sentence, words)["opinion"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“The driver apparently lost control on the bend,” the sheriff said on Monday.", "driver"),
        ("''The plan seems to be a tax rise by stealth,'' said Mark Hale, an economist.", "plan"),
        (
            'In a statement, the bank said that prices were "stable" while demand appeared to'
            ' be "easing slowly".',
            "bank",
        ),
        (
            "The new rules appear to favour incumbents, according to an analysis of court records.",
            "rules",
        ),
    ],
)
def test_a_hedge_a_speaker_or_a_study_makes_is_not_the_articles_opinion(
    text: str, words: str
) -> None:
    assert "opinion" not in gaps_of(text, words)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The endorsement was a modest boost for the governor.", "a modest boost"),
        ("The cost of the new bridge represents a huge barrier.", "a huge barrier"),
        ("Virtually nobody in the chamber backs the new budget.", "Virtually nobody"),
        ("Inside the hall, controversy dogged the party's conference.", "controversy dogged"),
        ("The new stadium project has been dogged by controversy.", "dogged by controversy"),
        ("It's likely that the vote will be delayed again.", "It's likely that"),
        ("Lawmakers may eventually accept a smaller tax cut.", "may eventually accept"),
    ],
)
def test_judgements_and_forecasts_in_the_articles_voice_are_opinion(
    sentence: str, cue: str
) -> None:
    assert cue in gaps_of(sentence, sentence.split()[1])["opinion"]


@pytest.mark.parametrize(
    ("sentence", "words", "cue"),
    [
        (
            "“The new board is an abject failure,” the union's leader Dan Ruiz said.",
            "board",
            "abject",
        ),
        ("“The plan is a nonstarter in the Senate,” Senator Amy Cole said.", "plan", "nonstarter"),
        (
            "“The council shamefully ignored the warnings,” said Ana Levy, who chairs the trust.",
            "council",
            "shamefully",
        ),
    ],
)
def test_judging_words_are_opinion_in_a_quote_too(sentence: str, words: str, cue: str) -> None:
    assert cue in gaps_of(sentence, words)["opinion"]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Airline executives have admitted that the strike hurt bookings.", "Airline executives"),
        ("Conservative supporters criticised the lack of detail in the bill.", "supporters"),
    ],
)
def test_a_group_with_nobody_in_it_named_is_an_unnamed_source(sentence: str, who: str) -> None:
    assert who in gaps_of(sentence, sentence.split()[3])["unnamed_source"]


@pytest.mark.parametrize(
    ("sentence", "words", "cue"),
    [
        (
            "The remarks raised concerns among foreign policy experts on both sides.",
            "remarks",
            "concerns among foreign policy experts",
        ),
        (
            "The prison will stay open, to the dismay of civil liberties groups.",
            "prison",
            "dismay of civil liberties groups",
        ),
        (
            "The talks stalled, and Boeing executives pressed for a decision.",
            "Boeing",
            "Boeing executives",
        ),
        ("The governor will reportedly sign the bill on Friday.", "governor", "reportedly"),
        (
            "It is a change that many economists on the left applaud.",
            "change",
            "many economists",
        ),
    ],
)
def test_feelings_and_reports_of_unnamed_groups_are_unnamed_sources(
    sentence: str, words: str, cue: str
) -> None:
    assert cue in gaps_of(sentence, words)["unnamed_source"]


@pytest.mark.parametrize(
    ("sentence", "words", "doc"),
    [
        (
            "The councillor never lived in the ward, according to court documents.",
            "councillor",
            "documents",
        ),
        (
            "The Boston Herald later reported that the mayor used a private account.",
            "mayor",
            "report",
        ),
        ("The trader was charged in Texas in 2021 and extradited this year.", "trader", "charges"),
        ("The former aide has been indicted on fraud counts.", "aide", "charges"),
    ],
)
def test_documents_reports_and_charges_referred_to_are_missing_primary_documents(
    sentence: str, words: str, doc: str
) -> None:
    assert f"The {doc} " in gaps_of(sentence, words)["missing_primary_document"]


@pytest.mark.parametrize(
    "text",
    [
        "Visitors were charged $15 each to enter the museum during the fair.",
        "Visitors have not been charged in the case, the sheriff's office said on Monday.",
    ],
)
def test_a_price_charged_or_no_charge_is_no_charge_sheet(text: str) -> None:
    assert "missing_primary_document" not in gaps_of(text, "Visitors")


def test_a_recent_interview_has_no_date() -> None:
    text = "The candidate denied the report in a recent radio interview with a local station."
    assert "in a recent radio interview" in gaps_of(text, "candidate")["missing_timeframe"]


@pytest.mark.parametrize("amount", ["a host of", "a slew of", "numerous"])
def test_a_crowd_with_no_number_is_a_vague_figure(amount: str) -> None:
    text = f"The list of guests included the mayor, two senators and {amount} donors."
    assert amount in gaps_of(text, "guests")["vague_figure"]


def test_a_host_of_topics_is_no_vague_figure() -> None:
    text = "The leaders discussed trade, migration and a host of other issues on Friday."
    assert "vague_figure" not in gaps_of(text, "leaders")


def test_a_comparison_of_shares_needs_a_source() -> None:
    text = "Renters spend a larger share of their income on energy than homeowners."
    assert "larger share of their income on energy than" in gaps_of(text, "Renters")["no_source"]


@pytest.mark.parametrize(
    ("sentence", "words", "cue"),
    [
        ("Residents are furious about the closure of the clinic.", "Residents", "are furious"),
        (
            "Republicans who back the bill were irritated by the delay, with Senator Jo Ames "
            "calling it “a mess.”",
            "Republicans",
            "were irritated",
        ),
    ],
)
def test_a_groups_feeling_stated_as_fact_is_an_unnamed_source(
    sentence: str, words: str, cue: str
) -> None:
    assert cue in gaps_of(sentence, words)["unnamed_source"]


def test_a_groups_feeling_someone_named_voices_is_theirs() -> None:
    text = "Parents were angry about the change, said Ann Lee, who chairs the school board."
    assert "unnamed_source" not in gaps_of(text, "Parents")


def test_unnamed_sources_inside_a_claim_a_named_body_is_credited_with() -> None:
    text = (
        "The airline has reached a deal with its pilots, according to the Transport Department, "
        "ending a strike that company executives said could hurt profits."
    )
    assert "company executives" in gaps_of(text, "airline")["unnamed_source"]


def test_a_poll_asking_is_no_unnamed_source() -> None:
    text = (
        "Ms Diaz trailed by six points when the poll asked about all four candidates, Ipsos said."
    )
    assert "unnamed_source" not in gaps_of(text, "Diaz")
