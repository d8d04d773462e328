"""Throughput of the offline rules engine, and how its time grows with article length.

    python benchmarks/offline.py                   # this checkout
    python benchmarks/offline.py --against REV     # this checkout against a commit, same run

Prints words per second over the example articles, then the time for one article repeated
1x, 5x, 10x and 20x as a ratio to the 1x time measured in the same run (linear: about 5, 10, 20).

With ``--against``, the commit is taken out of git into a temporary folder, and the two versions
are timed in turn (each in a process of its own, importing only its own claimcheck), round after
round; the best words per second of each and their ratio are printed. The machine's noise then
falls on both alike.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def best_of(runs: int, text: str) -> float:
    import claimcheck

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        claimcheck.check(text, engine="rules")
        times.append(time.perf_counter() - started)
    return min(times)


def words_per_second() -> float:
    import claimcheck

    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    claimcheck.check(texts[0], engine="rules")  # warm up imports and regex caches
    words = sum(len(t.split()) for t in texts)
    return words / sum(best_of(3, t) for t in texts)


def growth() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    base = "\n\n".join(texts[:5])
    one = best_of(3, base)
    ratios = {n: best_of(2, "\n\n".join([base] * n)) / one for n in (5, 10, 20)}
    print(f"1x ({len(base.split()):,} words): {one * 1000:.0f} ms")
    for n, ratio in ratios.items():
        print(f"{n}x: {ratio:.1f}x the 1x time (linear would be {n}x)")
    worst = max(ratio / n for n, ratio in ratios.items())
    print(f"worst time ratio / length ratio: {worst:.2f} (1.0 is linear)")


def timed_in(tree: Path) -> float:
    """Words per second of the claimcheck in ``tree``, measured in a fresh process."""
    code = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); import claimcheck; "
        f"assert claimcheck.__file__.startswith({str(tree)!r}), claimcheck.__file__; "
        f"sys.path.insert(1, {str(ROOT / 'benchmarks')!r}); import offline; "
        "print(offline.words_per_second())"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    return float(out.stdout.strip().splitlines()[-1])


def against(revision: str, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="claimcheck-offline-") as tmp:
        tree = Path(tmp)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
            check=True,
            capture_output=True,
        ).stdout
        with tempfile.TemporaryFile() as handle:
            handle.write(archive)
            handle.seek(0)
            with tarfile.open(fileobj=handle) as tar:
                tar.extractall(tree, filter="data")
        this, that = [], []
        for _ in range(rounds):
            this.append(timed_in(ROOT))
            that.append(timed_in(tree))
        for label, seen in (("this checkout", this), (revision, that)):
            rounds_seen = ", ".join(f"{w:,.0f}" for w in seen)
            print(f"{label}: {max(seen):,.0f} words/s (rounds: {rounds_seen})")
        print(f"ratio: {max(this) / max(that):.3f} (this checkout / {revision}; above 1 is faster)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="a commit to time in the same run")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.against:
        against(args.against, args.rounds)
        return
    sys.path.insert(0, str(ROOT))
    texts = list(ARTICLES.glob("*.txt"))
    print(f"{len(texts)} articles: {words_per_second():,.0f} words/s")
    growth()


if __name__ == "__main__":
    main()
