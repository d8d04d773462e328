"""Grounding: where a model's excerpt lies in the article, in the article's own offsets.

Tried in order: the exact text; the text with quote styles, dashes, ellipses, case and runs of
whitespace made alike (an "A … B" excerpt spans from A to B); then, for small copying slips, a
fuzzy match around the excerpt's rarest words. Work is bounded by the number of anchor
positions, never by comparing the excerpt with every window of a long article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

_FOLD = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
     "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "}
)  # fmt: skip
_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…)\s*")
_EDGE = "\"' .,;:!?-"
MAX_GAP = 400  # how far apart the parts of an "A … B" excerpt may lie
MAX_ANCHORS = 60


@dataclass(frozen=True)
class Grounding:
    start: int
    end: int
    method: Literal["exact", "normalized", "fuzzy"]
    score: float


def locate(
    article: str, excerpt: str, *, near: int | None = None, min_score: float = 0.85
) -> Grounding | None:
    """Where ``excerpt`` lies in ``article``; the caller then uses ``article[start:end]``."""
    if not excerpt.strip():
        return None
    exact = _nearest(_occurrences(article, excerpt), near)
    if exact is not None:
        return Grounding(*_whole_words(article, exact, exact + len(excerpt)), "exact", 1.0)
    folded, positions = _folded(article)
    whole = _fold(excerpt)[0].strip()
    wanted = whole.strip(_EDGE)
    if not wanted:
        return None
    # With its own quotation marks first; then without, for a model that added or lost them.
    span = _normalized(folded, whole, near, positions) or _normalized(
        folded, wanted, near, positions
    )
    if span is not None:
        return Grounding(*_whole_words(article, *span), "normalized", 1.0)
    if len(wanted) < 12:
        return None
    found = _fuzzy(folded, wanted, near, positions, min_score)
    if found is None:
        return None
    (start, end), score = found
    return Grounding(*_whole_words(article, start, end), "fuzzy", score)


def _occurrences(text: str, part: str, limit: int = MAX_ANCHORS) -> list[int]:
    found: list[int] = []
    pos = text.find(part)
    while pos != -1 and len(found) < limit:
        found.append(pos)
        pos = text.find(part, pos + 1)
    return found


def _nearest(positions: list[int], near: int | None) -> int | None:
    if not positions:
        return None
    return positions[0] if near is None else min(positions, key=lambda p: abs(p - near))


def _fold(text: str) -> tuple[str, list[int]]:
    """Text with quotes, dashes, case and whitespace made alike, and where each character
    came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text.translate(_FOLD).lower()):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        if ch == "…":
            out.extend("...")
            origin.extend((i, i, i))
            continue
        out.append(ch)
        origin.append(i)
    return "".join(out), origin


@lru_cache(maxsize=8)
def _folded(article: str) -> tuple[str, tuple[int, ...]]:
    folded, origin = _fold(article)
    return folded, tuple(origin)


def _normalized(
    folded: str, wanted: str, near: int | None, positions: tuple[int, ...]
) -> tuple[int, int] | None:
    pieces = [p.strip() for p in _ELLIPSIS.split(wanted)]
    if len(pieces) > 1:
        pieces = [p.strip(_EDGE) for p in pieces]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    candidates = []
    for first in _occurrences(folded, pieces[0]):
        end = first + len(pieces[0])
        for piece in pieces[1:]:
            at = folded.find(piece, end, end + MAX_GAP + len(piece))
            if at == -1:
                break
            end = at + len(piece)
        else:
            candidates.append((first, end))
    if not candidates:
        return None
    near_folded = None if near is None else _folded_index(positions, near)
    start, end = min(
        candidates, key=lambda c: 0 if near_folded is None else abs(c[0] - near_folded)
    )
    return positions[start], positions[end - 1] + 1


def _fuzzy(
    folded: str, wanted: str, near: int | None, positions: tuple[int, ...], min_score: float
) -> tuple[tuple[int, int], float] | None:
    words = sorted(set(re.findall(r"\w{4,}", wanted)), key=len, reverse=True)[:4]
    best: tuple[float, int, int] | None = None
    size = len(wanted)
    for word in words:
        offset = wanted.find(word)
        for at in _occurrences(folded, word, MAX_ANCHORS // max(1, len(words))):
            start = max(0, at - offset)
            window = folded[start : start + size + 20]
            matcher = SequenceMatcher(None, wanted, window, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size]
            if not blocks:
                continue
            lo, hi = start + blocks[0].b, start + blocks[-1].b + blocks[-1].size
            score = SequenceMatcher(None, wanted, folded[lo:hi], autojunk=False).ratio()
            if best is None or score > best[0]:
                best = (score, lo, hi)
    if best is None or best[0] < min_score:
        return None
    score, lo, hi = best
    return (positions[lo], positions[hi - 1] + 1), round(score, 3)


def _folded_index(positions: tuple[int, ...], offset: int) -> int:
    lo, hi = 0, len(positions)
    while lo < hi:
        mid = (lo + hi) // 2
        if positions[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Never cut a word in half, and never start or end on whitespace."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
