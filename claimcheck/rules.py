"""The offline engine: claims from the deterministic layer alone, with no model and no network.

Quotations become quotes, numbers become figures (credited to the quote's speaker when they sit
inside one), and the article's own remaining statements become assertions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from claimcheck.assertions import assertion_spans, clause_around
from claimcheck.figures import FigureMention, find_figures
from claimcheck.quotations import Quotation, find_quotations
from claimcheck.report import Draft, as_sentence
from claimcheck.speakers import is_unnamed_source, reported_speaker
from claimcheck.structure import Article, Sentence


def rule_drafts(article: Article) -> list[Draft]:
    """Every claim the rules find in the article's body, in no particular order."""
    quotations = [
        q
        for q in find_quotations(article)
        if q.is_statement and not article.is_furniture(q.start, q.end)
    ]
    drafts = [_quote(article, q) for q in quotations]
    starts = [q.start for q in quotations]
    for sentence in article.body_sentences:
        speaker = reported_speaker(article, sentence)
        # Only the quotations that can touch this sentence: keeps long articles linear.
        near = quotations[
            max(0, bisect_right(starts, sentence.start) - 1) : bisect_left(starts, sentence.end)
        ]
        drafts.extend(_figures(article, sentence, near, speaker))
        drafts.extend(_assertions(article, sentence, [(q.start, q.end) for q in near], speaker))
    return drafts


def drafts_for(
    article: Article,
    statements: list[Quotation],
    quotes: list[Quotation],
    figures: list[FigureMention],
) -> list[Draft]:
    """The rules' drafts for just these quotations and figures (what a model missed), without
    running the whole layer again. ``statements`` are all the article's statement quotations,
    which decide whether a figure is someone's words."""
    drafts = [_quote(article, q) for q in quotes]
    for mention in figures:
        sentence = article.sentence_at(mention.start)
        if sentence is None:
            continue
        quotation = _inside(statements, mention)
        speaker = None if quotation else reported_speaker(article, sentence)
        drafts.append(_figure(article, sentence, mention, quotation, speaker))
    return drafts


def _quote(article: Article, quotation: Quotation) -> Draft:
    words = quotation.text(article.text).strip()
    if quotation.speaker:
        text = f"{quotation.speaker} said: “{words}”"
    else:
        text = f"The article quotes, without saying who said it: “{words}”"
    return Draft(
        kind="quote",
        start=quotation.start,
        end=quotation.end,
        text=text,
        speaker=quotation.speaker,
        unnamed_speaker=_unnamed(quotation.speaker),
    )


def _figures(
    article: Article, sentence: Sentence, quotations: list[Quotation], speaker: str | None
) -> list[Draft]:
    drafts = []
    for mention in find_figures(article.text, sentence.start, sentence.end):
        quotation = _inside(quotations, mention)
        drafts.append(_figure(article, sentence, mention, quotation, speaker))
    return drafts


def _figure(
    article: Article,
    sentence: Sentence,
    mention: FigureMention,
    quotation: Quotation | None,
    speaker: str | None,
) -> Draft:
    if quotation is not None:
        part = next(p for p in quotation.parts if p[0] <= mention.start < p[1])
        start, end = clause_around(article.text, part[0], part[1], mention.start, mention.end)
        speaker = quotation.speaker
        words = article.text[start:end]
        text = f"{speaker} said: “{words.strip()}”" if speaker else as_sentence(words)
    else:
        start, end = clause_around(
            article.text, sentence.start, sentence.end, mention.start, mention.end
        )
        text = as_sentence(article.text[start:end])
    return Draft(
        kind="figure",
        start=start,
        end=end,
        text=text,
        speaker=speaker,
        figure=mention.to_model(),
        unnamed_speaker=_unnamed(speaker),
    )


def _assertions(
    article: Article, sentence: Sentence, holes: list[tuple[int, int]], speaker: str | None
) -> list[Draft]:
    drafts = []
    for start, end in assertion_spans(article.text, sentence.start, sentence.end, holes):
        if find_figures(article.text, start, end):
            continue  # a clause whose substance is a number is already a figure claim
        drafts.append(
            Draft(
                kind="assertion",
                start=start,
                end=end,
                text=as_sentence(article.text[start:end]),
                speaker=speaker,
                unnamed_speaker=_unnamed(speaker),
            )
        )
    return drafts


def _inside(quotations: list[Quotation], mention: FigureMention) -> Quotation | None:
    for quotation in quotations:
        if any(start <= mention.start and mention.end <= end for start, end in quotation.parts):
            return quotation
    return None


def _unnamed(speaker: str | None) -> bool:
    return bool(speaker) and is_unnamed_source(speaker or "")
