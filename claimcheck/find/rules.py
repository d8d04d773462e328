"""The offline engine: claims from the deterministic layer alone, with no model and no network.

Each body sentence is cut into statements (``claimcheck.find.statements``): a statement holding a
quotation is one quote, its frame included; numbers become figures (credited to the quote's
speaker when they sit inside one); the article's own remaining statements become assertions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from claimcheck.decide.claims import Draft
from claimcheck.find.assertions import assertion_span, clause_around, is_checkable
from claimcheck.find.figures import FigureMention, find_figures
from claimcheck.find.quotations import Quotation, find_quotations
from claimcheck.find.speakers import SPEECH, is_unnamed_source, reported_speaker
from claimcheck.find.statements import Statement, span, statements, text_of
from claimcheck.read.structure import Article


def rule_drafts(article: Article) -> list[Draft]:
    """Every claim the rules find in the article's body, in no particular order."""
    quotations = [q for q in find_quotations(article) if not article.is_furniture(q.start, q.end)]
    found = statements(article, quotations)
    speakers = _Speakers(article)
    drafts: list[Draft] = []
    for statement in found:
        mentions = find_figures(article.text, statement.start, statement.end)
        if statement.quotations:
            drafts.append(_quote(article, statement, speakers))
        elif not mentions:  # a statement whose substance is a number is a figure claim
            drafts.extend(_assertion(article, statement, speakers.of(statement)))
        drafts.extend(_figure(article, statement, m, speakers) for m in mentions)
    return drafts


def drafts_for(
    article: Article,
    statements_: list[Quotation],
    quotes: list[Quotation],
    figures: list[FigureMention],
) -> list[Draft]:
    """The rules' drafts for just these quotations and figures (what a model missed).
    ``statements_`` are all the article's statement quotations, which decide whether a figure
    is someone's words and which words go with a quotation."""
    found = statements(article, statements_)
    wanted = {id(q) for q in quotes}
    speakers = _Speakers(article)
    drafts = [
        _quote(article, s, speakers) for s in found if any(id(q) in wanted for q in s.quotations)
    ]
    starts = [s.start for s in found]
    for mention in figures:
        sentence = article.sentence_at(mention.start)
        if sentence is None:
            continue
        drafts.append(_figure(article, _at(found, starts, mention.start), mention, speakers))
    return drafts


class _Speakers:
    """Who a statement reports as speaking: its sentence's speaker when the statement itself
    reports ("X said …", "…, adding that …", "according to X"), else nobody: "Trump sat down
    with Zelensky on Monday" is the article's own voice, whoever speaks later in its sentence.
    Each sentence is asked once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.known: dict[int, str | None] = {}

    def of(self, statement: Statement) -> str | None:
        words = self.article.text[statement.start : statement.end]
        if not _REPORTS.search(words):
            return None
        sentence = statement.sentence
        if sentence.start not in self.known:
            self.known[sentence.start] = reported_speaker(self.article, sentence)
        return self.known[sentence.start]


_REPORTS = re.compile(rf"{SPEECH.pattern}|\baccording\s+to\b", re.IGNORECASE)


def _quote(article: Article, statement: Statement, speakers: _Speakers) -> Draft:
    speaker = _speaker_of(statement.quotations)
    if speaker is None and statement.cue is not None:
        speaker = reported_speaker(article, statement.cue)  # "“Why?” Trump asked."
    if speaker is None:
        speaker = speakers.of(statement)  # "Suu Kyi said it was too early … “…”"
    start, end = span(article.text, statement.start, statement.end)
    quoted = tuple((q.start, q.end) for q in statement.quotations)
    text = _quoted_text(article, statement, start, end, speaker, quoted)
    return Draft(
        kind="quote",
        start=start,
        end=end,
        text=text,
        speaker=speaker,
        unnamed_speaker=_unnamed(speaker),
        quoted=quoted,
    )


def _speaker_of(quotations: Sequence[Quotation]) -> str | None:
    return next((q.speaker for q in quotations if q.speaker), None)


def _assertion(article: Article, statement: Statement, speaker: str | None) -> list[Draft]:
    found = assertion_span(article.text, statement.start, statement.end)
    if found is None:
        return []
    start, end = found
    if find_figures(article.text, start, end):
        return []  # a statement whose substance is a number is a figure claim
    text = _text(article, statement, start, end, speaker)
    if not is_checkable(text):  # judged on the whole text: "saying he understood …" has a subject
        return []
    return [
        Draft(
            kind="assertion",
            start=start,
            end=end,
            text=text,
            speaker=speaker,
            unnamed_speaker=_unnamed(speaker),
        )
    ]


def _quoted_text(
    article: Article,
    statement: Statement,
    start: int,
    end: int,
    speaker: str | None,
    quoted: tuple[tuple[int, int], ...],
) -> str:
    """The text of a statement holding quotations: its frame and words, a pronoun named."""
    return text_of(
        article,
        start,
        end,
        speaker,
        quoted=quoted,
        participle=statement.participle,
        subject=statement.subject,
        sentence=statement.sentence if start == statement.sentence.start else None,
    )


def _text(article: Article, statement: Statement, start: int, end: int, speaker: str | None) -> str:
    opens = start <= statement.start + len(statement.participle or "")
    return text_of(
        article,
        start,
        end,
        speaker,
        participle=statement.participle if opens else None,
        subject=statement.subject,
        sentence=statement.sentence if start == statement.sentence.start else None,
    )


def _figure(
    article: Article, statement: Statement, mention: FigureMention, speakers: _Speakers
) -> Draft:
    quotation = _inside(statement.quotations, mention)
    if quotation is not None:
        part = next(p for p in quotation.parts if p[0] <= mention.start < p[1])
        start, end = clause_around(article.text, part[0], part[1], mention.start, mention.end)
        speaker = quotation.speaker
        words = " ".join(article.text[start:end].split())
        text = f"{speaker} said: “{words}”" if speaker else text_of(article, start, end, None)
    else:
        speaker = _speaker_of(statement.quotations) or speakers.of(statement)
        start, end = span(article.text, statement.start, statement.end)
        quoted = tuple((q.start, q.end) for q in statement.quotations)
        if not quoted:
            start, end = clause_around(article.text, start, end, mention.start, mention.end)
        text = (
            _quoted_text(article, statement, start, end, speaker, quoted)
            if quoted
            else _text(article, statement, start, end, speaker)
        )
    return Draft(
        kind="figure",
        start=start,
        end=end,
        text=text,
        speaker=speaker,
        figure=mention.to_model(),
        unnamed_speaker=_unnamed(speaker),
    )


def _at(found: list[Statement], starts: list[int], offset: int) -> Statement:
    i = max(0, bisect_right(starts, offset) - 1)
    return found[i]


def _inside(quotations: Sequence[Quotation], mention: FigureMention) -> Quotation | None:
    for quotation in quotations:
        if any(start <= mention.start and mention.end <= end for start, end in quotation.parts):
            return quotation
    return None


def _unnamed(speaker: str | None) -> bool:
    return bool(speaker) and is_unnamed_source(speaker or "")
