"""Client-side rate limits: requests and tokens per minute, shared by every request of a Checker.

A sliding window of the last minute's requests; a request waits until it fits under both
limits. Tokens are estimated before the request (prompt characters / 4 plus the completion
budget), the way providers count them against a tokens-per-minute limit.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

WINDOW = 60.0


class RateLimiter:
    def __init__(
        self,
        requests_per_minute: int | None,
        tokens_per_minute: int | None,
        *,
        window: float = WINDOW,
    ) -> None:
        self.window = window
        self.rpm = requests_per_minute
        self.tpm = tokens_per_minute
        self._sent: deque[tuple[float, int]] = deque()
        self._lock = asyncio.Lock()

    @property
    def active(self) -> bool:
        return bool(self.rpm or self.tpm)

    async def acquire(self, tokens: int) -> None:
        """Wait until a request of ``tokens`` fits under both limits, then count it."""
        if not self.active:
            return
        if self.tpm:
            tokens = min(tokens, self.tpm)  # one request larger than the limit still goes
        async with self._lock:
            while True:
                now = time.monotonic()
                while self._sent and now - self._sent[0][0] >= self.window:
                    self._sent.popleft()
                used = sum(t for _, t in self._sent)
                fits_requests = not self.rpm or len(self._sent) < self.rpm
                fits_tokens = not self.tpm or used + tokens <= self.tpm
                if fits_requests and fits_tokens:
                    self._sent.append((now, tokens))
                    return
                await asyncio.sleep(self.window - (now - self._sent[0][0]) + 0.01)


def estimate_tokens(messages: list[dict[str, str]], completion_budget: int) -> int:
    return sum(len(m.get("content", "")) for m in messages) // 4 + completion_budget
