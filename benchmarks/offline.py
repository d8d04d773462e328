"""Throughput of the offline rules engine, and how its time grows with article length.

    python benchmarks/offline.py

Prints words per second over the example articles, then the time for one article repeated
1x, 5x, 10x and 20x as a ratio to the 1x time measured in the same run (linear: about 5, 10, 20).
"""

from __future__ import annotations

import time
from pathlib import Path

import claimcheck

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def best_of(runs: int, text: str) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        claimcheck.check(text, engine="rules")
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    claimcheck.check(texts[0], engine="rules")  # warm up imports and regex caches
    words = sum(len(t.split()) for t in texts)
    seconds = sum(best_of(3, t) for t in texts)
    print(f"{len(texts)} articles, {words:,} words: {words / seconds:,.0f} words/s")

    base = "\n\n".join(texts[:5])
    one = best_of(3, base)
    ratios = {n: best_of(2, "\n\n".join([base] * n)) / one for n in (5, 10, 20)}
    print(f"1x ({len(base.split()):,} words): {one * 1000:.0f} ms")
    for n, ratio in ratios.items():
        print(f"{n}x: {ratio:.1f}x the 1x time (linear would be {n}x)")
    worst = max(ratio / n for n, ratio in ratios.items())
    print(f"worst time ratio / length ratio: {worst:.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()
