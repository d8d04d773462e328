"""Fault injection against a local OpenAI-compatible server: every fault is recovered from or
becomes a typed error, and no claim is lost to a fault that was recovered from.

The good answer is a careful strong model's, written by hand (``tests/strong/``): a fault that
loses or alters one of its claims fails here, whatever the rules layer would have filled in."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLES, read_article
from strong_model import answer, claims_for, kept
from stub_openai import Reply, StubOpenAI, chat_completion

import claimcheck
from claimcheck.errors import (
    ConfigurationError,
    LLMError,
    RateLimitError,
    RefusedError,
    ServiceUnavailableError,
)

UKRAINE = read_article("ukraine-troops.txt")
KEY = "sk-claimcheck-CANARY-7f3a9c"


STRONG = answer("ukraine-troops")
GOOD = Reply(json=chat_completion(json.dumps({"claims": STRONG})))


def lost(report: claimcheck.Report) -> list[str]:
    """The strong model's claims the report does not keep whole where their words are."""
    return [c["text"] for c in STRONG if not kept(c, report, UKRAINE)]


FAULTS: dict[str, Reply] = {
    "429 with Retry-After": Reply(
        status=429, json={"error": {"message": "slow down"}}, headers={"retry-after": "0"}
    ),
    "500": Reply(status=500, json={"error": {"message": "boom"}}),
    "502": Reply(status=502, raw=b"<html>Bad Gateway</html>"),
    "503": Reply(status=503, json={"error": {"message": "overloaded"}}),
    "timeout": Reply(delay=3.0, json=chat_completion('{"claims": []}')),
    "reset connection": Reply(drop=True),
    "non-JSON body": Reply(raw=b"<html>proxy error</html>"),
    "schema-invalid answer": Reply(json=chat_completion('{"claims": [{"kind": "quote"}]}')),
    "invalid JSON answer": Reply(json=chat_completion('{"claims": [')),
    "cut-off answer": Reply(json=chat_completion('{"claims": [{"sent', finish_reason="length")),
}


def check_with(server: StubOpenAI, **options: Any) -> claimcheck.Report:
    with claimcheck.Checker(
        engine="openai",
        base_url=server.base_url,
        model="stub",
        api_key=KEY,
        timeout=1.0,
        **options,
    ) as checker:
        return checker.check(UKRAINE)


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_then_success_loses_no_claim(fault: str) -> None:
    with StubOpenAI.scripted([FAULTS[fault], GOOD]) as server:
        report = check_with(server, cache=False)
        requests = len(server.requests)
    assert requests >= 2
    assert lost(report) == []
    assert not any(c.origin == "rules" for c in report.claims)


@pytest.mark.parametrize(
    "reply, error",
    [
        (FAULTS["429 with Retry-After"], RateLimitError),
        (FAULTS["500"], ServiceUnavailableError),
        (FAULTS["503"], ServiceUnavailableError),
        (FAULTS["reset connection"], ServiceUnavailableError),
        (FAULTS["timeout"], ServiceUnavailableError),
        (Reply(status=401, json={"error": {"message": "bad key"}}), ConfigurationError),
        (Reply(status=404, json={"error": {"message": "no such model"}}), ConfigurationError),
        (Reply(json=chat_completion("", refusal="I can't help with that.")), RefusedError),
        (
            Reply(json=chat_completion('{"claims": []}', finish_reason="content_filter")),
            RefusedError,
        ),
    ],
)
def test_a_lasting_fault_is_a_typed_error(reply: Reply, error: type[LLMError]) -> None:
    with StubOpenAI(lambda body: reply) as server, pytest.raises(error) as raised:
        check_with(server, cache=False, max_attempts=2)
    assert KEY not in str(raised.value)


