"""Batches in worker processes: the same reports as one process, the same bound on requests,
a dying worker costs only its article, and nothing is left running."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import all_articles
from rules_model import answer, claims_in
from stub_openai import Reply, StubOpenAI, chat_completion

import claimcheck
from claimcheck.cli import main

TEXTS = {path.name: path.read_text(encoding="utf-8") for path in all_articles()}

# Loaded by every Python process started with this folder on PYTHONPATH, so that a worker
# process can be made to die (or fail) on an article that asks for it.
SITECUSTOMIZE = """
import os, signal, sys
import claimcheck.read.structure as structure

_init = structure.Article.__init__

def __init__(self, text, *args, **kwargs):
    if "KILL-THE-WORKER-ALWAYS" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "KILL-THE-WORKER-ONCE" in text and not os.path.exists({marker!r}):
        open({marker!r}, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    if "CRASH-THE-WORKER" in text:
        import faulthandler
        faulthandler._sigsegv()
    if "HANG-THE-WORKER" in text:
        while True:  # a rule gone quadratic, or worse: busy, never waiting
            pass
    if "RAISE-IN-THE-WORKER" in text:
        raise ZeroDivisionError("a bug in the rules")
    _init(self, text, *args, **kwargs)

structure.Article.__init__ = __init__
{extra}
"""


def hook_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> None:
    folder = tmp_path / "hooks"
    folder.mkdir()
    marker = str(tmp_path / "killed-once")
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE.format(marker=marker, extra=extra))
    monkeypatch.setenv("PYTHONPATH", str(folder))


def by_source(results: Any) -> dict[str, Any]:
    return {r.source: r for r in results}


def worker_processes() -> list[int]:
    """This process's children that run a claimcheck worker (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and b"claimcheck.run.worker" in command:
            found.append(int(entry.name))
    return found


def test_two_workers_give_the_reports_one_process_gives() -> None:
    items = sorted(TEXTS.items())
    with claimcheck.Checker(engine="rules") as checker:
        alone = by_source(checker.check_many(items, workers=1))
        shared = by_source(checker.check_many(items, workers=2))
    assert len(alone) == len(TEXTS)
    assert shared == alone


def test_the_async_api_takes_workers_too() -> None:
    import asyncio

    items = sorted(TEXTS.items())[:4]

    async def collect() -> dict[str, Any]:
        return by_source([r async for r in claimcheck.check_many(items, workers=2, engine="rules")])

    with claimcheck.Checker(engine="rules") as checker:
        assert asyncio.run(collect()) == by_source(checker.check_many(items, workers=1))


def test_openai_engine_in_workers_gives_the_same_reports_and_requests() -> None:
    items = sorted(TEXTS.items())[:8]
    with StubOpenAI(answer) as server:

        def run(workers: int) -> dict[str, Any]:
            with claimcheck.Checker(
                engine="openai", base_url=server.base_url, model="stub", api_key="sk-x", cache=False
            ) as checker:
                before = server.count
                reports = by_source(checker.check_many(items, workers=workers))
                assert sum(r.usage.requests for r in reports.values()) == server.count - before
                return reports

        alone, shared = run(1), run(2)
    assert all(isinstance(r, claimcheck.Report) for r in shared.values())
    assert shared == alone


def test_workers_never_raise_the_number_of_requests_in_flight() -> None:
    in_flight = peak = 0
    guard = threading.Lock()
    latency = 0.15

    def slow(body: dict[str, Any]) -> Reply:
        nonlocal in_flight, peak
        with guard:
            in_flight += 1
            peak = max(peak, in_flight)

        def done() -> None:
            nonlocal in_flight
            with guard:
                in_flight -= 1

        # counted out halfway through the wait, surely before the reply goes: a timer at the
        # full latency could fire after the reply, on a loaded machine, and count a request
        # the client sent only once it had its answer; a third request sent while two wait
        # still lands inside the first half
        threading.Timer(latency / 2, done).start()
        return answer(body)

    items = sorted(TEXTS.items())[:10]
    with StubOpenAI(slow, latency=latency) as server:
        with claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="stub", api_key="sk-x",
            cache=False, concurrency=2,
        ) as checker:  # fmt: skip
            results = list(checker.check_many(items, workers=2))
        served = server.count
    assert len(results) == 10 and served >= 10
    assert peak <= 2


