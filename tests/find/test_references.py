"""Claim texts that stand alone: a leading pronoun or a bare "the meeting" made what the article
says it is, and flagged where it does not say."""

from __future__ import annotations

import claimcheck
from claimcheck.models import Claim


def claim_with(text: str, words: str) -> Claim:
    found = [c for c in claimcheck.check(text, engine="rules").claims if words in c.excerpt]
    assert found, f"no claim holds {words!r}"
    return found[0]


def unclear(claim: Claim) -> list[str]:
    return [g.explanation for g in claim.sourcing_gaps if g.kind == "unclear_scope"]


def test_his_is_the_person_the_sentences_before_are_about() -> None:
    text = (
        "President Donald Trump has said that no U.S. troops will be deployed in Ukraine. "
        "“We will give them very good protection,” Trump said. "
        "His comment on Tuesday revealed a limit to any such guarantee."
    )
    claim = claim_with(text, "revealed a limit")
    assert claim.text == "Donald Trump's comment on Tuesday revealed a limit to any such guarantee."
    assert unclear(claim) == []


def test_it_is_the_company_the_last_two_sentences_are_about() -> None:
    text = (
        "Mobile phone giant T-Mobile has launched a new handheld device for business users. "
        "T-Mobile said the device would sell well across Europe. "
        "It said it would nearly double the number of its hotspots to 22,000."
    )
    claim = claim_with(text, "nearly double")
    assert claim.text.startswith("T-Mobile said it would nearly double")


def test_it_stays_unresolved_when_a_person_came_between() -> None:
    text = (
        "Yahoo was founded in 1994 by two students. Jerry Yang said the firm got lucky. "
        "It is one of just a handful of survivors of the dot-com crash."
    )
    claim = claim_with(text, "survivors of the dot-com crash")
    assert claim.text.startswith("It is one of just a handful")
    assert any("“It”" in e for e in unclear(claim))
    assert any(q.startswith("Who or what is “It”") for q in claim.follow_up_questions)


def test_an_it_that_stands_for_nothing_is_left_alone() -> None:
    text = "The board met on Monday. It is not yet known whether the owners would support a bid."
    claim = claim_with(text, "not yet known")
    assert claim.text == "It is not yet known whether the owners would support a bid."
    assert unclear(claim) == []


def test_two_names_joined_inside_a_whether_clause_are_one_subject() -> None:
    text = "But it is not yet known whether Mr McManus and Mr Magnier would support a Glazer bid."
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.excerpt.endswith("would support a Glazer bid.")


def test_the_meeting_is_the_one_the_article_introduced() -> None:
    text = (
        "The President called Vladimir Putin to discuss a possible meeting between the Russian "
        "President and Zelensky. Trump said that should the meeting go well, he would step in."
    )
    claim = claim_with(text, "should the meeting go well")
    assert "the meeting between the Russian President and Zelensky go well" in claim.text


def test_the_bill_is_the_one_the_article_named() -> None:
    text = (
        "MPs will vote on the ID cards bill next week. "
        "The minister said the bill would be delayed if the vote was lost."
    )
    claim = claim_with(text, "would be delayed")
    assert "the ID cards bill would be delayed" in claim.text


def test_a_meeting_the_article_never_explains_is_flagged() -> None:
    text = "The club's owner said the meeting had gone badly for everyone involved."
    claim = claim_with(text, "gone badly")
    assert "the meeting had gone badly" in claim.text
    assert any("“the meeting”" in e for e in unclear(claim))


def test_she_said_is_the_speaker_the_quote_is_credited_to() -> None:
    text = (
        "The executive spokeswoman said the decision was taken by officials. "
        'She said: "Ministers were told of that, but it would not be common practice."'
    )
    claim = claim_with(text, "Ministers were told")
    assert claim.text.startswith('The executive spokeswoman said: "Ministers were told')


def test_a_source_described_by_its_kind_is_the_speaker_whole() -> None:
    text = "Card fraud rose sharply last year, an anti-fraud agency has said."
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker == "An anti-fraud agency"


def test_a_leading_that_is_flagged_when_nothing_says_what_it_is() -> None:
    text = "The forecast was revised. That is still £2bn more than the Treasury predicted."
    claim = claim_with(text, "£2bn more")
    assert any("“That”" in e for e in unclear(claim))


def test_words_that_run_into_a_clause_never_name_the_thing() -> None:
    """ "the voters in Ohio said the plan" names no plan: the text is left as written."""
    text = "Most of the voters in Ohio said the plan was good."
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.text == text
