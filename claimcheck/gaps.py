"""Sourcing gaps and follow-up questions, decided by rules from the article's own words.

Each rule looks at one claim and the sentence it sits in, and names the specifics: which figure,
which speaker, which document. A claim with nothing to flag gets no filler question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.models import Figure, GapKind, SourcingGap

_PASSIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+been\s+(?:seen|viewed|regarded|described|criticised|criticized|"
    r"blamed|called|considered)\s+as|it\s+is\s+(?:believed|thought|understood|said|feared|"
    r"expected|claimed|reported|alleged)|(?:is|are|was|were)\s+(?:believed|thought|said|"
    r"understood|reported|alleged|feared|expected|tipped|estimated|widely\s+\w+)\s+to|"
    r"(?:is|are|was|were)\s+widely\s+(?:seen|viewed|regarded|considered))\b(?![^.]{0,40}\bby\s+[A-Z])",
    re.IGNORECASE,
)
_UNNAMED = re.compile(
    r"\b(?:(?:some|many|several|other|senior|unnamed|anonymous)\s+)?(?:officials?|sources?|"
    r"analysts?|economists?|experts?|observers?|insiders?|critics?|diplomats?|aides?|"
    r"a\s+spokes(?:man|woman|person)|spokes(?:men|women|people)|people\s+familiar|"
    r"ministers|campaigners|residents|witnesses|police|investigators)\b"
    r"(?=[^.]{0,60}\b(?:said|say|says|told|believe|believes|think|thinks|warn|warned|claim|"
    r"claimed|estimate|estimated|suggest|suggested)\b)",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(
    r"\b(?:issued|released|published|according\s+to|in)\s+(?:a|an|the|its|their|his|her)\s+"
    r"(?:\w+\s+){0,2}?(?P<doc>statement|report|study|survey|poll|letter|memo|review|"
    r"analysis|document|filing|ruling|figures|data|research|paper|audit|inquiry)\b",
    re.IGNORECASE,
)
_SCOPE = re.compile(
    r"\b(?:without\s+(?:specifying|saying|clarifying|explaining|making\s+clear)|"
    r"(?:did|does|do)\s+not\s+(?:say|specify|clarify|make\s+clear)|it\s+(?:is|was)\s+"
    r"(?:not\s+clear|unclear))\s+(?P<what>(?:if|whether|who|which|what|how|where)\b[^.]*)",
    re.IGNORECASE,
)
_TIMEFRAME = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|today|yesterday|tomorrow|week|month|year|years|quarter|annual|annually|"
    r"daily|weekly|monthly|since|by|until|decade|now|currently|so\s+far)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:ridiculous|disgraceful|shameful|outrageous|excellent|terrible|brilliant|"
    r"best|worst|great(?:est)?|wishful|pointed|upbeat|shocking|absurd|unacceptable|"
    r"deserve[sd]?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Context:
    """What the rules see of one claim."""

    kind: str
    excerpt: str
    sentence: str  # the sentence (or quotation's paragraph) the claim sits in
    speaker: str | None
    figure: Figure | None
    unnamed_speaker: bool = False  # the speaker is a group the article does not name


def review(ctx: Context) -> tuple[list[SourcingGap], list[str]]:
    """The sourcing gaps of one claim, and a question for each that names its specifics."""
    gaps: list[SourcingGap] = []
    questions: list[str] = []
    for rule in _RULES:
        found = rule(ctx)
        if found is not None:
            kind, explanation, question = found
            gaps.append(SourcingGap(kind=kind, explanation=explanation))
            questions.append(question)
    if ctx.kind == "quote" and ctx.speaker and not ctx.unnamed_speaker:
        questions.append(
            f"Where and when did {ctx.speaker} say “{_opening(ctx.excerpt)}”, and is there "
            "a recording or transcript that confirms the wording?"
        )
    return gaps, _unique(questions)


_Finding = tuple[GapKind, str, str] | None


def _no_source(ctx: Context) -> _Finding:
    if ctx.speaker or ctx.kind == "quote" or ctx.figure is None:
        return None
    value = describe(ctx.figure)
    return (
        "no_source",
        f"The figure {value} is given without saying who produced it.",
        f"Who produced the figure of {value}, and from what data?",
    )


def _unnamed_source(ctx: Context) -> _Finding:
    if ctx.unnamed_speaker and ctx.speaker:
        who = ctx.speaker
    else:
        match = _UNNAMED.search(ctx.sentence) if not ctx.speaker else None
        if match is None:
            return None
        who = match.group(0)
    return (
        "unnamed_source",
        f"Attributed to “{who}”, who are not named.",
        f"Who exactly are the “{who}” cited here, and can any of them be named or quoted?",
    )


def _passive(ctx: Context) -> _Finding:
    match = _PASSIVE.search(ctx.excerpt)
    if match is None:
        return None
    return (
        "passive_voice",
        f"“{match.group(0)}” gives no agent: the article does not say who holds this view.",
        f"Who holds the view that {_clause(ctx.excerpt)}, and on what evidence?",
    )


def _vague(ctx: Context) -> _Finding:
    fig = ctx.figure
    if fig is None or not (fig.approximate or fig.low != fig.high):
        return None
    what = "a range" if fig.low != fig.high else "an approximate number"
    return (
        "vague_figure",
        f"“{fig.raw}” is {what}; the exact number and how it was estimated are not given.",
        f"What exact number lies behind “{fig.raw}”, and how was it estimated?",
    )


def _scope(ctx: Context) -> _Finding:
    match = _SCOPE.search(ctx.sentence)
    if match is None or (ctx.figure is None and ctx.kind != "assertion"):
        return None
    doubt = match.group("what").strip().rstrip(",;:")
    subject = f"the figure of {describe(ctx.figure)}" if ctx.figure else "this claim"
    return (
        "unclear_scope",
        f"The article itself says it is unclear {doubt}.",
        f"The article does not say {doubt}: what exactly does {subject} cover, and what "
        "is its source?",
    )


def _timeframe(ctx: Context) -> _Finding:
    fig = ctx.figure
    if fig is None or fig.per or fig.unit in ("percent", "years", "months", "days"):
        return None
    if _TIMEFRAME.search(ctx.sentence):
        return None
    value = describe(fig)
    return (
        "missing_timeframe",
        f"No date or period is given for {value}.",
        f"What date or period does the figure of {value} refer to?",
    )


def _document(ctx: Context) -> _Finding:
    match = _DOCUMENT.search(ctx.sentence)
    if match is None or re.search(r"https?://|www\.", ctx.sentence):
        return None
    doc = match.group("doc").lower()
    return (
        "missing_primary_document",
        f"The {doc} is referred to but neither linked nor named precisely enough to find.",
        f"Where can the full {doc} referred to here (“{_opening(match.group(0))}”) be read?",
    )


def _opinion(ctx: Context) -> _Finding:
    if ctx.kind != "assertion":
        return None
    match = _OPINION.search(ctx.excerpt)
    if match is None:
        return None
    word = match.group(0)
    return (
        "opinion",
        f"“{word}” is a judgement, not a checkable fact.",
        f"What facts support calling it “{word}” in “{_opening(ctx.excerpt)}”?",
    )


_RULES = (_no_source, _unnamed_source, _passive, _vague, _scope, _timeframe, _document, _opinion)


def describe(fig: Figure) -> str:
    """A figure in words a question can use: '5,000 to 7,000 people a week'."""
    value = (
        _number(fig.low) if fig.low == fig.high else f"{_number(fig.low)} to {_number(fig.high)}"
    )
    if fig.unit == "percent":
        value += "%"
    elif fig.unit and len(fig.unit) == 3 and fig.unit.isupper():
        value = f"{fig.unit} {value}"
    elif fig.unit:
        value += f" {fig.unit}"
    if fig.per:
        value += f" a {fig.per}"
    return value


def _number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _opening(text: str, words: int = 8) -> str:
    parts = text.strip("“”\"‘’' ").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _clause(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
