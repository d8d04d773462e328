"""Batches: results as articles finish, error lines, resume, the CLI and the library API."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLES, all_articles
from stub_openai import Reply, StubOpenAI, chat_completion

import claimcheck
from claimcheck.ask.limits import RateLimiter
from claimcheck.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    target.mkdir()
    for path in all_articles()[:6]:
        shutil.copy(path, target / path.name)
    (target / "nested").mkdir()
    shutil.copy(ARTICLES / "ukraine-troops.txt", target / "nested" / "copy.md")
    return target


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_check_many_yields_a_report_per_article_sync_and_async() -> None:
    texts = [p.read_text(encoding="utf-8") for p in all_articles()[:5]]
    items = [(f"a{i}", t) for i, t in enumerate(texts)]
    with claimcheck.Checker(engine="rules") as checker:
        sync = {r.source: r for r in checker.check_many(items)}

    async def collect() -> dict[str | None, claimcheck.Report]:
        found = {}
        async for result in claimcheck.check_many(items, engine="rules"):
            assert isinstance(result, claimcheck.Report)
            found[result.source] = result
        return found

    assert set(sync) == {f"a{i}" for i in range(5)}
    assert asyncio.run(collect()) == sync


def test_a_failing_article_is_an_error_and_the_rest_complete() -> None:
    items = [("good", "The council spent £5m on roads, officials said."), ("empty", "  ")]
    with claimcheck.Checker(engine="rules") as checker:
        results = {r.source: r for r in checker.check_many(items)}
    assert isinstance(results["good"], claimcheck.Report)
    error = results["empty"]
    assert isinstance(error, claimcheck.ArticleError)
    assert error.error.type == "InputError" and "empty" in error.error.message


def test_batch_cli_writes_a_line_per_article_and_resumes(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--engine", "rules"]) == 0
    first = lines(out)
    assert len(first) == 7 and all(r["engine"] == "rules" for r in first)
    assert any(r["source"].endswith("copy.md") for r in first)
    assert main(["batch", str(folder), "--out", str(out), "--engine", "rules"]) == 0
    assert lines(out) == first  # nothing done twice


def test_error_lines_are_retried_on_rerun(folder: Path, tmp_path: Path, capsys: Any) -> None:
    (folder / "broken.txt").write_bytes(b"")
    out = tmp_path / "claims.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--engine", "rules"]) == 1
    errors = [r for r in lines(out) if "error" in r]
    assert [e["source"] for e in errors] == [str(folder / "broken.txt")]
    assert "1 failed" in capsys.readouterr().err
    (folder / "broken.txt").write_text("The mayor said the bridge cost £4m to build.")
    assert main(["batch", str(folder), "--out", str(out), "--engine", "rules"]) == 0
    results = lines(out)
    assert len(results) == 8 and not any("error" in r for r in results)
    assert len({r["source"] for r in results}) == 8


def test_jsonl_input_uses_its_ids(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    records = [{"id": f"wire-{i}", "text": p.read_text()} for i, p in enumerate(all_articles()[:3])]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "--out", str(out), "--engine", "rules"]) == 0
    assert sorted(r["source"] for r in lines(out)) == ["wire-0", "wire-1", "wire-2"]


def test_a_batch_killed_midway_resumes_with_no_duplicate_and_no_gap(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "claims.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    env["CLAIMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    answer = Reply(json=chat_completion('{"claims": []}'))
    with StubOpenAI(lambda body: answer, latency=0.4) as server:
        command = [
            sys.executable, "-m", "claimcheck.cli", "batch", str(folder), "--out", str(out),
            "--base-url", server.base_url, "--model", "stub", "--concurrency", "1", "--no-cache",
        ]  # fmt: skip
        first = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or len(lines(out)) < 2):
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait()
        done_before = len(lines(out))
        assert 2 <= done_before < 7
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    results = lines(out)
    assert len(results) == 7
    assert len({r["source"] for r in results}) == 7
    assert "Skipped" in second.stderr


def test_rate_limiter_holds_requests_to_the_limit() -> None:
    async def run() -> float:
        limiter = RateLimiter(2, None, window=0.3)
        started = time.monotonic()
        for _ in range(3):
            await limiter.acquire(10)
        return time.monotonic() - started

    assert asyncio.run(run()) >= 0.29


def test_token_limit_counts_tokens() -> None:
    async def run() -> float:
        limiter = RateLimiter(None, 100, window=0.3)
        started = time.monotonic()
        await limiter.acquire(60)
        await limiter.acquire(60)
        return time.monotonic() - started

    assert asyncio.run(run()) >= 0.29


def test_example_batch_script_writes_jsonl_and_csv(folder: Path, tmp_path: Path) -> None:
    import csv

    script = Path(__file__).resolve().parents[2] / "examples" / "batch_check.py"
    out = tmp_path / "claims.jsonl"
    done = subprocess.run(
        [sys.executable, str(script), str(folder), "--out", str(out), "--engine", "rules"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    reports = lines(out)
    assert len(reports) == 7
    with out.with_suffix(".csv").open(encoding="utf-8") as sheet:
        claims = list(csv.DictReader(sheet))
    assert len(claims) == sum(len(r["claims"]) for r in reports)
    assert {c["kind"] for c in claims} == {"quote", "figure", "assertion"}


def test_a_checked_article_is_not_kept_alive() -> None:
    """A batch's memory stays flat: nothing holds on to an article once it is checked."""
    import gc
    import weakref

    from claimcheck.decide.claims import finish
    from claimcheck.find.analysis import analyse
    from claimcheck.read.structure import Article

    article = Article((ARTICLES / "ukraine-troops.txt").read_text(encoding="utf-8"))
    finish(article, list(analyse(article).drafts))
    alive = weakref.ref(article)
    del article
    gc.collect()
    assert alive() is None


