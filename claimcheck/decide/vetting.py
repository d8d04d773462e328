"""Holding the model to the text: grounding, and checks against the deterministic analysis.

The model proposes; the text decides. An excerpt is located in the article or the claim is
dropped; a "quote" outside quotation marks becomes an assertion; a figure's value comes from the
figure parser, never from the model's arithmetic; a speaker must be someone the article names.
Where the model and the rules disagree, ``claimcheck.decide.arbitration`` weighs the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.ask.schema import ModelClaim
from claimcheck.decide.arbitration import (
    is_number,
    named_speaker,
    no_amount,
    quote_speaker,
    same_number,
    sentence_actor,
    true_to,
    voice,
)
from claimcheck.decide.grounding import locate
from claimcheck.find.analysis import Analysis
from claimcheck.find.assertions import clause_around
from claimcheck.find.drafts import Draft, Proposed, as_sentence, copies, says_more
from claimcheck.find.figures import find_figures
from claimcheck.find.quotations import Quotation, names_or_asks
from claimcheck.find.speakers import is_unnamed_source
from claimcheck.find.statements import LEADING_FILLER, unfinished
from claimcheck.find.statements import span as statement_span
from claimcheck.models import ClaimKind, Figure, SourcingGap
from claimcheck.read.structure import strip_span

_WORDS = re.compile(r"\w+")


@dataclass
class Vetted:
    draft: Draft | None
    warnings: list[str] = field(default_factory=list)
    ungrounded: ModelClaim | None = None


def vet(analysis: Analysis, claim: ModelClaim) -> Vetted:
    """The claim as a draft the article supports, or None with the reason in warnings."""
    span, warnings = _ground(analysis, claim)
    if span is None:
        return Vetted(None, warnings, ungrounded=claim)
    start, end = span
    text = analysis.article.text
    if analysis.article.is_furniture(start, end):
        return Vetted(
            None, [f"dropped a claim made out of page furniture: {_short(text[start:end])}"]
        )
    named = _named_speaker(analysis, claim, warnings)
    proposed = Proposed(claim.kind, _proposed_text(claim), named or claim.speaker, claim.figure)
    # A text of the model's own is its reading of the words; a copy of them carries none, and
    # there the rules' reading of the same words decides what the copy leaves open.
    # A quote whose text leaves out every word its excerpt quotes is no reading of them.
    reads = not copies(proposed.text, text[start:end]) and (
        claim.kind != "quote" or _keeps_quoted_words(analysis, proposed.text, start, end)
    )
    kind, speaker, figure = claim.kind, named, None
    if kind == "quote":
        kind, speaker, (start, end) = _check_quote(analysis, start, end, named, warnings, reads)
    if kind != "quote" and speaker is None and not reads:
        speaker = _voice(analysis, start, end)
    if kind == "figure":
        kind, figure = _figure(analysis, claim, start, end, warnings)
    overruled = kind == "quote" and bool(claim.speaker) and (named is None or speaker != named)
    if kind != "quote":
        start, end = statement_span(text, start, end)  # no leading "And"/"But", as the rules'
        start, end = _finished(analysis, start, end)
    said, (start, end) = _text(analysis, claim, kind, start, end, warnings, overruled=overruled)
    said = _without_filler(said)
    draft = Draft(
        kind=kind,
        start=start,
        end=end,
        text=said,
        speaker=speaker,
        figure=figure,
        unnamed_speaker=bool(speaker) and is_unnamed_source(speaker or ""),
        questions=[
            q.strip() for q in claim.follow_up_questions if specific(q, f"{text[start:end]} {said}")
        ][:3],
        gaps=[
            SourcingGap(kind=g.kind, explanation=g.explanation)
            for g in {g.kind: g for g in claim.sourcing_gaps}.values()
        ],
        origin="model",
        held=span,
        proposed=proposed,
    )
    if kind == "quote":
        attribute(analysis, draft)
    return Vetted(draft, warnings)


def _without_filler(said: str) -> str:
    """A text opening with "And"/"But" is no statement of its own; the rest of it is."""
    rest = LEADING_FILLER.sub("", said, count=1)
    return as_sentence(rest) if rest and rest != said else said


def _proposed_text(claim: ModelClaim) -> str:
    return as_sentence(_NUMBERING.sub("", claim.text).strip())


def _text(
    analysis: Analysis,
    claim: ModelClaim,
    kind: ClaimKind,
    start: int,
    end: int,
    warnings: list[str],
    *,
    overruled: bool = False,
) -> tuple[str, tuple[int, int]]:
    """The model's self-contained text when it is about the excerpt; else the article's own
    words, as the rules engine would give them: the clause holding a figure or assertion, a
    quote's words (which ``attribute`` then credits to the speaker). A text that credits the
    words to a speaker the text overruled goes too. With the text, the claim's span: the
    article's words given as its text are its excerpt."""
    article = analysis.article
    said = _proposed_text(claim)
    excerpt = article.text[start:end]
    if overruled and claim.speaker and _names(said, claim.speaker):
        warnings.append(
            f"the model's text for {_short(excerpt, 40)} credits the words to "
            f"{claim.speaker.strip()}; the article's words are used instead"
        )
    elif unfinished(said):
        warnings.append(
            f"the model's text for {_short(excerpt, 40)} stops short of a statement; the "
            f"article's words are used instead of {_short(said, 60)}"
        )
    elif said and claim.kind == "quote" and not _keeps_quoted_words(analysis, said, start, end):
        warnings.append(
            f"the model's text for {_short(excerpt, 40)} leaves out every word it quotes; the "
            f"article's words are used instead of {_short(said, 60)}"
        )
    elif said and any(
        true_to(said, e, article.text, analysis.quoted_line) for e in (excerpt, claim.excerpt)
    ):
        return said, (start, end)
    elif said:
        warnings.append(
            f"the model's text for {_short(excerpt, 40)} changes or adds a name, number or "
            f"quoted word, or is about something else; the article's words are used instead "
            f"of {_short(said, 60)}"
        )
    sentence = article.sentence_at(start)
    if kind != "quote" and sentence is not None and end <= sentence.end:
        start, end = clause_around(article.text, sentence.start, sentence.end, start, end)
    return as_sentence(article.text[start:end]), (start, end)


