"""What runs in each worker process of a batch (started by ``claimcheck.run.workers``).

The parent sends the settings and how to build a checker from them, then articles; the worker
answers each with its Report or ArticleError. With the openai engine, the worker's model
requests go back to the parent, which sends them under the batch's bound, rate limits and
cache, and returns the answers: the worker holds no key and opens no connection.

Messages are frames on the worker's stdin and stdout: a 4-byte length, then a pickle. The
worker points its own stdout at stderr first, so a stray print cannot corrupt a frame.
"""

from __future__ import annotations

import asyncio
import faulthandler
import itertools
import logging
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Awaitable, Callable, Coroutine
from typing import IO, Any

from claimcheck.config import Settings
from claimcheck.models import Report
from claimcheck.run.batch import Checks, Item, check_one

HEADER = struct.Struct("!I")

Ask = Callable[[Any], Awaitable[Any]]
Build = Callable[[Settings, "Ask | None"], Checks]
"""How a worker makes its checker: from the settings, and (for the openai engine) the
function that sends its model requests to the parent; None for the rules engine."""


def frame(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def read_frame(stream: IO[bytes]) -> Any | None:
    """The next message, or None at the end of the stream."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    data = stream.read(size)
    return pickle.loads(data) if len(data) == size else None


def portable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else a RuntimeError that names it."""
    try:
        return pickle.loads(pickle.dumps(error))  # type: ignore[no-any-return]
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


class Channel:
    """Whole frames to the parent, one writer at a time."""

    def __init__(self, sink: IO[bytes]) -> None:
        self._sink = sink
        self._lock = threading.Lock()

    def send(self, message: Any) -> None:
        data = frame(message)
        with self._lock:
            self._sink.write(data)
            self._sink.flush()


class ForwardLogs(logging.Handler):
    """Log records go to the parent, whose handlers decide where they are shown."""

    def __init__(self, channel: Channel) -> None:
        super().__init__()
        self.channel = channel

    def emit(self, record: logging.LogRecord) -> None:
        try:
            state = dict(record.__dict__)
            state.update(msg=record.getMessage(), args=None, exc_info=None)
            if record.exc_info:
                state["exc_text"] = logging.Formatter().formatException(record.exc_info)
            self.channel.send(("log", state))
        except Exception:
            self.handleError(record)


class Requests:
    """The worker's side of the model requests the parent makes for it."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self._ids = itertools.count()

    async def ask(self, messages: list[dict[str, str]]) -> Any:
        number = next(self._ids)
        answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.pending[number] = answer
        self.channel.send(("ask", number, messages))
        try:
            return await answer
        finally:
            self.pending.pop(number, None)

    def resolve(self, number: int, answer: Any, error: BaseException | None) -> None:
        future = self.pending.get(number)
        if future is None or future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(answer)


def serve(inbound: IO[bytes], channel: Channel) -> None:
    setup = read_frame(inbound)
    if setup is None:
        return
    _, settings, level, build = setup
    logger = logging.getLogger("claimcheck")
    logger.handlers[:] = [ForwardLogs(channel)]
    logger.setLevel(level)
    logger.propagate = False
    if settings.engine == "rules":  # its time limit is kept by the parent, which kills us
        serve_in_order(build(settings, None), inbound, channel)
    else:
        asyncio.run(serve_concurrently(settings, build, inbound, channel))


def serve_in_order(checker: Checks, inbound: IO[bytes], channel: Channel) -> None:
    """The rules engine never waits: one article after another, in the order they came, with
    no event loop and no second thread."""
    channel.send(("ready",))
    while (message := read_frame(inbound)) is not None:
        run_now(check(checker, channel, message[1], message[2], None))


def run_now(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run a coroutine that never waits (the rules engine's), with no event loop."""
    try:
        coroutine.send(None)
    except StopIteration:
        return
    coroutine.close()
    raise RuntimeError("the rules engine waited for something, which it never should")


async def serve_concurrently(
    settings: Settings, build: Build, inbound: IO[bytes], channel: Channel
) -> None:
    """The openai engine's articles wait for their answers: many at once, on an event loop."""
    requests = Requests(channel)
    checker = build(settings, requests.ask)
    channel.send(("ready",))

    loop = asyncio.get_running_loop()
    messages: asyncio.Queue[Any] = asyncio.Queue()

    def pump() -> None:
        # Reads block, so they happen here; the event loop stays free for the articles.
        while True:
            message = read_frame(inbound)
            loop.call_soon_threadsafe(messages.put_nowait, message)
            if message is None:
                return

    threading.Thread(target=pump, name="claimcheck-worker-inbound", daemon=True).start()
    tasks: set[asyncio.Task[None]] = set()
    while (message := await messages.get()) is not None:
        if message[0] == "check":
            checking = check(checker, channel, message[1], message[2], settings.article_timeout)
            task = asyncio.create_task(checking)
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        elif message[0] == "answer":
            requests.resolve(*message[1:])
    # The parent closed the pipe: the batch is over, or the parent is gone.
    for task in tasks:
        task.cancel()
    await checker.aclose()


async def check(
    checker: Checks, channel: Channel, number: int, item: Item, limit: float | None
) -> None:
    try:
        result = await check_one(checker, item, limit)
    except Exception as error:
        channel.send(("raised", number, portable(error), traceback.format_exc()))
    else:
        # As JSON: several times quicker to write and read than a pickle of the model.
        channel.send(("done", number, isinstance(result, Report), result.model_dump_json()))


def main() -> None:
    faulthandler.enable()  # a crash in a native library leaves its traceback on stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    channel = Channel(os.fdopen(os.dup(sys.stdout.fileno()), "wb"))
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, channel)
    # Every frame is flushed and the worker keeps no file open: skip the interpreter's slow
    # teardown, which the batch would otherwise wait for at its end.
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
