"""The openai engine: one request per chunk, one audit request for what it missed.

chunks → extraction requests (concurrent) → vetting → recall audit → report. Whatever the
model still misses of the article's direct quotations and figures is taken from the rules layer
and listed in the warnings, so a report never silently misses a quotation.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from typing import Any

from claimcheck.ask.chunking import Chunk, chunk, halve
from claimcheck.ask.llm import LLM, Answer, Message
from claimcheck.ask.prompts import PROMPT_VERSION, fenced, load
from claimcheck.ask.schema import ModelClaim
from claimcheck.config import Settings
from claimcheck.decide.claims import finish
from claimcheck.decide.coverage import (
    frame_quotes,
    join_frames,
    left_to_rules,
    quoted_words,
    split_shared,
    to_audit,
    unclaimed,
    widen_readings,
)
from claimcheck.decide.vetting import vet
from claimcheck.errors import ClaimcheckError, InvalidOutputError
from claimcheck.find.analysis import Analysis, analyse
from claimcheck.find.drafts import Draft
from claimcheck.find.quantity import FigureMention
from claimcheck.find.quotations import Quotation
from claimcheck.find.rules import drafts_for
from claimcheck.models import Report, UngroundedClaim, Usage
from claimcheck.read.structure import Article

log = logging.getLogger(__name__)

MAX_SPLITS = 2  # a cut-off chunk is halved at most twice (into quarters)


class OpenAIEngine:
    def __init__(self, settings: Settings, *, http_client: Any = None) -> None:
        self.settings = settings
        self.llm = LLM(settings, http_client=http_client)
        self._limit = asyncio.Semaphore(settings.concurrency)

    async def aclose(self) -> None:
        await self.llm.aclose()

    async def run(self, article: Article, *, source: str | None = None) -> Report:
        warnings: list[str] = []
        chunks = self.chunks(article)
        answers = await asyncio.gather(
            *(self._extract(article, c, warnings) for c in chunks), return_exceptions=True
        )
        run = _Run(analyse(article), self.settings.keep_ungrounded, warnings)
        run.take_chunks(chunks, answers)
        await self._audit(run)
        return self._report(run, source)

    def chunks(self, article: Article) -> list[Chunk]:
        return chunk(article, self.settings.max_chunk_chars)

    def assemble(
        self, article: Article, answers: list[Answer | BaseException], *, source: str | None
    ) -> Report:
        """A report from answers gathered elsewhere (the Batch API), one per chunk in order.
        With no second round of requests, what the answers miss comes from the rules layer."""
        run = _Run(analyse(article), self.settings.keep_ungrounded, [])
        run.take_chunks(self.chunks(article), answers)
        run.finish_from_rules()
        return self._report(run, source)

    def _report(self, run: _Run, source: str | None) -> Report:
        run.drop_repeated_questions()
        return Report(
            source=source,
            engine="openai",
            model=self.settings.model,
            prompt_version=PROMPT_VERSION,
            claims=finish(run.analysis.article, run.drafts),
            usage=run.usage,
            warnings=run.warnings,
            model_claims=len(run.proposed),
            ungrounded=run.ungrounded,
        )

    async def _extract(
        self, article: Article, piece: Chunk, warnings: list[str], depth: int = 0
    ) -> Answer:
        """One chunk's claims; a chunk whose answer was cut off is asked again in halves
        (a half that fails is named in ``warnings``)."""
        answer = await self._ask(extract_messages(article, piece))
        if not answer.truncated or len(piece.sentences) < 2 or depth >= MAX_SPLITS:
            return answer
        if _looping(answer):
            # A model that repeats itself until the limit does so on half the text too.
            log.info("chunk %d: the model looped until cut off; not split", piece.index + 1)
            return answer
        log.info("chunk %d was cut off; asking again in two halves", piece.index + 1)
        tried = await asyncio.gather(
            *(self._extract(article, h, warnings, depth + 1) for h in halve(article, piece)),
            return_exceptions=True,
        )
        halves: list[Answer] = []
        for which, half in zip(("first", "second"), tried, strict=True):
            if isinstance(half, ClaimcheckError):
                # What was already read stays; the rules layer fills in what the half held.
                warnings.append(f"chunk {piece.index + 1}, {which} half failed: {half}")
            elif isinstance(half, BaseException):
                raise half
            else:
                halves.append(half)
        return Answer(
            # The cut-off answer's complete claims are kept too; duplicates merge in the report.
            claims=answer.claims + [c for half in halves for c in half.claims],
            usage=sum((h.usage for h in halves), answer.usage),
            truncated=any(h.truncated for h in halves),
        )

    async def _ask(self, messages: list[Message]) -> Answer:
        async with self._limit:
            return await self.llm.ask(messages)

    async def _audit(self, run: _Run) -> None:
        quotes, figures = to_audit(run.analysis, run.drafts)
        # A model that answered no chunk in shape is not asked again about what it missed.
        if (quotes or figures) and self.settings.audit and not run.unanswerable:
            try:
                answer: Answer | BaseException = await self._ask(
                    audit_messages(run.analysis.article, quotes, figures)
                )
            except ClaimcheckError as error:
                answer = error
            run.take(answer, "audit request")
        run.finish_from_rules()


class _Run:
    """What one article's requests have gathered so far."""

    def __init__(self, analysis: Analysis, keep_ungrounded: bool, warnings: list[str]) -> None:
        self.analysis = analysis
        self.keep_ungrounded = keep_ungrounded
        self.drafts: list[Draft] = []
        self.warnings = warnings
        self.usage = Usage()
        self.failures: list[BaseException] = []
        self.unanswerable = False  # every chunk's answers failed the schema
        self.ungrounded: list[UngroundedClaim] = []
        self.proposed: set[tuple[str, ...]] = set()  # distinct claims the model gave

    def take_chunks(self, chunks: list[Chunk], answers: list[Answer | BaseException]) -> None:
        for piece, answer in zip(chunks, answers, strict=True):
            self.take(answer, f"chunk {piece.index + 1} of {len(chunks)}")
        if chunks and len(self.failures) == len(chunks):
            # The server, the key or the model's policy failed every chunk: the user must act.
            # A model that answered but never in shape is no worse than no model at all: the
            # report is the rules layer's, and the warnings say so.
            refused = [f for f in self.failures if not isinstance(f, InvalidOutputError)]
            if refused:
                raise refused[0]
            self.unanswerable = True

    def take(self, answer: Answer | BaseException, where: str) -> None:
        if isinstance(answer, BaseException):
            if not isinstance(answer, ClaimcheckError):
                raise answer
            self.failures.append(answer)
            self.warnings.append(
                f"{where} failed: {answer}; what it held comes from the rules layer"
            )
            return
        self.usage += answer.usage
        if answer.truncated:
            self.warnings.append(
                f"{where}: the answer was cut off by the length limit; kept its "
                f"{len(answer.claims)} complete claims"
            )
        for claim in answer.claims:
            self.proposed.add(_key(claim))
            vetted = vet(self.analysis, claim)
            self.warnings.extend(vetted.warnings)
            if vetted.draft is not None:
                self.drafts.append(vetted.draft)
            elif vetted.ungrounded is not None and self.keep_ungrounded:
                c = vetted.ungrounded
                self.ungrounded.append(
                    UngroundedClaim(kind=c.kind, text=c.text, excerpt=c.excerpt, speaker=c.speaker)
                )

    def drop_repeated_questions(self) -> None:
        """A question the model asks of many claims alike is filler, not a check."""
        counts = Counter(q for d in self.drafts for q in set(d.questions))
        for draft in self.drafts:
            draft.questions = [q for q in draft.questions if counts[q] <= 2]

    def finish_from_rules(self) -> None:
        """What the model left out, from the rules layer (see ``claimcheck.decide.coverage``): every
        part of every quotation as a quote (words inside quotation marks are quotes, whatever
        the model called them), every figure, every statement in a sentence the model passed
        over."""
        split_shared(self.analysis, self.drafts)
        quoted_words(self.analysis, self.drafts, self.warnings)
        self.fill_from_rules(*left_to_rules(self.analysis, self.drafts, self.warnings))
        widen_readings(self.analysis, self.drafts)
        join_frames(self.analysis, self.drafts)
        frame_quotes(self.analysis, self.drafts)
        self.fill_statements()

    def fill_statements(self) -> None:
        """Sentences no model claim touches get the rules' assertions, so a model that skips a
        sentence cannot lower recall below the offline engine's; the warning lists them."""
        missing = unclaimed(self.analysis, self.drafts)
        if not missing:
            return
        self.drafts.extend(missing)
        text = self.analysis.article.text
        listed = ", ".join(f"“{text[d.start : d.end][:60]}”" for d in missing)
        self.warnings.append(
            f"the model made no claim of {len(missing)} statement(s); "
            f"added them as assertions from the rules layer: {listed}"
        )

    def fill_from_rules(self, quotes: list[Quotation], figures: list[FigureMention]) -> None:
        """Add what the model never gave from the rules layer, and say so."""
        if not (quotes or figures):
            return
        drafts = drafts_for(self.analysis, self.analysis.statements, quotes, figures)
        self.drafts.extend(drafts)
        added = len(drafts)
        text = self.analysis.article.text
        missed = [f"“{text[q.start : q.end][:60]}”" for q in quotes] + [m.raw for m in figures]
        self.warnings.append(
            f"the model missed {len(quotes)} quotation(s) and {len(figures)} figure(s); "
            f"added {added} claim(s) from the rules layer: {', '.join(missed)}"
        )


