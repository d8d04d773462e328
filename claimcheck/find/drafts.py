"""Claim drafts: what either engine finds, before the drafts are made the report's claims.

The rules engine (``claimcheck.find.rules``) and the model's vetted claims
(``claimcheck.decide.vetting``) both give ``Draft`` objects; ``claimcheck.decide.claims`` is
the one place where drafts become ``Claim`` objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.models import ClaimKind, ClaimOrigin, Figure, SourcingGap


@dataclass(frozen=True)
class Proposed:
    """The model's claim as it gave it: its speaker in the fullest form the article gives."""

    kind: ClaimKind
    text: str
    speaker: str | None
    figure: str | None


@dataclass
class Draft:
    """A claim before it is numbered and reviewed. ``quoted`` are the quotations a quote's
    statement holds (spans, marks included): its questions quote their words, not the frame."""

    kind: ClaimKind
    start: int
    end: int
    text: str
    speaker: str | None = None
    figure: Figure | None = None
    more_figures: tuple[Figure, ...] = ()  # the other numbers of a figure claim's words
    unnamed_speaker: bool = False
    body_speaker: bool = False  # the speaker is an organisation, not a person
    questions: list[str] = field(default_factory=list)
    gaps: list[SourcingGap] = field(default_factory=list)
    quoted: tuple[tuple[int, int], ...] = ()
    origin: ClaimOrigin = "rules"
    # A model's claim: the words its excerpt holds (a quote's span shrinks to the quotation;
    # the sentence it rests on is still the model's) and what the model said.
    held: tuple[int, int] | None = None
    proposed: Proposed | None = None


def says_more(claim: str, excerpt: str) -> bool:
    """The claim's text has words its excerpt lacks (a speaker named, a pronoun resolved); a
    copy of the excerpt, or of part of it, says nothing more (case and punctuation aside)."""
    return not set(_WORDS.findall(claim.casefold())) <= set(_WORDS.findall(excerpt.casefold()))


def copies(claim: str, excerpt: str) -> bool:
    """Is the claim's text a run of its excerpt's words, in their order (case and punctuation
    aside): the article's words copied, with no reading of the model's own? A text that
    reorders them ("X said: “…”" for "“…,” X said") or leaves some out is the model's own."""
    told = " ".join(w.casefold() for w in _WORDS.findall(claim))
    held = " ".join(w.casefold() for w in _WORDS.findall(excerpt))
    return f" {told} " in f" {held} "


def word_line(text: str) -> str:
    """The words of ``text``, case folded, one space apart, with one at each end (so that
    ``in`` finds a run of whole words)."""
    return " " + " ".join(w.casefold() for w in _WORDS.findall(text)) + " "


_WORDS = re.compile(r"\w+")


def as_sentence(text: str) -> str:
    """Whitespace collapsed, a capital first letter, and closing punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return text
    text = re.sub(r"""([.!?…]) ([”"’'])$""", r"\1\2", text)  # "I’m president. ”"
    aside = re.fullmatch(r"""\(([^()]+[.!?…][”"’']*)\)""", text)
    if aside is not None:
        text = aside.group(1)  # "(Trump writes that he would …)": the sentence, not "….)."
    text = text[0].upper() + text[1:]
    if re.search(r"""[.!?…]["”’']*$""", text):
        return text
    # A clause cut at a comma ends with a full stop, not with both: '…a woman.",' -> '…a woman."'
    trimmed = re.sub(r"""(?<=[.!?…]["”’'])\s*[,;:]+$""", "", text)
    return trimmed if trimmed != text else re.sub(r"\s*[,;:]+$", "", text) + "."