def test_the_example_folder_a_readme_command_batches_holds_only_articles() -> None:
    # `examples/ray_batch.py examples/articles/` (README) once checked SOURCES.md as an article.
    from claimcheck.run.sources import items_from

    checked = sorted(item.id for item in items_from([str(ARTICLES)]))
    assert checked == sorted(str(path) for path in ARTICLES.glob("*.txt"))


# Input a batch must survive --------------------------------------------------------------

CABINET = "The minister said the plan had been agreed by every member of the cabinet."


def test_a_malformed_line_is_an_error_line_and_the_others_are_checked(tmp_path: Path) -> None:
    given = tmp_path / "in.jsonl"
    given.write_text(
        json.dumps({"id": "a", "text": CABINET}) + "\nnot json\n[1, 2]\n"
        + json.dumps({"id": "b", "text": CABINET}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 1
    written = {line["source"]: line for line in lines(out)}
    assert {"a", "b"} <= set(written) and "claims" in written["b"]
    assert (
        written[f"{given}:2"]["error"]["message"] == f"{given}, line 2: not JSON (Expecting value)"
    )
    assert "line 3: expected" in written[f"{given}:3"]["error"]["message"]


def test_a_lone_surrogate_in_a_record_is_read_as_a_replacement_character(tmp_path: Path) -> None:
    given = tmp_path / "in.jsonl"
    text = CABINET.replace("the plan", "the \\ud800 plan")
    given.write_text(f'{{"id": "a\\udc00", "text": "{text}"}}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 0
    (report,) = lines(out)
    assert report["source"] == "a\ufffd"
    assert report["claims"][0]["excerpt"] == CABINET.replace("the plan", "the \ufffd plan")
    assert any("lone surrogate" in w for w in report["warnings"])
    # A rerun finds it done; a report over the JSONL writes every page.
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 0
    assert len(lines(out)) == 1
    assert main(["report", str(out), "--html", str(tmp_path / "pages")]) == 0
    assert (tmp_path / "pages" / "index.html").exists()


def test_a_hand_made_line_with_a_lone_surrogate_still_gets_its_page(tmp_path: Path) -> None:
    report = claimcheck.Checker(engine="rules").check(CABINET, source="a")
    line = report.model_dump_json().replace('"source":"a"', '"source":"a\\ud800"')
    out = tmp_path / "out.jsonl"
    out.write_text(line + "\n", encoding="utf-8")
    assert main(["report", str(out), "--html", str(tmp_path / "pages")]) == 0
    assert (tmp_path / "pages" / "index.html").exists()


def test_a_line_that_is_no_report_does_not_count_as_done(tmp_path: Path) -> None:
    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps({"id": "a", "text": CABINET}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"source": "a", "note": "not a report"}) + "\n", encoding="utf-8")
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 0
    (report,) = lines(out)
    assert report["source"] == "a" and report["claims"]


def test_an_item_with_a_str_path_is_read_from_that_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CABINET, encoding="utf-8")
    items = [claimcheck.Item(id="a", path=str(tmp_path / "a.txt")), ("b", CABINET)]  # type: ignore[arg-type]
    results = list(claimcheck.Checker(engine="rules").check_many(items))
    assert sorted(r.source or "" for r in results) == ["a", "b"]
    assert all(isinstance(r, claimcheck.Report) for r in results)


