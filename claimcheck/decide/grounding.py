"""Grounding: where a model's excerpt lies in the article, in the article's own offsets.

Tried in order:

1. the exact text;
2. the text with quote styles, dashes, ellipses, case and whitespace made alike, with or
   without its surrounding quotation marks and final punctuation (an "A … B" excerpt spans
   from A to B when B follows A within ``MAX_GAP`` characters);
3. for small copying slips (a changed or dropped word, a typo), a fuzzy match: the excerpt's
   rarest words vote for where it would start, and only the best few of those windows are
   scored with ``difflib``. The work is bounded by the number of anchors, never by comparing
   the excerpt with every window of a long article.

Spans are in the article's own offsets, never start or end on whitespace, and never cut a word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from functools import lru_cache
from typing import Literal

__all__ = ["MAX_GAP", "Grounding", "locate"]

MAX_GAP = 400
"""How far apart, in characters, the parts of an "A … B" excerpt may lie in the article."""
MIN_FUZZY = 12
"""Excerpts shorter than this match exactly or normalised, never fuzzily."""
MAX_FUZZY = 3000
"""Longer excerpts are not matched fuzzily: scoring them would cost too much."""

_LIMIT = 60  # occurrences tried each way around the hint
_ANCHORS = 6  # rare words of the excerpt that vote for a fuzzy window
_ANCHOR_HITS = 200  # occurrences of one anchor word looked at
_WINDOWS = 12  # windows scored per fuzzy search, at most
_WINDOW_BUDGET = 12_000  # characters of excerpt times windows scored
_STRAY = 20  # how much further apart two matched blocks may lie in the article than in the excerpt
_SURE = 0.98  # a score that ends the search: no later window would be chosen over it

_FOLD = {
    '"': "“”„‟«»″",
    "'": "‘’‚‛‹›′`",
    "-": "–—―‐‑‒−",
}
# What the folding rewrites: an ellipsis character, and whitespace that is not one plain
# space between two words (a run, a newline, or any space next to punctuation, which is
# dropped so that 'said , "no' and 'said,"no' fold alike). Each branch starts by consuming
# one character, which keeps the scan of a long article fast.
_IRREGULAR = re.compile(r"[\s…](?:(?<=…)|(?<=[^\w\s]\s)\s*|\s*(?=[^\w\s])|\s+|(?<=[^\S ])\s*)")
_ELLIPSIS = re.compile(r"\[?\.{3,}\]?|\(\.{3,}\)")
_EDGE = "\"' .,;:!?-"
_WORD = re.compile(r"\w+")
_Matcher = SequenceMatcher[str]
_STOPS = re.compile(r"[.!?;]")


@dataclass(frozen=True)
class Grounding:
    """Where an excerpt lies: ``article[start:end]`` is the text to quote."""

    start: int
    end: int
    method: Literal["exact", "normalized", "fuzzy"]
    score: float
    """1.0 for exact and normalised matches; the ``difflib`` similarity for fuzzy ones."""


def locate(
    article: str, excerpt: str, *, near: int | None = None, min_score: float = 0.85
) -> Grounding | None:
    """Where ``excerpt`` lies in ``article``; the caller then uses ``article[start:end]``.

    ``near`` is an article offset to prefer when the excerpt occurs more than once (the
    sentence the model said it came from). ``min_score`` is the least ``difflib`` ratio a
    fuzzy match must reach. None when the excerpt is not in the article.
    """
    stripped = excerpt.strip()
    if not any(ch.isalnum() for ch in stripped):
        return None  # nothing to pin: blank, or only quotation marks and punctuation
    exact = _nearest(article, stripped, near)
    if exact is not None:
        return Grounding(*_whole_words(article, exact, exact + len(stripped)), "exact", 1.0)
    fold = _folded(article)
    whole = _fold_text(stripped).strip()
    hint = None if near is None else fold.folded_offset(near)
    span = _normalized(fold.text, whole, hint)
    if span is not None:
        return Grounding(*_whole_words(article, *fold.original(*span)), "normalized", 1.0)
    wanted = whole.strip(_EDGE)
    if not MIN_FUZZY <= len(wanted) <= MAX_FUZZY:
        return None
    found = _fuzzy(fold.text, wanted, hint, min_score)
    if found is None:
        return None
    (start, end), score = found
    return Grounding(*_whole_words(article, *fold.original(start, end)), "fuzzy", score)


# --- folding -------------------------------------------------------------------------------


class _Folded:
    """An article folded for matching, with a map back to the original offsets.

    The map is a list of segments: folded offset ``fstarts[k]`` corresponds to original
    offset ``ostarts[k]``, and offsets advance together until the next segment. Plain text
    needs no segment, so the map stays small and folding stays fast on long articles.
    """

    def __init__(self, text: str) -> None:
        lowered = _lower(_translate(text))
        pieces: list[str] = []
        self.fstarts: list[int] = [0]
        self.ostarts: list[int] = [0]
        done = 0  # original offset folded so far
        size = 0  # folded length so far
        for match in _IRREGULAR.finditer(lowered):
            pieces.append(lowered[done : match.start()])
            size += match.start() - done
            found = match.group()
            if found == "…":
                for dot in range(3):  # each of the three dots stands for the one character
                    self._segment(size + dot, match.start())
                pieces.append("...")
                size += 3
            elif _next_to_punctuation(lowered, match.start(), match.end()):
                pass  # dropped
            else:
                self._segment(size, match.start())
                pieces.append(" ")
                size += 1
            done = match.end()
            self._segment(size, done)
        pieces.append(lowered[done:])
        self.text = "".join(pieces)

    def _segment(self, folded: int, original: int) -> None:
        if self.fstarts[-1] == folded:
            self.ostarts[-1] = original
        else:
            self.fstarts.append(folded)
            self.ostarts.append(original)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)``."""
        return self._origin(start), self._origin(end - 1) + 1

    def _origin(self, folded: int) -> int:
        k = bisect_right(self.fstarts, folded) - 1
        return self.ostarts[k] + folded - self.fstarts[k]

    def folded_offset(self, original: int) -> int:
        k = max(0, bisect_right(self.ostarts, original) - 1)
        ahead = self.fstarts[k + 1] if k + 1 < len(self.fstarts) else len(self.text)
        return min(self.fstarts[k] + original - self.ostarts[k], max(ahead - 1, 0))


