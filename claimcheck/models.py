"""The report: the contract between claimcheck and its users.

Field names here are public API. Fields may be added; none is ever renamed or removed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ClaimKind = Literal["quote", "assertion", "figure"]
"""A quote is words in quotation marks; a figure is a claim whose substance is a number;
an assertion is any other checkable statement."""

EngineName = Literal["rules", "openai"]

ClaimOrigin = Literal["model", "rules"]
"""Where a claim comes from: the model's answer (held to the text), or the rules layer (the
rules engine, or what the model left out)."""

Revision = Literal["kind", "text", "speaker", "figure"]

GapKind = Literal[
    "no_source",
    "unnamed_source",
    "passive_voice",
    "vague_figure",
    "unclear_scope",
    "missing_timeframe",
    "missing_primary_document",
    "opinion",
]
"""What a careful editor would flag about how a claim is sourced.

- ``no_source``: nobody is credited for the claim, and it is not common knowledge.
- ``unnamed_source``: credited to someone the article does not name ("officials said").
- ``passive_voice``: a judgement with no agent ("has been seen as", "it is believed").
- ``vague_figure``: a range, a rounded or approximate number ("about", "5-7,000").
- ``unclear_scope``: what the claim covers is not said (whose losses, which region).
- ``missing_timeframe``: a figure or rate with no period or date it applies to.
- ``missing_primary_document``: a statement, report or study is referred to but not linked
  or named precisely enough to find.
- ``opinion``: a judgement rather than a checkable fact; check the facts it rests on.
"""

GAP_KINDS: tuple[GapKind, ...] = GapKind.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Figure(_Model):
    """A number a claim rests on, normalised so it can be compared and checked.

    A tally, the two sides of a vote, a score or a ratio ("31 to 12", "31-12", "by 31 votes to
    12"), is one figure: ``raw`` holds both sides as written, ``low`` and ``high`` are both the
    first side (31), and ``unit`` is what the sides count ("votes") when the tally names it.
    """

    raw: str = Field(description="The figure exactly as written in the article, e.g. '5-7,000'.")
    low: float = Field(
        description="Lowest value, in the unit's base amount (£1bn -> 1000000000). "
        "A percentage keeps its written number (1.75)."
    )
    high: float = Field(description="Highest value; equal to low for a single number.")
    unit: str | None = Field(
        description="What is counted: an ISO currency code ('GBP', 'USD'), 'percent', or a "
        "noun ('people', 'troops'); null when the article does not say."
    )
    per: str | None = Field(
        default=None, description="The period of a rate ('week', 'day', 'year'), else null."
    )
    approximate: bool = Field(
        default=False,
        description="True for hedged or rounded figures ('about', 'more than', a range).",
    )


class SourcingGap(_Model):
    """A weakness in how a claim is sourced, as a careful editor would flag it."""

    kind: GapKind
    explanation: str = Field(description="What is missing, specific to this claim.")


Verdict = Literal[
    "verbatim",
    "altered",
    "same",
    "different",
    "not_found",
    "supported",
    "contradicted",
    "not_enough_info",
    "unchecked",
]
"""What the sources say of a claim (``claimcheck verify``).

- quotes: ``verbatim`` (the words are in a source, quote marks, apostrophes, case and spacing
  aside, an ellipsis standing for dropped words), ``altered`` (a close passage, with the words
  changed, dropped or added in ``differences``; or the words in another person's mouth),
  ``not_found``;
- figures: ``same`` (a source gives the same value), ``different`` (a source counts the same
  thing with another value, both in ``differences``), ``not_found``;
- assertions: ``supported``, ``contradicted`` or ``not_enough_info`` when a model judged them
  on the cited passages; ``unchecked`` offline, with the best passages.
"""


class Passage(_Model):
    """A stretch of a source: ``sources[i].text[start:end] == text`` for the source named."""

    source: str = Field(description="The source as it was given (a path, a URL, a name).")
    start: int = Field(ge=0, description="Offset into the source's text as read, in characters.")
    end: int = Field(ge=0, description="End offset (exclusive).")
    text: str


class EvidencePart(_Model):
    """One quotation, or one figure, of a claim, held against the sources on its own."""

    text: str = Field(description="The quoted words (without their marks), or the figure's raw.")
    verdict: Verdict
    passages: list[Passage] = Field(default_factory=list)
    differences: list[str] = Field(default_factory=list)


class Evidence(_Model):
    """What the sources say of one claim, and where."""

    verdict: Verdict
    passages: list[Passage] = Field(default_factory=list)
    differences: list[str] = Field(
        default_factory=list,
        description="For altered quotes and different figures: what differs, in words.",
    )
    reason: str | None = Field(
        default=None,
        description="For an assertion a model judged: what in the cited passages decides it.",
    )
    parts: list[EvidencePart] = Field(
        default_factory=list,
        description="For quotes and figures: each quotation's or figure's own verdict (a claim "
        'quoting "no doubt" and "greatly reduce" has two); the claim\'s verdict sums them '
        "up: verbatim or same only when every part is.",
    )


class SourceText(_Model):
    """A source a report was checked against, and its text as read (passages index it)."""

    source: str
    text: str


class Claim(_Model):
    """One checkable claim, pinned to the article characters it rests on."""

    id: str = Field(description="Stable within one report: 'c1', 'c2', … in article order.")
    kind: ClaimKind
    text: str = Field(description="The claim as a self-contained sentence.")
    excerpt: str = Field(description="The verbatim article text the claim rests on.")
    start: int = Field(ge=0, description="Offset of the excerpt: article[start:end] == excerpt.")
    end: int = Field(ge=0, description="End offset (exclusive) of the excerpt.")
    speaker: str | None = Field(
        default=None,
        description="Who makes the claim, with the fullest name the article gives; "
        "null for the outlet's own voice.",
    )
    figure: Figure | None = Field(default=None, description="For figures: the number; else null.")
    figures: list[Figure] = Field(
        default_factory=list,
        description="For figures: every number the claim gives, in article order, 'figure' "
        "first ('£800m ($1.5bn)', 'from 370 to 870': one claim, two numbers); else empty.",
    )
    follow_up_questions: list[str] = Field(
        default_factory=list, description="What a fact-checker should ask about this claim."
    )
    sourcing_gaps: list[SourcingGap] = Field(default_factory=list)
    origin: ClaimOrigin | None = Field(
        default=None,
        description="'model' for a claim the model proposed, 'rules' for one the rules layer "
        "found (every claim of the rules engine, and what a model left out).",
    )
    revised: list[Revision] = Field(
        default_factory=list,
        description="What claimcheck changed of the model's claim on the evidence of the text "
        "('kind', 'text', 'speaker', 'figure'); empty when the model's claim is kept whole, "
        "and for rules claims. The warnings say why.",
    )
    evidence: Evidence | None = Field(
        default=None, description="What the sources say of it; set by verify, else null."
    )

    @model_validator(mode="after")
    def _figure_first(self) -> Claim:
        """A figure claim lists its figure among its figures (a report written before
        ``figures`` existed, read back, gains it)."""
        if self.figure is not None and not self.figures:
            self.figures = [self.figure]
        return self


class Usage(_Model):
    """What the report cost in LLM requests and tokens (all zero for the rules engine)."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = Field(
        default=0, description="Prompt tokens the provider served from its prompt cache."
    )
    cache_hits: int = Field(
        default=0,
        description="Answers taken from claimcheck's own cache instead of a request; their "
        "tokens are not counted again.",
    )

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
            cache_hits=self.cache_hits + other.cache_hits,
        )


