"""Locating a model's excerpt in the article, in the article's own offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import all_articles, read_article

from claimcheck.grounding import locate

UKRAINE = read_article("ukraine-troops.txt")


def text_of(excerpt: str, article: str = UKRAINE, **kw: object) -> str | None:
    found = locate(article, excerpt, **kw)  # type: ignore[arg-type]
    return None if found is None else article[found.start : found.end]


def test_exact_excerpt_is_found_exactly() -> None:
    found = locate(UKRAINE, "no U.S. troops will be deployed in Ukraine")
    assert found is not None and found.method == "exact"
    assert UKRAINE[found.start : found.end] == "no U.S. troops will be deployed in Ukraine"


def test_repeated_excerpt_picks_the_occurrence_near_the_hint() -> None:
    article = "Trump said no. Later, Putin spoke. Trump said no."
    assert locate(article, "Trump said no", near=30).start == 35  # type: ignore[union-attr]
    assert locate(article, "Trump said no").start == 0  # type: ignore[union-attr]


def test_straight_quotes_match_curly_ones() -> None:
    copied = 'there would be no "American boots on the ground"'
    assert text_of(copied) == "there would be no “American boots on the ground”"


def test_whitespace_and_newlines_are_tolerated() -> None:
    article = "The council said\n  it would   close three libraries."
    assert text_of("said it would close three libraries", article) == (
        "said\n  it would   close three libraries"
    )


def test_an_ellipsis_spans_the_omitted_middle() -> None:
    found = text_of("I’m just trying to stop people ... that ridiculous war")
    assert found is not None
    assert found.startswith("I’m just trying") and found.endswith("that ridiculous war")


def test_a_one_word_slip_is_grounded_fuzzily() -> None:
    slipped = (
        "Moscow’s response has been viewed as Russia playing for time to continue its invasion"
    )
    found = locate(UKRAINE, slipped)
    assert found is not None and found.method == "fuzzy"
    assert UKRAINE[found.start : found.end].startswith("Moscow’s response has been seen as")


def test_an_invented_sentence_is_not_grounded() -> None:
    assert locate(UKRAINE, "Trump announced 40,000 troops would be sent to Poland") is None


def test_a_short_excerpt_never_matches_fuzzily() -> None:
    assert locate(UKRAINE, "Trump sad") is None


def test_a_span_never_cuts_a_word() -> None:
    found = locate(UKRAINE, "ump replied")
    assert found is not None and UKRAINE[found.start : found.end] == "Trump replied"


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.stem)
def test_sentences_copied_with_other_quote_styles_ground_back(path: Path) -> None:
    article = path.read_text(encoding="utf-8")
    sentences = [s.strip() for s in article.replace("\n", " ").split(". ") if len(s) > 40][:8]
    for sentence in sentences:
        copied = sentence.replace("“", '"').replace("”", '"').replace("’", "'")
        found = locate(article, "  ".join(copied.split(" ")))
        assert found is not None, sentence
        grounded = article[found.start : found.end]
        edges = "“”\"'.:; "
        assert " ".join(grounded.split()).strip(edges) == " ".join(sentence.split()).strip(edges)
