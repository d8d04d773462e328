from __future__ import annotations

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


def test_a_title_ending_in_an_ellipsis_is_still_a_headline() -> None:
    text = read_article("bbc-entertainment-my-memories-of-marley.txt")
    assert Article(text).headline == text.splitlines()[0]
