"""The answer cache: reruns cost nothing, changes miss, damage is survived, processes share."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from conftest import read_article
from stub_openai import chat_completion

import claimcheck
from claimcheck.ask.cache import AnswerCache
from claimcheck.ask.llm import Answer
from claimcheck.cli import main

BASE = "https://llm.test/v1"
UKRAINE = read_article("ukraine-troops.txt")
ROOT = Path(__file__).resolve().parents[2]


def body(claims: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return chat_completion(json.dumps({"claims": claims or []}), prompt_tokens=900)


@pytest.fixture
def api() -> Any:
    with respx.mock(base_url=BASE) as router:
        yield router.post("/chat/completions").mock(
            side_effect=lambda request: httpx.Response(200, json=body())
        )


def run(**options: Any) -> claimcheck.Report:
    options = {"model": "m", **options}
    with claimcheck.Checker(
        engine="openai", base_url=BASE, api_key="sk-test", http_client=httpx.AsyncClient(),
        audit=False, **options,
    ) as checker:  # fmt: skip
        return checker.check(UKRAINE)


def test_a_rerun_makes_no_request_and_says_so(api: respx.Route) -> None:
    first = run()
    again = run()
    assert api.call_count == 1
    assert first.usage.requests == 1 and first.usage.cache_hits == 0
    assert again.usage.requests == 0 and again.usage.cache_hits == 1
    assert again.usage.prompt_tokens == 0  # tokens are not counted twice
    assert again.claims == first.claims


def test_another_model_misses(api: respx.Route) -> None:
    run()
    run(model="other")
    assert api.call_count == 2


@pytest.mark.parametrize(
    "change",
    [{"temperature": 0.7}, {"max_completion_tokens": 1000}, {"response_format": "json_object"}],
)
def test_another_generation_setting_misses(api: respx.Route, change: dict[str, Any]) -> None:
    run()
    run(**change)
    assert api.call_count == 2


def test_a_changed_prompt_misses(
    api: respx.Route, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run()
    shutil.copytree(ROOT / "prompts", tmp_path / "prompts")
    extract = tmp_path / "prompts" / "extract-v1.txt"
    extract.write_text(extract.read_text() + "\nBe brief.", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_PROMPTS_DIR", str(tmp_path / "prompts"))
    run()
    assert api.call_count == 2
    run()
    assert api.call_count == 2  # and the changed prompt's answer is cached in turn


def test_no_cache_neither_reads_nor_writes(api: respx.Route, private_cache: Path) -> None:
    run(cache=False)
    run(cache=False)
    assert api.call_count == 2
    assert not private_cache.exists()


def test_a_corrupt_entry_is_recomputed(api: respx.Route, private_cache: Path) -> None:
    run()
    store = AnswerCache(private_cache)
    keys = list(store._store.iterkeys())
    for key in keys:
        store._store.set(key, "{not json")
    store.close()
    report = run()
    assert api.call_count == 2
    assert report.usage.requests == 1


def test_cache_info_and_clear(api: respx.Route, private_cache: Path, capsys: Any) -> None:
    run()
    assert main(["cache", "info"]) == 0
    assert "entries: 1" in capsys.readouterr().out
    assert main(["cache", "clear"]) == 0
    assert "removed 1" in capsys.readouterr().out
    run()
    assert api.call_count == 2


WRITER = """
import sys
from claimcheck.ask.cache import AnswerCache
from claimcheck.ask.llm import Answer
store = AnswerCache(sys.argv[1])
for i in range(150):
    store.set(f"{sys.argv[2]}-{i}", Answer(claims=[]))
    assert store.get(f"{sys.argv[2]}-{i}", Answer) is not None
store.close()
"""


def test_two_processes_can_write_one_cache_at_once(tmp_path: Path) -> None:
    folder = str(tmp_path / "shared")
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, folder, name]) for name in ("a", "b")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    store = AnswerCache(folder)
    assert all(store.get(f"{n}-{i}", Answer) is not None for n in "ab" for i in range(150))
    assert store.info().entries == 300
    store.close()
