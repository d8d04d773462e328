"""Is a quote in a source: verbatim, altered (and how), or not found.

Words are compared after folding what typography changes: quotation marks, apostrophes, dashes,
case and spacing. An ellipsis in a quote stands for dropped words: its pieces must each be in
the source, in order, close together. Failing that, the closest window of the best passages is
aligned word by word (rapidfuzz), and its changed, dropped and added words are the differences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from claimcheck.verify.passages import Found, PassageIndex
from claimcheck.verify.sources import Source

CLOSE = 80.0  # rapidfuzz's partial ratio from which a passage holds the quote altered
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_GAP = 400  # characters an ellipsis may stand for


@dataclass(frozen=True)
class Folded:
    """A text folded for comparison, with each folded character's offset in the original."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Folded:
        chars: list[str] = []
        offsets: list[int] = []
        space = True
        for i, char in enumerate(text.translate(_FOLD)):
            if char in "\"'":
                continue  # quotation marks and apostrophes aside ("don't" and "dont" alike)
            if char.isspace():
                if not space:
                    chars.append(" ")
                    offsets.append(i)
                space = True
                continue
            chars.append(char.casefold())
            offsets.append(i)
            space = False
        return cls("".join(chars), tuple(offsets))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of folded ``[start, end)``."""
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class QuoteFinding:
    verdict: str  # verbatim, altered or not_found
    where: list[tuple[Source, int, int]]
    differences: list[str]


def find_quote(words: str, index: PassageIndex, folded: dict[str, Folded]) -> QuoteFinding:
    """Where the quoted ``words`` are in the sources, and how they differ where not verbatim."""
    pieces = [p for p in (Folded.of(x).text.strip(" ,.;:") for x in _ELLIPSIS.split(words)) if p]
    if not pieces:
        return QuoteFinding("not_found", [], [])
    for source in index.sources:
        text = folded[source.name]
        found = _in_order(pieces, text.text)
        if found is not None:
            start, end = text.span(*found)
            return QuoteFinding("verbatim", [(source, start, end)], [])
    return _closest(" ".join(pieces), index, folded)


def _in_order(pieces: list[str], text: str) -> tuple[int, int] | None:
    """Each piece found after the one before, at most ``_GAP`` characters on."""
    at = text.find(pieces[0])
    while at >= 0:
        end, ok = at + len(pieces[0]), True
        for piece in pieces[1:]:
            nxt = text.find(piece, end, end + _GAP + len(piece))
            if nxt < 0:
                ok = False
                break
            end = nxt + len(piece)
        if ok:
            return at, end
        at = text.find(pieces[0], at + 1)
    return None


def _closest(words: str, index: PassageIndex, folded: dict[str, Folded]) -> QuoteFinding:
    best: tuple[float, Found, int, int] | None = None
    for passage in index.best(words, limit=5):
        text = Folded.of(passage.text)
        aligned = fuzz.partial_ratio_alignment(words, text.text)
        if aligned is not None and (best is None or aligned.score > best[0]):
            best = (aligned.score, passage, aligned.dest_start, aligned.dest_end)
    if best is None or best[0] < CLOSE:
        return QuoteFinding("not_found", [], [])
    _, passage, start, end = best
    text = Folded.of(passage.text)
    window = _whole_words(text.text, start, end)
    left, right = text.span(*window)
    return QuoteFinding(
        "altered",
        [(passage.source, passage.start + left, passage.start + right)],
        differences(words, text.text[window[0] : window[1]]),
    )


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def differences(quoted: str, source: str) -> list[str]:
    """The words changed, dropped or added between the source's words and the quote's:
    '"strong" in the source, "good" in the quote'."""
    said, wrote = _words(source), _words(quoted)
    found = []
    ops = [op for op in Levenshtein.opcodes(said, wrote) if op.tag != "equal"]
    # Source words past either end of the quote are the window's edge, not a change.
    if ops and ops[0].tag == "delete" and ops[0].src_start == 0:
        ops = ops[1:]
    if ops and ops[-1].tag == "delete" and ops[-1].src_end == len(said):
        ops = ops[:-1]
    for op in ops:
        tag = op.tag
        before = " ".join(said[op.src_start : op.src_end])
        after = " ".join(wrote[op.dest_start : op.dest_end])
        if tag == "replace":
            found.append(f"“{before}” in the source, “{after}” in the quote")
        elif tag == "delete":
            found.append(f"“{before}” in the source is left out of the quote")
        elif tag == "insert":
            found.append(f"“{after}” in the quote is not in the source")
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text)
