"""Errors claimcheck raises, each saying what happened and what to do next.

The hierarchy, so a caller knows what to catch::

    ClaimcheckError                 base class; catch this to catch everything below
    ├── ConfigurationError          bad or missing settings: model, key, base URL, options
    ├── InputError                  the article cannot be read as text (empty, binary, too big)
    ├── WorkerError                 a batch's worker process died (killed, out of memory, a crash)
    ├── ArticleTimeoutError         a batch's article took longer than its ``article_timeout``
    └── LLMError                    the model's service failed us
        ├── RateLimitError          still rate limited after the retries; has ``retry_after``
        ├── ServiceUnavailableError server errors, timeouts, dropped connections, after retries
        ├── RefusedError            the model refused, or a content filter stopped the answer
        └── InvalidOutputError      the answer never matched the schema, even after re-asking

The command line exits with a distinct status per class (see ``exit_code``). ``redact`` takes
API keys and URL credentials out of any message before it is stored or shown.
"""

from __future__ import annotations

import re


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose."""

    exit_code = 1


class ConfigurationError(ClaimcheckError):
    """A setting is missing or wrong; the message names it and how to set it."""

    exit_code = 2


class InputError(ClaimcheckError):
    """The article cannot be read as text; the message says why and what would work."""

    exit_code = 3


class WorkerError(ClaimcheckError):
    """A batch's worker processes could not start, or one died twice holding an article (the
    error line of that article says which signal or status ended it)."""

    exit_code = 9


class ArticleTimeoutError(ClaimcheckError):
    """An article of a batch was not done within the batch's ``article_timeout`` (the CLI's
    ``--article-timeout``): its error line says so, and the batch goes on without it."""

    exit_code = 10


class LLMError(ClaimcheckError):
    """The model's service failed after claimcheck's retries."""

    exit_code = 4


class RateLimitError(LLMError):
    """Still rate limited after retrying; ``retry_after`` is the server's hint, in seconds."""

    exit_code = 5

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServiceUnavailableError(LLMError):
    """Server errors, timeouts or dropped connections outlasted the retries."""

    exit_code = 6


class RefusedError(LLMError):
    """The model refused the request, or a content filter stopped its answer."""

    exit_code = 7


class InvalidOutputError(LLMError):
    """The model's answer did not match the schema, even after re-asking."""

    exit_code = 8


__all__ = [
    "ClaimcheckError",
    "ConfigurationError",
    "InputError",
    "InvalidOutputError",
    "LLMError",
    "RateLimitError",
    "RefusedError",
    "ServiceUnavailableError",
    "WorkerError",
]


# ------------------------------------------------------------------------------ redaction

_HIDDEN = "***"
# API keys as providers spell them (OpenAI's sk-/sk-proj-, Groq's gsk_, a bearer token): a
# server that refuses a key often quotes it back ("Incorrect API key provided: sk-abc…").
# A key holds a digit ("sk-learn" is a word) and may end a sentence ("…: sk-abc123.").
_KEY_LIKE = re.compile(
    r"\b(?:sk|gsk|pk|rk)[-_](?=[A-Za-z_*-]*\d)[\w*-]{6,}(?:\.[\w*-]+)*|(?<=Bearer )[^\s\"',]+"
)
# A password in a URL (scheme://user:password@host) and a key in its query (?key=…&token=…).
_URL_PASSWORD = re.compile(r"(?<=://)([^/@\s:]*):[^/@\s]*@")
_QUERY_SECRET = re.compile(
    r"(?<=[?&;])((?:api[_-]?)?key|apikey|token|access_token|secret|password|sig|signature)"
    r"=[^&#\s\"']*",
    re.IGNORECASE,
)


def redact(text: str, *secrets: str | None) -> str:
    """``text`` with every API key and URL credential in it replaced by ``***``: the
    ``secrets`` given (the key in use), anything shaped like a key, the password of a URL
    (``https://user:***@host``) and a key in a URL's query (``?key=***``). Every message that
    may quote a server or a ``--base-url`` passes through here before it is stored or shown."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, _HIDDEN)
    text = _KEY_LIKE.sub(_HIDDEN, text)
    text = _URL_PASSWORD.sub(lambda m: f"{m.group(1)}:{_HIDDEN}@", text)
    return _QUERY_SECRET.sub(lambda m: f"{m.group(1)}={_HIDDEN}", text)
