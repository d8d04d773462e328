"""Sources split into passages and indexed once, so each claim finds its best passages fast.

The index is SQLite's FTS5 (in the standard library): BM25 ranking with no dependency and no
model, linear to build. Passages are a paragraph, or about 80 words of one (whole sentences),
with their offsets into the source's text.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from dataclasses import dataclass

from claimcheck.verify.sources import Source

WORDS_PER_PASSAGE = 80
_IN_MEMORY_UP_TO = 20_000_000  # characters of sources; more go to a temporary file
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]?(?P<gap>\s+)(?=[“\"‘'(\[]?[A-Z0-9])")
_TERM = re.compile(r"[^\W_]{3,}")
_STOP = frozenset(
    "the and for that with this from have has had was were are his her their its they she him "
    "said says will would could not but who which what when been than also into about after "
    "over more most there them then some such only other".split()
)


def sentence_around(text: str, start: int, end: int, reach: int = 300) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, through its end ("…," he said.),
    at most ``reach`` characters either side; a paragraph break ends it too."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    begin = max(lo, text.rfind("\n", lo, start) + 1)
    for m in _SENTENCE_END.finditer(text, begin, min(hi, start + 3)):  # room for a lookahead
        if m.end() <= start:
            begin = m.end()
    stop = _SENTENCE_END.search(text, end, hi)
    finish = stop.start("gap") if stop else hi
    newline = text.find("\n", end, finish)
    return text[begin : newline if newline >= 0 else finish]


@dataclass(frozen=True)
class Found:
    """A passage of a source: ``source.text[start:end]``."""

    source: Source
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]


class PassageIndex:
    """Every source's passages, ranked for a query by BM25."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        size = sum(len(s.text) for s in sources)
        # Open for the index's life (closed by close()): huge sources stay out of memory.
        big = size > _IN_MEMORY_UP_TO
        self._file = tempfile.NamedTemporaryFile(suffix=".db") if big else None  # noqa: SIM115
        self._db = sqlite3.connect(self._file.name if self._file else ":memory:")
        self._db.execute("CREATE VIRTUAL TABLE passages USING fts5(body, tokenize='unicode61')")
        self._spans: list[tuple[int, int, int]] = []  # rowid - 1 -> (source, start, end)
        for i, source in enumerate(sources):
            rows = []
            for start, end in split_passages(source.text):
                self._spans.append((i, start, end))
                rows.append((len(self._spans), source.text[start:end]))
            self._db.executemany("INSERT INTO passages(rowid, body) VALUES (?, ?)", rows)

    def best(self, query: str, limit: int = 3) -> list[Found]:
        """The passages that best match the words of ``query``, best first."""
        terms = sorted({t.casefold() for t in _TERM.findall(query)} - _STOP)
        if not terms:
            return []
        match = " OR ".join(f'"{t}"' for t in terms)
        rows = self._db.execute(
            "SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?",
            (match, limit),
        ).fetchall()
        return [self._found(rowid) for (rowid,) in rows]

    def _found(self, rowid: int) -> Found:
        source, start, end = self._spans[rowid - 1]
        return Found(self.sources[source], start, end)

    def close(self) -> None:
        self._db.close()
        if self._file is not None:
            self._file.close()


def split_passages(text: str) -> list[tuple[int, int]]:
    """Paragraphs, each cut into runs of whole sentences of about ``WORDS_PER_PASSAGE`` words."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start = paragraph.start()
        cuts = [m.start("gap") for m in _SENTENCE_END.finditer(text, start, paragraph.end())]
        for cut in [*cuts, paragraph.end()]:
            if cut < paragraph.end() and len(text[start:cut].split()) < WORDS_PER_PASSAGE:
                continue
            left = start + len(text[start:cut]) - len(text[start:cut].lstrip())
            right = left + len(text[left:cut].rstrip())
            if right > left:
                spans.append((left, right))
            start = cut
    return spans
