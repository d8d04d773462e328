"""The sync face of the async core: one event loop in a background thread, kept for reuse.

Running each sync call under a fresh ``asyncio.run`` would throw away the HTTP client and its
connection pool every time; a long-lived loop keeps them, and works even when the caller is
itself inside a running event loop (a notebook, a web handler).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class LoopThread:
    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run the coroutine on the background loop and wait for its result."""
        loop = self._ensure()
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Start the coroutine on the background loop; its result comes later."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._ensure())

    def call_soon(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` on the background loop's thread, from any thread."""
        self._ensure().call_soon_threadsafe(callback)

    def close(self) -> None:
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            loop.close()

    def _ensure(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="claimcheck-loop", daemon=True
                )
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop
