"""From claim drafts to the report: gaps and questions, article order, ids.

Both engines produce drafts; this stage is the one place where drafts become ``Claim`` objects,
so every report honours the same contract (``article[start:end] == excerpt``, ids in order).
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.decide.arbitration import revisions
from claimcheck.find.drafts import Draft, says_more
from claimcheck.find.gaps import Context, review
from claimcheck.find.questions import own_question, questions
from claimcheck.models import Claim, Figure, SourcingGap
from claimcheck.read.structure import Article

_WORDS = re.compile(r"\w+")
_KIND_ORDER = {"quote": 0, "figure": 1, "assertion": 2}


def finish(article: Article, drafts: list[Draft]) -> list[Claim]:
    """Review each draft, drop duplicates, and number the claims in article order."""
    claims: list[tuple[Claim, Context]] = []
    seen: set[tuple[str, int, int, str | None]] = set()
    drafts = _one_claim_per_text(merge_restatements(article.text, drafts))
    reaches = _reaches(article, drafts)
    for draft in sorted(drafts, key=lambda d: (d.start, _KIND_ORDER[d.kind], d.end)):
        key = (draft.kind, draft.start, draft.end, draft.figure.raw if draft.figure else None)
        if key in seen:
            continue
        seen.add(key)
        claims.append(_claim(article, draft, f"c{len(claims) + 1}", reaches[id(draft)]))
    return _asked_once(claims)


def _asked_once(claims: list[tuple[Claim, Context]]) -> list[Claim]:
    """No two claims of an article ask the same question: a later claim drops what an earlier
    one asked, and a quote or a figure left with none asks of its own words."""
    asked: set[str] = set()
    for claim, context in claims:
        kept = [q for q in claim.follow_up_questions if q not in asked]
        if not kept and claim.kind != "assertion":
            own = own_question(context)
            kept = [own] if own not in asked else []
        claim.follow_up_questions = kept
        asked.update(kept)
    return [claim for claim, _ in claims]


def _reaches(article: Article, drafts: list[Draft]) -> dict[int, tuple[int, int]]:
    """Each draft's span widened over the words of its sentence that no other draft holds."""
    text = article.text
    by_sentence: dict[int | None, list[Draft]] = {}
    for draft in drafts:
        by_sentence.setdefault(article.sentence_index_at(draft.start), []).append(draft)

    reaches = {}
    for i, neighbours in by_sentence.items():
        sentence = None if i is None else article.sentences[i]
        # Every draft starts inside its sentence, so another one overlaps the words after a
        # draft when it ends later, and the words before when it starts earlier: the two
        # latest ends and earliest starts answer that for each draft (a sentence of a
        # thousand figures would cost the square of their number, one against each other).
        ends = sorted(neighbours, key=lambda d: d.end, reverse=True)[:2]
        starts = sorted(neighbours, key=lambda d: d.start)[:2]
        for draft in neighbours:
            start, end = draft.start, draft.end
            if sentence is not None and draft.kind != "quote":
                later = next((d.end for d in ends if d is not draft), end)
                earlier = next((d.start for d in starts if d is not draft), start)
                if end < sentence.end and later <= end and _WORDS.search(text, end, sentence.end):
                    end = sentence.end
                if (
                    sentence.start < start
                    and earlier >= start
                    and _WORDS.search(text, sentence.start, start)
                ):
                    start = sentence.start
            reaches[id(draft)] = (start, end)
    return reaches


_CONTEXT = 600  # characters either side of a claim that its review reads


def _around(text: str, first: int, last: int, start: int, end: int) -> str:
    """The claim's sentence, or in a sentence longer than any real one the part of it around
    the claim: each of its claims reads its sentence, and a sentence of a thousand figures
    would otherwise cost the square of its length."""
    return text[max(first, start - _CONTEXT) : min(last, end + _CONTEXT)]


def _claim(
    article: Article, draft: Draft, claim_id: str, reach: tuple[int, int]
) -> tuple[Claim, Context]:
    start, end = draft.start, draft.end
    sentence = article.sentence_at(start)
    context = Context(
        kind=draft.kind,
        excerpt=article.text[start:end],
        sentence=_around(article.text, sentence.start, sentence.end, start, end)
        if sentence
        else article.text[start:end],
        speaker=draft.speaker,
        figure=draft.figure,
        unnamed_speaker=draft.unnamed_speaker,
        body_speaker=draft.body_speaker,
        quoted=" … ".join(article.text[s:e].strip("“”\"‘’' ") for s, e in draft.quoted) or None,
        setting=_sentence_before(article, start),
    )
    gaps, asked = _review(context, draft.more_figures)
    if reach != (start, end):
        # The rest of the sentence no other claim holds may carry what an editor flags
        # (", in a widely anticipated move"): then the excerpt holds those words too.
        wide = replace(context, excerpt=article.text[reach[0] : reach[1]])
        wider_gaps, wider_questions = _review(wide, draft.more_figures)
        if {g.kind for g in wider_gaps} - {g.kind for g in gaps}:
            (start, end), gaps, asked, context = reach, wider_gaps, wider_questions, wide
    claim = Claim(
        id=claim_id,
        kind=draft.kind,
        text=draft.text,
        excerpt=article.text[start:end],
        start=start,
        end=end,
        speaker=draft.speaker,
        figure=draft.figure,
        figures=[draft.figure, *draft.more_figures] if draft.figure else [],
        follow_up_questions=_merge(draft.questions, asked),
        sourcing_gaps=_merge_gaps(draft.gaps, gaps),
        origin=draft.origin,
        revised=revisions(draft.proposed, draft.kind, draft.text, draft.speaker, draft.figure),
    )
    return claim, context