@pytest.mark.parametrize(
    "replies, said",
    [
        (
            [Reply(status=500, json={"error": {"message": "boom"}})],
            "answered HTTP 500 (“boom”), 4 times in a row; the server is failing",
        ),
        (
            [
                Reply(
                    status=502,
                    raw=b"<html>Bad Gateway</html>",
                    headers={"content-type": "text/html"},
                )
            ],
            "answered HTTP 502 (text/html: “<html>Bad Gateway</html>”), 4 times in a row",
        ),
        (
            [Reply(drop=True)],
            "closed the connection without answering, 4 times in a row",
        ),
        (
            [Reply(status=503, json={"error": {"message": "overloaded"}})] * 2 + [Reply(drop=True)],
            "answered HTTP 503 (“overloaded”) twice, then closed the connection without "
            "answering twice",
        ),
        (
            [Reply(raw=b"<html>proxy error</html>")],
            "answered HTTP 200 with a body that is not JSON (application/json: “<html>proxy "
            "error</html>”), 4 times in a row; is --base-url the API's address",
        ),
    ],
    ids=["500", "502 page", "dropped", "503 then dropped", "not JSON"],
)
def test_a_lasting_fault_says_what_the_server_did(replies: list[Reply], said: str) -> None:
    """A server that answered HTTP 500 four times was reached: the error says what it did."""
    with StubOpenAI.scripted(replies) as server, pytest.raises(ServiceUnavailableError) as raised:
        check_with(server, cache=False, max_attempts=4)
    assert str(raised.value).startswith(f"{server.base_url} {said}")
    assert "could not be reached" not in str(raised.value)


def test_a_bug_in_claimcheck_surfaces_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ValueError of claimcheck's own making (here put in on purpose, where the request is
    built) is not the server's fault: it is neither retried nor reported as a body that is not
    JSON with advice about --base-url."""
    from claimcheck.ask.llm import LLM

    def broken(self: LLM, messages: Any, response: Any = None) -> Any:
        raise ValueError("a bug in claimcheck")

    monkeypatch.setattr(LLM, "_request", broken)
    with StubOpenAI(lambda body: GOOD) as server, pytest.raises(ValueError, match="a bug in"):
        check_with(server, cache=False)
    assert server.requests == []


def test_rate_limit_error_carries_the_servers_hint() -> None:
    reply = Reply(status=429, json={"error": {"message": "x"}}, headers={"retry-after": "7"})
    with StubOpenAI(lambda body: reply) as server, pytest.raises(RateLimitError) as raised:
        # The hint is longer than claimcheck's cap per wait only if it exceeds 60 s; 7 s is
        # honoured, so one retry: keep the attempts at 1 to keep the test fast.
        check_with(server, cache=False, max_attempts=1)
    assert raised.value.retry_after == 7


def test_a_retry_waits_as_long_as_the_server_asks() -> None:
    import time

    limited = Reply(
        status=429, json={"error": {"message": "slow down"}}, headers={"retry-after": "2"}
    )
    with StubOpenAI.scripted([limited, GOOD]) as server:
        started = time.monotonic()
        check_with(server, cache=False, max_attempts=2)
        waited = time.monotonic() - started
    assert server.count == 2
    assert waited >= 2.0  # claimcheck's own first backoff is at most 0.5 s


def test_client_errors_are_not_retried() -> None:
    reply = Reply(status=401, json={"error": {"message": "bad key"}})
    with StubOpenAI(lambda body: reply) as server:
        with pytest.raises(ConfigurationError, match="API key was refused"):
            check_with(server, cache=False)
        assert len(server.requests) == 1


def test_a_refused_chunk_keeps_the_other_chunks_claims() -> None:
    refused: list[dict[str, Any]] = []

    def responder(body: dict[str, Any]) -> Reply:
        claims = claims_for("ukraine-troops", body)
        if "Kremlin" in body["messages"][-1]["content"].split("<article>")[-1]:
            refused.extend(claims)
            return Reply(json=chat_completion("", refusal="no"))
        return Reply(json=chat_completion(json.dumps({"claims": claims})))

    with StubOpenAI(responder) as server:
        report = check_with(server, cache=False, max_chunk_chars=600, audit=False)
    assert refused and len(refused) < len(STRONG)
    assert lost(report) == [c["text"] for c in STRONG if c in refused]
    assert any("failed" in w and "refused" in w for w in report.warnings)


def test_a_model_that_never_answers_in_shape_gives_the_rules_report_and_says_so() -> None:
    """A model too small to follow the schema cannot make a report worse than the rules
    engine's: every claim comes from the rules layer, and the warnings say what to do."""
    broken = FAULTS["schema-invalid answer"]
    with StubOpenAI(lambda body: broken) as server:
        report = check_with(server, cache=False)
        requests = len(server.requests)
    rules = claimcheck.check(UKRAINE, engine="rules")
    assert requests == 3  # one answer and two re-asks; no audit of a model that cannot answer
    assert [(c.kind, c.start, c.end, c.speaker) for c in report.claims] == [
        (c.kind, c.start, c.end, c.speaker) for c in rules.claims
    ]
    assert any(
        "did not match the schema" in w and "larger model" in w and "rules" in w
        for w in report.warnings
    )