def _keeps_quoted_words(analysis: Analysis, said: str, start: int, end: int) -> bool:
    """Does a quote's text hold a word (of four letters or more) of the words its excerpt
    quotes, scare quotes included? One quoting none of them is about something else (a
    figure's text may put quoted words its own way: "blamed 5,000 employees")."""
    text = analysis.article.text
    quoted = {
        w.casefold()
        for q in analysis.quotations
        if q.start < end and q.end > start
        for s, e in q.parts
        for w in _WORDS.findall(text, max(s, start), min(e, end))
        if len(w) > 3
    }
    return not quoted or bool(quoted & {w.casefold() for w in _WORDS.findall(said)})


def _finished(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """An excerpt that stops short of a statement ("… would take place at a") reaches to the
    end of its clause (quoted words and all)."""
    text = analysis.article.text
    sentence = analysis.article.sentence_at(start)
    if not unfinished(text[start:end]) or sentence is None or end > sentence.end:
        return start, end
    _, clause_end = clause_around(text, sentence.start, sentence.end, start, end)
    return start, max(end, clause_end)


_NUMBERING = re.compile(r"^\s*(?:\[\d+\]\s*)+")


def _names(text: str, speaker: str) -> bool:
    """Does the text name the speaker (any capitalised word of the name)?"""
    words = set(_WORDS.findall(text))
    return any(w in words for w in _WORDS.findall(speaker) if w[:1].isupper() and len(w) > 2)


def attribute(analysis: Analysis, draft: Draft) -> None:
    """A quote whose text only copies its words cannot stand alone: it says who said them,
    as the rules engine's quotes do ("Donald Trump said: “…”")."""
    text = analysis.article.text
    if not draft.speaker or says_more(draft.text, text[draft.start : draft.end]):
        return
    words = " ".join(
        " ".join(text[max(s, draft.start) : min(e, draft.end)].split())
        for s, e, _ in analysis.quoted_parts(draft.start, draft.end)
    )
    if words:
        draft.text = f"{draft.speaker} said: “{words}”"


def _ground(analysis: Analysis, claim: ModelClaim) -> tuple[tuple[int, int] | None, list[str]]:
    text = analysis.article.text
    sentence = analysis.article.numbered.get(claim.sentence) if claim.sentence is not None else None
    found = (
        locate(text, claim.excerpt, near=sentence.start if sentence else None)
        if claim.excerpt.strip()
        else None
    )
    if found is not None:
        return (found.start, found.end), []
    if sentence is not None and _supported_by(claim, text[sentence.start : sentence.end]):
        return (sentence.start, sentence.end), [
            f"excerpt not found verbatim; pinned to sentence {claim.sentence}: "
            + _short(claim.excerpt)
        ]
    return None, [
        f"dropped a claim not found in the article: {_short(claim.excerpt or claim.text)}"
    ]


def _supported_by(claim: ModelClaim, sentence: str) -> bool:
    """Most of the excerpt's words are in the sentence: a paraphrase, not an invention."""
    words = {w.lower() for w in _WORDS.findall(claim.excerpt) if len(w) > 2}
    if len(words) < 3:
        return False
    present = {w.lower() for w in _WORDS.findall(sentence)}
    return len(words & present) >= 0.8 * len(words)


def _check_quote(
    analysis: Analysis,
    start: int,
    end: int,
    speaker: str | None,
    warnings: list[str],
    reads: bool,
) -> tuple[ClaimKind, str | None, tuple[int, int]]:
    """A quote must hold words in quotation marks; its span becomes that quotation's (a
    model that copies the whole sentence around a quote still pins the quote itself), and its
    speaker is the model's where the article names them (``quote_speaker``). A reading of the
    model's own may take words the rules took for scare quotes ('what lawmakers called
    “fraud”') as someone's words; a copy may not, unless who the sentence is about said them."""
    text = analysis.article.text
    touching = analysis.quotes_touching(start, end)
    # Quoted words, not a neighbouring quotation's mark copied along with the sentence.
    inside = [q for q in touching if _words_inside(text, q, start, end)]
    if not inside:
        scare = _scare_quote(analysis, start, end, speaker, reads)
        if scare is not None:
            return "quote", speaker, _pinned(text, scare, start, end)
        for q in touching:  # a neighbour's mark is no part of the claim
            if q.start >= start:
                end = min(end, q.start)
            elif q.end <= end:
                start = max(start, q.end)
        start, end = strip_span(text, start, end)
        warnings.append(
            "reclassified as an assertion, not being inside quotation marks: "
            + _short(text[start:end])
        )
        return "assertion", speaker, (start, end)
    quotation = inside[0]
    said_by = quote_speaker(analysis, quotation, speaker, warnings)
    # A statement may hold several quotations ("… “a,” … and “b” …"): the claim holds them all.
    return "quote", said_by, _pinned(text, quotation, start, end, inside[-1])


def _words_inside(text: str, q: Quotation, start: int, end: int) -> bool:
    return any(_WORDS.search(text, max(s, start), min(e, end)) for s, e in q.parts)


def _pinned(
    text: str, quotation: Quotation, start: int, end: int, last: Quotation | None = None
) -> tuple[int, int]:
    """The claim's span on its quotations, ``quotation`` to ``last``: an end outside them, or
    with no quoted word left before a mark, is the quotation's own ('was quoted as saying …
    "all-Australian' is the quote "all-Australian")."""
    last = last or quotation
    if not _WORDS.search(text, quotation.start, max(start, quotation.start)):
        start = quotation.start
    if not _WORDS.search(text, min(end, last.end), last.end):
        end = last.end
    return start, end


def _scare_quote(
    analysis: Analysis, start: int, end: int, speaker: str | None, reads: bool
) -> Quotation | None:
    """A short quotation the rules took for scare quotes only because no speech verb governs
    it ('hailed the longest period of growth in UK "industrial history"'): the model's quote
    when it credits the words to who the sentence is about. Names, titles, nicknames and a
    reporter's question are read off the text and stay no one's words."""
    if speaker is None:
        return None
    text = analysis.article.text
    sentence = analysis.article.sentence_at(start)
    for q in analysis.quotations:
        if q.is_statement or q.end <= start or q.start >= end:
            continue
        if not _words_inside(text, q, start, end) or names_or_asks(analysis.article, q):
            continue
        if reads or (sentence is not None and sentence_actor(analysis, sentence, speaker)):
            return q
    return None


def _figure(
    analysis: Analysis, claim: ModelClaim, start: int, end: int, warnings: list[str]
) -> tuple[ClaimKind, Figure | None]:
    """The figure's value from the parser, for the number the model gave. A number the
    parser cannot read keeps the claim a figure with no value; a claim with no number at all
    is an assertion."""
    text = analysis.article.text
    # Parsed over the whole sentence, so that how the model cut its excerpt cannot change a
    # value: "337,000 jobs" is a month's only when "last month" is in view.
    n = analysis.article.number_of(start)
    sentence = analysis.article.numbered.get(n) if n else None
    around = analysis.figures.within(sentence.start, sentence.end) if sentence else []
    mentions = [m for m in around if start <= m.start < end] or find_figures(text, start, end)
    wanted = " ".join((claim.figure or "").split())
    if wanted:
        chosen = next((m for m in [*mentions, *around] if same_number(wanted, m.raw)), None)
        if chosen is not None:
            return "figure", chosen.to_model()
        where = " ".join(
            (text[sentence.start : sentence.end] if sentence else text[start:end]).split()
        )
        if (
            is_number(wanted)
            and wanted.casefold() in where.casefold()
            and not no_amount(where, wanted)
        ):
            warnings.append(
                f"the figure parser cannot read {_short(wanted, 30)} in {_short(where, 50)}; "
                "kept as a figure with no value"
            )
            return "figure", None
    mentions = mentions or around
    if not mentions:
        warnings.append(
            f"reclassified as an assertion, having no number: {_short(text[start:end])}"
        )
        return "assertion", None
    return "figure", mentions[0].to_model()


def _named_speaker(analysis: Analysis, claim: ModelClaim, warnings: list[str]) -> str | None:
    """The model's speaker as the article names them (``named_speaker``); a speaker the
    article does not name is not used, and the warnings say so."""
    if claim.speaker and claim.speaker.strip():
        name = claim.speaker.strip()
        named = named_speaker(analysis, name)
        if named is not None:
            return named
        warnings.append(f"speaker {name!r} is not named in the article; not used")
    return None


def _voice(analysis: Analysis, start: int, end: int) -> str | None:
    """The speaker a cue gives these words, when the model gave none (see ``voice``)."""
    n = analysis.article.number_of(start)
    sentence = analysis.article.numbered.get(n) if n else None
    return voice(analysis, sentence, start, end) if sentence else None


_GENERIC = frozenset(
    """claim claims source sources evidence statement person people article information number
    making exact specific support verify verified where which there about saying making would
    could should other whose their these those being been accurate accuracy context details
    further checked""".split()
)


def specific(question: str, context: str) -> bool:
    """Does the question name something of this claim (a name, a number, a content word)?
    "What is the name of the person making this claim?" names nothing: filler."""
    if not question.strip():
        return False
    seen = {w.lower() for w in _WORDS.findall(context)}
    words = {w.lower() for w in _WORDS.findall(question)}
    return any((w.isdigit() or len(w) >= 5) and w not in _GENERIC and w in seen for w in words)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