def _key(claim: ModelClaim) -> tuple[str, ...]:
    return (
        claim.kind,
        " ".join(claim.excerpt.split()),
        " ".join(claim.text.split()),
        claim.speaker or "",
        claim.figure or "",
    )


def _looping(answer: Answer) -> bool:
    """Most of the answer's claims are copies of others: a model stuck in a loop."""
    keys = [(c.kind, " ".join(c.excerpt.split()).casefold()) for c in answer.claims]
    return len(keys) >= 4 and len(set(keys)) <= len(keys) // 2


def extract_messages(article: Article, piece: Chunk) -> list[Message]:
    """Instructions first and the article last, so providers can cache the common prefix."""
    parts = []
    if piece.context:
        parts.append(
            "The article's headline and opening, for context only:\n"
            f"<context>\n{_fence(piece.context)}\n</context>\n"
        )
    numbered = "\n".join(
        f"[{n}] {_fence(article.text[s.start : s.end])}" for n, s in piece.sentences
    )
    parts.append(f"<article>\n{numbered}\n</article>")
    return [
        {"role": "system", "content": load("extract").text},
        {"role": "user", "content": "\n".join(parts)},
    ]


def audit_messages(
    article: Article, quotes: list[Quotation], figures: list[FigureMention]
) -> list[Message]:
    text = article.text
    items = [f"quotation {text[q.start : q.end]}" for q in quotes] + [
        f"figure {m.raw}" for m in figures
    ]
    wanted = {article.number_of(q.start) for q in quotes} | {
        article.number_of(m.start) for m in figures
    }
    lines = [f"[{i}] {_fence(item)}" for i, item in enumerate(items, start=1)]
    sentences = "\n".join(
        f"[{n}] {_fence(text[s.start : s.end])}" for n, s in article.numbered.items() if n in wanted
    )
    user = f"<items>\n{chr(10).join(lines)}\n</items>\n<article>\n{sentences}\n</article>"
    return [
        {"role": "system", "content": load("audit").text},
        {"role": "user", "content": user},
    ]


def _fence(text: str) -> str:
    """Article text cannot close the fence it is shown in."""
    return fenced(text, "article", "context", "items")
