"""Follow-up questions a fact-checker can act on: built from the claim, never asking what its
sentence already says, never the same question twice in an article."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import claimcheck
from claimcheck.models import Claim

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "articles").glob("*.txt"))


def claim_with(text: str, words: str) -> Claim:
    found = [c for c in claimcheck.check(text, engine="rules").claims if words in c.excerpt]
    assert found, f"no claim holds {words!r}"
    return found[0]


def test_a_quote_whose_sentence_gives_venue_and_date_is_asked_for_the_record_of_them() -> None:
    text = (
        "When asked in an interview with Fox News on Tuesday what he could promise, "
        "Donald Trump replied: “You have my assurance, and I’m president.”"
    )
    (asked,) = claim_with(text, "my assurance").follow_up_questions
    assert "in an interview with Fox News" in asked and "on Tuesday" in asked
    assert "Where" not in asked and "when" not in asked.lower().split()


def test_a_bare_attribution_takes_its_setting_from_the_sentence_before() -> None:
    text = (
        "A day earlier, while meeting with Ukrainian President Volodymyr Zelensky, Donald Trump "
        "suggested the U.S. would help. “We will give them very good protection,” he said."
    )
    (asked,) = claim_with(text, "very good protection").follow_up_questions
    assert "while meeting with Ukrainian President Volodymyr Zelensky" in asked
    assert "a day earlier" in asked.lower()
    assert not asked.startswith("Where and when")


def test_a_quote_with_neither_venue_nor_date_asks_where_and_when() -> None:
    text = '"We are totally committed to growing jobs in Australia," Mr Dixon said.'
    (asked,) = claim_with(text, "totally committed").follow_up_questions
    assert asked.startswith("Where and when did Dixon say “We are totally committed")


def test_a_day_of_the_week_is_a_date_not_a_venue() -> None:
    text = (
        "Donald Trump met Vladimir Putin on Monday after meeting European leaders. "
        "On Monday ahead of a meeting, Donald Trump said he would “wrap it up”."
    )
    (asked,) = claim_with(text, "wrap it up").follow_up_questions
    assert "on Monday" in asked and "on Monday ahead" not in asked


def test_words_given_in_a_statement_are_asked_for_the_statement() -> None:
    text = '"He was sent off for violent conduct in the 90th minute," said an SFA statement.'
    (asked,) = claim_with(text, "violent conduct").follow_up_questions
    assert asked.startswith("Where can the statement be read in full")


def test_a_figure_someone_gives_is_asked_for_its_basis() -> None:
    text = "Standard Chartered said it would spend $3.3bn to buy Korea First Bank."
    asked = claim_with(text, "$3.3bn").follow_up_questions
    assert any("Standard Chartered's figure of" in q and "based on" in q for q in asked)


def test_a_vote_is_asked_about_as_one_tally() -> None:
    report = claimcheck.check("The council passed the budget 31 to 12 on Tuesday.", engine="rules")
    (claim,) = report.claims
    assert claim.follow_up_questions == ["Who produced the figure of 31 to 12, and from what data?"]


def test_half_of_something_is_asked_about_as_half_of_it() -> None:
    report = claimcheck.check(
        "Almost half of older residents felt lonely, the council's survey found.", engine="rules"
    )
    (claim,) = [c for c in report.claims if c.kind == "figure"]
    assert claim.figure is not None and claim.figure.unit == "older residents"
    asked = " ".join(claim.follow_up_questions)
    assert "almost half of older residents" in asked and "0.5" not in asked


def test_a_plural_of_unnamed_sources_takes_the_apostrophe_alone() -> None:
    report = claimcheck.check("Costs will rise by 7% in March, officials said.", engine="rules")
    (claim,) = report.claims
    assert "officials' figure of 7%" in " ".join(claim.follow_up_questions)
    assert "Officials's" not in " ".join(claim.follow_up_questions)


def test_one_sentence_is_one_figure_claim_giving_each_of_its_numbers() -> None:
    """ "£800m ($1.5bn)" is one claim with two figures, not the sentence given twice."""
    report = claimcheck.check(
        "The tycoon's latest bid values the club at £800m ($1.5bn), his advisers said.",
        engine="rules",
    )
    (claim,) = report.claims
    assert [f.raw for f in claim.figures] == ["£800m", "$1.5bn"]
    asked = " ".join(claim.follow_up_questions)
    assert "£800m" in asked and "$1.5bn" in asked and "GBP 800,000,000" not in asked


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        # the period as the article gives it: 5% over last year is no yearly rate (issue 23)
        ("Sales fell 5% last year, the company said.", "company's figure of 5% last year",
         "a year"),
        ("Output grew 3.7% in the third quarter, the agency said.", "3.7% in the third quarter",
         "a quarter"),
        # a rate the article gives is kept as it gives it
        ("Rents rose to £900 a month, the agency said.", "figure of £900 a month", "GBP"),
        ("Prices rose 3% annually, the bank said.", "figure of 3% annually", "a year"),
        ("The group had annual revenues of $44bn, the company said.", "$44bn a year", "USD"),
        # money as a reader reads it, not in the base amount of its currency
        ("Revenue reached $3.2bn, the company said.", "figure of $3.2bn", "3,200,000,000"),
        ("Officials said about 7% of staff had left.", "officials' figure of about 7%", "About"),
    ],
)  # fmt: skip
def test_a_question_names_a_figure_and_its_period_as_the_article_gives_them(
    sentence: str, named: str, not_named: str
) -> None:
    asked = " ".join(c for c in claim_with(sentence, sentence.split()[2]).follow_up_questions)
    assert named in asked and not_named not in asked, asked


def test_a_gap_names_a_figure_as_the_article_gives_it() -> None:
    (claim,) = claimcheck.check("Sales fell 5% last year.", engine="rules").claims
    gaps = " ".join(g.explanation for g in claim.sourcing_gaps)
    asked = " ".join(claim.follow_up_questions)
    assert "5% last year" in gaps and "5% last year" in asked and "a year" not in asked


def test_figures_in_clauses_of_their_own_are_claims_of_their_own() -> None:
    report = claimcheck.check(
        "Furthermore, 16% said that none of their cards had been replaced, while 30% said "
        "only some had.",
        engine="rules",
    )
    texts = [(c.text, [f.raw for f in c.figures]) for c in report.claims]
    assert len({t for t, _ in texts}) == len(texts) == 2
    assert [f for _, f in texts] == [["16%"], ["30%"]]


def test_a_view_with_no_agent_keeps_the_capital_of_a_name() -> None:
    text = "Moscow’s response has been seen as Russia playing for time."
    asked = claim_with(text, "playing for time").follow_up_questions
    assert any("Who holds the view that Moscow’s response" in q for q in asked)


def test_a_sentence_opening_with_a_conjunction_is_lowered_inside_the_question() -> None:
    text = "Although often thought of as an exporter, the country is widely seen as a services hub."
    asked = claim_with(text, "services hub").follow_up_questions
    assert any("Who holds the view that although often" in q for q in asked)


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        (
            "Some analysts also queried whether Standard Chartered had overpaid for KFB.",
            "Who exactly are the “analysts” cited here",
        ),
        (
            '"They were able to move so quickly," the Financial Times quoted an insider as saying.',
            "Who exactly is “an insider",
        ),
    ],
)
def test_unnamed_sources_are_asked_about_grammatically(sentence: str, question: str) -> None:
    asked = claim_with(sentence, sentence.split()[2].strip('",')).follow_up_questions
    assert any(q.startswith(question) for q in asked), asked


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_two_claims_of_an_article_ask_the_same_question(path: Path) -> None:
    claims = claimcheck.check(path.read_text(encoding="utf-8"), engine="rules").claims
    asked = Counter(q for c in claims for q in c.follow_up_questions)
    assert [q for q, n in asked.items() if n > 1] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_quote_and_figure_has_a_question(path: Path) -> None:
    claims = claimcheck.check(path.read_text(encoding="utf-8"), engine="rules").claims
    unasked = [c.text for c in claims if c.kind != "assertion" and not c.follow_up_questions]
    assert unasked == []


def test_a_question_names_a_year_to_a_month_as_the_article_does() -> None:
    asked = claim_with("Inflation was 3.2% in the year to March, the ONS said.", "3.2%")
    assert "figure of 3.2% in the year to March" in " ".join(asked.follow_up_questions)


def test_a_quotation_quoted_whole_in_a_question_drops_its_own_trailing_comma() -> None:
    text = "“First rule of law, then the economy,” said Radwan Hadi, a trader in Baghdad."
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert not any(",”" in q for q in claim.follow_up_questions)
    assert any("“First rule of law, then the economy”" in q for q in claim.follow_up_questions)


def test_a_figure_that_is_its_own_speaker_is_asked_about_once() -> None:
    """'Almost half of older residents say …': the group that speaks is the figure; the
    question never reads 'What is Almost half of older residents' figure of almost half …'."""
    text = "Almost half of older residents say they feel unsafe, according to the survey."
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.follow_up_questions
    for question in claim.follow_up_questions:
        assert question.lower().count("half of older residents") <= 1, question


