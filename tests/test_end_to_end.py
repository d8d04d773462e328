"""The stack users run: the CLI and the SDK's default HTTP client, against a server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLES
from strong_model import answer, content, kept
from stub_openai import Reply, StubOpenAI, chat_completion

import claimcheck
from claimcheck.read.structure import Article

EXAMPLE = ARTICLES / "ukraine-troops.txt"


def strong_model(body: dict[str, Any]) -> Reply:
    """A careful strong model: its hand-written claims on the sentences it was shown."""
    return Reply(json=chat_completion(content("ukraine-troops", body), prompt_tokens=700))


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def clean_env(private_cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    return {**env, "CLAIMCHECK_CACHE_DIR": str(private_cache)}


def test_cli_against_a_local_server_with_base_url(clean_env: dict[str, str]) -> None:
    with StubOpenAI(strong_model) as server:
        done = run_cli(
            "check", str(EXAMPLE), "--base-url", server.base_url, "--model", "stub", env=clean_env
        )
        requests = list(server.requests)
    assert done.returncode == 0, done.stderr
    report = claimcheck.Report.model_validate_json(done.stdout)
    assert report.engine == "openai" and report.model == "stub"
    assert report.usage.requests == len(requests) >= 1
    # Offsets are into the file as the user has it: each claim of the model's answer is kept
    # whole where the words of its excerpt are in the file.
    text = EXAMPLE.read_text(encoding="utf-8")
    assert [c["text"] for c in answer("ukraine-troops") if not kept(c, report, text)] == []
    article = Article(text)
    for c in report.claims:
        assert text[c.start : c.end] == c.excerpt  # the file's characters, read back from JSON
        assert not article.is_furniture(c.start, c.end)


def test_openai_base_url_from_the_environment_turns_the_llm_on(clean_env: dict[str, str]) -> None:
    with StubOpenAI(strong_model) as server:
        env = {**clean_env, "OPENAI_BASE_URL": server.base_url, "CLAIMCHECK_MODEL": "stub"}
        done = run_cli("check", str(EXAMPLE), env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["engine"] == "openai"


def test_unreachable_server_is_one_line_and_a_distinct_exit_code(
    clean_env: dict[str, str],
) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    done = run_cli("check", str(EXAMPLE), "--base-url", url, env=clean_env)
    assert done.returncode == claimcheck.ServiceUnavailableError.exit_code
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("claimcheck: error:")
    assert "Traceback" not in done.stderr
    assert f"{url} could not be reached, 4 times in a row; check the server" in last


def test_eval_with_a_model_that_finds_nothing_scores_as_well_as_the_rules(
    clean_env: dict[str, str],
) -> None:
    """Quotes, speakers, figures and assertions: whatever a model misses, the rules layer adds,
    so even a model that answers nothing at all cannot score below the offline engine."""
    gold = str(Path(__file__).parent / "gold")
    rules = run_cli("eval", gold, "--engine", "rules", "--json", env=clean_env)
    with StubOpenAI(lambda body: Reply(json=chat_completion('{"claims": []}'))) as server:
        args = ("eval", gold, "--base-url", server.base_url, "--model", "stub", "--json")
        done = run_cli(*args, env=clean_env)
        rerun = run_cli(*args, env=clean_env)
    assert done.returncode == 0, done.stderr
    ours, theirs = json.loads(done.stdout)["overall"], json.loads(rules.stdout)["overall"]
    for metric in (
        "quote_recall",
        "speaker_accuracy",
        "figure_recall",
        "figure_value_accuracy",
        "assertion_recall",
    ):
        assert ours[metric] >= theirs[metric], metric
    assert ours["grounding_rate"] == 1.0 and ours["failed_articles"] == 0
    assert ours["requests_per_article"] == 2  # the extraction, then the audit of what it missed
    assert ours["cached_per_article"] == 0
    # A rerun is answered from the cache: no request, and the table says where answers came from.
    again = json.loads(rerun.stdout)["overall"]
    assert (again["requests_per_article"], again["cached_per_article"]) == (0, 2)
    assert again["quote_recall"] == ours["quote_recall"]
    progress = [line for line in done.stderr.splitlines() if "claimcheck: eval [" in line]
    assert len(progress) == len(json.loads(done.stdout)["articles"])
    assert progress[0].startswith("claimcheck: eval [1/") and "requests" in progress[0]
