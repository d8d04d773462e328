"""What the model left out, and what the rules add for it.

A model's claim is a *reading* when its text says more than the words it holds (a speaker
named, a pronoun resolved, a frame restated); a claim that only copies the article's words
makes none. Around readings the rules add nothing that repeats or cuts them; around copies
they fill as they would with no model, so that a weak model cannot make a report worse:

- A quotation no quote claim holds is the rules' quote, unless the model gave the same
  speaker's words as a quote already (a re-mention: 'denied he was "gloating"', later 'his
  insistence he was not "gloating"'), or a reading credited to the same speaker holds it:
  that claim is the quote (kinds follow the quotation marks).
- A figure no figure claim holds is the rules' figure (a figure in a quotation is a quote and
  a figure), unless a reading of another kind restates its number and the model gives figure
  claims elsewhere: it knows the kind, and judged the claim to be about something else
  ("would strike for one day on 5 March").
- A statement is the rules' assertion when it touches no claim and lies in no sentence a
  reading touches: what is left of such a sentence is a piece of the model's claim.

A reading's excerpt takes in the words of its sentence it restates and no other claim holds
(``widen_readings``). Every lookup is by bisection over spans in article order, so a long
article stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from claimcheck.decide.arbitration import quote_speaker, same_person
from claimcheck.decide.vetting import attribute
from claimcheck.find.analysis import Analysis
from claimcheck.find.drafts import Draft, copies, word_line
from claimcheck.find.quantity import FigureMention
from claimcheck.find.quotations import Quotation
from claimcheck.find.speakers import is_unnamed_source
from claimcheck.read.structure import strip_span


def uncovered(
    analysis: Analysis, drafts: list[Draft], *, by_part: bool = False
) -> tuple[list[Quotation], list[FigureMention]]:
    """Direct quotations and figures the deterministic analysis finds that no draft covers. With
    ``by_part`` a quotation counts as missing when any of its parts (a paragraph of a quote
    running on, a half around "he said") has no quote claim."""
    quotes = _quote_spans(analysis, drafts)
    missing_quotes = [
        q
        for q in analysis.quotes
        if (
            not all(quotes.overlap(s, e) for s, e in q.parts)
            if by_part
            else not quotes.overlap(q.start, q.end)
        )
    ]
    by_value: dict[tuple[float, float], list[tuple[int, int]]] = {}
    for d in drafts:
        if d.kind == "figure" and d.figure is not None:
            by_value.setdefault((d.figure.low, d.figure.high), []).append((d.start, d.end))
    figures = {value: _Spans(spans) for value, spans in by_value.items()}
    missing_figures = [
        m
        for m in analysis.figures.mentions
        if not ((same := figures.get((m.low, m.high))) and same.cover(m.start, m.end))
    ]
    return missing_quotes, missing_figures


def to_audit(
    analysis: Analysis, drafts: list[Draft]
) -> tuple[list[Quotation], list[FigureMention]]:
    """What to ask the model about again: the quotations and figures no claim covers, but
    for words the model already gave as the same speaker's quote (a re-mention)."""
    quotes, figures = uncovered(analysis, drafts)
    given = _given_quotes(analysis, drafts)
    return [q for q in quotes if not _said_before(analysis, q, given)], figures


def left_to_rules(
    analysis: Analysis, drafts: list[Draft], warnings: list[str]
) -> tuple[list[Quotation], list[FigureMention]]:
    """Of what no claim covers, what the rules must add: quotations no quote claim holds and
    figures no figure claim holds. A quotation inside a reading is not added where the model
    gave the same speaker's words as a quote already, or where the model credits the reading
    to the quotation's speaker: that claim becomes the quote (``drafts`` are changed in
    place)."""
    quotes, figures = uncovered(analysis, drafts, by_part=True)
    holders = _Holders(d for d in drafts if _reads(analysis, d))
    given = _given_quotes(analysis, drafts)
    quoted = _quote_spans(analysis, drafts)
    took_in = _TakenIn(analysis, drafts)
    missing = []
    for q in quotes:
        if took_in(q):
            continue  # the model copied part of it: its claim holds the whole statement now
        parts = [p for p in q.parts if not quoted.overlap(*p)] or list(q.parts)
        holder = holders.holding(parts[0][0], parts[-1][1])
        if holder is None:
            missing.append(q)
        elif _said_before(analysis, q, given):
            continue  # the model read the sentence and had quoted these words already
        elif (
            holder.kind == "assertion"
            and holder.proposed is not None
            and same_person(analysis, holder.proposed.speaker, q.speaker)
        ):
            _as_quote(analysis, holder, q, warnings)
        else:
            missing.append(q)
    # A model that gives figure claims knows the kind: where its own reading restates a number
    # as a claim of another kind, it judged the claim not to be about that number.
    if any(d.proposed is not None and d.proposed.kind == "figure" for d in drafts):
        figures = [m for m in figures if not _read_as_other(holders, m)]
    return missing, figures


