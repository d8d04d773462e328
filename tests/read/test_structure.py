from __future__ import annotations

import pytest
from conftest import read_article

from claimcheck.read.structure import Article, split_sentences


def test_read_more_line_is_furniture(ukraine: str) -> None:
    article = Article(ukraine)
    furniture = [ukraine[p.start : p.end] for p in article.paragraphs if p.kind == "furniture"]
    assert furniture == [
        "Read more: How Putin Brushed Off Trump’s Latest Push for Peace in Ukraine"
    ]


def test_initialism_inside_a_sentence_does_not_end_it() -> None:
    text = "No U.S. troops will be deployed. The U.K. and others agreed."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "No U.S. troops will be deployed.",
        "The U.K. and others agreed.",
    ]


def test_title_abbreviation_does_not_end_a_sentence() -> None:
    text = 'Mr Letwin said Mr. Brown was "gloating". He denied it.'
    assert len(split_sentences(text)) == 2


def test_a_middle_initial_does_not_end_a_sentence() -> None:
    text = (
        "Donald J. Trump met Judge Richard A. Posner. It took an hour. Vitamin A. The study agreed."
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Donald J. Trump met Judge Richard A. Posner.",
        "It took an hour.",
        "Vitamin A.",
        "The study agreed.",
    ]


def test_bbc_title_line_is_headline_not_body() -> None:
    text = read_article("bbc-politics-brown-shrugs-off-economy-fears.txt")
    article = Article(text)
    assert article.headline == "Brown shrugs off economy fears"
    assert article.paragraphs[1].kind == "body"


def test_byline_and_advert_lines_are_furniture() -> None:
    text = "By Jane Smith\n\nAdvertisement\n\nThe council spent £5m on roads.\n\nShare this article"
    kinds = [p.kind for p in Article(text).paragraphs]
    assert kinds == ["furniture", "furniture", "body", "furniture"]


@pytest.mark.parametrize(
    "byline",
    ["By Jane Smith", "By Jane Smith, Political Correspondent", "Reporting by Tom Ede | BBC"],
)
def test_a_byline_is_furniture_in_any_form(byline: str) -> None:
    text = f"Roads budget\n\n{byline}\n\nThe council spent £5m on roads.\n\nThe vote is due."
    assert [p.kind for p in Article(text).paragraphs] == ["headline", "furniture", "body", "body"]


@pytest.mark.parametrize(
    "opening",
    [
        "By contrast, Smith said the plan was good.",
        "By Monday, the city had run out of water.",
        "By then, Ms Patel had left the party.",
    ],
)
def test_a_paragraph_opening_with_by_is_no_byline(opening: str) -> None:
    text = f"Roads budget\n\nThe council spent £5m on roads.\n\n{opening}\n\nThe vote is due."
    assert [p.kind for p in Article(text).paragraphs] == ["headline", "body", "body", "body"]


def test_a_title_ending_in_an_ellipsis_is_still_a_headline() -> None:
    text = read_article("bbc-entertainment-my-memories-of-marley.txt")
    assert Article(text).headline == text.splitlines()[0]


def test_a_headline_that_ends_with_a_full_stop_is_still_a_headline() -> None:
    """PolNeAR's outlets end their titles with a full stop; a short first line over a blank
    line is the title all the same, and so is a long one in title case."""
    for title in (
        "Mixed messages on Trump leave plan.",
        "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Real Estate "
        "Developers.",
    ):
        text = f"{title}\n\nDonald Trump's new proposal for paid leave is vague, experts say.\n"
        article = Article(text)
        assert [p.kind for p in article.paragraphs] == ["headline", "body"]


def test_a_heading_of_two_lines_is_all_headline() -> None:
    text = (
        "Lawmaker urges retaliation on Russia; \n"
        "Member of House panel says U.S. has to keep Moscow out of elections.\n\n"
        "Rep. Adam Schiff called on President Obama to retaliate against Russia.\n"
    )
    assert [p.kind for p in Article(text).paragraphs] == ["headline", "headline", "body"]


def test_a_lead_sentence_at_the_top_is_body() -> None:
    """An article pasted without its title opens with a lead, longer and in sentence case."""
    text = read_article("ukraine-troops.txt")
    article = Article(text)
    assert article.headline is None and article.paragraphs[0].kind == "body"
    two = "Prices rose again in May, the statistics office said on Tuesday in a report.\n\nMore."
    assert Article(two).paragraphs[0].kind == "body"


@pytest.mark.parametrize(
    "tail",
    [
        "Ortiz asked the crowd.",
        "Ortiz asked Republican senators.",
        "Ortiz told CNN.",
        "Ortiz asked voters in Ohio.",
    ],
)
def test_a_quotation_and_whom_its_speaker_addressed_are_one_sentence(tail: str) -> None:
    text = f"“Why should we pay?” {tail}"
    assert split_sentences(text) == [(0, len(text))]


def test_a_quotation_before_a_sentence_of_its_own_is_apart() -> None:
    text = "“It is over.” Ortiz said the plan was dead."
    assert len(split_sentences(text)) == 2
