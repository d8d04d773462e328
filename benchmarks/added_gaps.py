"""Which sourcing gaps does one version of claimcheck add over another, on news nobody tuned on?

    python benchmarks/added_gaps.py BASE                 # BASE against the files as they are
    python benchmarks/added_gaps.py BASE --sample other  # on other PolNeAR dev articles
    python benchmarks/added_gaps.py BASE --counts        # gaps per kind on examples/articles

BASE is where the branch left main (``git merge-base main HEAD``): main moves on.

Both versions run the rules engine, each in a process of its own (``git archive`` of BEFORE, the
files as they are for AFTER), over:

- ``dev``: 20 PolNeAR dev articles (``$POLNEAR_DEV``, default /work/shared/polnear/dev; sorted,
  every 4th from the first), or ``other``: every 4th from the third, or ``rest``: the
  articles neither takes (every 2nd from the second);
- the articles in ``examples/articles``.

A gap is added when the claim (same kind and characters) has it after and not before, or when
the claim is new. Each added gap is printed with its claim for a person to judge.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from compare_commits import unpack  # a sibling script: git archive into a folder

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = Path(os.environ.get("POLNEAR_DEV", "/work/shared/polnear/dev"))


def sample(name: str) -> list[Path]:
    news = sorted(POLNEAR.glob("*.txt"))
    picked = {"dev": news[::4][:20], "other": news[2::4][:20], "rest": news[1::2]}[name]
    return picked + sorted((ROOT / "examples/articles").glob("*.txt"))


def write_gaps(tree: Path, out: Path, paths: list[str]) -> None:
    """Every claim's gaps, keyed by article, for the claimcheck in ``tree``."""
    sys.path.insert(0, str(tree))
    import claimcheck

    gaps: dict[str, list[dict[str, object]]] = {}
    for name in paths:
        path = Path(name)
        report = claimcheck.check(path.read_text(encoding="utf-8"), engine="rules")
        gaps[str(path)] = [
            {
                "key": [c.kind, c.start, c.end],
                "text": c.text,
                "gaps": [[g.kind, g.explanation] for g in c.sourcing_gaps],
            }
            for c in report.claims
        ]
    out.write_text(json.dumps(gaps), encoding="utf-8")


def run_version(tree: Path, out: Path, paths: list[Path]) -> dict[str, list[dict[str, object]]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    command = [sys.executable, __file__, "--write", str(tree), str(out), *map(str, paths)]
    subprocess.run(command, check=True, env=env)
    result: dict[str, list[dict[str, object]]] = json.loads(out.read_text(encoding="utf-8"))
    return result


def added(before: list[dict], after: list[dict]) -> list[tuple[str, str, str]]:
    had = {tuple(c["key"]): {tuple(g) for g in c["gaps"]} for c in before}
    return [
        (c["text"], kind, why)
        for c in after
        for kind, why in c["gaps"]
        if (kind, why) not in had.get(tuple(c["key"]), set())
    ]


def main() -> None:
    if len(sys.argv) > 3 and sys.argv[1] == "--write":
        write_gaps(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="WORKTREE")
    parser.add_argument("--sample", choices=("dev", "other", "rest"), default="dev")
    parser.add_argument("--counts", action="store_true", help="gaps per kind on the examples")
    args = parser.parse_args()
    paths = sample(args.sample)
    with tempfile.TemporaryDirectory(prefix="claimcheck-gaps-") as tmp:
        base = Path(tmp)
        runs = [
            run_version(unpack(rev, base / f"{label}-tree"), base / f"{label}.json", paths)
            for label, rev in (("before", args.before), ("after", args.after))
        ]
    if args.counts:
        print_counts(runs)
        return
    totals = collections.Counter[str]()
    for path in map(str, paths):
        new = added(runs[0][path], runs[1][path])
        group = "examples" if "examples/articles" in path else "polnear"
        totals[group] += len(new)
        for number, (text, kind, why) in enumerate(new, 1):
            print(f"{Path(path).stem} #{number} [{kind}] {why}\n    claim: {text}\n")
    print(", ".join(f"{n} gaps added on {group}" for group, n in sorted(totals.items())))


def print_counts(runs: list[dict[str, list[dict]]]) -> None:
    counts = [collections.Counter[str](), collections.Counter[str]()]
    for run, count in zip(runs, counts, strict=True):
        for path, claims in run.items():
            if "examples/articles" in path:
                count.update(kind for c in claims for kind, _ in c["gaps"])
    for kind in sorted(set(counts[0]) | set(counts[1])):
        print(f"{kind:28} {counts[0][kind]:4} -> {counts[1][kind]:4}")
    print(f"{'total':28} {sum(counts[0].values()):4} -> {sum(counts[1].values()):4}")


if __name__ == "__main__":
    main()
