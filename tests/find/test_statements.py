"""Whole statements: a quotation kept with its frame, attributions as speakers, clauses split only
where each side stands alone, and a resolved pronoun or role replaced by the name.

Expected texts are written by hand from the articles' own sentences.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import all_articles, read_article

import claimcheck
from claimcheck.models import Claim
from claimcheck.read.structure import Article


def claims_of(name: str) -> list[Claim]:
    return claimcheck.check(read_article(name), engine="rules").claims


def holding(claims: list[Claim], words: str, kind: str | None = None) -> list[Claim]:
    return [c for c in claims if words in c.excerpt and (kind is None or c.kind == kind)]


@pytest.fixture(scope="module")
def ukraine() -> list[Claim]:
    return claims_of("ukraine-troops.txt")


@pytest.fixture(scope="module")
def kilroy() -> list[Claim]:
    return claims_of("bbc-politics-kilroy-silk-quits-shameful-ukip.txt")


@pytest.fixture(scope="module")
def prisoner() -> list[Claim]:
    return claims_of("bbc-politics-escaped-prisoner-report-ordered.txt")


def test_a_sentence_holding_a_quotation_is_one_quote_claim_with_its_frame(
    kilroy: list[Claim],
) -> None:
    sentence = (
        'The MEP said he was ashamed to have joined the party, which he labelled as a "joke".'
    )
    (claim,) = holding(kilroy, "ashamed to have joined")
    assert claim.kind == "quote"
    assert claim.speaker == "Robert Kilroy-Silk"
    assert claim.excerpt == sentence
    assert claim.text == (
        "Robert Kilroy-Silk said he was ashamed to have joined the party, which he labelled as "
        'a "joke".'
    )


def test_the_quote_question_quotes_the_speakers_words_not_the_frame(kilroy: list[Claim]) -> None:
    (claim,) = holding(kilroy, "ashamed to have joined")
    (asked,) = [q for q in claim.follow_up_questions if q.startswith("Where and when")]
    assert "“joke”" in asked and "ashamed" not in asked


def test_an_attribution_is_the_speaker_of_its_quote_never_a_claim() -> None:
    claims = claims_of("bbc-business-us-interest-rates-increased-to-2.txt")
    (claim,) = holding(claims, "Let's wait until we see how growth")
    assert claim.kind == "quote" and claim.speaker == "Avery Shenfeld"
    assert claim.text.endswith("said Avery Shenfeld, senior economist at CIBC World Markets.")
    assert not [c for c in claims if c.text.startswith("Said ")]


def test_a_quote_after_its_sentence_with_a_pronoun_cue_names_the_speaker(
    ukraine: list[Claim],
) -> None:
    (claim,) = holding(ukraine, "We will give them very good protection")
    assert (
        claim.text
        == "“We will give them very good protection, very good security,” Donald Trump said."
    )
    assert claim.excerpt == "“We will give them very good protection, very good security,” he said."


def test_a_statement_before_a_participle_of_speech_stays_an_assertion(
    ukraine: list[Claim],
) -> None:
    kremlin = holding(ukraine, "The Kremlin issued a statement")
    assert [(c.kind, c.text) for c in kremlin] == [
        ("assertion", "The Kremlin issued a statement following Trump’s call with Putin.")
    ]
    (quote,) = holding(ukraine, "the parties discussed the idea", "quote")
    assert quote.text == (
        "The Kremlin said: “the parties discussed the idea of considering the possibility of "
        "increasing the level of both countries’ delegations involved in the direct talks.”"
    )
    assert quote.excerpt.startswith("saying: “the parties")


def test_two_quotations_in_one_sentence_with_one_speaker_are_one_claim(
    ukraine: list[Claim],
) -> None:
    (claim,) = holding(ukraine, "certain European Nations", "quote")
    assert claim.text == (
        "On Monday, Russia’s Foreign Ministry said it rejects “any scenarios involving the "
        "deployment of NATO military contingents in Ukraine,” directly criticizing the United "
        "Kingdom and “certain European Nations” for suggesting such peace-keeping forces."
    )
    assert not holding(ukraine, "for suggesting such peace-keeping forces", "assertion")


def test_no_split_inside_a_noun_phrase_and_no_lost_start(ukraine: list[Claim]) -> None:
    (claim,) = holding(ukraine, "Trump suggested the U.S. would help")
    assert claim.text.startswith(
        "A day earlier, while meeting with Ukrainian President Volodymyr Zelensky and European "
        "leaders, Trump suggested"
    )


def test_no_split_inside_a_name() -> None:
    claims = claims_of("bbc-business-uk-bank-seals-south-korean-deal.txt")
    (claim,) = holding(claims, "was also in the running")
    assert claim.text == (
        "Rival banking giant HSBC, which is based in London and Hong Kong, was also in the running."
    )


def test_no_split_inside_reported_speech(prisoner: list[Claim]) -> None:
    (claim,) = holding(prisoner, "would work together on preparing the report")
    assert claim.text == (
        "An executive spokesman said the health department and the state hospital itself would "
        "work together on preparing the report on the decision to allow a paranoid "
        "schizophrenic knife attacker to go on a visit unguarded."  # the report it ordered
    )


def test_a_leading_pronoun_the_rules_resolved_is_replaced_by_the_name(
    prisoner: list[Claim],
) -> None:
    (claim,) = holding(prisoner, "questions must be answered")
    assert claim.text == (
        "Nicola Sturgeon said questions must be answered about his escape, if the public is to be "
        "reassured about safety."
    )
    assert claim.excerpt.startswith("She said questions")


def test_a_leading_role_the_rules_resolved_is_replaced_by_the_name(
    ukraine: list[Claim],
) -> None:
    (claim,) = holding(ukraine, "added that he called Russian President Vladimir Putin")
    assert claim.excerpt.startswith("The President added that he called")
    assert claim.text.startswith("Donald Trump added that he called Russian President")


def test_clauses_with_their_own_subject_and_verb_are_still_split() -> None:
    text = "The council closed the central library in March, and the mayor resigned on Friday."
    claims = claimcheck.check(text, engine="rules").claims
    assert [c.text for c in claims] == [
        "The council closed the central library in March.",
        "The mayor resigned on Friday.",
    ]


def test_a_quote_standing_alone_in_its_sentence_names_its_speaker() -> None:
    text = (
        'Ms Brankin said: "We will review it." '
        '"We need to reflect on this and talk to the hospital."'
    )
    claims = claimcheck.check(text, engine="rules").claims
    assert [(c.kind, c.text) for c in claims] == [
        ("quote", 'Ms Brankin said: "We will review it."'),
        ("quote", "Brankin said: “We need to reflect on this and talk to the hospital.”"),
    ]


def test_a_pronoun_after_an_opening_phrase_or_in_a_closing_cue_is_the_name() -> None:
    brown = claims_of("bbc-politics-brown-shrugs-off-economy-fears.txt")
    (claim,) = holding(brown, "slightly increased borrowing")
    assert claim.text.startswith("In an upbeat pre-Budget report, Gordon Brown slightly increased")
    clarke = claims_of("bbc-politics-clarke-to-press-on-with-id-cards.txt")
    (claim,) = holding(clarke, "as scheduled he insisted")
    assert claim.text.endswith("next Monday as scheduled Charles Clarke insisted.")


def test_while_without_its_comma_is_a_time_not_a_second_statement() -> None:
    brown = claims_of("bbc-politics-brown-shrugs-off-economy-fears.txt")
    (claim,) = holding(brown, "their parents were at work")
    assert claim.text == (
        "Funds would be provided to keep schools open from 0800 to 1800GMT to look after "
        "children while their parents were at work."
    )


def test_a_second_verb_of_the_subject_is_a_statement_of_its_own() -> None:
    claims = claims_of("bbc-business-us-interest-rates-increased-to-2.txt")
    (first,) = holding(claims, "did not rule out raising rates")
    assert (first.kind, first.text) == (
        "assertion",
        "The Fed did not rule out raising rates once again in December.",
    )
    (second,) = holding(claims, "any future increases would take place")
    assert second.kind == "quote"
    assert second.text.endswith(
        'noted that any future increases would take place at a "measured" pace.'
    )
    born = "Robert Smith was born in Ohio in 1950 and raised in a small town near Cleveland."
    assert len(claimcheck.check(born, engine="rules").claims) == 1


def test_a_participle_after_and_is_no_second_verb() -> None:
    claims = claims_of("bbc-entertainment-cult-band-kasabian-surge-forward.txt")
    (claim,) = holding(claims, "sneak in a few parties")
    assert claim.text.startswith("Kasabian moved into a remote farmhouse in Rutland")


def test_a_statement_that_reports_no_speech_is_the_articles_own_voice(
    ukraine: list[Claim],
) -> None:
    (sat,) = holding(ukraine, "Trump sat down with Zelensky on Monday")
    assert (sat.kind, sat.speaker) == ("assertion", None)
    (added,) = holding(ukraine, "he called Russian President Vladimir Putin")
    assert added.speaker == "Donald Trump"


# What may stand in a sentence before a claim's excerpt: nothing, punctuation, a conjunction
# the claim leaves out ("And", "But"), or the join of a clause before ("…, and", "…; ", ", ").
_ALLOWED_BEFORE = re.compile(
    r"^[\W_]*$|^(?:And|But|So|Yet|Or|However|Meanwhile),?\s+$"
    r"|(?:,?\s+(?:and|but)|,\s+(?:while|whereas)|;|,)\s+$"
)


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_no_claim_drops_the_start_of_its_sentence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = Article(text)
    for claim in claimcheck.check(text, engine="rules").claims:
        if claim.kind == "figure" and claim.text.endswith("”"):
            continue  # a figure inside a quotation: the quotation's clause
        sentence = article.sentence_at(claim.start)
        assert sentence is not None
        before = text[sentence.start : claim.start]
        assert _ALLOWED_BEFORE.search(before), f"{before!r} dropped from {claim.text!r}"


def test_a_quote_the_quotations_leave_without_speaker_takes_its_statements() -> None:
    text = (
        "Aung San Suu Kyi led the National League for Democracy to victory on Sunday. "
        "Appearing before cheering supporters Monday morning at NLD headquarters, Suu Kyi, 70, "
        'said it was too early to congratulate winners but added, "I think you all have an idea '
        'of the results."'
    )
    (quote,) = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "quote"]
    assert quote.speaker is not None and "Suu Kyi" in quote.speaker


def test_a_participle_after_a_short_clause_stays_with_it() -> None:
    text = (
        "Hillary Clinton won Maryland on Tuesday. Clinton acknowledged Sanders' success, "
        "saying she applauded him and his supporters."
    )
    texts = [c.text for c in claimcheck.check(text, engine="rules").claims]
    assert any(t.startswith("Clinton acknowledged Sanders' success, saying") for t in texts)


@pytest.mark.parametrize("joined", ["Former prosecutor and ", "Alpha said and "])
def test_a_sentence_of_a_thousand_joins_is_cut_in_linear_time(joined: str) -> None:
    """Each join was judged against the whole sentence before it: 1,500 of them took a minute
    (see ``python benchmarks/pathological.py``)."""
    started = time.perf_counter()
    claimcheck.check(joined * 1500 + "said the plan was good.", engine="rules")
    assert time.perf_counter() - started < 10


def test_a_participle_after_a_closing_cue_is_said_by_that_cues_speaker() -> None:
    text = (
        "Helen Ortiz leads the opposition. Mayor Tom Bell’s “plans” are reckless, Ortiz said on "
        "Friday, noting the mayor “has lost the plot.”"
    )
    last = claimcheck.check(text, engine="rules").claims[-1]
    assert (last.speaker, last.text) == (
        "Helen Ortiz",
        "Helen Ortiz noted the mayor “has lost the plot.”",
    )


def test_an_adverb_and_a_participle_opening_a_sentence_are_no_subject() -> None:
    text = (
        "Quickly blaming the floods on his rivals ― much like he did after the storms in May ― "
        "Ross cast the blame on his rivals in the state, and emphasized the threat that “debt” "
        "poses to the state."
    )
    claims = claimcheck.check(text, engine="rules").claims
    assert not any(c.text.startswith("Quickly emphasized") for c in claims)
    assert all(c.speaker != "Quickly" for c in claims)


@pytest.mark.parametrize(
    "left",
    [
        "Ortiz said he'd cut “every last tax”",
        "Ortiz said she’ll cut “every last tax”",
        "Ortiz said it wasn’t “a fair tax”",
    ],
)
def test_a_report_in_a_contraction_is_a_clause_of_its_own(left: str) -> None:
    text = f"{left}, for instance, and Bell vowed to “fight on” in the courts."
    claims = claimcheck.check(text, engine="rules").claims
    assert [(c.speaker, c.text.split()[0]) for c in claims] == [
        ("Ortiz", "Ortiz"),
        ("Bell", "Bell"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Here, the crowd was loud all night, saying that the vote was rigged.",
        "Beyond the gates, a guard waved, saying the road was shut.",
    ],
)
def test_a_word_opening_the_sentence_never_becomes_who_speaks(text: str) -> None:
    """'Here said that the vote was rigged.' was a claim of its own, its speaker 'Here'."""
    claims = claimcheck.check(text, engine="rules").claims
    opener = text.split(",")[0].split()[0]
    assert all(c.speaker != opener for c in claims)
    assert not any(c.text.startswith(f"{opener} said") for c in claims)
