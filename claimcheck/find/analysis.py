"""The deterministic analysis of one article, done once: each stage reads what earlier ones found.

    analysis = analyse(Article(text))

The stages, in order (each a module of ``claimcheck.find``; what it takes, what it gives):

1. ``marks``: the article; where each quotation opens and closes (``Marks``).
2. ``names``: the article; who it names, the fullest form of each name, the roles it gives
   (``NameIndex``).
3. ``resolution``: the names and the marks; who acts in each sentence (``Actors``). With the
   first two, a ``Reading`` (``claimcheck.find.reading``): what ``speakers`` reads to tell
   who speaks.
4. ``quotations``: the reading; every quotation, whether it is someone's words, and whose.
5. ``figures``: the article; every number of its body, read within its sentence.
6. ``statements``: the reading and the quotations; the body's sentences cut into statements
   that stand alone.
7. ``rules``: the statements and the figures; the offline engine's claim drafts.

Both engines read the result. The rules engine reports ``drafts``; the openai engine holds the
model's claims to the same quotations, figures and statements (``claimcheck.decide``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from claimcheck.find.drafts import Draft, word_line
from claimcheck.find.figures import FigureIndex, body_figures
from claimcheck.find.quotations import Quotation, find_quotations
from claimcheck.find.reading import Reading
from claimcheck.find.rules import rule_drafts
from claimcheck.find.statements import Statement, statements
from claimcheck.read.structure import Article


@dataclass(eq=False)
class Analysis(Reading):
    """Everything the deterministic layer finds in one article (see the module's docstring).

    ``quotations`` are the body's quotations, in order; ``quotes`` those that are someone's
    words (not scare quotes, titles or nicknames). ``statements`` are the body's statements,
    ``figures`` its figures, ``drafts`` what the rules engine reports. ``quoted_line`` is
    every quotation's words in article order (``word_line``): where a quoted passage is looked
    up, its halves joined.
    """

    quotations: tuple[Quotation, ...]
    statements: tuple[Statement, ...]
    figures: FigureIndex
    drafts: tuple[Draft, ...]
    quotes: tuple[Quotation, ...] = field(init=False)
    quote_statements: tuple[Draft, ...] = field(init=False)
    assertions: tuple[Draft, ...] = field(init=False)
    quoted_line: str = field(init=False, repr=False)
    _quote_starts: list[int] = field(init=False, repr=False)
    _parts: list[tuple[int, int, Quotation]] = field(init=False, repr=False)
    _part_starts: list[int] = field(init=False, repr=False)
    _quote_statement_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.quotes = tuple(q for q in self.quotations if q.is_statement)
        self._quote_starts = [q.start for q in self.quotes]
        parts = [(s, e, q) for q in self.quotes for s, e in q.parts]
        self._parts = sorted(parts, key=lambda p: p[:2])
        self._part_starts = [s for s, _, _ in self._parts]
        self.quote_statements = tuple(
            sorted((d for d in self.drafts if d.kind == "quote"), key=lambda d: d.start)
        )
        self._quote_statement_starts = [d.start for d in self.quote_statements]
        self.assertions = tuple(d for d in self.drafts if d.kind == "assertion")
        text = self.article.text
        self.quoted_line = word_line(
            " ".join(text[s:e] for q in self.quotations for s, e in q.parts)
        )

    def quotes_touching(self, start: int, end: int) -> list[Quotation]:
        """The quotes whose span, marks included, overlaps ``start:end`` (quotes are in
        article order and never overlap)."""
        i = bisect_left(self._quote_starts, end)
        found = []
        while i > 0 and self.quotes[i - 1].end > start:
            i -= 1
            found.append(self.quotes[i])
        return found[::-1]

    def quoted_parts(self, start: int, end: int) -> list[tuple[int, int, Quotation]]:
        """The quotes' quoted parts overlapping ``start:end``; parts never overlap."""
        i = bisect_left(self._part_starts, end)  # parts from i on start at or after the end
        found = []
        while i > 0 and self._parts[i - 1][1] > start:
            i -= 1
            found.append(self._parts[i])
        return found[::-1]

    def quote_statement_holding(self, start: int, end: int) -> Draft | None:
        """The rules' quote statement that holds ``start:end`` whole."""
        i = bisect_right(self._quote_statement_starts, start) - 1
        if i < 0 or self.quote_statements[i].end < end:
            return None
        return self.quote_statements[i]


def analyse(article: Article) -> Analysis:
    """The stages of the module's docstring, in order, each given what it needs."""
    reading = Reading.of(article)
    quotations = tuple(
        q for q in find_quotations(reading) if not article.is_furniture(q.start, q.end)
    )
    found = tuple(statements(reading, quotations))
    figures = body_figures(article)
    drafts = tuple(rule_drafts(reading, found, figures))
    return Analysis(
        reading.article,
        reading.marks,
        reading.names,
        reading.actors,
        quotations,
        found,
        figures,
        drafts,
    )
