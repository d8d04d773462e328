"""Check a folder (or JSONL file) of articles through the library API; write JSONL and a CSV.

    python examples/batch_check.py examples/articles/ --out claims.jsonl
    python examples/batch_check.py wires.jsonl --out claims.jsonl --csv claims.csv \\
        --base-url http://127.0.0.1:8080/v1 --model qwen

The same job as ``claimcheck batch``, written against the public API so it can be adapted:
one Checker for the whole batch, results as each article finishes, a resumable JSONL file, and
one CSV row per claim for a spreadsheet (the same columns as ``claimcheck check --format csv``,
documented in ``claimcheck/write/render_csv.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import claimcheck
from claimcheck.run.jsonl import ResultsFile, iter_results
from claimcheck.run.sources import items_from
from claimcheck.write.render_csv import write_csv


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--out", required=True, help="JSONL of reports (resumable)")
    parser.add_argument("--csv", help="one row per claim (default: --out with .csv)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--engine", default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--base-url", default=None)
    args = parser.parse_args()

    csv_path = Path(args.csv or Path(args.out).with_suffix(".csv"))
    failed = 0
    with (
        ResultsFile(args.out) as results,
        claimcheck.Checker(
            engine=args.engine,
            model=args.model,
            base_url=args.base_url,
            concurrency=args.concurrency,
        ) as checker,
    ):
        todo = (item for item in items_from(args.sources) if item.id not in results.done)
        for result in checker.check_many(todo):
            results.write(result)
            if isinstance(result, claimcheck.ArticleError):
                failed += 1
                print(f"{result.source}: {result.error.message}", file=sys.stderr)
    # The CSV is made from the whole JSONL file, so a resumed run's sheet has every article.
    reports = (r for r in iter_results(args.out) if isinstance(r, claimcheck.Report))
    with csv_path.open("w", newline="", encoding="utf-8-sig") as sheet:
        write_csv(reports, sheet)
    print(f"done; {failed} failed; reports in {args.out}, claims in {csv_path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
