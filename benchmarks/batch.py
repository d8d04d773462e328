"""Batch throughput: the openai engine against a local stand-in, or the rules engine on every core.

    python benchmarks/batch.py [--articles 200] [--concurrency 16] [--latency 0.5] [--workers N]
    python benchmarks/batch.py --engine rules [--articles 2000] [--workers N] [--rounds 3]

With ``--engine openai`` (the default) the stand-in (tests/stub_openai.py) runs in its own
process on 127.0.0.1, so its work does not share this process's CPU and memory. Prints, all
measured in this run:
- the batch's wall time over the ideal ceil(requests / concurrency) x latency (aim: <= 1.15 at
  --latency 1);
- the batch's time against a sequential loop over the same articles;
- a cached rerun's time and request count (aim: 0 requests);
- peak traced memory while checking 1,000 and 10,000 articles (aim: flat).

With ``--engine rules``: articles per second with 1 worker (this process) and with N worker
processes (default: one per core) on the same articles, alternated over a few rounds, with the
best round, the spread and the load average (the figures are only as quiet as the machine); the
aim on 2 cores is 2 workers >= 1.7x one. It also checks that both give the same reports, and
prints the workers' peak memory after a short batch and after all the rounds (aim: flat).
Where Linux groups processes by session for scheduling (/proc/sys/kernel/sched_autogroup_enabled),
a run shares the machine by session, not by process: while another session keeps the cores busy
this one gets about one core, however many workers it starts. The CPU time per article, which
other work does not change, then says what idle cores would give.
"""

from __future__ import annotations

import argparse
import json
import math
import os
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


def run_batch(
    base_url: str, count: int, concurrency: int, workers: int | None = None, **options: object
) -> float:
    started = time.perf_counter()
    with checker(base_url, concurrency, **options) as c:
        for result in c.check_many(items(count), concurrency=concurrency, workers=workers):
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


def rules_batch(count: int, workers: int, tag: str = "a") -> tuple[float, list[claimcheck.Report]]:
    reports = []
    with claimcheck.Checker(engine="rules") as c:
        started, cpu = time.perf_counter(), cpu_seconds()
        for result in c.check_many(items(count, tag), workers=workers):
            assert isinstance(result, claimcheck.Report), result
            reports.append(result)
            if len(reports) == count and workers > 1:
                PEAKS.append(max(workers_peak_kb(), default=0) / 1024)
        wall = time.perf_counter() - started
    CPU.setdefault(workers, []).append((cpu_seconds() - cpu) / count * 1000)
    return wall, reports


CPU: dict[int, list[float]] = {}  # CPU milliseconds per article, this process and its workers


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


PEAKS: list[float] = []  # the workers' peak resident memory at the end of each batch, MB


def workers_peak_kb() -> list[int]:
    """Each live worker process's peak resident memory so far (Linux, /proc; else none)."""
    peaks = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if b"claimcheck.run.worker" in command and f"PPid:\t{os.getpid()}\n" in status:
            peaks += [int(line.split()[1]) for line in status.splitlines() if "VmHWM" in line]
    return peaks


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def busy(seconds: float = 2.0) -> str:
    """How much of the machine's CPU other work took over a short while (Linux)."""

    def sample() -> tuple[int, int]:
        ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return ticks[3] + ticks[4], sum(ticks)  # idle + iowait, all

    try:
        idle0, all0 = sample()
        time.sleep(seconds)
        idle1, all1 = sample()
    except OSError:
        return "unknown"
    return f"{1 - (idle1 - idle0) / max(1, all1 - all0):.0%}"


