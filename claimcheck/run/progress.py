"""Batch progress: a one-line bar on a terminal's stderr, and a closing summary."""

from __future__ import annotations

import time
from typing import TextIO

from claimcheck.models import ArticleError, Result, Usage
from claimcheck.write.words import by_kind, counted


class Progress:
    def __init__(self, total: int | None, stream: TextIO, *, live: bool) -> None:
        self.total = total
        self.stream = stream
        self.live = live
        self.started = time.monotonic()
        self.articles = self.claims = self.errors = self.skipped = 0
        self.kinds = {"quote": 0, "figure": 0, "assertion": 0}
        self.usage = Usage()
        self.failed: list[str] = []  # the first few that failed, and why

    def add(self, result: Result) -> None:
        self.articles += 1
        if isinstance(result, ArticleError):
            self.errors += 1
            if len(self.failed) < _NAMED:
                self.failed.append(f"{result.source} ({result.error.message})")
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
        cost = (  # the rules engine asks nothing of anyone: no cost to list
            f" {counted(u.requests, 'request')}, {counted(u.prompt_tokens, 'prompt token')} "
            f"({u.cached_tokens:,} cached by the provider), "
            f"{counted(u.completion_tokens, 'completion token')}, "
            f"{counted(u.cache_hits, 'answer')} from the cache."
            if u.requests or u.cache_hits
            else ""
        )
        return (
            f"Checked {counted(self.articles, 'article')} in {_duration(elapsed)}: "
            f"{counted(self.claims, 'claim')} ({by_kind(self.kinds)}), {self.errors} failed."
            f"{cost}{skipped} Results in {out}.{self._failures()}"
        )

    def _failures(self) -> str:
        if not self.failed:
            return ""
        more = self.errors - len(self.failed)
        rest = f"; and {more} more (the JSONL's error lines)" if more > 0 else ""
        return "\nFailed: " + "; ".join(self.failed) + rest


_NAMED = 5  # failed articles named in the summary


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