def test_ids_given_twice_are_both_kept_and_a_rerun_redoes_neither(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    given = tmp_path / "in.jsonl"
    other = "The council said it had spent 2 million pounds on the scheme."
    given.write_text(
        json.dumps({"id": "a", "text": CABINET}) + "\n" + json.dumps({"id": "a", "text": other})
        + "\n", encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 0
    assert sorted(line["source"] for line in lines(out)) == ["a", "a (2)"]
    assert "id 'a' is given 2 times" in caplog.text
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 0
    assert sorted(line["source"] for line in lines(out)) == ["a", "a (2)"]


def test_a_second_batch_on_the_same_out_is_refused_while_the_first_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimcheck.run.jsonl import ResultsFile

    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps({"id": "a", "text": CABINET}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(given), "--out", str(out), "--engine", "rules"]
    code = f"from claimcheck.run.jsonl import ResultsFile\nwith ResultsFile({str(out)!r}):\n"
    code += "    print('holding', flush=True)\n    input()\n"
    first = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert first.stdout is not None and first.stdout.readline() == "holding\n"
        assert main(argv) == 2
        assert "another batch is writing to" in capsys.readouterr().err
    finally:
        first.communicate("\n", timeout=30)
    assert main(argv) == 0  # once the first is done, the second runs
    with ResultsFile(out), ResultsFile(tmp_path / "other.jsonl"):
        pass  # different files do not get in each other's way


def test_a_torn_last_line_is_dropped_and_the_next_record_starts_its_own_line(
    tmp_path: Path,
) -> None:
    given = tmp_path / "in.jsonl"
    other = "The council said it had spent 2 million pounds on the scheme."
    given.write_text(
        json.dumps({"id": "a", "text": CABINET}) + "\n" + json.dumps({"id": "b", "text": other})
        + "\n", encoding="utf-8",
    )  # fmt: skip
    done = claimcheck.Checker(engine="rules").check(CABINET, source="a").model_dump_json()
    out = tmp_path / "out.jsonl"
    out.write_text(done + "\n" + done[: len(done) // 2], encoding="utf-8")  # killed mid-write
    assert main(["batch", str(given), "--out", str(out), "--engine", "rules"]) == 0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["source"] for r in written) == ["a", "b"]


def test_a_folder_of_saved_pages_is_batched_and_the_summary_names_what_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = Path(__file__).resolve().parents[1] / "pages"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(pages / "modern-article.html", folder)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--engine", "rules"]) == 1
    written = {Path(line["source"]).name: line for line in lines(out)}
    assert written["modern-article.html"]["claims"]  # its main text, checked
    err = capsys.readouterr().err
    assert "Failed: " in err and "empty.txt (the article is empty" in err
