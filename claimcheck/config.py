"""Settings: one immutable object, resolved from arguments, then environment, then defaults.

Environment variables read (arguments always win):

- ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``: the OpenAI SDK's own; either one turns the LLM on
  when the engine is ``auto``.
- ``CLAIMCHECK_MODEL``: the model name (default ``gpt-4o-mini``).
- ``CLAIMCHECK_ENGINE``: ``rules``, ``openai`` or ``auto`` (default ``auto``).
- ``CLAIMCHECK_RESPONSE_FORMAT``: ``auto``, ``json_schema`` or ``json_object``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from claimcheck.errors import ConfigurationError
from claimcheck.read.inputs import MAX_CHARS

__version__ = "0.1.0"  # the one place it is written: pyproject.toml reads it from here

EngineChoice = Literal["auto", "rules", "openai"]
ResponseFormat = Literal["auto", "json_schema", "json_object"]

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_MAX_CHUNK_CHARS = 12_000


@dataclass(frozen=True)
class Settings:
    """Everything that decides how an article is checked. Build it with ``resolve_settings``."""

    engine: Literal["rules", "openai"]
    model: str | None = None
    base_url: str | None = None
    # repr=False: the key must never reach a log line, a traceback or a report.
    api_key: str | None = field(default=None, repr=False)
    response_format: ResponseFormat = "auto"
    temperature: float = 0.0
    max_completion_tokens: int = 4096
    timeout: float = 600.0  # per request; a small local model needs minutes for one article
    max_attempts: int = 4
    max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS
    concurrency: int = 4
    keep_ungrounded: bool = False
    audit: bool = True
    requests_per_minute: int | None = None  # a client-side limit, across articles and chunks
    tokens_per_minute: int | None = None
    max_chars: int = MAX_CHARS  # longer input is refused with an InputError
    # Seconds one article of a batch may take from its start; past them it is an error line
    # (ArticleTimeoutError) and the batch goes on. None: no limit.
    article_timeout: float | None = None
    cache: bool = True
    cache_dir: str | None = None  # None: CLAIMCHECK_CACHE_DIR, else the user's cache folder


def resolve_settings(
    *,
    engine: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    response_format: str | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: object,
) -> Settings:
    """Arguments first, then the environment, then defaults; raises ConfigurationError."""
    env = os.environ if env is None else env
    api_key = api_key or env.get("OPENAI_API_KEY") or None
    base_url = base_url or env.get("OPENAI_BASE_URL") or None
    chosen = _choice(
        engine or env.get("CLAIMCHECK_ENGINE") or "auto",
        ("auto", "rules", "openai"),
        "engine",
        "--engine or CLAIMCHECK_ENGINE",
    )
    if chosen == "auto":
        chosen = "openai" if (api_key or base_url) else "rules"
    fmt = _choice(
        response_format or env.get("CLAIMCHECK_RESPONSE_FORMAT") or "auto",
        ("auto", "json_schema", "json_object"),
        "response format",
        "--response-format or CLAIMCHECK_RESPONSE_FORMAT",
    )
    if chosen == "rules":
        return Settings(engine="rules", **_checked(overrides))  # type: ignore[arg-type]
    if not api_key and not base_url:
        raise ConfigurationError(
            "the openai engine needs an API key or a server: set OPENAI_API_KEY, or point "
            "OPENAI_BASE_URL / --base-url at an OpenAI-compatible server; or use --engine rules "
            "to work offline"
        )
    return Settings(
        engine="openai",
        model=model or env.get("CLAIMCHECK_MODEL") or DEFAULT_MODEL,
        base_url=base_url,
        # Local servers (llama.cpp, vLLM, Ollama) ignore the key, but the SDK insists on one.
        api_key=api_key or "not-needed",
        response_format=fmt,  # type: ignore[arg-type]
        **_checked(overrides),  # type: ignore[arg-type]
    )


def _choice(value: str, allowed: tuple[str, ...], what: str, where: str) -> str:
    value = value.strip().lower()
    if value not in allowed:
        raise ConfigurationError(
            f"unknown {what} {value!r}: choose one of {', '.join(allowed)} ({where})"
        )
    return value


def _checked(overrides: Mapping[str, object]) -> dict[str, object]:
    known = set(Settings.__dataclass_fields__) - {"engine", "model", "base_url", "api_key"}
    unknown = set(overrides) - known
    if unknown:
        raise ConfigurationError(
            f"unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
        )
    values = {k: v for k, v in overrides.items() if v is not None}
    for name in (
        "max_chunk_chars",
        "concurrency",
        "max_attempts",
        "max_completion_tokens",
        "max_chars",
        "requests_per_minute",
        "tokens_per_minute",
    ):
        value = values.get(name)
        if value is not None and (not isinstance(value, int) or value < 1):
            raise ConfigurationError(f"{name} must be a positive whole number, not {value!r}")
    for name in ("timeout", "article_timeout"):
        value = values.get(name)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or not value > 0
        ):
            raise ConfigurationError(f"{name} must be a positive number of seconds, not {value!r}")
    return values
