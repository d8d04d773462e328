"""Locating a model's excerpt in the article, in the article's own offsets."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest
from conftest import all_articles, read_article

from claimcheck.decide.grounding import Grounding, locate

UKRAINE = read_article("ukraine-troops.txt")
ARTICLES = all_articles()
EDGES = "“”\"'.,:; "


def text_of(excerpt: str, article: str = UKRAINE, **kw: object) -> str | None:
    found = locate(article, excerpt, **kw)  # type: ignore[arg-type]
    return None if found is None else article[found.start : found.end]


def located(article: str, excerpt: str, **kw: object) -> Grounding:
    found = locate(article, excerpt, **kw)  # type: ignore[arg-type]
    assert found is not None, excerpt
    return found


def same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).strip(EDGES) == " ".join(b.split()).strip(EDGES)


def sentences(article: str, shortest: int = 20) -> list[str]:
    """The article split naively on '. ', as a model might copy it."""
    parts = (s.strip() for s in article.replace("\n", " ").split(". "))
    return [s for s in parts if len(s) >= shortest]


# --- exact ---------------------------------------------------------------------------------


def test_exact_excerpt_is_found_exactly() -> None:
    found = located(UKRAINE, "no U.S. troops will be deployed in Ukraine")
    assert (found.method, found.score) == ("exact", 1.0)
    assert UKRAINE[found.start : found.end] == "no U.S. troops will be deployed in Ukraine"


def test_repeated_excerpt_picks_the_occurrence_near_the_hint() -> None:
    article = "Trump said no. Later, Putin spoke. Trump said no. Then Trump said no."
    assert located(article, "Trump said no", near=30).start == 35
    assert located(article, "Trump said no", near=60).start == 55
    assert located(article, "Trump said no").start == 0


def test_repeated_normalised_excerpt_picks_the_occurrence_near_the_hint() -> None:
    article = "He said “no deal”. Later, Putin spoke. He said “no deal” again."
    found = located(article, 'he said "no deal"', near=40)
    assert (found.method, found.start) == ("normalized", 39)


def test_an_occurrence_on_word_bounds_is_preferred_to_one_inside_a_word() -> None:
    article = "A Defra spokesman said no. Later a spokesman said no."
    assert located(article, "a spokesman said no").start == 33
    assert located(article, "A SPOKESMAN said no").start == 33


def test_surrounding_whitespace_is_not_part_of_the_span() -> None:
    assert text_of("  no U.S. troops will be deployed \n") == "no U.S. troops will be deployed"


# --- normalised ----------------------------------------------------------------------------


def test_straight_quotes_match_curly_ones() -> None:
    copied = 'there would be no "American boots on the ground"'
    assert text_of(copied) == "there would be no “American boots on the ground”"


def test_curly_quotes_match_straight_ones() -> None:
    article = 'Officials said the plan was "dead in the water" by Friday.'
    assert text_of("the plan was “dead in the water”", article) == (
        'the plan was "dead in the water"'
    )


def test_guillemets_and_apostrophes_match() -> None:
    article = "Le ministre a dit «c'est fini» hier."
    found = located(article, 'a dit "c’est fini"')
    assert article[found.start : found.end] == "a dit «c'est fini»"


def test_whitespace_and_newlines_are_tolerated() -> None:
    article = "The council said\n  it would   close three libraries."
    assert text_of("said it would close three libraries", article) == (
        "said\n  it would   close three libraries"
    )


def test_space_or_none_around_punctuation_is_tolerated() -> None:
    article = "Turnout was low , officials said ; the count went on."
    assert text_of("low, officials said; the count", article) == "low , officials said ; the count"


def test_dashes_of_any_kind_match() -> None:
    assert text_of("guarantee - no U.S. troops in Ukraine") == (
        "guarantee—no U.S. troops in Ukraine"
    )


def test_case_differences_are_tolerated() -> None:
    found = located(UKRAINE, "NO U.S. TROOPS WILL BE DEPLOYED IN UKRAINE")
    assert found.method == "normalized"
    assert UKRAINE[found.start : found.end] == "no U.S. troops will be deployed in Ukraine"


def test_an_ellipsis_spans_the_omitted_middle() -> None:
    found = text_of("I’m just trying to stop people ... that ridiculous war")
    assert found is not None
    assert found.startswith("I’m just trying") and found.endswith("that ridiculous war")


def test_bracketed_ellipsis_and_the_ellipsis_character_both_work() -> None:
    for gap in ("[...]", "…", ". . ."):
        found = text_of(f"It takes two to tango {gap} we're just wasting time")
        assert found == (
            "It takes two to tango, they have to have somewhat of a relationship, "
            "otherwise we’re just wasting time"
        ), gap


def test_an_ellipsis_part_too_far_away_is_not_joined() -> None:
    article = "Alpha said yes. " + "Filler words here. " * 40 + "Beta said no."
    assert locate(article, "Alpha said yes … Beta said no") is None


def test_three_dots_match_the_ellipsis_character() -> None:
    assert text_of("from being killed... they're losing") == "from being killed… they’re losing"


def test_added_quotation_marks_and_final_punctuation_are_let_go() -> None:
    assert text_of('"no U.S. troops will be deployed in Ukraine."') == (
        "no U.S. troops will be deployed in Ukraine"
    )


def test_quotation_marks_the_article_has_are_kept() -> None:
    assert text_of('"wrap it up."') == "“wrap it up.”"
    assert text_of("we're just wasting time,\" said Trump.") == (
        "we’re just wasting time,” said Trump."
    )


def test_offsets_are_original_offsets_after_folding() -> None:
    article = "A\n\n\n“Title…”   \n\nHe   said: ‘we   will  win’ — twice."
    for excerpt, span in {
        "he said: 'we will win' - twice": "He   said: ‘we   will  win’ — twice",
        "Title...": "Title…",
        "said:'we will win'": "said: ‘we   will  win’",
    }.items():
        found = located(article, excerpt)
        assert found.method == "normalized"
        assert article[found.start : found.end] == span


def test_spans_cover_whole_characters_of_the_original() -> None:
    article = "He wrote “Wait…” and left — quietly."
    found = located(article, 'wrote "wait..." and left - quietly')
    assert article[found.start : found.end] == "wrote “Wait…” and left — quietly"


# --- fuzzy ---------------------------------------------------------------------------------


def test_a_one_word_slip_is_grounded_fuzzily() -> None:
    slipped = (
        "Moscow’s response has been viewed as Russia playing for time to continue its invasion"
    )
    found = located(UKRAINE, slipped)
    assert found.method == "fuzzy" and 0.85 <= found.score < 1.0
    assert UKRAINE[found.start : found.end] == (
        "Moscow’s response has been seen as Russia playing for time to continue its invasion"
    )


def test_a_dropped_word_or_a_typo_is_grounded_fuzzily() -> None:
    want = "Moscow’s response has been seen as Russia playing for time to continue its invasion"
    for slip in (
        "Moscow's response has been seen as Russia playing for time to its invasion",
        "Moscow's response has been seen as Rusia playing for tme to continue its invasion",
    ):
        assert text_of(slip) == want, slip


def test_a_changed_first_word_still_spans_whole_words() -> None:
    found = text_of("Kremlin’s response has been seen as Russia playing for time to continue")
    assert found == "Moscow’s response has been seen as Russia playing for time to continue"


def test_an_invented_sentence_is_not_grounded() -> None:
    assert locate(UKRAINE, "Trump announced 40,000 troops would be sent to Poland") is None


def test_the_articles_own_words_shuffled_are_not_grounded() -> None:
    rng = random.Random(7)
    for path in ARTICLES:
        for sentence in sentences(path.read_text(encoding="utf-8"), shortest=60)[:3]:
            words = sentence.split()
            rng.shuffle(words)
            assert locate(path.read_text(encoding="utf-8"), " ".join(words)) is None, words


def test_a_short_excerpt_never_matches_fuzzily() -> None:
    assert locate(UKRAINE, "Trump sad") is None
    assert locate(UKRAINE, "U.S. troop5") is None


def test_a_higher_min_score_rejects_a_slip() -> None:
    slipped = "Moscow’s response has been viewed as Russia playing for time"
    assert locate(UKRAINE, slipped, min_score=0.99) is None


def test_a_span_never_cuts_a_word() -> None:
    found = locate(UKRAINE, "ump replied")
    assert found is not None and UKRAINE[found.start : found.end] == "Trump replied"


def test_a_span_never_starts_inside_a_possessive() -> None:
    assert text_of("s response has been seen") == "Moscow’s response has been seen"


def test_a_blank_excerpt_is_not_grounded() -> None:
    assert locate(UKRAINE, "  \n ") is None
    assert locate(UKRAINE, '""') is None


def test_a_long_article_is_searched_in_bounded_time() -> None:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    article = "\n\n".join(texts * (5_000_000 // sum(map(len, texts)) + 1))
    assert len(article) >= 5_000_000
    slipped = "Moscow’s response has been viewed as Russia playing for time to continue"
    began = time.perf_counter()
    assert locate(article, "Trump announced 40,000 troops would be sent to Poland") is None
    assert locate(article, "that the said and with from they have been which would") is None
    found = located(article, slipped, near=4_000_000)
    assert abs(found.start - 4_000_000) < 200_000  # the copy near the hint, not the first
    assert locate(article, texts[3][200:2200].replace(" the ", " a ", 3)) is not None
    assert time.perf_counter() - began < 5


# --- properties over the example articles --------------------------------------------------


def straight_quotes(s: str) -> str:
    return s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def curly_quotes(s: str) -> str:
    s = re.sub(r'"(?=\w)', "“", s).replace('"', "”")
    return s.replace("'", "’")


MUTATIONS = {
    "unchanged": lambda s: s,
    "straight quotes, doubled spaces": lambda s: "  ".join(straight_quotes(s).split(" ")),
    "curly quotes": curly_quotes,
    "collapsed spaces": lambda s: " ".join(s.split()),
    "a line break": lambda s: s.replace(" ", "\n", 1),
    "lower case": str.lower,
}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_sentence_copied_with_small_changes_grounds_back(path: Path) -> None:
    article = path.read_text(encoding="utf-8")
    for sentence in sentences(article):
        for name, mutate in MUTATIONS.items():
            found = locate(article, mutate(sentence))
            assert found is not None, (name, sentence)
            grounded = article[found.start : found.end]
            assert same_words(grounded, sentence), (name, sentence, grounded)
            assert grounded == grounded.strip()
            if name == "unchanged" and sentence in article:
                assert found.method == "exact"


def typo(words: list[str], i: int) -> list[str]:
    w = words[i]
    return [*words[:i], w[0] + w[2] + w[1] + w[3:], *words[i + 1 :]]


def dropped(words: list[str], i: int) -> list[str]:
    return words[:i] + words[i + 1 :]


def changed(words: list[str], i: int) -> list[str]:
    return [*words[:i], "very" if words[i] != "very" else "much", *words[i + 1 :]]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_sentences_with_a_copying_slip_ground_fuzzily_to_the_sentence(path: Path) -> None:
    article = path.read_text(encoding="utf-8")
    rng = random.Random(path.stem)
    checked = 0
    candidates = sentences(article, shortest=60)
    for sentence in rng.sample(candidates, min(6, len(candidates))):
        words = sentence.split(" ")
        for slip in (typo, dropped, changed):
            # Any word but the first and last: a slip there is indistinguishable from a
            # model that added or lost a word, and the span then rightly leaves it out.
            inner = [
                i
                for i, w in enumerate(words[1:-1], 1)
                if len(w) >= 4 and w.isalpha() and w[1] != w[2]
            ]
            if not inner:
                continue
            copied = " ".join(slip(words, rng.choice(inner)))
            found = locate(article, copied)
            assert found is not None and found.method == "fuzzy", (slip.__name__, copied)
            grounded = article[found.start : found.end]
            assert same_words(grounded, sentence), (slip.__name__, copied, grounded)
            checked += 1
    assert checked >= 9


def test_a_changed_first_or_last_word_is_taken_in() -> None:
    article = read_article("bbc-business-uk-bank-seals-south-korean-deal.txt")
    want = (
        "Standard Chartered is believed to have gained the initiative by putting together "
        "a bid during the Christmas break"
    )
    assert text_of(want.replace("Standard", "Standart"), article) == want
    assert text_of(want.replace("break", "holiday"), article) == want