def rules_main(args: argparse.Namespace) -> None:
    from claimcheck.run.workers import default_workers

    n, many = args.articles, args.workers or default_workers()
    print(f"rules engine, {n:,} articles, 1 worker vs {many}, {args.rounds} rounds")
    print(
        f"cores: {default_workers()}; load average before (1, 5, 15 min): {load()}; "
        f"CPU busy with other work: {busy()}"
    )
    rules_batch(many * 20, many, tag="w")  # warm up: imports, first worker processes
    times: dict[int, list[float]] = {1: [], many: []}
    same = True
    for round_ in range(1, args.rounds + 1):
        one, alone = rules_batch(n, 1)
        shared, spread_out = rules_batch(n, many)
        same = same and sorted(alone, key=_source) == sorted(spread_out, key=_source)
        times[1].append(one)
        times[many].append(shared)
        print(
            f"round {round_}: 1 worker {n / one:.0f} articles/s, {many} workers "
            f"{n / shared:.0f} articles/s: {one / shared:.2f}x (load {load()})"
        )
    best_one = n / min(times[1])
    print()
    print("| workers | articles/s, best round | slowest round | x one worker (best rounds) |")
    print("|---|---|---|---|")
    for workers, seconds in times.items():
        best, worst = n / min(seconds), n / max(seconds)
        print(f"| {workers} | {best:.0f} | {worst:.0f} | {best / best_one:.2f} |")
    ratios = [a / b for a, b in zip(times[1], times[many], strict=True)]
    print(f"\nper-round ratio: {min(ratios):.2f}x to {max(ratios):.2f}x (aim: >= 1.7x on 2 cores)")
    print(f"same reports from 1 and {many} workers: {'yes' if same else 'NO'}")
    # CPU time does not depend on what else the machine runs, unlike wall time: it says what
    # the workers would reach on idle cores.
    one_cpu, many_cpu = min(CPU[1]), min(CPU[many])
    print(
        f"CPU per article: {one_cpu:.2f} ms with 1 worker, {many_cpu:.2f} ms with {many} "
        f"(this process and its workers); on {many} idle cores {many} workers would reach "
        f"{many * one_cpu / many_cpu:.2f}x"
    )
    if PEAKS:
        print(
            f"a worker's peak memory: {PEAKS[0]:.0f} MB after {many * 20} articles, "
            f"{max(PEAKS[1:], default=0):.0f} MB after {n:,} (aim: flat)"
        )
    print(f"load average after: {load()}")


def _source(report: claimcheck.Report) -> str:
    return report.source or ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["openai", "rules"], default="openai")
    parser.add_argument("--articles", type=int, help="default: 200 (openai), 2000 (rules)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--rounds", type=int, default=3, help="rules: rounds of 1 vs N workers")
    parser.add_argument("--memory", default="1000,10000", help="article counts, or ''")
    args = parser.parse_args()
    if args.engine == "rules":
        args.articles = args.articles or 2000
        rules_main(args)
        return
    n, k = args.articles or 200, args.concurrency
    started = time.perf_counter()
    import claimcheck.decide.engine  # noqa: F401  (the openai SDK: a one-time import, ~1-2 s)

    print(f"importing the openai engine: {time.perf_counter() - started:.2f} s (not in the ratios)")
    with stand_in(args.latency) as url, tempfile.TemporaryDirectory() as cache:
        run_batch(url, k, k, args.workers, cache=False)  # warm up: first client, connections
        before = served(url)
        wall = run_batch(url, n, k, args.workers, cache=False)
        requests = served(url) - before
        ideal = math.ceil(requests / k) * args.latency
        workers = f"{args.workers} workers" if args.workers else "workers: one per core"
        print(
            f"{n} articles, {requests} requests, concurrency {k}, latency {args.latency} s, "
            f"{workers}"
        )
        ratio = wall / ideal
        print(f"batch: {wall:.2f} s; ideal {ideal:.2f} s; ratio {ratio:.2f} (aim <= 1.15 at 1 s)")

        sample = max(1, n // 10)
        sequential = run_sequential(url, sample) * n / sample
        print(
            f"sequential loop: {sequential:.1f} s (measured on {sample} articles); "
            f"the batch is {sequential / wall:.1f}x faster"
        )

        run_batch(url, n, k, args.workers, cache_dir=cache)
        before = served(url)
        cached = run_batch(url, n, k, args.workers, cache_dir=cache)
        print(f"cached rerun: {cached:.2f} s, {served(url) - before} requests")

    with stand_in(0.0) as url:
        for count in (int(c) for c in args.memory.split(",") if c):
            print(f"peak traced memory, {count:,} articles: {peak_memory(url, count, k):.1f} MB")


if __name__ == "__main__":
    main()
