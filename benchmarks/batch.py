"""Batch throughput against a local OpenAI-compatible stand-in with a fixed latency.

    python benchmarks/batch.py [--articles 200] [--concurrency 16] [--latency 0.5]

Prints, all measured in this run:
- the batch's wall time over the ideal ceil(requests / concurrency) x latency (aim: <= 1.2);
- the batch's time against a sequential loop over the same articles;
- a cached rerun's time and request count (aim: 0 requests);
- peak traced memory while checking 1,000 and 10,000 articles (aim: flat).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from stub_openai import Reply, StubOpenAI, chat_completion  # noqa: E402

import claimcheck  # noqa: E402

ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
ANSWER = Reply(json=chat_completion(json.dumps({"claims": []})))


def items(count: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    # A distinct id and text per article, so the cache cannot merge them.
    return [(f"a{i}", f"{texts[i % len(texts)]}\n\n(Article {i}.)") for i in range(count)]


def run_batch(
    server: StubOpenAI, batch: list[tuple[str, str]], concurrency: int, **opts: object
) -> float:
    started = time.perf_counter()
    with claimcheck.Checker(
        engine="openai", base_url=server.base_url, model="stub", api_key="x",
        concurrency=concurrency, audit=False, **opts,
    ) as checker:  # fmt: skip
        for result in checker.check_many(batch, concurrency=concurrency):
            assert isinstance(result, claimcheck.Report), result
    return time.perf_counter() - started


def run_sequential(server: StubOpenAI, batch: list[tuple[str, str]]) -> float:
    started = time.perf_counter()
    with claimcheck.Checker(
        engine="openai", base_url=server.base_url, model="stub", api_key="x",
        audit=False, cache=False,
    ) as checker:  # fmt: skip
        for source, text in batch:
            checker.check(text, source=source)
    return time.perf_counter() - started


def peak_memory(count: int, concurrency: int) -> float:
    def generate():  # lazily, as a real batch reads its folder
        texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
        for i in range(count):
            yield (f"m{i}", texts[i % len(texts)])

    with StubOpenAI(lambda body: ANSWER) as server:
        tracemalloc.start()
        with claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="stub", api_key="x",
            concurrency=concurrency, audit=False, cache=False,
        ) as checker:  # fmt: skip
            for _ in checker.check_many(generate(), concurrency=concurrency):
                pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--memory", default="1000,10000")
    args = parser.parse_args()
    batch = items(args.articles)
    with (
        tempfile.TemporaryDirectory() as cache,
        StubOpenAI(lambda body: ANSWER, latency=args.latency) as server,
    ):
        wall = run_batch(server, batch, args.concurrency, cache=False)
        requests = len(server.requests)
        ideal = math.ceil(requests / args.concurrency) * args.latency
        print(
            f"{args.articles} articles, {requests} requests, concurrency {args.concurrency}, "
            f"latency {args.latency:.2f} s"
        )
        print(f"batch: {wall:.2f} s; ideal {ideal:.2f} s; ratio {wall / ideal:.2f} (aim <= 1.2)")

        sample = batch[: max(1, args.articles // 10)]
        sequential = run_sequential(server, sample) * len(batch) / len(sample)
        print(
            f"sequential loop: {sequential:.1f} s (from {len(sample)} articles); "
            f"the batch takes {wall / sequential:.3f} of it ({sequential / wall:.1f}x faster)"
        )

        run_batch(server, batch, args.concurrency, cache_dir=cache)
        before = len(server.requests)
        cached = run_batch(server, batch, args.concurrency, cache_dir=cache)
        print(f"cached rerun: {cached:.2f} s, {len(server.requests) - before} requests")

    for count in (int(n) for n in args.memory.split(",") if n):
        peak = peak_memory(count, args.concurrency)
        print(f"peak traced memory for {count:,} articles: {peak:.1f} MB")


if __name__ == "__main__":
    main()
