"""Memory of a batch's JSONL file: resuming a batch and writing its report, small file and big.

    python benchmarks/jsonl_memory.py [--megabytes 5,50]

Builds a batch's output (the example articles' reports, with their texts, each under many
ids) of each size, then measures in a fresh process each time the peak resident memory of:
- ``claimcheck batch`` resuming over the file (then checking one more article);
- ``claimcheck report --html DIR --csv FILE`` over it.
Prints each peak and the ratio of the big file's to the small file's (aim: flat, near 1:
both stream the file line by line and keep only what they need of each line).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


def build(path: Path, megabytes: float, lines: list[str]) -> int:
    """Write ids a1, a2, … cycling through ``lines`` until the file holds ``megabytes``."""
    target = int(megabytes * 1_000_000)
    count = written = 0
    with path.open("w", encoding="utf-8") as sink:
        while written < target:
            line = lines[count % len(lines)].replace("@ID@", f"wire/{count:07d}.txt")
            sink.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def peak_mb(command: list[str]) -> float:
    """The peak resident memory of ``command``, run alone in a child process (MB)."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{out.stderr}")
    return int(out.stdout) / 1024  # ru_maxrss is in kB on Linux


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", default="5,50", help="two file sizes, small then big")
    args = parser.parse_args()
    small, big = (float(x) for x in args.megabytes.split(","))
    with claimcheck.Checker(engine="rules") as checker:
        lines = []
        for path in ARTICLES:
            text = path.read_text(encoding="utf-8")
            report = checker.check(text, source="@ID@")
            lines.append(report.model_copy(update={"article_text": text}).model_dump_json() + "\n")
    cli = [sys.executable, "-m", "claimcheck.cli"]
    peaks: dict[str, list[float]] = {"resume": [], "report": []}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for size in (small, big):
            out = tmp / f"out-{size:g}.jsonl"
            count = build(out, size, lines)
            megabytes = os.path.getsize(out) / 1e6
            resume = [*cli, "batch", str(ARTICLES[0]), "--out", str(out), "--engine", "rules"]
            report = [*cli, "report", str(out), "--html", str(tmp / f"pages-{size:g}")]
            report += ["--csv", str(tmp / f"claims-{size:g}.csv")]
            peaks["resume"].append(peak_mb(resume))
            peaks["report"].append(peak_mb(report))
            print(
                f"{megabytes:.1f} MB ({count} reports): resume peaks at "
                f"{peaks['resume'][-1]:.0f} MB, report at {peaks['report'][-1]:.0f} MB"
            )
    for job, (low, high) in peaks.items():
        print(f"{job}: {high / low:.2f}x the memory for {big / small:g}x the file (aim: ~1)")


if __name__ == "__main__":
    main()
