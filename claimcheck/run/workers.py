"""A batch on every core: the deterministic layer in worker processes, the requests here.

The parent keeps what must be shared: the HTTP client, the answer cache, the bound on requests
in flight and the rate limits. Each worker process (``claimcheck.run.worker``) does the CPU work
of its articles: reading the text, the rules engine, the openai engine's parsing, grounding
and vetting. A worker's model requests come back to the parent, which sends them under
the same bound as a batch in one process, so the number of workers never changes how hard
the server is asked.

Articles are taken from the iterable as workers free up, so memory stays flat. With the
rules engine a worker checks one article at a time, the next one waiting; with the openai
engine it holds several, as they wait for their answers. A worker that dies (killed, out of
memory, a crash in a native library) costs only the articles it held: a new worker takes its
place, each of its articles is tried once more, and one held by a second dying worker is
reported as an ``ArticleError`` of type ``WorkerError``. The batch goes on.

With a time limit per article (``Settings.article_timeout``), the parent stops the worker
process holding an article past it, reports that article as an ``ArticleTimeoutError`` and
gives the worker's other articles to a new worker, as if they had not been tried. The openai
engine's worker keeps the limit itself where the article waits for answers; the parent stops
it only if it does not, a few seconds later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimcheck.config import Settings
from claimcheck.errors import WorkerError
from claimcheck.models import ArticleError, Report, Result
from claimcheck.run.batch import Item, ItemLike, article_error, as_item, overdue
from claimcheck.run.worker import HEADER, Build, frame, portable

log = logging.getLogger(__name__)

ATTEMPTS = 2  # an article is given to a worker at most twice
STOP_SECONDS = 5.0  # how long a worker may take to leave once the batch is over


def default_workers() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Host:
    """What the worker processes are handed by the checker that starts them.

    ``settings`` go to every worker without the key. ``build`` makes a worker's own checker
    from them (it is pickled by reference: a module-level function). ``ask`` sends a worker's
    model request from this process, under the checker's bound, rate limits and cache.
    ``warm`` runs as the workers start (the openai SDK's imports take a while).
    """

    settings: Settings
    build: Build
    ask: Callable[[Any], Awaitable[Any]]
    warm: Callable[[], object]


@dataclass
class _Job:
    number: int
    item: Item
    attempts: int = 0
    started: float | None = None  # when the worker began it (loop time)


STARTUP_SECONDS = 120.0  # a worker not ready by then never will be


class _Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.held: dict[int, _Job] = {}
        self.ready = False
        self.alive = True
        self.reader: asyncio.Task[None] | None = None
        self.overdue: _Job | None = None  # the article it was stopped for
        self.born = asyncio.get_running_loop().time()

    def send(self, message: Any) -> None:
        if self.alive and self.process.stdin is not None:
            self.process.stdin.write(frame(message))


async def check_in_workers(
    host: Host, items: Iterable[ItemLike], *, workers: int, open_articles: int
) -> AsyncGenerator[Result, None]:
    """Reports (or errors) in the order the articles finish, checked by ``workers``
    processes, with at most ``open_articles`` taken from ``items`` and not yet yielded."""
    pool = _Pool(host, workers, open_articles)
    try:
        async for result in pool.run(items):
            yield result
    finally:
        await pool.close()


class _Pool:
    def __init__(self, host: Host, size: int, open_articles: int) -> None:
        self.host = host
        self.size = size
        self.limit = open_articles
        # The rules engine checks a worker's articles one after another, in the order they
        # were sent, with the next one waiting so no worker idles between articles; a worker
        # that dies was then working on the first article it held, and only that one is blamed.
        self.in_order = host.settings.engine == "rules"
        self.per_worker = 2 if self.in_order else open_articles
        self.workers: list[_Worker] = []
        self.events: asyncio.Queue[Result | BaseException] = asyncio.Queue()
        self.retry: deque[_Job] = deque()
        self.open = 0  # taken from the source and not yet yielded
        self.source: Iterator[tuple[int, ItemLike]] = iter(())
        self.exhausted = False
        self.closing = False
        self.requests: set[asyncio.Task[None]] = set()
        self.seconds = host.settings.article_timeout
        # The openai engine's worker stops its own article at the limit; this is the backstop.
        self.allowed = (
            None
            if self.seconds is None
            else self.seconds + (0.0 if self.in_order else STOP_SECONDS)
        )
        self.watch: asyncio.Task[None] | None = None

    async def run(self, items: Iterable[ItemLike]) -> AsyncIterator[Result]:
        self.source = iter(enumerate(items))
        for _ in range(self.size):
            await self._start()
        if self.allowed is not None:
            self.watch = asyncio.create_task(self._watch(self.allowed))
        self._fill()
        if not self.in_order:
            self.host.warm()  # the openai SDK's imports take a while: done as workers start
        while self.open or not self.exhausted:
            event = await self.events.get()
            if isinstance(event, BaseException):
                raise event
            self.open -= 1
            self._fill()
            yield event

    async def close(self) -> None:
        self.closing = True
        if self.watch is not None:
            self.watch.cancel()
        for task in list(self.requests):
            task.cancel()
        for worker in self.workers:
            if worker.process.stdin is not None:
                worker.process.stdin.close()  # the worker leaves at the end of its input
        for worker in self.workers:
            try:
                await asyncio.wait_for(worker.process.wait(), STOP_SECONDS)
            except asyncio.TimeoutError:
                worker.process.kill()
                await worker.process.wait()
        readers = [w.reader for w in self.workers if w.reader is not None]
        await asyncio.gather(*readers, *self.requests, return_exceptions=True)

    async def _start(self) -> None:
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                _BOOTSTRAP.format(root=str(Path(__file__).resolve().parents[2])),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                env={k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"},
                limit=2**20,
            )
        except OSError as error:
            raise WorkerError(
                f"could not start a worker process ({error}); use --workers 1 (workers=1) to "
                "check the articles in this process"
            ) from None
        worker = _Worker(process)
        level = logging.getLogger("claimcheck").getEffectiveLevel()
        # The worker never sees the key: its requests are made here.
        worker.send(("setup", replace(self.host.settings, api_key=None), level, self.host.build))
        worker.reader = asyncio.create_task(self._read(worker))
        self.workers.append(worker)

    def _fill(self) -> None:
        """Give free workers articles: retries first, then new ones while under the limit."""
        while not self.closing and (self.retry or self.open < self.limit):
            free = [w for w in self.workers if w.alive and len(w.held) < self.per_worker]
            if not free:
                return
            job = self.retry.popleft() if self.retry else self._take()
            if job is None:
                return
            worker = min(free, key=lambda w: len(w.held))
            job.attempts += 1
            # Its clock starts when the worker begins it: in order, once the one before it is
            # done; once the worker is ready, if it is still starting (a loaded machine may
            # take longer than the limit to import claimcheck).
            waits = (self.in_order and bool(worker.held)) or not worker.ready
            job.started = None if waits else asyncio.get_running_loop().time()
            worker.held[job.number] = job
            worker.send(("check", job.number, job.item))

    def _take(self) -> _Job | None:
        if self.exhausted:
            return None
        taken = next(self.source, None)
        if taken is None:
            self.exhausted = True
            return None
        self.open += 1
        number, value = taken
        return _Job(number, as_item(value, number))

    async def _read(self, worker: _Worker) -> None:
        stdout = worker.process.stdout
        assert stdout is not None
        try:
            while True:
                header = await stdout.readexactly(HEADER.size)
                (size,) = HEADER.unpack(header)
                self._handle(worker, pickle.loads(await stdout.readexactly(size)))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the worker is gone
        except Exception as error:  # a bug here must not leave the batch waiting forever
            self.events.put_nowait(error)
            return
        worker.alive = False
        if not self.closing:
            try:
                await self._replace(worker)
            except Exception as error:
                self.events.put_nowait(error)

    def _handle(self, worker: _Worker, message: Any) -> None:
        kind = message[0]
        if kind == "done":
            if worker.held.pop(message[1], None) is not None:
                if self.in_order and worker.held:  # the next one starts now
                    next(iter(worker.held.values())).started = asyncio.get_running_loop().time()
                model = Report if message[2] else ArticleError
                self.events.put_nowait(model.model_validate_json(message[3]))
                self._fill()
        elif kind == "ask" and not self.closing:
            task = asyncio.create_task(self._answer(worker, message[1], message[2]))
            self.requests.add(task)
            task.add_done_callback(self.requests.discard)
        elif kind == "raised":
            # A bug, not a bad article: raised here, as it would be in one process.
            error, trace = message[2], message[3]
            error.__cause__ = _RemoteTraceback(trace)
            self.events.put_nowait(error)
        elif kind == "log":
            record = logging.makeLogRecord(message[1])
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        elif kind == "ready":
            worker.ready = True
            now = asyncio.get_running_loop().time()
            for job in list(worker.held.values())[: 1 if self.in_order else None]:
                job.started = now

    async def _answer(self, worker: _Worker, number: int, messages: Any) -> None:
        # The one place a worker's request is sent: under the Checker's own bound and limits.
        try:
            answer = await self.host.ask(messages)
        except Exception as error:
            worker.send(("answer", number, None, portable(error)))
        else:
            worker.send(("answer", number, answer, None))

    async def _watch(self, allowed: float) -> None:
        """Stop any worker that holds an article past its time."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(min(1.0, max(0.05, allowed / 10)))
            now = loop.time()
            for worker in self.workers:
                if not worker.alive or worker.overdue is not None:
                    continue
                if not worker.ready and now - worker.born > max(STARTUP_SECONDS, allowed):
                    with contextlib.suppress(ProcessLookupError):  # never ready: "could not start"
                        worker.process.kill()
                    continue
                for job in worker.held.values():
                    if job.started is not None and now - job.started > allowed:
                        worker.overdue = job
                        with contextlib.suppress(ProcessLookupError):  # gone already
                            worker.process.kill()
                        break

    async def _replace(self, worker: _Worker) -> None:
        code = await worker.process.wait()
        self.workers.remove(worker)
        how = _ended(code)
        if not worker.ready:
            hint = " and without --article-timeout" if self.seconds is not None else ""
            raise WorkerError(
                f"a worker process could not start: it {how} (see the error above); "
                f"use --workers 1 (workers=1){hint} to check the articles in this process"
            )
        late = worker.overdue
        allowed_seconds = self.seconds or 0.0
        if late is not None:
            if worker.held.pop(late.number, None) is not None:  # else done as it was stopped
                self.events.put_nowait(article_error(late.item.id, overdue(allowed_seconds)))
            log.warning(
                "stopped the worker process checking %s: not done after %g s; starting another",
                late.item.id,
                allowed_seconds,
            )
        held = list(worker.held.values())  # in the order they were sent
        if late is not None:
            for job in held:
                job.attempts -= 1  # stopped for another article: tried again, as if anew
        else:
            log.warning(
                "a worker process %s holding %d article(s); starting another", how, len(held)
            )
        if self.in_order and late is None:
            for waiting in held[1:]:
                waiting.attempts -= 1  # never started: not its fault
        for job in held:
            if job.attempts < ATTEMPTS:
                self.retry.append(job)
                continue
            error = WorkerError(
                f"the worker process checking this article {how}, twice; it may need more "
                "memory than the machine has, or crash a library: check it alone with "
                "'claimcheck check'"
            )
            self.events.put_nowait(article_error(job.item.id, error))
        await self._start()
        self._fill()


class _RemoteTraceback(Exception):
    """The traceback of an error raised in a worker process, shown as its cause."""

    def __init__(self, trace: str) -> None:
        super().__init__(trace)
        self.trace = trace

    def __str__(self) -> str:
        return f"\n\n(in the worker process)\n{self.trace}"


def _ended(code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if name == "SIGKILL":
            return "was killed (SIGKILL: out of memory, or killed by hand)"
        return f"died of {name} (a crash, most likely in a native library)"
    return f"exited with status {code}"


# The worker imports the claimcheck this process runs: the folder it came from goes first
# unless the interpreter already looks there (site-packages must not go before the standard
# library), and the current folder is not searched.
_BOOTSTRAP = (
    "import sys; root = {root!r}; sys.path[:] = [p for p in sys.path if p]; "
    "root in sys.path or sys.path.insert(0, root); "
    "from claimcheck.run.worker import main; main()"
)
