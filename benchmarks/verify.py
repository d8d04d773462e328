"""How long checking an article against its sources takes, and how it grows with their length.

    python benchmarks/verify.py

The article is examples/articles/ukraine-troops.txt; the sources are real news text (every
example article, repeated) with the article's own text inside, at 25,000, 50,000, 100,000 and
200,000 words. Prints the time of ``Checker(engine="rules").verify`` at each length (best of
three) and its ratio to the 25,000-word time measured in the same run (linear: 2, 4, 8), and
the time of checking the article alone, for scale.
"""

from __future__ import annotations

import time
from pathlib import Path

import claimcheck
from claimcheck import Source

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def sources_of(words: int, article: str) -> list[Source]:
    others = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    pieces: list[str] = []
    count = 0
    while count < words:
        for text in others:
            pieces.append(text)
            count += len(text.split())
            if count >= words:
                break
    pieces.insert(len(pieces) // 2, article)
    return [Source(f"news-{words}.txt", "\n\n".join(pieces))]


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    article = (ARTICLES / "ukraine-troops.txt").read_text(encoding="utf-8")
    checker = claimcheck.Checker(engine="rules")
    checker.check(article)  # warm up imports and regex caches
    alone = best_of(3, lambda: checker.check(article))
    print(f"check alone: {alone * 1000:.0f} ms")
    base = None
    for words in (25_000, 50_000, 100_000, 200_000):
        sources = sources_of(words, article)
        took = best_of(3, lambda s=sources: checker.verify(article, s))
        base = base or took
        print(
            f"verify against {words:>7,} words: {took * 1000:6.0f} ms, "
            f"{took / base:.2f}x the 25,000-word time (linear: {words / 25_000:.0f}x)"
        )


if __name__ == "__main__":
    main()
