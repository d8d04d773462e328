"""Quotations and their speakers, on real articles and on the hard cases."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from conftest import all_articles, read_article

from claimcheck.quotations import Quotation, find_quotations
from claimcheck.speakers import fullest_name, is_named, is_unnamed_source, reported_speaker
from claimcheck.structure import Article


def quotes(text: str) -> list[Quotation]:
    return find_quotations(Article(text))


def quote_with(text: str, words: str) -> Quotation:
    (found,) = [q for q in quotes(text) if words in text[q.start : q.end]]
    return found


BROWN = read_article("bbc-politics-brown-shrugs-off-economy-fears.txt")
UKRAINE = read_article("ukraine-troops.txt")


def test_said_between_two_halves_is_one_quote() -> None:
    text = "“We will win,” he said, “and we will win soon.” Mr Smith, the mayor, added nothing."
    (quote,) = quotes(f"Mr John Smith spoke. {text}")
    assert len(quote.parts) == 2
    assert quote.text(f"Mr John Smith spoke. {text}") == "We will win, and we will win soon."
    assert quote.speaker == "John Smith"


def test_quote_running_into_the_next_paragraph_is_one_quotation() -> None:
    text = (
        "The minister, Jane Doe, said: “We will build the road.\n\n"
        "“It will open next year.”\n\nCritics disagreed."
    )
    (quote,) = quotes(text)
    assert len(quote.parts) == 2
    assert quote.speaker == "Jane Doe"
    assert text[quote.end - 1] == "”"


def test_quote_continued_after_a_lost_paragraph_break_keeps_its_speaker() -> None:
    quote = quote_with(BROWN, "Last week the prime minister")
    assert quote.speaker == "Vincent Cable"  # "He said:" after Vincent Cable's sentence
    assert "But they have not been confronted." in BROWN[quote.start : quote.end]
    assert len(quote.parts) == 2


@pytest.mark.parametrize(
    "words, speaker",
    [
        ("You have my assurance", "Donald Trump"),  # Trump replied: “…”
        ("We will give them very good protection", "Donald Trump"),  # “…,” he said
        ("I’m just trying", "Donald Trump"),  # “…,” Trump continued
        ("wrap it up", "Donald Trump"),  # The President added … saying that … “…”
        ("It takes two to tango", "Donald Trump"),  # “…,” said Trump
        ("the parties discussed", "The Kremlin"),  # The Kremlin issued a statement, saying: “…”
        ("When it comes to security", "Donald Trump"),  # “…,” the President said
        ("any scenarios involving", "Russia’s Foreign Ministry"),
    ],
)
def test_ukraine_quotes_name_their_speakers(words: str, speaker: str) -> None:
    quote = quote_with(UKRAINE, words)
    assert quote.is_statement
    assert quote.speaker == speaker


def test_words_in_a_reporters_question_are_nobodys_quote() -> None:
    quote = quote_with(UKRAINE, "American boots on the ground")
    assert not quote.is_statement and quote.speaker is None


@pytest.mark.parametrize("words", ["industrial history", "Sir Wastealot"])
def test_scare_quotes_and_nicknames_are_not_statements(words: str) -> None:
    quote = quote_with(BROWN, words)
    assert not quote.is_statement and quote.speaker is None


def test_scare_quote_is_not_credited_to_the_next_speaker() -> None:
    text = "The plan was hailed as a “new dawn” by its backers. Jane Doe said: “It will fail.”"
    scare, statement = quotes(text)
    assert scare.speaker is None and not scare.is_statement
    assert statement.speaker == "Jane Doe"


@pytest.mark.parametrize(
    "words, speaker",
    [
        ("The tide is going out", "Oliver Letwin"),  # Mr Letwin told MPs: "…"
        ("turned to dross", "Oliver Letwin"),  # The shadow chancellor said … "…"
        ("The proposals on maternity leave", "Simon Sweetman"),  # X, from Y, said: "…"
        ('denied he was "gloating', "Gordon Brown"),  # the sentence's subject
    ],
)
def test_brown_quotes_name_their_speakers(words: str, speaker: str) -> None:
    at = BROWN.index(words) + (len(words) - 1 if words.startswith("denied") else 0)
    (found,) = [q for q in quotes(BROWN) if q.start <= at < q.end]
    assert found.speaker == speaker


def test_title_of_a_study_is_not_a_statement() -> None:
    text = read_article("bbc-politics-women-mps-reveal-sexist-taunts.txt")
    quote = quote_with(text, "Whose Secretary are You")
    assert not quote.is_statement


def test_apostrophes_do_not_open_or_close_quotes() -> None:
    text = "Trump’s aides said the plan’s cost was “too high,” and the players’ union agreed."
    (quote,) = quotes(text)
    assert text[quote.start : quote.end] == "“too high,”"


def test_an_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "She said: “This never closes.\n\nThe next paragraph is the reporter's.\n"
    (quote,) = quotes(text)
    assert quote.end <= text.index("\n\n")


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_quotations_are_well_formed_in_every_article(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = quotes(text)
    for q in found:
        assert q.start < q.end
        assert text[q.start] in '“"‘'
        assert all(q.start < s <= e <= q.end for s, e in q.parts)
        assert q.speaker is None or q.is_statement
    for a, b in pairwise(found):
        assert a.end <= b.start


def test_fullest_name_drops_titles_and_finds_first_names() -> None:
    article = Article(UKRAINE)
    assert fullest_name(article, "Trump") == "Donald Trump"
    assert fullest_name(article, "the President") == "Donald Trump"
    assert fullest_name(article, "Sir Keir Starmer") == "Keir Starmer"


def test_reported_speech_has_a_speaker() -> None:
    article = Article(UKRAINE)
    assert reported_speaker(article, article.sentences[0]) == "Donald Trump"
    brown = Article(BROWN)
    (davis,) = [s for s in brown.sentences if "Evan Davis" in s.text(BROWN)]
    assert reported_speaker(brown, davis) == "Evan Davis"
    (economists,) = [s for s in brown.sentences if "Some economists" in s.text(BROWN)]
    assert reported_speaker(brown, economists) == "Some economists"


def test_only_people_the_article_names_are_named() -> None:
    article = Article(UKRAINE)
    assert is_named(article, "Donald Trump") and is_named(article, "Trump")
    assert not is_named(article, "Joe Biden")


@pytest.mark.parametrize(
    "phrase, unnamed",
    [("officials", True), ("a spokesman", True), ("Some economists", True), ("Evan Davis", False)],
)
def test_unnamed_sources(phrase: str, unnamed: bool) -> None:
    assert is_unnamed_source(phrase) is unnamed
