"""Talking to the model: structured output, re-asking, retries, and typed errors.

One ``LLM`` per Checker holds one ``AsyncOpenAI`` client. ``ask`` sends a conversation and
returns validated claims:

- Structured output is a strict JSON schema (``json_schema``), or ``json_object`` with the
  schema in the prompt (and in ``response_format`` for servers that take it, such as
  llama.cpp). ``auto`` starts with ``json_schema`` and switches for good when a server rejects it.
- An answer that is not valid JSON for the schema is re-asked, with the error fed back.
- An answer cut off by the length limit keeps its complete claims and says so.
- Rate limits, server errors, timeouts and dropped connections are retried by tenacity (the
  SDK's own retries are off), honouring ``Retry-After``; other failures become typed errors.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from typing import Any, TypeVar, cast
from urllib.parse import urlparse

import openai
import pydantic_core
from openai.lib._parsing import type_to_response_format_param
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, Field, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
)

from claimcheck.ask.cache import AnswerCache, default_directory, request_key
from claimcheck.ask.limits import RateLimiter, estimate_tokens
from claimcheck.ask.prompts import PROMPT_VERSION
from claimcheck.ask.schema import Extraction, ModelClaim, salvage
from claimcheck.config import Settings
from claimcheck.errors import (
    ConfigurationError,
    InvalidOutputError,
    LLMError,
    RateLimitError,
    RefusedError,
    ServiceUnavailableError,
    redact,
)
from claimcheck.models import Usage

log = logging.getLogger(__name__)

Message = dict[str, str]
MAX_REASKS = 2


class Answer(BaseModel):
    """Validated claims from one conversation, and what they cost. Cached as JSON."""

    claims: list[ModelClaim]
    usage: Usage = Field(default_factory=Usage)
    truncated: bool = False


class LLM:
    def __init__(self, settings: Settings, *, http_client: Any = None) -> None:
        self.settings = settings
        self.mode = "json_schema" if settings.response_format != "json_object" else "json_object"
        self._client = openai.AsyncOpenAI(
            api_key=settings.api_key,
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,  # tenacity owns retries
            http_client=http_client,
        )
        self._openai_host = _is_openai_host(settings.base_url)
        self._limiter = RateLimiter(settings.requests_per_minute, settings.tokens_per_minute)
        self.cache: AnswerCache | None = None
        if settings.cache:
            self.cache = AnswerCache(settings.cache_dir or default_directory())

    @property
    def client(self) -> openai.AsyncOpenAI:
        return self._client

    async def aclose(self) -> None:
        await self._client.close()
        if self.cache is not None:
            self.cache.close()

    async def ask(self, messages: list[Message]) -> Answer:
        """Validated claims for the conversation: from the cache, or asked for."""
        key = request_key(self.settings.base_url, self._key_material(messages))
        if self.cache is not None:
            cached = self.cache.get(key, Answer)
            if cached is not None:
                log.debug("cache hit %s…", key[:12])
                return Answer(
                    claims=cached.claims, usage=Usage(cache_hits=1), truncated=cached.truncated
                )
        answer = await self._ask(messages)
        if self.cache is not None:
            self.cache.set(key, answer)
        return answer

    def _key_material(self, messages: list[Message]) -> dict[str, Any]:
        s = self.settings
        return {
            "engine": "openai",
            "prompt_version": PROMPT_VERSION,
            "model": s.model,
            "messages": messages,
            "response_format": s.response_format,
            "schema": _SCHEMA,
            "temperature": s.temperature,
            "max_completion_tokens": s.max_completion_tokens,
            "max_reasks": MAX_REASKS,
        }

    async def _ask(self, messages: list[Message]) -> Answer:
        """Validated claims for the conversation, re-asking when the answer is malformed."""
        conversation = list(messages)
        usage = Usage()
        for attempt in range(MAX_REASKS + 1):
            completion = await self._complete(conversation)
            usage += _usage(completion)
            try:
                answer = read_completion(completion)
            except ValidationError as error:
                log.info("answer did not match the schema (attempt %d): %s", attempt + 1, error)
                content = completion.choices[0].message.content or ""
                conversation = [*messages, *_reask(content, error)]
                continue
            answer.usage = usage
            return answer
        raise InvalidOutputError(
            f"the model's answer did not match the schema after {MAX_REASKS} re-asks; try a "
            "larger model, or --response-format json_object"
        )

    async def judge(self, messages: list[Message], schema: type[_M]) -> tuple[_M | None, Usage]:
        """A small structured answer of ``schema`` (a verification's verdict), cached, rate
        limited and retried as extraction's; None when the model's answer does not fit it."""
        response = _response_format(schema)
        material = {**self._key_material(messages), "schema": response["json_schema"]["schema"]}
        key = request_key(self.settings.base_url, material)
        if self.cache is not None:
            cached = self.cache.get(key, schema)
            if cached is not None:
                return cached, Usage(cache_hits=1)
        completion = await self._complete(messages, response)
        usage = _usage(completion)
        choice = completion.choices[0]
        _refused(choice)
        try:
            answer = schema.model_validate_json(choice.message.content or "")
        except ValidationError as error:
            log.info("a judgement did not match its schema: %s", error)
            return None, usage
        if self.cache is not None:
            self.cache.set(key, answer)
        return answer, usage

    async def _complete(
        self, messages: list[Message], response: dict[str, Any] | None = None
    ) -> Any:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.max_attempts) | stop_after_delay(300),
            wait=_wait,
            retry=retry_if_exception(_transient),
            before_sleep=lambda state: _log_retry(state, self.settings.api_key),
            reraise=True,
        )
        outcomes: list[str] = []  # what the server did, attempt by attempt
        try:
            async for attempt in retrying:
                with attempt:
                    await self._limiter.acquire(
                        estimate_tokens(messages, self.settings.max_completion_tokens)
                    )
                    try:
                        return await self._within_timeout(messages, response)
                    except (openai.APIError, _BadResponse, _Overdue) as error:
                        outcomes.append(_outcome(error))
                        raise
        except (openai.APIError, _BadResponse, _Overdue) as error:
            raise _typed(error, self.settings, outcomes) from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _within_timeout(
        self, messages: list[Message], response: dict[str, Any] | None
    ) -> Any:
        """The answer, whole, within the timeout: the client's own timeout bounds each read,
        so a server sending a byte every second would otherwise never time out."""
        try:
            return await asyncio.wait_for(self._create(messages, response), self.settings.timeout)
        except asyncio.TimeoutError:  # TimeoutError itself from Python 3.11
            raise _Overdue(self.settings.timeout) from None

    async def _create(self, messages: list[Message], response: dict[str, Any] | None) -> Any:
        try:
            raw = await self._client.chat.completions.with_raw_response.create(
                **self._request(messages, response)
            )
        except openai.APIStatusError as error:
            switchable = self.mode == "json_schema" and self.settings.response_format == "auto"
            if not switchable or not _rejects_json_schema(error):
                raise
            log.warning("server rejected json_schema output; switching to json_object")
            self.mode = "json_object"
            raw = await self._client.chat.completions.with_raw_response.create(
                **self._request(messages, response)
            )
        return _completion(raw)

    def request(self, messages: list[Message]) -> dict[str, Any]:
        """The chat-completions request body for ``messages`` (also used by the Batch API)."""
        return self._request(messages)

    def _request(
        self, messages: list[Message], response: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        response = response or _RESPONSE_FORMAT
        schema = response["json_schema"]["schema"]
        request: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "temperature": self.settings.temperature,
        }
        # OpenAI's newer models take only max_completion_tokens; many local servers only
        # max_tokens.
        limit = "max_completion_tokens" if self._openai_host else "max_tokens"
        request[limit] = self.settings.max_completion_tokens
        if self.mode == "json_schema":
            request["response_format"] = response
        else:
            request["messages"] = _with_schema(messages, schema)
            fmt: dict[str, Any] = {"type": "json_object"}
            if not self._openai_host:
                fmt["schema"] = schema
            request["response_format"] = fmt
        return request


def _response_format(schema: type[BaseModel]) -> dict[str, Any]:
    return cast(dict[str, Any], type_to_response_format_param(schema))


_RESPONSE_FORMAT: dict[str, Any] = _response_format(Extraction)
_SCHEMA: dict[str, Any] = _RESPONSE_FORMAT["json_schema"]["schema"]
_M = TypeVar("_M", bound=BaseModel)


def read_completion(completion: Any) -> Answer:
    """The claims in one chat completion. Raises RefusedError for a refusal or a content
    filter, and pydantic's ValidationError for an answer that does not match the schema; an
    answer cut off by the length limit keeps its complete claims."""
    choice = completion.choices[0]
    content = choice.message.content or ""
    _refused(choice)
    if choice.finish_reason == "length":
        return Answer(claims=salvage(_partial_json(content)), truncated=True)
    return Answer(claims=Extraction.model_validate_json(content).claims)


def answer_from_body(body: dict[str, Any]) -> Answer:
    """The claims in a chat completion given as JSON (a Batch API output line's body). With no
    chance to re-ask, an answer that does not match the schema keeps its valid claims."""
    completion = ChatCompletion.model_validate(body)
    try:
        answer = read_completion(completion)
    except ValidationError:
        content = completion.choices[0].message.content or ""
        answer = Answer(claims=salvage(_partial_json(content)))
    answer.usage = _usage(completion)
    return answer


def _with_schema(messages: list[Message], schema: dict[str, Any] | None = None) -> list[Message]:
    hint = "\n\nAnswer with JSON that matches this JSON schema:\n" + json.dumps(schema or _SCHEMA)
    first, *rest = messages
    return [{**first, "content": first["content"] + hint}, *rest]


def _reask(content: str, error: ValidationError) -> list[Message]:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}" for e in error.errors()[:5]
    )
    return [
        {"role": "assistant", "content": content[:4000]},
        {
            "role": "user",
            "content": f"That answer was not valid ({problems}). Answer again with only the JSON "
            'object {"claims": [...]}, every claim having all the keys described.',
        },
    ]


def _partial_json(content: str) -> Any:
    try:
        return pydantic_core.from_json(content, allow_partial=True)
    except ValueError:
        return None


def _refused(choice: Any) -> None:
    refusal = getattr(choice.message, "refusal", None)
    if refusal:
        raise RefusedError(f"the model refused: {refusal}")
    if choice.finish_reason == "content_filter":
        raise RefusedError("the provider's content filter stopped the answer")


def _usage(completion: Any) -> Usage:
    usage = getattr(completion, "usage", None)
    if usage is None:
        return Usage(requests=1)
    details = getattr(usage, "prompt_tokens_details", None)
    return Usage(
        requests=1,
        prompt_tokens=usage.prompt_tokens or 0,
        completion_tokens=usage.completion_tokens or 0,
        cached_tokens=(getattr(details, "cached_tokens", None) or 0) if details else 0,
    )


class _BadResponse(Exception):
    """The server answered with a body that is not the API's JSON; says what it was."""


class _Overdue(Exception):
    """The whole answer took longer than the timeout (the server was still sending)."""


def _completion(raw: Any) -> Any:
    """The chat completion in a raw response. Only the server's body is judged here (a proxy's
    HTML page, a half-sent body, JSON of another shape): a fault in claimcheck's own reading of
    a good completion is a bug, and surfaces as one instead of being retried."""
    response = raw.http_response
    try:
        completion = raw.parse()
    except ValueError:  # the SDK's JSON decoding of the body, nothing of ours
        raise _BadResponse(_body(response, "a body that is not JSON")) from None
    try:
        choices = completion.choices
        if not isinstance(choices, list) or not choices:
            raise TypeError
        _ = (choices[0].message, choices[0].finish_reason)  # present, or not a completion
    except (AttributeError, TypeError):
        raise _BadResponse(_body(response, "a body that is not a chat completion")) from None
    return completion


def _body(response: Any, what: str) -> str:
    """``what``, with the body's content type and first words: 'a body that is not JSON
    (text/html: “<html>Bad Gateway…”)'."""
    kind = (response.headers.get("content-type") or "no content type").split(";")[0]
    text = " ".join(response.text.split())
    start = text[:60] + ("…" if len(text) > 60 else "")
    return f"{what} ({kind}: “{start}”)" if what else f"{kind}: “{start}”"


def _outcome(error: BaseException) -> str:
    """What the server did in one failed attempt, in words."""
    if isinstance(error, _BadResponse):
        return f"answered HTTP 200 with {error}"
    if isinstance(error, _Overdue):
        return f"had not finished answering after {error.args[0]:g} s"
    if isinstance(error, openai.APITimeoutError):
        return "timed out"
    if isinstance(error, openai.APIConnectionError):
        causes: list[str] = []
        cause: BaseException | None = error
        while cause is not None and len(causes) < 5:
            causes.append(type(cause).__name__)
            cause = cause.__cause__ or cause.__context__
        if any(c.startswith("Connect") for c in causes):
            return "could not be reached"
        return "closed the connection without answering"
    if isinstance(error, openai.APIStatusError):
        return f"answered HTTP {error.status_code} ({_said(error)})"
    return type(error).__name__


def _said(error: openai.APIStatusError) -> str:
    """The server's own words for an error: the API's error message, else the body's start."""
    body = error.body
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, str) and message.strip():
        return f"“{' '.join(message.split())[:80]}”"
    return _body(error.response, "").strip()


def _summary(outcomes: list[str]) -> str:
    """ "answered HTTP 500 (“boom”) to all 4 attempts", or the attempts in order, runs of the
    same outcome counted: "answered HTTP 502 twice, then timed out"."""
    if not outcomes:
        return "failed"
    if len(set(outcomes)) == 1:
        n = len(outcomes)
        return outcomes[0] if n == 1 else f"{outcomes[0]}, {_times(n)} in a row"
    runs: list[tuple[str, int]] = []
    for outcome in outcomes:
        if runs and runs[-1][0] == outcome:
            runs[-1] = (outcome, runs[-1][1] + 1)
        else:
            runs.append((outcome, 1))
    return ", then ".join(o if n == 1 else f"{o} {_times(n)}" for o, n in runs)


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _transient(error: BaseException) -> bool:
    if isinstance(error, (openai.APIConnectionError, _BadResponse, _Overdue)):  # timeouts too
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code in (408, 409, 429) or error.status_code >= 500
    return False


def _retry_after(error: BaseException | None) -> float | None:
    response = getattr(error, "response", None)
    if response is None:
        return None
    headers = response.headers
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except ValueError:
        return None
    return None


def _wait(state: RetryCallState) -> float:
    error = state.outcome.exception() if state.outcome else None
    hint = _retry_after(error)
    if hint is not None and 0 <= hint <= 60:
        return hint
    backoff: float = min(30.0, 0.5 * 2 ** (state.attempt_number - 1))
    return backoff * (0.5 + random.random() / 2)  # full jitter keeps a batch from stampeding


def _log_retry(state: RetryCallState, key: str | None) -> None:
    error = state.outcome.exception() if state.outcome else None
    what = redact(_outcome(error), key) if error is not None else "no answer"
    log.warning("attempt %d failed: the server %s; retrying", state.attempt_number, what)


def _rejects_json_schema(error: openai.APIStatusError) -> bool:
    if error.status_code not in (400, 422, 500, 501):
        return False
    text = str(error.message) + " " + json.dumps(error.body, default=str)
    return any(word in text for word in ("json_schema", "response_format", "json_object"))


def _typed(
    error: openai.APIError | _BadResponse | _Overdue,
    settings: Settings,
    outcomes: list[str] | None = None,
) -> LLMError | ConfigurationError:
    key = settings.api_key
    server = redact(settings.base_url, key) if settings.base_url else "the OpenAI API"
    did = redact(_summary(outcomes or [_outcome(error)]), key)
    if isinstance(error, _BadResponse):
        return ServiceUnavailableError(
            f"{server} {did}; is --base-url the API's address (ending in /v1)?"
        )
    if isinstance(error, openai.AuthenticationError):
        return ConfigurationError(f"the API key was refused by {server}; check OPENAI_API_KEY")
    if isinstance(error, openai.PermissionDeniedError):
        return ConfigurationError(f"{server} denied access to model {settings.model!r}")
    if isinstance(error, openai.NotFoundError):
        return ConfigurationError(
            f"model {settings.model!r} not found on {server}; check --model and --base-url"
        )
    if isinstance(error, openai.RateLimitError):
        return RateLimitError(
            f"still rate limited by {server} after {settings.max_attempts} attempts; "
            "lower the concurrency or try again later",
            retry_after=_retry_after(error),
        )
    if isinstance(error, (openai.APITimeoutError, _Overdue)):
        return ServiceUnavailableError(f"{server} {did}; raise --timeout, or check the server")
    if isinstance(error, openai.APIConnectionError):
        return ServiceUnavailableError(f"{server} {did}; check the server and --base-url")
    if isinstance(error, openai.APIStatusError) and error.status_code >= 500:
        return ServiceUnavailableError(
            f"{server} {did}; the server is failing: see its log, or try again later"
        )
    status = getattr(error, "status_code", "?")
    return LLMError(f"{server} rejected the request (HTTP {status}): {redact(str(error), key)}")


def _is_openai_host(base_url: str | None) -> bool:
    if not base_url:
        return True
    host = urlparse(base_url).hostname or ""
    return host.endswith("openai.com")
