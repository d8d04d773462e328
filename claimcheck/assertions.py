"""Assertions: the checkable statements left in the article's own sentences.

A sentence is cut around the direct quotations it carries (they are claims of their own), split
at ";" and at an "and"/"but" that joins two independent clauses, and each piece that states
something checkable becomes a span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_CLAUSE_JOIN = re.compile(r";\s+|,?\s+(?:and|but|while|whereas)\s+(?=\S)")
# The start of an independent clause: a subject, then a finite verb within a few words.
_SUBJECT = re.compile(
    r"(?:he|she|it|they|we|i|there|this|that|these|those|the\s+\w+|his\s+\w+|her\s+\w+|"
    r"their\s+\w+|its\s+\w+|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*)\s",
)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|shall|"
    r"does|did|do|said|says|told|\w+ed|\w+s)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9][\w’'.,%-]*")
# Sentences that are framing rather than content: "He added:", "Asked about it, she said:".
_SPEECH_ONLY = re.compile(
    r"^[\W\w]{0,60}?\b(?:said|says|added|told|asked|replied|continued|explained|warned)\b"
    r"[^.]{0,40}[:,]?$",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\?\s*[”\"’']?$")
_LEADING_FILLER = re.compile(r"^(?:and|but|so|yet|or|however|meanwhile)\b,?\s+", re.IGNORECASE)
_TRAILING_FRAME = re.compile(
    r"[\s,:;—–-]*(?:\b(?:saying|adding|he said|she said|they said|said|says|that)\b[\s,:]*)*$",
    re.IGNORECASE,
)


def assertion_spans(
    text: str, start: int, end: int, holes: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Checkable statement spans in ``text[start:end]``, avoiding the ``holes`` (quotations)."""
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _outside(start, end, holes):
        for clause_start, clause_end in _clauses(text, seg_start, seg_end):
            span = _trim(text, clause_start, clause_end)
            if span and is_checkable(text[span[0] : span[1]]):
                spans.append(span)
    return spans


def clause_around(
    text: str, start: int, end: int, inner_start: int, inner_end: int
) -> tuple[int, int]:
    """The clause of ``text[start:end]`` that holds ``text[inner_start:inner_end]``."""
    for clause_start, clause_end in _clauses(text, start, end):
        if clause_start <= inner_start and inner_end <= clause_end:
            span = _trim(text, clause_start, clause_end)
            if span and span[0] <= inner_start and inner_end <= span[1]:
                return span
            return _strip(text, clause_start, clause_end)
    return _strip(text, start, end)


def is_checkable(clause: str) -> bool:
    """Does the clause state something a fact-checker could check?"""
    words = _WORD.findall(clause)
    if len(words) < 5 or _QUESTION.search(clause) or _SPEECH_ONLY.match(clause):
        return False
    return bool(_FINITE_VERB.search(clause))


def _outside(start: int, end: int, holes: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    cursor = start
    for hole_start, hole_end in sorted(holes):
        if hole_end <= cursor or hole_start >= end:
            continue
        if hole_start > cursor:
            pieces.append((cursor, hole_start))
        cursor = max(cursor, hole_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at joins whose right-hand side is an independent clause."""
    clauses: list[tuple[int, int]] = []
    begin = start
    for join in _CLAUSE_JOIN.finditer(text, start, end):
        if text[join.start()] != ";" and not _independent(text, join.end(), end):
            continue
        if _WORD.findall(text[begin : join.start()]):
            clauses.append((begin, join.start()))
        begin = join.end()
    clauses.append((begin, end))
    return clauses


def _independent(text: str, start: int, end: int) -> bool:
    head = text[start : min(end, start + 80)]
    subject = _SUBJECT.match(head)
    if subject is None:
        return False
    rest = head[subject.end() :].split()[:4]
    # "-s" words are left out here: after "and", "European leaders" is a noun, not a verb.
    return bool(rest) and any(
        (_FINITE_VERB.fullmatch(w.strip(",.")) and not w.strip(",.").endswith("s"))
        or w.strip(",.") in ("is", "has", "was", "does", "says")
        for w in rest
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:—–-":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    lead = _LEADING_FILLER.match(piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    tail = _TRAILING_FRAME.search(piece)
    if tail and tail.start() > 0:
        end = start + tail.start()
    while start < end and not text[start].isalnum() and text[start] not in "£$€“\"‘'(":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    return (start, end) if end > start else None
