"""Quotation marks: where each quotation opens and closes, before anyone asks who said it.

Curly double quotes; straight double quotes (told opening from closing by the characters around
them); two apostrophes ('' as some newspapers' archives write a double mark); curly single
quotes; straight single quotes only when they clearly quote. A quote left open at the end of a
paragraph continues when the next paragraph opens with a mark; a mark left unbalanced closes at
the end of its paragraph. One pass over the text (``find_marks``), the first stage of the
analysis (``claimcheck.find.analysis``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from claimcheck.read.structure import Article, Paragraph, strip_span

_MARK = re.compile("[“”\"‘']")
_SINGLE_REACH = 300  # a single-quoted span longer than this is taken for apostrophes


@dataclass
class Span:
    """One quotation's marks: ``start:end`` with the marks, ``parts`` the words of each part."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    single: bool  # opened with a single mark


class Marks:
    """Every quotation's marks in one article, in article order: the marks stage's output."""

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self._spans = spans
        self._parts = sorted(p for s in spans for p in s.parts)
        self._blanked: dict[tuple[int, int], str] = {}  # a sentence is asked for again and again

    def spans(self) -> list[Span]:
        """Every quotation's span, in article order (a fresh copy: callers may merge them)."""
        return [Span(s.start, s.end, list(s.parts), s.single) for s in self._spans]

    def inside_quotes(self, start: int, end: int) -> str:
        """``text[start:end]`` with every quoted word blanked (marks and offsets kept),
        whichever sentence its quotation opened in."""
        known = self._blanked.get((start, end))
        if known is not None:
            return known
        text = list(self.text[start:end])
        parts = self._parts
        i = max(0, bisect_right(parts, (start, start)) - 1)
        while i < len(parts) and parts[i][0] < end:
            s, e = parts[i]
            for k in range(max(s, start), min(e, end)):
                if not text[k - start].isspace():
                    text[k - start] = " "
            i += 1
        self._blanked[(start, end)] = blanked = "".join(text)
        return blanked


def find_marks(article: Article) -> Marks:
    """Where each quotation of the article opens and closes."""
    return Marks(article.text, _spans(article))


def _spans(article: Article) -> list[Span]:
    """Quotation spans from the marks, paragraph by paragraph; one pass over the text."""
    text = _paired_apostrophes(article.text)
    spans: list[Span] = []
    carried: Span | None = None
    paragraphs = article.paragraphs
    for index, paragraph in enumerate(paragraphs):
        carried = _scan(text, paragraph, carried, spans)
        if carried is None:
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        marks = "“\"‘'" if carried.single else '“"'
        if following is None or _reopening(text, following.start, marks) is None:
            spans.append(carried)
            carried = None
    if carried is not None:
        spans.append(carried)
    for span in spans:  # the scan saw one mark where the text has two apostrophes
        if span.start and article.text[span.start - 1 : span.start + 1] == "''":
            span.start -= 1
        if article.text[span.end - 1 : span.end + 1] == "''":
            span.end += 1
    return [s for s in spans if any(e > b for b, e in s.parts)]


_TWO_APOSTROPHES = re.compile(r"''")


def _paired_apostrophes(text: str) -> str:
    """The text with each '' (two apostrophes: a double quotation mark in some newspapers'
    archives) made one straight double mark, offsets kept: an opening pair becomes ' "', a
    closing one '" ', so the mark stays against its words."""
    if "''" not in text:
        return text

    def one_mark(match: re.Match[str]) -> str:
        at = match.start()
        before = text[at - 1] if at else " "
        opening = before.isspace() or before in "([{—–-:;/"
        return ' "' if opening else '" '

    return _TWO_APOSTROPHES.sub(one_mark, text)


