"""Many articles at once: results as each article is done, with a bounded number in flight.

Articles are read lazily and at most ``concurrency`` are open at a time, so memory stays flat
however long the list. Requests in flight are limited once, across articles and their chunks,
by the Checker's engine. An article that fails yields an ``ArticleError`` instead of a report;
the others go on.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import AsyncGenerator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from claimcheck.errors import ArticleTimeoutError, ClaimcheckError, InputError, redact
from claimcheck.models import ArticleError, ErrorInfo, Report, Result
from claimcheck.read.inputs import decode, without_surrogates
from claimcheck.read.webpages import is_page, read_page
from claimcheck.run.loop import LoopThread


class Checks(Protocol):
    """What a batch needs of whatever checks its articles (a ``claimcheck.Checker``)."""

    async def acheck(self, text: str, *, source: str | None = None) -> Report: ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class Item:
    """One article of a batch: its id (the path, or the JSONL ``id``) and its text or path."""

    id: str
    text: str | None = None
    path: Path | None = None

    def __post_init__(self) -> None:
        if isinstance(self.path, str):  # Item(id=…, path="a.txt"): what was meant
            object.__setattr__(self, "path", Path(self.path))
        if self.text is None and self.path is None:
            raise ValueError(f"Item {self.id!r} needs a text or a path")

    def load(self) -> str:
        if self.text is not None:
            return self.text
        assert self.path is not None
        if is_page(str(self.path)):
            return read_page(str(self.path))  # a saved page: its main text
        try:
            return decode(self.path.read_bytes(), str(self.path))
        except OSError as error:
            raise InputError(f"{self.path}: cannot be read ({error.strerror})") from None


ItemLike = Item | str | tuple[str, str]


def as_item(value: ItemLike, index: int) -> Item:
    """An Item from an Item, a ``(id, text)`` pair, or a bare text (numbered from 1)."""
    if isinstance(value, Item):
        return value
    if isinstance(value, tuple):
        return Item(id=value[0], text=value[1])
    return Item(id=str(index + 1), text=value)


async def check_each(
    checker: Checks, items: Iterable[ItemLike], concurrency: int, limit: float | None = None
) -> AsyncGenerator[Result, None]:
    """Reports (or errors) in the order the articles finish, each given at most ``limit``
    seconds (None: no limit)."""
    pending: set[asyncio.Task[Result]] = set()
    source = iter(enumerate(items))
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < concurrency:
                nxt = next(source, None)
                if nxt is None:
                    exhausted = True
                    break
                item = as_item(nxt[1], nxt[0])
                pending.add(asyncio.create_task(check_one(checker, item, limit)))
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in pending:  # the caller stopped early
            task.cancel()


async def check_one(checker: Checks, item: Item, limit: float | None = None) -> Result:
    """The article's Report, or an ArticleError if claimcheck could not check it, or not in
    ``limit`` seconds. The limit stops an article only where it waits (for the model's
    answers); the rules engine never does, so its batches keep a limit by stopping the worker
    process (``claimcheck.run.workers``)."""
    try:
        checked = checker.acheck(item.load(), source=item.id)
        return await (checked if limit is None else asyncio.wait_for(checked, limit))
    except ClaimcheckError as error:
        return article_error(item.id, error)
    except asyncio.TimeoutError:  # wait_for's, at the limit
        assert limit is not None
        return article_error(item.id, overdue(limit))


def overdue(limit: float) -> ArticleTimeoutError:
    return ArticleTimeoutError(
        f"the article was not done after {limit:g} s, the batch's limit (--article-timeout, "
        "article_timeout); check it alone with 'claimcheck check', or raise the limit"
    )


def article_error(source: str, error: ClaimcheckError) -> ArticleError:
    message = without_surrogates(redact(str(error)))
    return ArticleError(
        source=without_surrogates(source),
        error=ErrorInfo(type=type(error).__name__, message=message),
    )


def iterate(
    loop: LoopThread, results: AsyncGenerator[Result, None], ahead: int
) -> Iterator[Result]:
    """Drive an async generator from sync code. It runs on the Checker's loop thread, with
    up to ``ahead`` results waiting for the caller, so that neither waits on the other result
    by result; a caller that stops early closes it, and its work (and any worker) ends."""
    pump = _Pump(results, ahead)
    loop.submit(pump.run())
    try:
        while True:
            more, value = pump.queue.get()
            if not more:
                if value is None:
                    return
                raise value
            loop.call_soon(pump.taken)
            yield value
    finally:
        loop.call_soon(pump.stop)
        pump.finished.wait()


class _Pump:
    """Moves results from the event loop's thread to the caller's, through a bounded queue.
    Everything but ``queue`` and ``finished`` is touched on the loop's thread only."""

    def __init__(self, results: AsyncGenerator[Result, None], ahead: int) -> None:
        self.results = results
        self.queue: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self.finished = threading.Event()
        self._room = ahead
        self._free = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopped = False

    async def run(self) -> None:
        self._task = asyncio.current_task()
        try:
            if self._stopped:  # the caller left before the pump started
                return
            while True:
                while self._room == 0:  # wait for the caller before taking another result
                    self._free.clear()
                    await self._free.wait()
                try:
                    result = await anext(self.results)
                except StopAsyncIteration:
                    break
                self._room -= 1
                self.queue.put((True, result))
            self.queue.put((False, None))
        except Exception as error:
            self.queue.put((False, error))
        finally:
            await self.results.aclose()
            self.finished.set()

    def taken(self) -> None:
        self._room += 1
        self._free.set()

    def stop(self) -> None:
        self._stopped = True
        if self._task is not None and not self._task.done():
            self._task.cancel()
