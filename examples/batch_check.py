"""Check a folder (or JSONL file) of articles through the library API; write JSONL and a CSV.

    python examples/batch_check.py examples/articles/ --out claims.jsonl
    python examples/batch_check.py wires.jsonl --out claims.jsonl --csv claims.csv \\
        --base-url http://127.0.0.1:8080/v1 --model qwen

The same job as ``claimcheck batch``, written against the public API so it can be adapted:
one Checker for the whole batch, results as each article finishes, a resumable JSONL file, and
one CSV row per claim for a spreadsheet.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import claimcheck
from claimcheck.jsonl import ResultsFile
from claimcheck.sources import items_from

COLUMNS = [
    "source", "claim_id", "kind", "speaker", "text", "excerpt", "start", "end",
    "figure_raw", "figure_low", "figure_high", "figure_unit", "figure_per",
    "sourcing_gaps", "follow_up_questions",
]  # fmt: skip


def rows(report: claimcheck.Report) -> list[dict[str, object]]:
    out = []
    for claim in report.claims:
        figure = claim.figure
        out.append(
            {
                "source": report.source,
                "claim_id": claim.id,
                "kind": claim.kind,
                "speaker": claim.speaker or "",
                "text": claim.text,
                "excerpt": claim.excerpt,
                "start": claim.start,
                "end": claim.end,
                "figure_raw": figure.raw if figure else "",
                "figure_low": figure.low if figure else "",
                "figure_high": figure.high if figure else "",
                "figure_unit": (figure.unit or "") if figure else "",
                "figure_per": (figure.per or "") if figure else "",
                "sourcing_gaps": "; ".join(g.kind for g in claim.sourcing_gaps),
                "follow_up_questions": " | ".join(claim.follow_up_questions),
            }
        )
    return out


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
        csv_path.open("w", newline="", encoding="utf-8") as sheet,
    ):
        writer = csv.DictWriter(sheet, fieldnames=COLUMNS)
        writer.writeheader()
        todo = (item for item in items_from(args.sources) if item.id not in results.done)
        for result in checker.check_many(todo):
            results.write(result)
            if isinstance(result, claimcheck.ArticleError):
                failed += 1
                print(f"{result.source}: {result.error.message}", file=sys.stderr)
            else:
                writer.writerows(rows(result))
    print(f"done; {failed} failed; reports in {args.out}, claims in {csv_path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