def _read_as_other(holders: _Holders, mention: FigureMention) -> bool:
    """A number a reading of the model's own restates, in a claim of another kind ("The
    union said its members would strike for one day" of 'a one-day strike')."""
    holder = holders.holding(mention.start, mention.end)
    return holder is not None and word_line(mention.raw) in word_line(holder.text)


def _quote_spans(analysis: Analysis, drafts: list[Draft]) -> _Spans:
    """The words the quote claims hold: a reading the words of its excerpt, a copy only what
    it was pinned to."""
    return _Spans(
        _span(d) if _reads(analysis, d) else (d.start, d.end) for d in drafts if d.kind == "quote"
    )


class _TakenIn:
    """A quotation running over sentences or paragraphs of which the model copied a part
    (Qwen: 'Health Minister Stephen Ladyman said: "This document is the antithesis of the
    nanny state."' of a quote going on a paragraph more): the copy becomes the rules'
    statement holding the whole quotation, rather than the rules adding that statement
    beside it, the copied sentence twice. A reading of the model's own is left as it is.
    Statements and the model's quotes are looked up by bisection."""

    def __init__(self, analysis: Analysis, drafts: list[Draft]) -> None:
        self.analysis = analysis
        self.quotes = sorted(
            (d for d in drafts if d.origin == "model" and d.kind == "quote"),
            key=lambda d: d.start,
        )
        self.quote_starts = [d.start for d in self.quotes]

    def __call__(self, quotation: Quotation) -> bool:
        rules = self.analysis.quote_statement_holding(quotation.start, quotation.end)
        if rules is None:
            return False
        lo = bisect_left(self.quote_starts, rules.start)
        hi = bisect_left(self.quote_starts, rules.end)
        copies = [
            d
            for d in self.quotes[lo:hi]
            if any(d.start < e and s < d.end for s, e in quotation.parts)
        ]
        if not copies or any(_reads(self.analysis, d) or d.end > rules.end for d in copies):
            return False
        for draft in copies:
            draft.start, draft.end = rules.start, rules.end
            if rules.speaker is None or same_person(self.analysis, rules.speaker, draft.speaker):
                draft.text = rules.text
        return True


def split_shared(analysis: Analysis, drafts: list[Draft]) -> None:
    """Model claims that cite the same words but say different things ("Moscow's response has
    been seen as …" and "Putin seemingly brushed off …", both citing the whole sentence) are
    two claims: each rests on the part of the words its text restates, so that neither is
    taken for a repeat of the other."""
    groups: dict[tuple[int, int], list[Draft]] = {}
    for d in drafts:
        if d.kind != "quote" and d.origin == "model":
            groups.setdefault((d.start, d.end), []).append(d)
    text = analysis.article.text
    for (start, end), group in groups.items():
        if len({d.text for d in group}) < 2:
            continue
        pieces = [
            strip_span(text, start + m.start(), start + m.end())
            for m in re.finditer(r"[^,;:—–]+(?:[,;:—–]|$)", text[start:end])
        ]
        pieces = [(a, b) for a, b in pieces if b > a]
        for d in group:
            told = {w.casefold() for w in _WORDS.findall(d.text)}
            chosen = [p for p in pieces if _restated(text, *p, told, [])]
            raw = d.figure.raw if d.figure else ""
            if chosen and len(chosen) < len(pieces):
                narrow = (chosen[0][0], chosen[-1][1])
                if raw in text[narrow[0] : narrow[1]]:
                    d.start, d.end = narrow