@pytest.mark.parametrize(
    "text",
    [
        "“The lira has been like funny money,” Tevfik Aksoy told Associated Press.",
        "“I joined the label in 1977,” Rob Moss said on his show at the Rainbow Theatre.",
    ],
)
def test_where_the_words_were_said_ends_without_the_sentences_full_stop(text: str) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.follow_up_questions
    assert not any("., and" in q for q in claim.follow_up_questions), claim.follow_up_questions


def test_a_sentence_quoted_whole_in_a_question_drops_its_full_stop() -> None:
    text = "“This will definitely affect people.” That was the view of Ana Ruiz, a doctor."
    questions = [
        q for c in claimcheck.check(text, engine="rules").claims for q in c.follow_up_questions
    ]
    assert not any(".”," in q for q in questions), questions


def test_an_unnamed_source_of_one_is_asked_about_in_the_singular() -> None:
    (claim,) = claimcheck.check(
        "The newspaper said the minister would resign.", engine="rules"
    ).claims
    asked = [q for q in claim.follow_up_questions if q.startswith("Who exactly")]
    assert asked == ["Who exactly is the “newspaper” cited here, and can they be named or quoted?"]


def test_a_plural_speaker_takes_the_apostrophe_alone() -> None:
    text = "The Tories say the scheme would cost £3bn in its first year."
    questions = [
        q for c in claimcheck.check(text, engine="rules").claims for q in c.follow_up_questions
    ]
    assert any("the Tories' figure" in q for q in questions), questions
    assert not any("Tories's" in q for q in questions)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The flat rents for £1,200 pcm, the agent Ana Ruiz said.", "£1,200 pcm"),
        ("Output grows 3% per annum, the minister Ana Ruiz said.", "3% per annum"),
        ("He signed a $5m-a-year contract, his agent Ana Ruiz said.", "$5m-a-year"),
    ],
)
def test_a_figure_that_states_its_rate_is_not_given_it_twice(text: str, named: str) -> None:
    questions = [
        q for c in claimcheck.check(text, engine="rules").claims for q in c.follow_up_questions
    ]
    asked = [q for q in questions if f"figure of {named}" in q]
    assert asked and all(
        re.search(rf"figure of {re.escape(named)}(?:,| based)", q) for q in asked
    ), asked