class UngroundedClaim(_Model):
    """A claim the model gave whose excerpt is not in the article. Reported only on request
    (``keep_ungrounded``), apart from ``claims``, because nothing pins it to the text."""

    kind: ClaimKind
    text: str
    excerpt: str = Field(description="What the model gave as its excerpt; not in the article.")
    speaker: str | None = None


class Report(_Model):
    """Every checkable claim found in one article."""

    source: str | None = Field(default=None, description="The path or id given, else null.")
    engine: EngineName
    model: str | None = Field(default=None, description="The LLM used; null for rules.")
    prompt_version: str | None = Field(default=None, description="Null for rules.")
    claims: list[Claim] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)
    model_claims: int | None = Field(
        default=None,
        description="How many distinct claims the model gave, before any was dropped or "
        "merged; null for the rules engine. Claims with origin 'model' and nothing revised, "
        "over this, is the share of the model's answer kept whole.",
    )
    ungrounded: list[UngroundedClaim] = Field(
        default_factory=list,
        description="Claims dropped for want of an excerpt in the article; empty unless "
        "keep_ungrounded was asked for.",
    )
    sources: list[SourceText] = Field(
        default_factory=list,
        description="What verify checked the claims against, with each source's text as read.",
    )
    article_text: str | None = Field(
        default=None,
        description="The text the offsets index, when the report carries it: always for an "
        "article extracted from a web page (its text is not the page), and on request "
        "(--include-text) for any other; else null.",
    )


class ErrorInfo(BaseModel):
    """What went wrong with one article: the error's class name and its message."""

    type: str = Field(description="The error's class, e.g. 'InputError', 'RateLimitError'.")
    message: str = Field(description="What happened and what to do next.")


class ArticleError(BaseModel):
    """What a batch yields for an article that could not be checked."""

    source: str = Field(description="The article's id or path, as the batch was given it.")
    error: ErrorInfo


Result = Report | ArticleError
"""What a batch yields for each article: its Report, or an ArticleError."""
