"""Batch progress: a one-line bar on a terminal's stderr, and a closing summary."""

from __future__ import annotations

import time
from typing import TextIO

from claimcheck.models import ArticleError, Result, Usage


class Progress:
    def __init__(self, total: int | None, stream: TextIO, *, live: bool) -> None:
        self.total = total
        self.stream = stream
        self.live = live
        self.started = time.monotonic()
        self.articles = self.claims = self.errors = self.skipped = 0
        self.kinds = {"quote": 0, "figure": 0, "assertion": 0}
        self.usage = Usage()

    def add(self, result: Result) -> None:
        self.articles += 1
        if isinstance(result, ArticleError):
            self.errors += 1
        else:
            self.claims += len(result.claims)
            for claim in result.claims:
                self.kinds[claim.kind] += 1
            self.usage += result.usage
        if self.live:
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        done = f"{self.articles}/{self.total}" if self.total is not None else str(self.articles)
        tokens = self.usage.prompt_tokens + self.usage.completion_tokens
        parts = [
            f"articles {done}",
            f"claims {self.claims}",
            f"requests {self.usage.requests}",
            f"tokens {tokens:,}",
            f"errors {self.errors}",
        ]
        if self.total and self.articles:
            left = elapsed / self.articles * (self.total - self.articles)
            parts.append(f"ETA {_duration(left)}")
        return " · ".join(parts)

    def summary(self, out: str) -> str:
        if self.live:
            self.stream.write("\n")
        u = self.usage
        elapsed = time.monotonic() - self.started
        skipped = f" Skipped {self.skipped} already done." if self.skipped else ""
        return (
            f"Checked {self.articles} articles in {_duration(elapsed)}: {self.claims} claims "
            f"({self.kinds['quote']} quotes, {self.kinds['figure']} figures, "
            f"{self.kinds['assertion']} assertions), {self.errors} failed. {u.requests} requests, "
            f"{u.prompt_tokens:,} prompt tokens ({u.cached_tokens:,} cached by the provider), "
            f"{u.completion_tokens:,} completion tokens, {u.cache_hits} answers from the cache."
            f"{skipped} Results in {out}."
        )


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