def test_the_api_key_never_leaks(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    cache_dir = tmp_path / "cache"
    with StubOpenAI(lambda body: GOOD) as server:
        checker = claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="stub", api_key=KEY,
            cache_dir=str(cache_dir),
        )  # fmt: skip
        with checker:
            report = checker.check(UKRAINE)
            assert KEY not in repr(checker) and KEY not in repr(checker.settings)
    assert KEY not in report.model_dump_json()
    assert KEY not in caplog.text
    for path in cache_dir.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


def test_the_api_key_never_reaches_the_terminal_even_with_debug(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    env.update(OPENAI_API_KEY=KEY, CLAIMCHECK_CACHE_DIR=str(tmp_path))
    article = str(ARTICLES / "ukraine-troops.txt")
    for reply in (Reply(status=401, json={"error": {"message": "bad"}}), GOOD):
        with StubOpenAI(lambda body, r=reply: r) as server:  # type: ignore[misc]
            done = subprocess.run(
                [sys.executable, "-m", "claimcheck.cli", "check", article, "--debug",
                 "--base-url", server.base_url],
                capture_output=True, text=True, env=env, timeout=120,
            )  # fmt: skip
        assert KEY not in done.stdout and KEY not in done.stderr


# A server that quotes the key back, a key in --base-url ---------------------------------

PLAIN_KEY = "local-secret-CANARY-31337"  # no sk- prefix: only knowing the key finds it


@pytest.mark.parametrize("key", [KEY, PLAIN_KEY])
@pytest.mark.parametrize("status", [400, 500])
def test_a_server_that_echoes_the_key_never_gets_it_shown_or_stored(
    key: str, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    said = {"error": {"message": f"Incorrect API key provided: {key}. Bearer {key}"}}
    with (
        StubOpenAI(lambda body: Reply(status=status, json=said)) as server,
        claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="stub", api_key=key,
            timeout=1.0, max_attempts=2, cache=False,
        ) as checker,
    ):  # fmt: skip
        (result,) = list(checker.check_many([("a1", UKRAINE)]))
        with pytest.raises(LLMError) as raised:
            checker.check(UKRAINE)
    assert isinstance(result, claimcheck.ArticleError)
    assert key not in result.model_dump_json()
    assert "Incorrect API key provided: ***" in result.error.message
    assert key not in str(raised.value)
    assert key not in caplog.text


def test_a_key_in_the_base_url_is_never_printed(tmp_path: Path) -> None:
    import os

    secret = "CANARY-in-the-url-4242"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    env.update(OPENAI_API_KEY="x", CLAIMCHECK_CACHE_DIR=str(tmp_path))
    base_url = f"http://user:{secret}@127.0.0.1:9/v1?api-key={secret}"  # port 9: nobody there
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck.cli", "check", str(ARTICLES / "ukraine-troops.txt"),
         "--base-url", base_url, "--model", "m", "--timeout", "1"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0
    assert "http://user:***@127.0.0.1:9/v1?api-key=***" in done.stderr
    assert secret not in done.stdout + done.stderr
    checker = claimcheck.Checker(engine="openai", base_url=base_url, model="m", api_key="x")
    with checker:
        assert secret not in repr(checker)


def test_a_server_that_dribbles_its_answer_times_out_on_the_whole_answer() -> None:
    import time

    slow = Reply(json=chat_completion('{"claims": []}'), dribble=0.2)  # 60 s for the body
    started = time.monotonic()
    with StubOpenAI(lambda body: slow) as server, pytest.raises(ServiceUnavailableError) as raised:
        check_with(server, max_attempts=2, cache=False)
    assert time.monotonic() - started < 15  # two attempts of 1 s, and a backoff
    assert "had not finished answering after 1 s, twice in a row" in str(raised.value)
    assert "raise --timeout" in str(raised.value)
