"""From claim drafts to the report: gaps and questions, article order, ids.

Both engines produce drafts; this stage is the one place where drafts become ``Claim`` objects,
so every report honours the same contract (``article[start:end] == excerpt``, ids in order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.gaps import Context, review
from claimcheck.models import Claim, ClaimKind, Figure, SourcingGap
from claimcheck.structure import Article

_KIND_ORDER = {"quote": 0, "figure": 1, "assertion": 2}


@dataclass
class Draft:
    """A claim before it is numbered and reviewed."""

    kind: ClaimKind
    start: int
    end: int
    text: str
    speaker: str | None = None
    figure: Figure | None = None
    unnamed_speaker: bool = False
    questions: list[str] = field(default_factory=list)
    gaps: list[SourcingGap] = field(default_factory=list)


def finish(article: Article, drafts: list[Draft]) -> list[Claim]:
    """Review each draft, drop duplicates, and number the claims in article order."""
    claims: list[Claim] = []
    seen: set[tuple[str, int, int, str | None]] = set()
    for draft in sorted(drafts, key=lambda d: (d.start, _KIND_ORDER[d.kind], d.end)):
        key = (draft.kind, draft.start, draft.end, draft.figure.raw if draft.figure else None)
        if key in seen:
            continue
        seen.add(key)
        claims.append(_claim(article, draft, f"c{len(claims) + 1}"))
    return claims


def _claim(article: Article, draft: Draft, claim_id: str) -> Claim:
    excerpt = article.text[draft.start : draft.end]
    sentence = article.sentence_at(draft.start)
    context = Context(
        kind=draft.kind,
        excerpt=excerpt,
        sentence=article.text[sentence.start : sentence.end] if sentence else excerpt,
        speaker=draft.speaker,
        figure=draft.figure,
        unnamed_speaker=draft.unnamed_speaker,
    )
    gaps, questions = review(context)
    return Claim(
        id=claim_id,
        kind=draft.kind,
        text=draft.text,
        excerpt=excerpt,
        start=draft.start,
        end=draft.end,
        speaker=draft.speaker,
        figure=draft.figure,
        follow_up_questions=_merge(draft.questions, questions),
        sourcing_gaps=_merge_gaps(draft.gaps, gaps),
    )


def as_sentence(text: str) -> str:
    """Whitespace collapsed, a capital first letter, and closing punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if not re.search(r"""[.!?…]["”’']?$""", text):
        text += "."
    return text


def _merge(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _merge_gaps(first: list[SourcingGap], second: list[SourcingGap]) -> list[SourcingGap]:
    kinds = {gap.kind for gap in first}
    return [*first, *(gap for gap in second if gap.kind not in kinds)]