def _translate(text: str) -> str:
    for plain, fancy in _FOLD.items():
        for ch in fancy:
            if ch in text:
                text = text.replace(ch, plain)
    return text


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A character such as 'İ' lowers to two; keep it as it is so offsets still line up.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _next_to_punctuation(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") or not (after.isalnum() or after == "_")


def _fold_text(text: str) -> str:
    return _Folded(text).text


@lru_cache(maxsize=8)
def _folded(article: str) -> _Folded:
    # One article is grounded against many excerpts; fold it once.
    return _Folded(article)


# --- exact and normalised ------------------------------------------------------------------


def _around(text: str, part: str, near: int | None, limit: int = _LIMIT) -> list[int]:
    """Where ``part`` occurs in ``text``: the first ``limit``, or the ``limit`` each way
    nearest ``near``, nearest first."""
    if near is None:
        found: list[int] = []
        at = text.find(part)
        while at != -1 and len(found) < limit:
            found.append(at)
            at = text.find(part, at + 1)
        return found
    after: list[int] = []
    at = text.find(part, near)
    while at != -1 and len(after) < limit:
        after.append(at)
        at = text.find(part, at + 1)
    before: list[int] = []
    at = text.rfind(part, 0, near + len(part) - 1)
    while at != -1 and len(before) < limit:
        before.append(at)
        at = text.rfind(part, 0, at + len(part) - 1)
    return sorted(after + before, key=lambda p: abs(p - near))


def _nearest(text: str, part: str, near: int | None) -> int | None:
    """The occurrence nearest ``near`` (else the first), preferring one that starts and
    ends on word bounds: "a spokesman" is rather "A spokesman" than "Defr|a spokesman"."""
    found = _around(text, part, near)
    whole = (at for at in found if _on_word_bounds(text, at, at + len(part)))
    return next(whole, found[0] if found else None)


def _normalized(folded: str, whole: str, near: int | None) -> tuple[int, int] | None:
    """The folded span of ``whole``: as it is; else without its edge punctuation (keeping
    what of it the article has); else as parts around an ellipsis."""
    at = _nearest(folded, whole, near)
    if at is not None:
        return at, at + len(whole)
    wanted = whole.strip(_EDGE)
    if not wanted:
        return None
    head = whole[: whole.find(wanted)]
    tail = whole[len(head) + len(wanted) :]
    if not _ELLIPSIS.search(wanted):
        at = _nearest(folded, wanted, near)
        return None if at is None else _with_edges(folded, at, at + len(wanted), head, tail)
    pieces = [p.strip(_EDGE) for p in _ELLIPSIS.split(wanted)]
    pieces = [p for p in pieces if p]
    found = _around(folded, pieces[0], near)
    found.sort(key=lambda at: not _on_word_bounds(folded, at, at + len(pieces[0])))
    for first in found:
        end = first + len(pieces[0])
        for piece in pieces[1:]:
            at = folded.find(piece, end, end + MAX_GAP + len(piece))
            if at == -1:
                break
            end = at + len(piece)
        else:
            return _with_edges(folded, first, end, head, tail)
    return None


def _with_edges(folded: str, start: int, end: int, head: str, tail: str) -> tuple[int, int]:
    """Take in the excerpt's quotation marks and final punctuation where the article has them."""
    for ch in reversed(head):
        if not start or folded[start - 1] != ch:
            break
        start -= 1
    for ch in tail:
        if end >= len(folded) or folded[end] != ch:
            break
        end += 1
    return start, end


# --- fuzzy ---------------------------------------------------------------------------------


def _fuzzy(
    folded: str, wanted: str, near: int | None, min_score: float
) -> tuple[tuple[int, int], float] | None:
    windows = _candidate_windows(folded, wanted, near)
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(wanted)
    backward = SequenceMatcher(None, autojunk=False)
    backward.set_seq2(wanted[::-1])
    best: tuple[float, int, int, int] | None = None  # (score, -distance, start, end)
    for lo, hi in windows:
        if best is not None and best[0] >= _SURE:
            break
        aligned = _align(folded, lo, hi, wanted, (matcher, backward))
        if aligned is None:
            continue
        for start, end in reversed(aligned):  # the stretched span, if it is good enough
            matcher.set_seq1(folded[start:end])
            if matcher.quick_ratio() < min_score:
                continue  # an upper bound of the score, much cheaper to reckon
            score = round(matcher.ratio(), 3)
            if score < min_score:
                continue
            distance = 0 if near is None else abs(start - near)
            if best is None or (score, -distance) > best[:2]:
                best = (score, -distance, start, end)
            break
    if best is None or best[0] < min_score:
        return None
    return (best[2], best[3]), best[0]


def _candidate_windows(folded: str, wanted: str, near: int | None) -> list[tuple[int, int]]:
    """Windows of the article where the excerpt's rarest words put its start."""
    offsets: dict[str, int] = {}
    for match in _WORD.finditer(wanted):
        if len(match.group()) >= 3:
            offsets.setdefault(match.group(), match.start())
    # Long words are likelier to be rare; count only a few, each count a C-speed scan.
    longest = sorted(offsets, key=len, reverse=True)[: 2 * _ANCHORS]
    counts = {w: folded.count(w) for w in longest}
    anchors = sorted((w for w in longest if counts[w]), key=lambda w: counts[w])[:_ANCHORS]
    votes: list[tuple[int, str]] = []
    for word in anchors:
        for at in _around(folded, word, near, _ANCHOR_HITS // 2):
            votes.append((at - offsets[word], word))
    votes.sort()
    # Clusters of implied starts close together: a dropped or changed word shifts the rest.
    slack = 16 + len(wanted) // 8
    clusters: list[tuple[int, int, set[str]]] = []
    for start, word in votes:
        if clusters and start - clusters[-1][0] <= slack:
            clusters[-1][2].add(word)
            clusters[-1] = (clusters[-1][0], start, clusters[-1][2])
        else:
            clusters.append((start, start, {word}))

    def rank(cluster: tuple[int, int, set[str]]) -> tuple[int, int]:
        return -len(cluster[2]), 0 if near is None else abs(cluster[0] - near)

    ranked = sorted(clusters, key=rank)
    if not ranked:
        return []
    # Windows with far fewer of the excerpt's words than the best are not worth scoring.
    most = len(ranked[0][2])
    ranked = [c for c in ranked if 2 * len(c[2]) >= most]
    best = ranked[: max(2, min(_WINDOWS, _WINDOW_BUDGET // len(wanted)))]
    return [(max(0, lo - slack), min(len(folded), hi + len(wanted) + slack)) for lo, hi, _ in best]


def _align(
    folded: str, lo: int, hi: int, wanted: str, matchers: tuple[_Matcher, _Matcher]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the excerpt aligns in the window: tight around the matched text, and stretched
    over a changed first or last word (not over words the model added); on word bounds.

    ``difflib`` settles ties on the leftmost match, which suits the end of the excerpt; its
    start is aligned on the reversed texts, so that ties there go to the nearest match too.
    """
    forward, backward = matchers
    window = folded[lo:hi]
    forward.set_seq1(window)
    backward.set_seq1(window[::-1])
    ahead = [b for b in forward.get_matching_blocks() if b.size]
    behind = [b for b in backward.get_matching_blocks() if b.size]
    if not ahead or not behind:
        return None
    last = _core(ahead)[1]
    first = _core(behind)[1]  # reversed: the block furthest from the core is the first
    first_a = len(window) - first.a - first.size
    first_b = len(wanted) - first.b - first.size
    start, end = _word_bounds(folded, lo + first_a, lo + last.a + last.size)
    if start >= end:
        return None
    # The excerpt's words the blocks left out, or only partly matched.
    head_end, tail_start = first_b, last.b + last.size
    while 0 < head_end < len(wanted) and wanted[head_end - 1 : head_end + 1].isalnum():
        head_end += 1
    while 0 < tail_start < len(wanted) and wanted[tail_start - 1 : tail_start + 1].isalnum():
        tail_start -= 1
    head, tail = wanted[:head_end].strip(), wanted[tail_start:].strip()
    wider = (
        _stretch_back(folded, start, max(lo, start - len(head) - _STRAY), head),
        _stretch_on(folded, end, min(hi, end + len(tail) + _STRAY), tail),
    )
    return (start, end), wider


def _stretch_on(folded: str, end: int, limit: int, tail: str) -> int:
    """Where the span ends when it takes in the excerpt's last words: copied exactly a
    dropped word or two further on, or as the same number of changed words in the sentence.
    Words the model added past the end of the sentence are left out."""
    wanted = len(_WORD.findall(tail))
    if not wanted:
        return end
    at = folded.find(tail, end, limit)
    while at != -1 and not _on_word_bounds(folded, at, at + len(tail)):
        at = folded.find(tail, at + 1, limit)
    if at != -1:
        return at + len(tail)
    region = folded[end:limit]
    stop = _STOPS.search(region)
    words = list(_WORD.finditer(region[: stop.start()] if stop else region))
    return end + words[wanted - 1].end() if len(words) >= wanted else end


def _stretch_back(folded: str, start: int, limit: int, head: str) -> int:
    """Where the span starts when it takes in the excerpt's first words (see _stretch_on)."""
    wanted = len(_WORD.findall(head))
    if not wanted:
        return start
    at = folded.rfind(head, limit, start)
    while at != -1 and not _on_word_bounds(folded, at, at + len(head)):
        at = folded.rfind(head, limit, at + len(head) - 1)
    if at != -1:
        return at
    region = folded[limit:start]
    stops = list(_STOPS.finditer(region))
    cut = stops[-1].end() if stops else 0
    words = list(_WORD.finditer(region, cut))
    return limit + words[-wanted].start() if len(words) >= wanted else start


def _core(blocks: list[Match]) -> tuple[Match, Match]:
    """The first and last matching blocks of the alignment: out from the longest block, over
    blocks of a few characters that lie about as far apart in the article as in the excerpt
    (or long ones), never over a stray letter or two matched in the text around it."""

    def fits(left: Match, right: Match) -> bool:
        apart = (right.a - left.a - left.size) - (right.b - left.b - left.size)
        return min(left.size, right.size) >= 8 or abs(apart) <= _STRAY

    blocks = [b for b in blocks if b.size >= 3] or blocks
    core = max(range(len(blocks)), key=lambda k: blocks[k].size)
    lo = hi = core
    while lo > 0 and fits(blocks[lo - 1], blocks[lo]):
        lo -= 1
    while hi < len(blocks) - 1 and fits(blocks[hi], blocks[hi + 1]):
        hi += 1
    return blocks[lo], blocks[hi]


def _on_word_bounds(text: str, start: int, end: int) -> bool:
    return _word_bounds(text, start, end) == (start, end)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Never cut a word in half, and never start or end on whitespace."""
    start, end = _word_bounds(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words. An apostrophe inside a word joins it at the start (no
    span begins "’s response"), but a span may end before one ("Moscow" of "Moscow’s")."""
    start, end = max(0, start), min(len(text), end)
    while 0 < start < len(text) and _wordish(text, start - 1) and _wordish(text, start):
        start -= 1
    while 0 < end < len(text) and (
        (text[end - 1].isalnum() and text[end].isalnum()) or _apostrophe(text, end - 1)
    ):
        end += 1
    return start, end


def _wordish(text: str, i: int) -> bool:
    return text[i].isalnum() or _apostrophe(text, i)


def _apostrophe(text: str, i: int) -> bool:
    return (
        text[i] in "'’"
        and 0 < i < len(text) - 1
        and text[i - 1].isalnum()
        and text[i + 1].isalnum()
    )
