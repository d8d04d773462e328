"""Check an archive on a Ray cluster: one claimcheck per worker, one report row per article.

    pip install -e ".[ray]"
    python examples/ray_batch.py examples/articles/ --out claims/          # a local Ray cluster
    python examples/ray_batch.py s3://archive/articles/ --out s3://archive/claims/ \\
        --address auto --workers 16 --concurrency 8 --rpm 10000 --tpm 4000000 \\
        --model gpt-4o-mini --cache-dir /mnt/local/claimcheck

Articles come from a folder of .txt/.md files or a .jsonl file of {"id", "text"} (read here
and handed to Ray), or from Parquet with id and text columns (a path or a URL that Ray reads
on the cluster itself). The report rows (``claimcheck.partitions.ROW_TYPES``: the id, the
Report as JSON, the error if any, claims, requests and tokens) are written as Parquet to
--out. The run ends with one line: articles, failures, claims, requests, tokens, wall time.

The API key is never handed to Ray: set OPENAI_API_KEY in the environment of the cluster's
nodes (a local cluster inherits this process's).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import ray
import ray.data
from ray.data.aggregate import Count, Sum

from claimcheck.partitions import PartitionChecker
from claimcheck.run.sources import items_from

SUMMED = ["claims", "requests", "prompt_tokens", "completion_tokens"]


def articles(source: str) -> ray.data.Dataset:
    if source.endswith(".parquet") or "://" in source or _parquet_folder(source):
        return ray.data.read_parquet(source)
    rows = [{"id": item.id, "text": item.load()} for item in items_from([source])]
    return ray.data.from_items(rows)


def _parquet_folder(source: str) -> bool:
    path = Path(source)
    return path.is_dir() and any(path.glob("*.parquet"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a folder of articles, a .jsonl file, or Parquet")
    parser.add_argument("--out", required=True, help="folder (or URL) for the Parquet rows")
    parser.add_argument("--address", help="a running cluster ('auto'); default: a local one")
    parser.add_argument("--workers", type=int, default=2, help="claimcheck workers (actors)")
    parser.add_argument("--batch-size", type=int, default=16, help="articles per call")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight per worker")
    parser.add_argument("--rpm", type=int, help="the account's requests per minute, all workers")
    parser.add_argument("--tpm", type=int, help="the account's tokens per minute, all workers")
    parser.add_argument("--engine", default=None, help="rules, openai or auto (the default)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--base-url", default=None)
    parser.add_argument("--cache-dir", default=None, help="answer cache on each node's disk")
    parser.add_argument("--id-column", default="id")
    parser.add_argument("--text-column", default="text")
    args = parser.parse_args()

    started = time.perf_counter()
    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(include_dashboard=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    settings: dict[str, Any] = {
        "engine": args.engine,
        "model": args.model,
        "base_url": args.base_url,
        "cache_dir": args.cache_dir,
        "id_column": args.id_column,
        "text_column": args.text_column,
        "concurrency": args.concurrency,
        "requests_per_minute": args.rpm,
        "tokens_per_minute": args.tpm,
        "split_across": args.workers,  # each worker keeps to its share of --rpm and --tpm
    }
    cluster = time.perf_counter() - started
    reports = articles(args.source).map_batches(
        PartitionChecker,
        fn_constructor_kwargs=settings,
        # A fixed pool of actors, one Checker each (Ray 2.51 deprecates concurrency= here).
        compute=ray.data.ActorPoolStrategy(size=args.workers),
        batch_size=args.batch_size,
        batch_format="pandas",
    )
    reports.write_parquet(args.out)
    wall = time.perf_counter() - started

    totals = ray.data.read_parquet(args.out).aggregate(
        Count(),
        Count("error_type", ignore_nulls=True, alias_name="failed"),
        *(Sum(column, alias_name=column) for column in SUMMED),
    )
    tokens = totals["prompt_tokens"] + totals["completion_tokens"]
    print(
        f"{totals['count()']} articles, {totals['failed']} failed, {totals['claims']} claims, "
        f"{totals['requests']} requests, {tokens:,} tokens; {wall:.1f} s "
        f"({cluster:.1f} s of it starting Ray) with {args.workers} workers; rows in {args.out}",
        file=sys.stderr,
    )
    ray.shutdown()
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