def widen_readings(analysis: Analysis, drafts: list[Draft]) -> None:
    """A claim whose text the model wrote rests on the words of its sentence it restates: a
    quote's excerpt takes in the frame its text carries ("Asked … on Tuesday, Donald Trump
    replied: “…”"), where no other claim holds those words."""
    text = analysis.article.text
    spans = [_span(d) for d in drafts]
    for draft in drafts:
        if not _reads(analysis, draft):
            continue
        start, end = _span(draft)
        sentence = analysis.article.sentence_at(start)
        if sentence is None or end > sentence.end:
            continue
        told = {w.casefold() for w in _WORDS.findall(draft.text)}
        others = [s for s in spans if s != _span(draft)]
        if sentence.start < start and _restated(text, sentence.start, start, told, others):
            start = sentence.start
        if end < sentence.end and _restated(text, end, sentence.end, told, others):
            end = sentence.end
        draft.start, draft.end = strip_span(text, start, end)


def join_frames(analysis: Analysis, drafts: list[Draft]) -> None:
    """A model's claim made of the words around a quotation ("Kaha Kiknavelidze, analyst at
    Troika Dialog, said", "Standard Chartered sees") is no statement of its own but the frame
    of that quote: it becomes the rules' quote statement holding both, unless it is a reading
    of the model's own (a text that says more than its words)."""
    for draft in drafts:
        if draft.origin != "model" or draft.kind == "quote" or _reads(analysis, draft):
            continue
        rules = analysis.quote_statement_holding(draft.start, draft.end)
        if rules is None:
            continue
        if analysis.quoted_parts(draft.start, draft.end):
            continue  # it holds quoted words: the kinds follow the marks elsewhere
        draft.kind, draft.figure = "quote", None
        draft.start, draft.end = rules.start, rules.end
        draft.text, draft.speaker = rules.text, rules.speaker
        draft.unnamed_speaker = rules.unnamed_speaker


def frame_quotes(analysis: Analysis, drafts: list[Draft]) -> None:
    """A model's quote pinned to its quotation rests on the frame around it, as the rules'
    statement holding that quotation does: a quote claim's excerpt holds who said it and the
    words around them ("Male MPs … jeered "melons" as women made Commons speeches, researchers
    from Birkbeck College were told"), so its sourcing is read where it is written. A text the
    model only copied becomes the rules' statement text when both name the same speaker; a
    reading of the model's own stays. A frame another claim holds is left to it."""
    held: dict[int, tuple[Draft, list[Draft]]] = {}  # the model's quotes by their statement
    for draft in drafts:
        if draft.origin == "model" and draft.kind == "quote":
            rules = analysis.quote_statement_holding(draft.start, draft.end)
            if rules is not None:
                held.setdefault(id(rules), (rules, []))[1].append(draft)
    for rules, group in held.values():
        # Copies of one statement's quotations (the same one given twice, or its parts) take
        # its frame together; two readings of the model's own stay as the model split them.
        if len({(d.start, d.end) for d in group}) > 1 and any(_reads(analysis, d) for d in group):
            continue
        others = _Spans(
            _span(d) for d in drafts if d.kind != "figure" and not any(d is g for g in group)
        )
        if others.overlap(rules.start, rules.end):
            continue
        for draft in group:
            copied = not _reads(analysis, draft)
            draft.start, draft.end = rules.start, rules.end
            if copied and (
                rules.speaker is None or same_person(analysis, rules.speaker, draft.speaker)
            ):
                draft.text = rules.text


def _restated(
    text: str, start: int, end: int, told: set[str], others: list[tuple[int, int]]
) -> bool:
    """The words ``start:end`` are free of other claims and the text carries most of them."""
    if any(s < end and start < e for s, e in others):
        return False
    content = {w.casefold() for w in _WORDS.findall(text, start, end) if len(w) > 3}
    return bool(content) and len(content & told) * 2 >= len(content)


def quoted_words(analysis: Analysis, drafts: list[Draft], warnings: list[str]) -> None:
    """A claim lying within a quotation's words is that speaker's quote, whatever the model
    called it: kinds follow the quotation marks."""
    for draft in drafts:
        # A figure the parser read no value in is no figure against the marks either, unless
        # the model read it in a text of its own ("… their coverage cut in half").
        unread = draft.kind == "figure" and draft.figure is None and not _reads(analysis, draft)
        if not (draft.kind == "assertion" or unread):
            continue
        parts = analysis.quoted_parts(draft.start, draft.end)
        if len(parts) != 1 or draft.start < parts[0][0] or draft.end > parts[0][1] + 1:
            continue
        _as_quote(analysis, draft, parts[0][2], warnings)
        attribute(analysis, draft)


