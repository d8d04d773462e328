"""Is a figure in a source: the same value, a different value for the same thing, or not found.

Values are compared once both are read by the same figure parser as the article's
(``claimcheck.find.figures``): "5-7,000" and "5,000 to 7,000" are one range, "£1.2bn" and
"£1,200m" one amount. A different value counts only in a passage that names what the figure
counts: its unit ("people a week"), or, for a percentage or an amount of money, a third of the
content words of the claim's sentence around it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimcheck.find.figure_words import describe
from claimcheck.find.figures import find_figures
from claimcheck.find.quantity import FigureMention
from claimcheck.models import Figure
from claimcheck.verify.passages import Found, PassageIndex, sentence_around
from claimcheck.verify.sources import Source

_CONTENT = re.compile(r"[^\W\d_]{4,}")
_VAGUE = re.compile(
    r"\b(?:dozens|hundreds|thousands|millions|billions|several|a\s+few|a\s+couple)\b", re.I
)
_NOT_CONTENT = frozenset(
    "said says that this with from have been were their about would could which there".split()
)


@dataclass(frozen=True)
class FigureFinding:
    verdict: str  # same, different or not_found
    where: list[tuple[Source, int, int]]
    differences: list[str]


def find_figure(figure: Figure, excerpt: str, index: PassageIndex) -> FigureFinding:
    """Where the sources give ``figure`` (from a claim over ``excerpt``), or another value for
    what it counts."""
    counted = _content(excerpt)
    local = _content(_around(excerpt, excerpt.find(figure.raw), len(figure.raw), reach=40))
    different: tuple[int, Found, FigureMention] | None = None
    for passage in index.best(f"{excerpt} {figure.raw}", limit=5):
        for mention in find_figures(passage.text):
            at = (passage.source, passage.start + mention.start, passage.start + mention.end)
            if _same(figure, mention):
                return FigureFinding("same", [at], [])
            if _counts_the_same(figure, mention, passage.text, counted):
                # Of the source's values for it, the one whose words are this figure's: in
                # "29% of United, while Mr Glazer holds 26.1%", 26.1% is Glazer's stake.
                near = _content(sentence_around(passage.text, mention.start, mention.end))
                shared = len(local & near)
                if different is None or shared > different[0]:
                    different = (shared, passage, mention)
    if different is None:
        return FigureFinding("not_found", [], [])
    _, passage, mention = different
    theirs = describe(mention.to_model())
    return FigureFinding(
        "different",
        [(passage.source, passage.start + mention.start, passage.start + mention.end)],
        [f"{describe(figure)} in the article, {theirs} in the source (“{mention.raw}”)"],
    )


def _same(ours: Figure, theirs: FigureMention) -> bool:
    return (
        math.isclose(ours.low, theirs.low, rel_tol=1e-9)
        and math.isclose(ours.high, theirs.high, rel_tol=1e-9)
        and (ours.unit is None or theirs.unit is None or ours.unit == theirs.unit)
    )


def _counts_the_same(ours: Figure, theirs: FigureMention, text: str, counted: set[str]) -> bool:
    """The source's figure is of the same kind, a value rather than a vague amount, and its
    sentence says what the claim counts: a rate's unit says it ("people a week"), a count needs
    a word of the claim's beside it, a percentage or an amount of money a third of the words
    of the shorter of the two sentences (two at least)."""
    if ours.unit != theirs.unit or (ours.per or None) != (theirs.per or None):
        return False
    if _VAGUE.search(theirs.raw):
        return False  # "thousands of people" is no other value for "25,000 people"
    around = _content(sentence_around(text, theirs.start, theirs.end)) - _content(theirs.raw)
    counted = counted - _content(ours.raw)
    if ours.unit and ours.unit != "percent" and not re.fullmatch(r"[A-Z]{3}", ours.unit):
        return bool(ours.per) or bool(counted & around) or not counted
    return len(counted & around) >= max(2, min(len(counted), len(around)) // 3)


def _around(text: str, at: int, size: int, reach: int = 60) -> str:
    """The words either side of ``text[at:at + size]`` (the whole text when it is not there)."""
    if at < 0:
        return text
    return text[max(0, at - reach) : at] + " " + text[at + size : at + size + reach]


def _content(text: str) -> set[str]:
    return {w.casefold() for w in _CONTENT.findall(text)} - _NOT_CONTENT