def _review(context: Context, more: tuple[Figure, ...]) -> tuple[list[SourcingGap], list[str]]:
    """A claim's gaps and questions; a claim giving several figures is asked about each."""
    gaps, asked = review(context)
    asked = [*asked, *questions(context)]
    for figure in more:
        other = replace(context, figure=figure)
        more_gaps, more_asked = review(other)
        gaps = _merge_gaps(gaps, more_gaps)
        asked = _merge(asked, [*more_asked, *questions(other)])
    return gaps, asked


def _one_claim_per_text(drafts: list[Draft]) -> list[Draft]:
    """The rules' figure drafts with one span and one text are one claim giving each figure
    ("values the club at £800m ($1.5bn)"), so no sentence is given twice for its numbers."""
    kept: dict[tuple[int, int, str], Draft] = {}
    merged: list[Draft] = []
    for draft in drafts:
        if draft.kind != "figure" or draft.origin != "rules" or draft.figure is None:
            merged.append(draft)
            continue
        first = kept.setdefault((draft.start, draft.end, draft.text), draft)
        if first is draft:
            merged.append(draft)
        elif draft.figure != first.figure and draft.figure not in first.more_figures:
            first.more_figures = (*first.more_figures, draft.figure)
            first.questions = _merge(first.questions, draft.questions)
            first.gaps = _merge_gaps(first.gaps, draft.gaps)
    return merged


def _sentence_before(article: Article, offset: int) -> str:
    index = article.sentence_index_at(offset)
    if not index:
        return ""
    sentence, before = article.sentences[index], article.sentences[index - 1]
    return before.text(article.text) if before.paragraph == sentence.paragraph else ""


def merge_restatements(text: str, drafts: list[Draft]) -> list[Draft]:
    """One claim per excerpt: assertions restating the span of another claim are merged.

    A model often gives a sentence twice (a copy and a rewrite), or as an assertion beside the
    figure claims for the same words. Spans count as the same when they share nine tenths of
    their length ("However, it stressed …" and "it stressed …."). Of the assertions on one span
    the rewritten one is kept; it is dropped if a quote or figure holds that span, after lending
    its questions (and its text, to figure claims whose text is a mere copy of their excerpt, if
    the rewrite still gives each figure's number).
    """
    dropped: set[int] = set()
    for group in _same_spans(drafts):
        assertions = [d for d in group if d.kind == "assertion"]
        others = [d for d in group if d.kind != "assertion"]
        if len(group) < 2 or not assertions:
            continue
        kept = next((d for d in assertions if _rewritten(text, d)), assertions[0])
        for d in assertions:
            if d is not kept:
                kept.questions = _merge(kept.questions, d.questions)
                kept.gaps = _merge_gaps(kept.gaps, d.gaps)
                dropped.add(id(d))
        if not others:
            continue
        figures = [d for d in others if d.kind == "figure"]
        if _rewritten(text, kept):
            if not figures or any(
                _rewritten(text, f) or not _mentions(kept.text, f) for f in figures
            ):
                continue  # a rewrite that cannot stand for the figures is a claim of its own
            for figure in figures:
                figure.text = kept.text
                figure.speaker = figure.speaker or kept.speaker
        for target in figures or others:
            target.questions = _merge(target.questions, kept.questions)
            target.gaps = _merge_gaps(target.gaps, kept.gaps)
        dropped.add(id(kept))
    return [d for d in drafts if id(d) not in dropped]


def _same_spans(drafts: list[Draft]) -> list[list[Draft]]:
    """Drafts grouped by (nearly) the same span, in one pass over them in article order."""
    groups: list[list[Draft]] = []
    open_groups: list[list[Draft]] = []  # groups a later draft can still join
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        open_groups = [g for g in open_groups if g[0].end > draft.start]
        home = next((g for g in open_groups if _near(g[0], draft)), None)
        if home is None:
            home = []
            groups.append(home)
            open_groups.append(home)
        home.append(draft)
    return groups


def _near(a: Draft, b: Draft) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared >= 0.9 * max(a.end - a.start, b.end - b.start)


def _mentions(claim: str, figure: Draft) -> bool:
    """Does the claim text still give the figure's number ("648" of "Australian dollars 648m")?"""
    raw = figure.figure.raw if figure.figure else ""
    numbers = re.findall(r"\d[\d,.]*", raw)
    wanted = numbers or [w for w in _WORDS.findall(raw.casefold()) if len(w) > 2]
    found = claim.casefold()
    return all(n.rstrip(".,") in found for n in wanted)


def _rewritten(text: str, draft: Draft) -> bool:
    return says_more(draft.text, text[draft.start : draft.end])


def _merge(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _merge_gaps(first: list[SourcingGap], second: list[SourcingGap]) -> list[SourcingGap]:
    kinds = {gap.kind for gap in first}
    return [*first, *(gap for gap in second if gap.kind not in kinds)]