def test_the_worker_never_sees_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's environment has no OPENAI_API_KEY and its settings carry no key."""
    seen = tmp_path / "seen.txt"
    hook_workers(
        tmp_path,
        monkeypatch,
        extra=f"open({str(seen)!r}, 'a').write(os.environ.get('OPENAI_API_KEY', '-') + chr(10))",
    )
    monkeypatch.setenv("OPENAI_API_KEY", "sk-claimcheck-CANARY-51")
    with (
        StubOpenAI(answer) as server,
        claimcheck.Checker(base_url=server.base_url, model="stub", cache=False) as checker,
    ):
        results = list(checker.check_many(sorted(TEXTS.items())[:3], workers=2))
    assert all(isinstance(r, claimcheck.Report) for r in results)
    assert seen.read_text().split() == ["-", "-"]


def test_a_worker_killed_on_an_article_costs_that_article_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hook_workers(tmp_path, monkeypatch)
    items = sorted(TEXTS.items())[:8]
    poisoned = [*items[:4], ("poison", "The mayor said: “KILL-THE-WORKER-ALWAYS”."), *items[4:]]
    with claimcheck.Checker(engine="rules") as checker:
        alone = by_source(checker.check_many(items, workers=1))
        results = by_source(checker.check_many(poisoned, workers=2))
    error = results.pop("poison")
    assert isinstance(error, claimcheck.ArticleError)
    assert error.error.type == "WorkerError"
    assert "killed" in error.error.message and "twice" in error.error.message
    assert results == alone
    assert "a worker process was killed" in caplog.text


def test_a_worker_that_dies_once_is_replaced_and_the_article_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook_workers(tmp_path, monkeypatch)
    text = "“KILL-THE-WORKER-ONCE, then we build the bridge,” the mayor, Jane Hill, said."
    items = [*sorted(TEXTS.items())[:3], ("unlucky", text)]
    with claimcheck.Checker(engine="rules") as checker:
        results = by_source(checker.check_many(items, workers=2))
    assert (tmp_path / "killed-once").exists()
    unlucky = results["unlucky"]
    assert isinstance(unlucky, claimcheck.Report)
    assert any(c.kind == "quote" and c.speaker == "Jane Hill" for c in unlucky.claims)
    assert all(isinstance(r, claimcheck.Report) for r in results.values())


