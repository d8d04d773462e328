"""The entry point: a Checker holds the settings and the client; ``acheck`` does the work.

One implementation: ``acheck`` is the core, and ``check`` runs it on a private event loop.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Iterable,
    Iterator,
    Sized,
)
from contextlib import aclosing
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from claimcheck.config import Settings, resolve_settings
from claimcheck.decide.claims import finish
from claimcheck.errors import ConfigurationError, InputError, redact
from claimcheck.find.analysis import analyse
from claimcheck.models import Claim, Report, Result, Usage
from claimcheck.read import inputs
from claimcheck.read.structure import Article
from claimcheck.run.batch import ItemLike, check_each, iterate
from claimcheck.run.loop import LoopThread
from claimcheck.verify.evidence import with_evidence
from claimcheck.verify.sources import Source, read_sources

if TYPE_CHECKING:
    from claimcheck.decide.engine import OpenAIEngine

log = logging.getLogger(__name__)
T = TypeVar("T")


class Checker:
    """Checks articles with one set of settings, reusing its HTTP client between articles.

    Arguments win over the environment (``OPENAI_API_KEY``, ``OPENAI_BASE_URL``,
    ``CLAIMCHECK_MODEL``, ``CLAIMCHECK_ENGINE``), which wins over defaults. With no key and no
    base URL, ``engine="auto"`` (the default) is the offline rules engine.

    ``http_client`` is passed to the OpenAI SDK as it is (an ``httpx.AsyncClient``, or the
    SDK's own async client class), for proxies, custom TLS, or mocking in tests.
    """

    def __init__(
        self,
        *,
        engine: str | None = None,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        response_format: str | None = None,
        http_client: Any = None,
        settings: Settings | None = None,
        **options: Any,
    ) -> None:
        self.settings = settings or resolve_settings(
            engine=engine,
            model=model,
            base_url=base_url,
            api_key=api_key,
            response_format=response_format,
            **options,
        )
        self._http_client = http_client
        self._engine: OpenAIEngine | None = None
        self._loop = LoopThread()

    def __repr__(self) -> str:
        s = self.settings
        base_url = redact(s.base_url, s.api_key) if s.base_url else None
        return f"Checker(engine={s.engine!r}, model={s.model!r}, base_url={base_url!r})"

    async def acheck(self, text: str, *, source: str | None = None) -> Report:
        """Every checkable claim in ``text``; raises a ``ClaimcheckError`` subclass on failure."""
        clean, warning = inputs.readable(text, max_chars=self.settings.max_chars)
        source = inputs.without_surrogates(source) if source is not None else None
        article = Article(clean)
        if self.settings.engine == "rules":
            drafts = list(analyse(article).drafts)
            report = Report(source=source, engine="rules", claims=finish(article, drafts))
        else:
            report = await self._openai().run(article, source=source)
        if warning is not None:
            report = report.model_copy(update={"warnings": [*report.warnings, warning]})
        return report

    def check(self, text: str, *, source: str | None = None) -> Report:
        """The same as ``acheck``, for code that is not async."""
        return self._loop.run(self.acheck(text, source=source))

    async def averify(
        self, text: str, sources: Iterable[str | Source], *, source: str | None = None
    ) -> Report:
        """The claims of ``text``, each held against ``sources`` (paths, URLs, folders, or
        ``Source`` objects): every claim gets its ``evidence``, and the report the sources'
        texts. A source that cannot be read is left out with a warning that names it; an
        ``InputError`` when none can be."""
        report = await self.acheck(text, source=source)
        found, warnings = await asyncio.to_thread(read_sources, list(sources), text)
        if not found:
            raise InputError(
                "none of the sources could be used: " + "; ".join(warnings or ["none given"])
            )
        report = await asyncio.to_thread(with_evidence, report, found, warnings)
        if self.settings.engine == "rules":
            return report
        return await self._judge(report)

    async def _judge(self, report: Report) -> Report:
        """Each assertion judged by the model on its best passages (``verify.judgement``)."""
        from claimcheck.verify.judgement import judged  # the model's path imports openai

        llm = self._openai().llm
        limit = asyncio.Semaphore(self.settings.concurrency)

        async def one(claim: Claim) -> tuple[Claim, Usage, str | None]:
            if claim.kind != "assertion" or claim.evidence is None:
                return claim, Usage(), None
            async with limit:
                evidence, usage, warning = await judged(llm, claim.text, claim.evidence)
            return claim.model_copy(update={"evidence": evidence}), usage, warning

        done = await asyncio.gather(*(one(c) for c in report.claims))
        return report.model_copy(
            update={
                "claims": [claim for claim, _, _ in done],
                "usage": sum((spent for _, spent, _ in done), report.usage),
                "warnings": [*report.warnings, *(w for _, _, w in done if w)],
            }
        )

    def verify(
        self, text: str, sources: Iterable[str | Source], *, source: str | None = None
    ) -> Report:
        """The same as ``averify``, for code that is not async."""
        return self._loop.run(self.averify(text, sources, source=source))

    async def acheck_many(
        self,
        items: Iterable[ItemLike],
        *,
        concurrency: int | None = None,
        workers: int | None = None,
    ) -> AsyncGenerator[Result, None]:
        """Check many articles; yields each Report (or ArticleError) as its article finishes.

        Items are texts, ``(id, text)`` pairs or ``claimcheck.Item`` objects (which may name a
        file, read only when its turn comes). Requests in flight are bounded by the Checker's
        ``concurrency``; twice as many articles are open at once, so that one article's
        parsing and checking overlaps other articles' requests instead of delaying them.

        ``workers`` processes do the parsing and checking (default: one per core; ``1``
        checks in this process). The requests are made here whatever their number, under
        the same bound, rate limits and cache; the reports are the same.

        With ``article_timeout`` set (seconds), an article not done within it from its
        start is an ``ArticleError`` of type ``ArticleTimeoutError`` and the batch goes on.
        The rules engine's batches then run in worker processes even with ``workers=1``:
        a process is what can be stopped mid-article.
        """
        open_articles = 2 * (concurrency or self.settings.concurrency)
        count = _worker_count(workers, items)
        limit = self.settings.article_timeout
        # The rules engine never waits, so only a process it runs in can be stopped at the
        # limit: with one, even a batch of one worker runs in a worker process.
        if count > 1 or (limit is not None and self.settings.engine == "rules" and sys.executable):
            from claimcheck.run.workers import Host, check_in_workers

            host = Host(self.settings, _worker_checker, self._ask, self._openai)
            results = check_in_workers(host, items, workers=count, open_articles=open_articles)
        else:
            results = check_each(self, items, open_articles, limit)
        async with aclosing(results):
            async for result in results:
                yield result

    def check_many(
        self,
        items: Iterable[ItemLike],
        *,
        concurrency: int | None = None,
        workers: int | None = None,
    ) -> Iterator[Result]:
        """The same as ``acheck_many``, for code that is not async."""
        results = self.acheck_many(items, concurrency=concurrency, workers=workers)
        return iterate(self._loop, results, ahead=2 * (concurrency or self.settings.concurrency))

    def close(self) -> None:
        """Release the HTTP client and the background event loop."""
        if self._engine is not None:
            self._loop.run(self._engine.aclose())
            self._engine = None
        self._loop.close()

    async def aclose(self) -> None:
        if self._engine is not None:
            await self._engine.aclose()
            self._engine = None

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Checker:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on this Checker's loop, where its HTTP client lives."""
        return self._loop.run(coroutine)

    async def _ask(self, messages: Any) -> Any:
        """One model request a worker process needs, sent from here under this Checker's
        bound, rate limits and cache."""
        return await self._openai()._ask(messages)

    def _openai(self) -> OpenAIEngine:
        if self._engine is None:
            # Imported here: the openai SDK takes about a second to import, and the rules
            # engine never needs it.
            from claimcheck.decide.engine import OpenAIEngine

            self._engine = OpenAIEngine(self.settings, http_client=self._http_client)
        return self._engine


def check(text: str, *, source: str | None = None, **options: Any) -> Report:
    """Check one article with settings from ``options`` and the environment."""
    with Checker(**options) as checker:
        return checker.check(text, source=source)


async def acheck(text: str, *, source: str | None = None, **options: Any) -> Report:
    """Async twin of ``check``."""
    async with Checker(**options) as checker:
        return await checker.acheck(text, source=source)


async def check_many(
    items: Iterable[ItemLike], *, concurrency: int = 16, workers: int | None = None, **options: Any
) -> AsyncIterator[Result]:
    """``async for report in claimcheck.check_many(items, concurrency=16): ...``

    One Checker (one HTTP client) for the whole batch; ``concurrency`` bounds the requests in
    flight across articles and chunks; ``workers`` processes parse and check the articles
    (default: one per core).
    """
    async with Checker(concurrency=concurrency, **options) as checker:
        async for result in checker.acheck_many(items, concurrency=concurrency, workers=workers):
            yield result


def _worker_count(workers: int | None, items: Iterable[ItemLike]) -> int:
    """How many worker processes a batch gets: never more than it has articles."""
    if workers is None:
        from claimcheck.run.workers import default_workers

        workers = default_workers()
    if not isinstance(workers, int) or workers < 1:
        raise ConfigurationError(f"workers must be a positive whole number, not {workers!r}")
    if isinstance(items, Sized):
        workers = min(workers, len(items))
    return workers if sys.executable else 1


# A worker process's Checker points nowhere: should a request ever bypass the parent, it fails
# loudly instead of going out unbounded.
_NOWHERE = "http://claimcheck-worker.invalid/v1"


def _worker_checker(settings: Settings, ask: Callable[[Any], Awaitable[Any]] | None) -> Checker:
    """The Checker of a batch's worker process (``claimcheck.run.worker``), handed over by
    reference: the rules engine's as it is; the openai engine's asks the parent (``ask``)
    instead of the server, and keeps no cache of its own."""
    if ask is None:
        return Checker(settings=settings)
    from claimcheck.decide.engine import OpenAIEngine

    send = ask

    class RemoteEngine(OpenAIEngine):
        async def _ask(self, messages: Any) -> Any:
            return await send(messages)

    quiet = replace(settings, api_key="not-needed", base_url=_NOWHERE, cache=False)
    checker = Checker(settings=quiet)
    checker._engine = RemoteEngine(quiet)
    return checker