def _scan(text: str, paragraph: Paragraph, carried: Span | None, spans: list[Span]) -> Span | None:
    """Scan one paragraph; return the quotation still open at its end, if any."""
    pos, end = paragraph.start, paragraph.end
    current, part_start = carried, pos
    if current is not None:
        part_start = pos = _reopening(text, pos, "“\"‘'") or pos + 1  # it reopens the quote
    while (mark := _MARK.search(text, pos, end)) is not None:
        pos = mark.start()  # from mark to mark: the words between cannot change anything
        ch = text[pos]
        if current is None:
            close = _opening(text, pos, paragraph)
            if close is not None:
                current, part_start = Span(pos, pos, [], ch in "‘'"), pos + 1
                if current.single:
                    current.parts.append(strip_span(text, pos + 1, close))
                    current.end = close + 1
                    spans.append(current)
                    current, pos = None, close
        elif _closes(text, pos, paragraph):
            current.parts.append(strip_span(text, part_start, pos))
            current.end = pos + 1
            spans.append(current)
            current = None
        elif _reopens(text, pos, paragraph):
            # An opening mark inside an open quote: the quote runs on past a lost break.
            current.parts.append(strip_span(text, part_start, pos))
            part_start = pos + 1
        pos += 1
    if current is not None:
        current.parts.append(strip_span(text, part_start, end))
        current.end = end
    return current


def _reopening(text: str, start: int, marks: str) -> int | None:
    """Where the words start after the mark a paragraph opens with, or None without one (a
    mark made of two apostrophes shows as ' "': one space, then the mark)."""
    at = start + 1 if text[start : start + 2] == ' "' else start
    return at + 1 if text[at : at + 1] and text[at] in marks else None


def _opening(text: str, pos: int, paragraph: Paragraph) -> int | None:
    """Where the quote opening at ``pos`` closes: the end of the paragraph for double marks
    (found as the scan goes on), the closing mark for single ones; None if no quote opens."""
    ch = text[pos]
    if ch == "“":
        return paragraph.end
    if ch == '"':
        return paragraph.end if _straight_opens(text, pos, paragraph) else None
    if ch not in "‘'":
        return None
    before = text[pos - 1] if pos > paragraph.start else " "
    if before.isalnum() or (ch == "'" and not (before.isspace() or before in "([—–-")):
        return None
    return _single_close(text, pos, paragraph.end, ch)


def _straight_opens(text: str, pos: int, paragraph: Paragraph) -> bool:
    before = text[pos - 1] if pos > paragraph.start else " "
    after = text[pos + 1] if pos + 1 < paragraph.end else " "
    return (before.isspace() or before in "([{—–-:;/") and not after.isspace()


def _closes(text: str, pos: int, paragraph: Paragraph) -> bool:
    ch = text[pos]
    if ch == "”":
        return True
    if ch == "“":
        # '“It's unusual,“ said Larry Noble': an opening mark against the words before it and
        # none after is a closing one misprinted
        before = text[pos - 1] if pos > paragraph.start else " "
        after = text[pos + 1] if pos + 1 < paragraph.end else " "
        return not before.isspace() and (after.isspace() or after in ".,;:)")
    if ch != '"':
        return False
    # A straight mark after a sentence's end and before a word reopens rather than closes.
    return not (_straight_opens(text, pos, paragraph) and _after_sentence_end(text, pos))


def _reopens(text: str, pos: int, paragraph: Paragraph) -> bool:
    ch = text[pos]
    if ch == "“":
        return True
    return ch == '"' and _straight_opens(text, pos, paragraph)


def _after_sentence_end(text: str, pos: int) -> bool:
    return bool(re.search(r"[.!?…:]\s+$", text[max(0, pos - 4) : pos]))


def _single_close(text: str, pos: int, end: int, mark: str) -> int | None:
    """The closing mark of a single-quoted span: not an apostrophe between letters."""
    closing = "’" if mark == "‘" else "'"
    i, end = pos + 1, min(end, pos + _SINGLE_REACH)
    while i < end:
        ch = text[i]
        if ch in '“”"' and mark == "'":
            return None
        if ch == closing and not text[i - 1].isspace():
            after = text[i + 1] if i + 1 < end else " "
            if not after.isalnum():
                letters = sum(c.isalpha() for c in text[pos + 1 : i])
                return i if letters >= 2 else None
        i += 1
    return None
