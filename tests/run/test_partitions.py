"""Report rows for a batch of a distributed dataset, and the Ray example on a local cluster."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import namedtuple
from pathlib import Path
from typing import Any

import pytest
from conftest import all_articles
from rules_model import answer
from stub_openai import StubOpenAI

import claimcheck
from claimcheck.partitions import ROW_TYPES, PartitionChecker, check_partition, checker_for

ROOT = Path(__file__).resolve().parents[2]
TEXTS = {path.stem: path.read_text(encoding="utf-8") for path in all_articles()}
FIRST = sorted(TEXTS)[:3]


def rules_reports() -> dict[str, claimcheck.Report]:
    return {name: claimcheck.check(TEXTS[name], source=name, engine="rules") for name in FIRST}


def test_rows_of_dicts_give_a_report_row_per_article_in_order() -> None:
    rows = check_partition([{"id": n, "text": TEXTS[n]} for n in FIRST], engine="rules")
    assert [r["id"] for r in rows] == FIRST
    assert set(rows[0]) == set(ROW_TYPES)
    expected = rules_reports()
    for row in rows:
        assert claimcheck.Report.model_validate_json(row["report"]) == expected[row["id"]]
        assert row["claims"] == len(expected[row["id"]].claims)
        assert row["error"] is None and row["requests"] == 0


def test_spark_rows_and_named_tuples_are_rows_too() -> None:
    class SparkRow(tuple):  # what pyspark.sql.Row offers: asDict()
        def asDict(self) -> dict[str, Any]:
            return {"id": self[0], "text": self[1]}

    Row = namedtuple("Row", "Index id text")
    spark = check_partition([SparkRow((n, TEXTS[n])) for n in FIRST], engine="rules")
    pandas_like = check_partition(
        [Row(i, n, TEXTS[n]) for i, n in enumerate(FIRST)], engine="rules"
    )
    assert [r["id"] for r in spark] == [r["id"] for r in pandas_like] == FIRST
    assert [r["report"] for r in spark] == [r["report"] for r in pandas_like]


def test_a_dict_of_columns_gives_columns() -> None:
    columns = check_partition({"id": FIRST, "text": [TEXTS[n] for n in FIRST]}, engine="rules")
    assert set(columns) == set(ROW_TYPES) and columns["id"] == FIRST


def test_other_column_names_and_ids_that_are_numbers() -> None:
    rows = check_partition(
        [{"doc": 7, "body": TEXTS[FIRST[0]]}], id_column="doc", text_column="body", engine="rules"
    )
    assert rows[0]["id"] == "7" and rows[0]["claims"] > 0


def test_an_article_without_text_is_an_error_row_and_the_rest_are_checked() -> None:
    batch = [{"id": "gone", "text": None}, {"id": "empty", "text": " "}]
    batch.append({"id": "ok", "text": TEXTS[FIRST[0]]})
    rows = {r["id"]: r for r in check_partition(batch, engine="rules")}
    assert rows["gone"]["error_type"] == "InputError" and "no text" in rows["gone"]["error"]
    assert rows["empty"]["error_type"] == "InputError" and rows["empty"]["report"] is None
    assert rows["ok"]["error"] is None and rows["ok"]["claims"] > 0


def test_a_missing_column_is_named_with_the_columns_there_are() -> None:
    with pytest.raises(claimcheck.InputError) as caught:
        check_partition([{"id": "a", "body": "text"}], engine="rules")
    assert "'text'" in str(caught.value) and "'body'" in str(caught.value)
    assert "text_column=" in str(caught.value)


def test_one_checker_per_process_and_settings_reused_across_partitions() -> None:
    first = checker_for(engine="rules", concurrency=3)
    assert checker_for(engine="rules", concurrency=3) is first
    assert checker_for(engine="rules", concurrency=4) is not first


def test_the_rate_limits_are_split_across_the_workers() -> None:
    share = PartitionChecker(
        engine="rules", requests_per_minute=10_000, tokens_per_minute=2_000_000, split_across=8
    )
    assert share.checker.settings.requests_per_minute == 1250
    assert share.checker.settings.tokens_per_minute == 250_000
    with pytest.raises(claimcheck.ConfigurationError):
        PartitionChecker(engine="rules", split_across=0)


def test_one_checker_serves_every_batch_with_its_cache() -> None:
    """The second batch of the same articles is answered from the Checker's cache."""

    with StubOpenAI(answer) as server:
        check = PartitionChecker(engine="openai", base_url=server.base_url, model="stub")
        batch = [{"id": n, "text": TEXTS[n]} for n in FIRST]
        first = check(batch)
        asked = server.count
        second = check(batch)
        check.close()
    assert sum(r["requests"] for r in first) == asked >= 3
    assert sum(r["requests"] for r in second) == 0
    assert [r["cache_hits"] for r in second] == [r["requests"] for r in first]


def test_pandas_and_arrow_batches_come_back_as_their_own_kind() -> None:
    pandas = pytest.importorskip("pandas")
    pyarrow = pytest.importorskip("pyarrow")
    frame = pandas.DataFrame({"id": FIRST, "text": [TEXTS[n] for n in FIRST]})
    out = check_partition(frame, engine="rules")
    assert isinstance(out, pandas.DataFrame) and list(out.columns) == list(ROW_TYPES)
    assert out["id"].tolist() == FIRST
    table = check_partition(pyarrow.Table.from_pandas(frame), engine="rules")
    assert isinstance(table, pyarrow.Table) and table.column("id").to_pylist() == FIRST
    assert table.column("report").to_pylist() == out["report"].tolist()


def test_the_ray_example_on_a_local_cluster_against_the_stand_in(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install -e '.[ray]'")
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in TEXTS.items():
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    env["CLAIMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    out = tmp_path / "claims"
    with StubOpenAI(answer, latency=0.05) as server:
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable, str(ROOT / "examples" / "ray_batch.py"), str(articles),
                "--out", str(out), "--engine", "openai", "--base-url", server.base_url,
                "--model", "stub", "--workers", "2", "--batch-size", "4", "--rpm", "6000",
            ],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        wall = time.perf_counter() - started
        served = server.count
    assert done.returncode == 0, done.stderr[-3000:]
    rows = pyarrow_parquet.read_table(out).to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(str(articles / f"{n}.txt") for n in TEXTS)
    assert sum(r["requests"] for r in rows) == served
    for row in rows:
        report = claimcheck.Report.model_validate_json(row["report"])
        text = TEXTS[Path(row["id"]).stem]
        assert report.engine == "openai" and report.claims
        assert all(text[c.start : c.end] == c.excerpt for c in report.claims)
    summary = done.stderr.strip().splitlines()[-1]
    assert f"{len(TEXTS)} articles, 0 failed" in summary and f"{served} requests" in summary
    print(f"\nlocal Ray cluster: {len(rows)} articles, {served} requests, {wall:.1f} s: {summary}")