def unclaimed(analysis: Analysis, drafts: list[Draft]) -> list[Draft]:
    """The rules' assertions for statements the model passed over: touching no claim, and in
    no sentence a claim of the model's own reading touches (what is left of that sentence is
    a piece of the model's claim). Around claims that only copy the article's words, the
    rules fill as they would with no model."""
    reads = [_reads(analysis, d) for d in drafts]
    spans = _Spans(_span(d) if r else (d.start, d.end) for d, r in zip(drafts, reads, strict=True))
    article = analysis.article
    touched = {
        i
        for d, r in zip(drafts, reads, strict=True)
        if r
        for i in _sentence_indexes(analysis, *_span(d))
    }
    return [
        a
        for a in analysis.assertions
        if not spans.overlap(a.start, a.end) and article.sentence_index_at(a.start) not in touched
    ]


def _sentence_indexes(analysis: Analysis, start: int, end: int) -> range:
    article = analysis.article
    first = article.sentence_index_at(start)
    last = article.sentence_index_at(max(start, end - 1))
    if first is None or last is None:
        return range(0)
    return range(first, last + 1)


def _as_quote(analysis: Analysis, draft: Draft, quotation: Quotation, warnings: list[str]) -> None:
    draft.kind = "quote"
    draft.figure = None
    draft.speaker = quote_speaker(analysis, quotation, draft.speaker, warnings)
    draft.unnamed_speaker = bool(draft.speaker) and is_unnamed_source(draft.speaker or "")


def _reads(analysis: Analysis, draft: Draft) -> bool:
    """A model's claim whose text is its own: it says more than the words it holds (a speaker
    named, a pronoun resolved) or puts them its own way ("X said: “…”" for "“…,” X said"). A
    copy of a run of the article's words makes no reading, nor does a text claimcheck had to
    replace."""
    proposed = draft.proposed
    if draft.origin != "model" or proposed is None or draft.text != proposed.text:
        return False
    start, end = _span(draft)
    return not copies(proposed.text, analysis.article.text[start:end])


def _given_quotes(analysis: Analysis, drafts: list[Draft]) -> list[tuple[str | None, str]]:
    """(speaker, quoted words) of every quote the model gave."""
    text = analysis.article.text
    given = []
    for d in drafts:
        if d.origin == "model" and d.kind == "quote":
            for s, e, _ in analysis.quoted_parts(d.start, d.end):
                given.append((d.speaker, _words(text[max(s, d.start) : min(e, d.end)])))
    return given


def _said_before(analysis: Analysis, q: Quotation, given: list[tuple[str | None, str]]) -> bool:
    """The quotation repeats words the model gave as the same speaker's quote."""
    words = _words(q.text(analysis.article.text))
    return any(
        said == words and (q.speaker is None or same_person(analysis, who, q.speaker))
        for who, said in given
    )


_WORDS = re.compile(r"\w+")


def _words(text: str) -> str:
    return " ".join("".join(c for c in w if c.isalnum()) for w in text.casefold().split())


def _span(draft: Draft) -> tuple[int, int]:
    """The words a claim holds: a model's excerpt, even where a quote was pinned to less."""
    if draft.held is None:
        return draft.start, draft.end
    return min(draft.start, draft.held[0]), max(draft.end, draft.held[1])


class _Holders:
    """Model claims by the words they hold; the one holding a span, by bisection."""

    def __init__(self, drafts: Iterable[Draft]) -> None:
        self._drafts = sorted((d for d in drafts if d.origin == "model"), key=_span)
        self._starts = [_span(d)[0] for d in self._drafts]

    def holding(self, start: int, end: int) -> Draft | None:
        i = bisect_right(self._starts, start)
        # Claims starting at or before ``start``; the nearest ones first. Model claims are
        # few per sentence, so looking back a handful is enough.
        for d in reversed(self._drafts[max(0, i - 8) : i]):
            if _span(d)[1] >= end:
                return d
        return None


class _Spans:
    """Spans sorted by start with the furthest end so far: overlap and cover by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Some span overlaps ``start:end``."""
        before = bisect_left(self._starts, end)  # spans starting before it ends
        return before > 0 and self._reach[before - 1] > start

    def cover(self, start: int, end: int) -> bool:
        """Some span holds all of ``start:end``."""
        before = bisect_right(self._starts, start)  # spans starting at or before it
        return before > 0 and self._reach[before - 1] >= end