def test_a_crash_in_native_code_is_an_error_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook_workers(tmp_path, monkeypatch)
    items = [("crash", "CRASH-THE-WORKER. The council spent £5m."), *sorted(TEXTS.items())[:3]]
    with claimcheck.Checker(engine="rules") as checker:
        results = by_source(checker.check_many(items, workers=2))
    assert results["crash"].error.type == "WorkerError"
    assert "SIGSEGV" in results["crash"].error.message
    assert sum(isinstance(r, claimcheck.Report) for r in results.values()) == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_past_its_time_limit_is_an_error_line_and_the_batch_goes_on(
    workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hook_workers(tmp_path, monkeypatch)
    items = sorted(TEXTS.items())[:4]
    stuck = [*items[:2], ("stuck", "HANG-THE-WORKER. The council spent £5m."), *items[2:]]
    with claimcheck.Checker(engine="rules") as checker:
        alone = by_source(checker.check_many(items, workers=1))
    started = time.monotonic()
    # 3 s: with every core busy, a real article's first check in a fresh worker passed 1 s
    with claimcheck.Checker(engine="rules", article_timeout=3.0) as checker:
        results = by_source(checker.check_many(stuck, workers=workers))
    assert time.monotonic() - started < 30
    error = results.pop("stuck")
    assert isinstance(error, claimcheck.ArticleError)
    assert error.error.type == "ArticleTimeoutError"
    assert "after 3 s" in error.error.message and "--article-timeout" in error.error.message
    assert results == alone  # the articles the stopped worker held were checked again, whole
    assert "stopped the worker process checking stuck" in caplog.text
    assert not worker_processes()


def test_a_time_limit_never_stops_an_article_that_takes_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each article's clock starts when its worker begins it: not while the worker starts, nor
    # while the article waits for the one before it.
    hook_workers(tmp_path, monkeypatch)
    slow = "import time\n_slow = structure.Article.__init__\n" + (
        "def __init__(self, text, *a, **k):\n"
        "    time.sleep(0.6) if 'SLOW' in text else None\n"
        "    _slow(self, text, *a, **k)\n"
        "structure.Article.__init__ = __init__\n"
    )
    (tmp_path / "hooks" / "sitecustomize.py").write_text(
        (tmp_path / "hooks" / "sitecustomize.py").read_text() + slow
    )
    items = [(f"slow{n}", f"SLOW. The council spent £{n}m.") for n in range(6)]
    with claimcheck.Checker(engine="rules", article_timeout=1.0) as checker:
        results = list(checker.check_many(items, workers=1))
    assert all(isinstance(r, claimcheck.Report) for r in results), results


def test_a_worker_slow_to_start_is_not_timed_until_it_is_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article's clock starts when its worker begins it: a worker that takes longer than
    the limit to start (a loaded machine importing claimcheck) was killed as overdue, and the
    batch failed with "a worker process could not start"."""
    hook_workers(tmp_path, monkeypatch, extra="import time\ntime.sleep(2.5)\n")
    items = [("quick", "The council spent £5m on roads last year.")]
    with claimcheck.Checker(engine="rules", article_timeout=1.0) as checker:
        results = list(checker.check_many(items, workers=1))
    assert [type(r).__name__ for r in results] == ["Report"]


def test_an_openai_article_past_its_time_limit_is_an_error_line(tmp_path: Path) -> None:
    def responder(body: dict[str, Any]) -> Reply:
        reply = answer(body)
        if "NEVER-ANSWERED" in body["messages"][-1]["content"]:
            return Reply(json=reply.json, delay=30)
        return reply

    on_time = "“We will build the bridge by May,” the mayor, Jane Hill, said. It costs £5m."
    items = [("a", on_time), ("late", "NEVER-ANSWERED. The mayor spent £5m.")]
    for workers in (1, 2):
        started = time.monotonic()
        with (
            StubOpenAI(responder) as server,
            claimcheck.Checker(
                base_url=server.base_url, api_key="k", cache=False, article_timeout=2
            ) as checker,
        ):
            results = by_source(checker.check_many(items, workers=workers))
        assert time.monotonic() - started < 15, workers
        assert results["late"].error.type == "ArticleTimeoutError", workers
        assert isinstance(results["a"], claimcheck.Report) and results["a"].claims, workers


def test_batch_cli_takes_a_time_limit_per_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hook_workers(tmp_path, monkeypatch)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS["ukraine-troops.txt"], encoding="utf-8")
    (folder / "stuck.txt").write_text("HANG-THE-WORKER. The council spent £5m.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = ["batch", str(folder), "--out", str(out), "--engine", "rules"]
    # 3 s: a real article's first check in a fresh worker took over 1 s with every core busy
    assert main([*command, "--article-timeout", "3"]) == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [line for line in lines if "error" in line]
    assert [e["error"]["type"] for e in errors] == ["ArticleTimeoutError"]
    assert errors[0]["source"].endswith("stuck.txt")
    assert len(lines) == 2
    assert main([*command, "--article-timeout", "0"]) == 2
    assert "article_timeout must be a positive number" in capsys.readouterr().err
    assert main([*command, "--article-timeout", "5", "--openai-batch"]) == 2
    assert "--article-timeout does not work with --openai-batch" in capsys.readouterr().err


def test_a_bug_in_a_worker_is_raised_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook_workers(tmp_path, monkeypatch)
    items = [("bug", "RAISE-IN-THE-WORKER. The council spent £5m.")]
    with claimcheck.Checker(engine="rules") as checker, pytest.raises(ZeroDivisionError) as caught:
        list(checker.check_many(items * 2, workers=2))
    assert "in the worker process" in str(caught.value.__cause__)
    assert "a bug in the rules" in str(caught.value.__cause__)


def test_workers_that_cannot_start_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook_workers(tmp_path, monkeypatch, extra="raise SystemExit(3)")
    with (
        claimcheck.Checker(engine="rules") as checker,
        pytest.raises(claimcheck.WorkerError) as caught,
    ):
        list(checker.check_many(sorted(TEXTS.items())[:3], workers=2))
    assert "could not start" in str(caught.value) and "--workers 1" in str(caught.value)


def test_a_worker_logs_through_this_process(caplog: pytest.LogCaptureFixture) -> None:
    whole = json.dumps({"claims": claims_in(TEXTS["ukraine-troops.txt"])})
    cut = Reply(json=chat_completion(whole[: len(whole) - 40], finish_reason="length"))
    caplog.set_level(logging.INFO, logger="claimcheck")
    items = [("a", TEXTS["ukraine-troops.txt"]), ("b", TEXTS["ukraine-troops.txt"])]
    with (
        StubOpenAI.scripted([cut, Reply(json=chat_completion('{"claims": []}'))]) as server,
        claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="stub", api_key="sk-x", cache=False
        ) as checker,
    ):
        list(checker.check_many(items, workers=2))
    records = [r for r in caplog.records if "asking again in two halves" in r.getMessage()]
    assert records and records[0].name == "claimcheck.decide.engine"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_takes_no_more_articles_than_it_keeps_open(workers: int) -> None:
    taken = 0

    def articles() -> Iterator[tuple[str, str]]:
        nonlocal taken
        for i in range(60):
            taken += 1
            yield (f"a{i}", TEXTS["ukraine-troops.txt"])

    with claimcheck.Checker(engine="rules") as checker:
        results = checker.check_many(articles(), concurrency=3, workers=workers)
        for done, _ in enumerate(results, start=1):
            time.sleep(0.02)  # a slow caller: the batch must wait for it, not read on
            # Twice the concurrency open, and as many finished reports waiting for the caller.
            assert taken <= done + 2 * 3 + 2 * 3
    assert taken == 60


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_worker_is_left_running_after_a_batch_or_when_stopped_early() -> None:
    items = sorted(TEXTS.items())
    with claimcheck.Checker(engine="rules") as checker:
        list(checker.check_many(items, workers=2))
        assert worker_processes() == []
        for _ in checker.check_many(items, workers=2):
            break
        assert worker_processes() == []


def test_batch_cli_with_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in all_articles():
        shutil.copy(path, folder / path.name)
    outs = {n: tmp_path / f"out-{n}.jsonl" for n in (1, 2)}
    for n, out in outs.items():
        command = ["batch", str(folder), "--out", str(out), "--engine", "rules"]
        assert main([*command, "--workers", str(n)]) == 0

    def read(path: Path) -> list[dict[str, Any]]:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return sorted(lines, key=lambda r: r["source"])

    assert len(read(outs[2])) == len(TEXTS)
    assert read(outs[2]) == read(outs[1])


def test_batch_cli_refuses_zero_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    source = str(all_articles()[0])
    assert main(["batch", source, "--out", str(out), "--engine", "rules", "--workers", "0"]) == 2
    assert "workers must be a positive whole number" in capsys.readouterr().err


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_from_the_articles_themselves_reaches_the_caller(workers: int) -> None:
    def articles() -> Iterator[tuple[str, str]]:
        for i in range(5):
            yield (f"a{i}", TEXTS["ukraine-troops.txt"])
        raise claimcheck.InputError("wires.jsonl, line 6: not JSON")

    with claimcheck.Checker(engine="rules") as checker:
        results = checker.check_many(articles(), concurrency=1, workers=workers)
        with pytest.raises(claimcheck.InputError, match="line 6"):
            list(results)


def test_workers_import_the_claimcheck_the_batch_runs(tmp_path: Path) -> None:
    """A folder named claimcheck where the batch is started is not what the workers run."""
    elsewhere = tmp_path / "cwd"
    (elsewhere / "claimcheck").mkdir(parents=True)
    (elsewhere / "claimcheck" / "__init__.py").write_text("raise ImportError('the wrong one')")
    script = tmp_path / "run.py"
    script.write_text(
        "import claimcheck\n"
        "items = [('a', 'The mayor said the bridge cost £4m.'), ('b', 'It rained, he said.')]\n"
        "with claimcheck.Checker(engine='rules') as checker:\n"
        "    print(len(list(checker.check_many(items, workers=2))))\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], cwd=elsewhere, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"
