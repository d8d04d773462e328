"""Assertions: the checkable statements of the article's own voice.

A statement (``claimcheck.find.statements``) holding no quotation is an assertion when its
text states something a fact-checker could check: a finite verb, five words or more, not a
question, not a bare frame ("He added:").
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.find.clauses import FINITE_VERB as _FINITE_VERB
from claimcheck.find.clauses import SURE_VERB, Clause, clauses

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
_FRAME_WINDOW = 160


def assertion_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the statement ``text[start:end]`` an assertion rests on (a leading "And"
    and a trailing frame left out), or None when nothing is left."""
    return _trim(text, start, end)


def clause_around(
    text: str, start: int, end: int, inner_start: int, inner_end: int
) -> tuple[int, int]:
    """The clause of ``text[start:end]`` that holds ``text[inner_start:inner_end]``."""
    for clause in _clauses(text, start, end):
        if clause.start <= inner_start and inner_end <= clause.end:
            span = _trim(text, clause.start, clause.end)
            if span and span[0] <= inner_start and inner_end <= span[1]:
                return span
            return _strip(text, clause.start, clause.end)
    return _strip(text, start, end)


@lru_cache(maxsize=64)
def _clauses(text: str, start: int, end: int) -> tuple[Clause, ...]:
    # A sentence of many figures asks for its clauses once per figure: cut it once, or the
    # cost grows with the square of its length.
    return tuple(clauses(text, start, end))


def is_checkable(clause: str) -> bool:
    """Does the clause state something a fact-checker could check?"""
    words = _WORD.findall(clause)
    if len(words) < 5 or _QUESTION.search(clause) or _SPEECH_ONLY.match(clause):
        return False
    return bool(_FINITE_VERB.search(clause) or SURE_VERB.search(clause))


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
    # The frame is a few words at the end: look there only, or a long clause costs its
    # length squared (the pattern is tried at every position).
    window = max(0, len(piece) - _FRAME_WINDOW)
    tail = _TRAILING_FRAME.search(piece, window)
    if tail and tail.start() > 0:
        end = start + tail.start()
    while start < end and not text[start].isalnum() and text[start] not in "£$€“\"‘'(":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    return (start, end) if end > start else None
