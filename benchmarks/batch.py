"""Batch throughput against a local OpenAI-compatible stand-in with a fixed latency.

    python benchmarks/batch.py [--articles 200] [--concurrency 16] [--latency 0.5]

The stand-in (tests/stub_openai.py) runs in its own process on 127.0.0.1, so its work does not
share this process's CPU and memory. Prints, all measured in this run:
- the batch's wall time over the ideal ceil(requests / concurrency) x latency (aim: <= 1.2);
- the batch's time against a sequential loop over the same articles;
- a cached rerun's time and request count (aim: 0 requests);
- peak traced memory while checking 1,000 and 10,000 articles (aim: flat).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


@contextmanager
def stand_in(latency: float) -> Iterator[str]:
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "stub_openai.py"), str(latency)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield server.stdout.readline().strip()
    finally:
        server.kill()
        server.wait()


def served(base_url: str) -> int:
    with urllib.request.urlopen(f"{base_url}/stats") as answer:
        return int(json.load(answer)["requests"])


def items(count: int, tag: str = "a") -> Iterator[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    # A distinct text per article, so the cache cannot merge them.
    for i in range(count):
        yield (f"{tag}{i}", f"{texts[i % len(texts)]}\n\n(Article {tag}{i}.)")


def checker(base_url: str, concurrency: int, **options: object) -> claimcheck.Checker:
    return claimcheck.Checker(
        engine="openai", base_url=base_url, model="stub", api_key="x",
        concurrency=concurrency, audit=False, **options,
    )  # fmt: skip


def run_batch(base_url: str, count: int, concurrency: int, **options: object) -> float:
    started = time.perf_counter()
    with checker(base_url, concurrency, **options) as c:
        for result in c.check_many(items(count), concurrency=concurrency):
            assert isinstance(result, claimcheck.Report), result
    return time.perf_counter() - started


def run_sequential(base_url: str, count: int) -> float:
    started = time.perf_counter()
    with checker(base_url, 1, cache=False) as c:
        for source, text in items(count):
            c.check(text, source=source)
    return time.perf_counter() - started


def peak_memory(base_url: str, count: int, concurrency: int) -> float:
    tracemalloc.start()
    with checker(base_url, concurrency, cache=False) as c:
        for _ in c.check_many(items(count, "m"), concurrency=concurrency):
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--memory", default="1000,10000", help="article counts, or ''")
    args = parser.parse_args()
    n, k = args.articles, args.concurrency
    started = time.perf_counter()
    import claimcheck.extraction  # noqa: F401  (the openai SDK: a one-time import, ~1-2 s)

    print(f"importing the openai engine: {time.perf_counter() - started:.2f} s (not in the ratios)")
    with stand_in(args.latency) as url, tempfile.TemporaryDirectory() as cache:
        run_batch(url, k, k, cache=False)  # warm up: first client, first connections
        before = served(url)
        wall = run_batch(url, n, k, cache=False)
        requests = served(url) - before
        ideal = math.ceil(requests / k) * args.latency
        print(f"{n} articles, {requests} requests, concurrency {k}, latency {args.latency} s")
        print(f"batch: {wall:.2f} s; ideal {ideal:.2f} s; ratio {wall / ideal:.2f} (aim <= 1.2)")

        sample = max(1, n // 10)
        sequential = run_sequential(url, sample) * n / sample
        print(
            f"sequential loop: {sequential:.1f} s (measured on {sample} articles); "
            f"the batch is {sequential / wall:.1f}x faster"
        )

        run_batch(url, n, k, cache_dir=cache)
        before = served(url)
        cached = run_batch(url, n, k, cache_dir=cache)
        print(f"cached rerun: {cached:.2f} s, {served(url) - before} requests")

    with stand_in(0.0) as url:
        for count in (int(c) for c in args.memory.split(",") if c):
            print(f"peak traced memory, {count:,} articles: {peak_memory(url, count, k):.1f} MB")


if __name__ == "__main__":
    main()
