"""The stub server speaks enough OpenAI for the real SDK, with its default (httpx2) client."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
import urllib.error
import urllib.request
from typing import Any

import openai
import pytest
from openai import AsyncOpenAI, OpenAI
from stub_openai import Reply, StubOpenAI, chat_completion

MESSAGES: list[Any] = [{"role": "user", "content": "Which claims?"}]


def client(server: StubOpenAI, **options: Any) -> OpenAI:
    return OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0, **options)


def test_the_default_client_gets_the_content_and_usage() -> None:
    with StubOpenAI() as server:
        answer = client(server).chat.completions.create(model="stub", messages=MESSAGES)
    assert answer.choices[0].message.content == '{"claims": []}'
    assert answer.choices[0].finish_reason == "stop"
    assert answer.usage is not None and answer.usage.prompt_tokens == 100
    assert answer.usage.prompt_tokens_details is not None
    assert answer.usage.prompt_tokens_details.cached_tokens == 0


def test_the_request_bodies_are_recorded_in_order() -> None:
    with StubOpenAI() as server:
        sdk = client(server)
        for n in range(3):
            sdk.chat.completions.create(model=f"m{n}", messages=MESSAGES, temperature=0)
    assert [r["model"] for r in server.requests] == ["m0", "m1", "m2"]
    assert server.requests[0]["messages"] == MESSAGES


def test_the_responder_sees_the_request_and_shapes_the_answer() -> None:
    def echo(body: dict[str, Any]) -> Reply:
        said = body["messages"][-1]["content"]
        return Reply(json=chat_completion(said.upper(), model=body["model"], cached_tokens=7))

    with StubOpenAI(echo) as server:
        answer = client(server).chat.completions.create(model="gpt-x", messages=MESSAGES)
    assert answer.choices[0].message.content == "WHICH CLAIMS?"
    assert answer.model == "gpt-x"
    assert answer.usage and answer.usage.prompt_tokens_details
    assert answer.usage.prompt_tokens_details.cached_tokens == 7


def test_a_refusal_and_a_finish_reason_come_through() -> None:
    reply = Reply(json=chat_completion("", refusal="I can't.", finish_reason="content_filter"))
    with StubOpenAI(lambda body: reply) as server:
        answer = client(server).chat.completions.create(model="stub", messages=MESSAGES)
    assert answer.choices[0].message.refusal == "I can't."
    assert answer.choices[0].finish_reason == "content_filter"


def test_models_are_listed() -> None:
    with StubOpenAI() as server:
        models = client(server).models.list()
    assert [m.id for m in models.data] == ["stub"]


def test_a_429_with_retry_after_is_a_rate_limit_error() -> None:
    reply = Reply(
        status=429, json={"error": {"message": "slow down"}}, headers={"retry-after": "7"}
    )
    with StubOpenAI(lambda body: reply) as server, pytest.raises(openai.RateLimitError) as raised:
        client(server).chat.completions.create(model="stub", messages=MESSAGES)
    assert raised.value.response.headers["retry-after"] == "7"
    assert "slow down" in str(raised.value)


def test_a_dropped_connection_is_a_connection_error() -> None:
    with StubOpenAI(lambda body: Reply(drop=True)) as server:
        with pytest.raises(openai.APIConnectionError):
            client(server).chat.completions.create(model="stub", messages=MESSAGES)
        assert len(server.requests) == 1


def test_a_slow_answer_is_a_timeout_error() -> None:
    slow = Reply(delay=2.0, json=chat_completion("late"))
    with StubOpenAI(lambda body: slow) as server, pytest.raises(openai.APITimeoutError):
        client(server, timeout=0.2).chat.completions.create(model="stub", messages=MESSAGES)


def test_a_non_json_error_body_is_a_status_error() -> None:
    reply = Reply(
        status=502, raw=b"<html>Bad Gateway</html>", headers={"content-type": "text/html"}
    )
    with StubOpenAI(lambda body: reply) as server, pytest.raises(openai.APIStatusError) as raised:
        client(server).chat.completions.create(model="stub", messages=MESSAGES)
    assert raised.value.status_code == 502


def test_scripted_replies_come_in_order_then_the_last_repeats() -> None:
    limited = Reply(status=429, json={"error": {"message": "x"}}, headers={"retry-after": "0"})
    script = [limited, Reply(json=chat_completion("one")), Reply(json=chat_completion("two"))]
    with StubOpenAI.scripted(script) as server:
        sdk = client(server)
        with pytest.raises(openai.RateLimitError):
            sdk.chat.completions.create(model="stub", messages=MESSAGES)
        said = [
            sdk.chat.completions.create(model="stub", messages=MESSAGES).choices[0].message.content
            for _ in range(3)
        ]
    assert said == ["one", "two", "two"]


def test_the_sdk_retries_a_429_then_succeeds() -> None:
    limited = Reply(status=429, json={"error": {"message": "x"}}, headers={"retry-after": "0"})
    with StubOpenAI.scripted([limited, Reply(json=chat_completion("done"))]) as server:
        sdk = OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=2)
        answer = sdk.chat.completions.create(model="stub", messages=MESSAGES)
    assert answer.choices[0].message.content == "done"
    assert len(server.requests) == 2


def test_scripted_needs_a_reply() -> None:
    with pytest.raises(ValueError):
        StubOpenAI.scripted([])


def test_the_async_client_works_too() -> None:
    async def ask(server: StubOpenAI) -> list[str | None]:
        sdk = AsyncOpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0)
        async with sdk:
            answers = await asyncio.gather(
                *(sdk.chat.completions.create(model="stub", messages=MESSAGES) for _ in range(5))
            )
            with pytest.raises(openai.RateLimitError):
                await sdk.chat.completions.create(model="limit", messages=MESSAGES)
        return [a.choices[0].message.content for a in answers]

    def answer(body: dict[str, Any]) -> Reply:
        if body["model"] == "limit":
            return Reply(status=429, json={"error": {"message": "x"}}, headers={"retry-after": "1"})
        return Reply(json=chat_completion("async"))

    with StubOpenAI(answer, latency=0.05) as server:
        assert asyncio.run(ask(server)) == ["async"] * 5
    assert len(server.requests) == 6


def test_unknown_routes_and_bad_bodies_are_errors() -> None:
    with StubOpenAI() as server:
        post = urllib.request.Request(f"{server.base_url}/chat/completions", data=b"{nope")
        with pytest.raises(urllib.error.HTTPError) as bad:
            urllib.request.urlopen(post, timeout=5)
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{server.base_url}/embeddings", b"{}", timeout=5)
        with urllib.request.urlopen(f"{server.base_url}/stats", timeout=5) as stats:
            counted = json.load(stats)
    assert (bad.value.code, missing.value.code) == (400, 404)
    assert counted == {"requests": 0}
    assert server.requests == []


def test_leaving_the_block_is_prompt_and_leaves_no_thread_behind() -> None:
    before = set(threading.enumerate())
    slow = Reply(delay=30.0, json=chat_completion("never"))
    with StubOpenAI(lambda body: slow) as server:
        sdk = client(server, timeout=60)
        # One kept-alive connection from a finished request, and one request still waiting.
        sdk.models.list()
        waiting = threading.Thread(target=_ask_and_ignore, args=(sdk,), daemon=True)
        waiting.start()
        while not server.requests:
            time.sleep(0.01)
        began = time.monotonic()
    assert time.monotonic() - began < 2
    waiting.join(timeout=5)
    assert not waiting.is_alive()
    assert set(threading.enumerate()) <= before


def _ask_and_ignore(sdk: OpenAI) -> None:
    with contextlib.suppress(openai.APIError):
        sdk.chat.completions.create(model="stub", messages=MESSAGES)
