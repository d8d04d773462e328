"""The answer cache: a rerun of the same article costs no request.

Backed by diskcache (SQLite, safe when several processes share one folder). Keys hash
everything that can change an answer: the server, the model, the whole request (prompt text and
version, schema, the chunk's text, generation settings). Values are JSON validated on the way
out, never pickles; an entry that does not validate is treated as a miss and overwritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import diskcache
from pydantic import BaseModel, ValidationError

from claimcheck.errors import ConfigurationError

log = logging.getLogger(__name__)

_M = TypeVar("_M", bound=BaseModel)

DEFAULT_SIZE_LIMIT = 1 << 30  # 1 GiB
KEY_VERSION = "claimcheck-cache-1"


def default_directory() -> Path:
    """``CLAIMCHECK_CACHE_DIR``, else the platform's user cache folder."""
    if os.environ.get("CLAIMCHECK_CACHE_DIR"):
        return Path(os.environ["CLAIMCHECK_CACHE_DIR"]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "claimcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "claimcheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"


def _size_limit_from_env() -> int:
    """``CLAIMCHECK_CACHE_SIZE_MB``, else 1 GiB; the least recently stored answers go first."""
    raw = os.environ.get("CLAIMCHECK_CACHE_SIZE_MB")
    if not raw:
        return DEFAULT_SIZE_LIMIT
    try:
        return max(1, int(raw)) * 1_000_000
    except ValueError:
        raise ConfigurationError(
            f"CLAIMCHECK_CACHE_SIZE_MB must be a whole number of megabytes, not {raw!r}"
        ) from None


def request_key(base_url: str | None, request: dict[str, Any]) -> str:
    """A hash of everything that changes the answer. The API key is never part of it."""
    material = json.dumps(
        {"v": KEY_VERSION, "base_url": base_url or "", "request": request},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheInfo:
    directory: str
    entries: int
    bytes: int
    size_limit: int


class AnswerCache:
    """JSON answers by request key, in one folder on disk."""

    def __init__(self, directory: str | Path, *, size_limit: int | None = None) -> None:
        self.directory = Path(directory).expanduser()
        size_limit = size_limit or _size_limit_from_env()
        try:
            self._store = diskcache.Cache(str(self.directory), size_limit=size_limit)
        except (OSError, sqlite3.Error) as error:
            # A file where the folder should be, a read-only folder, a damaged cache.db.
            why = getattr(error, "strerror", None) or str(error)
            raise ConfigurationError(
                f"cannot use {self.directory} as the cache folder ({why}); choose another with "
                "--cache-dir or CLAIMCHECK_CACHE_DIR, or turn it off with --no-cache"
            ) from None

    def get(self, key: str, model: type[_M]) -> _M | None:
        try:
            raw = self._store.get(key)
        except Exception as error:  # a damaged database must not stop the work
            log.warning("cache read failed (%s); treating as a miss", type(error).__name__)
            return None
        if raw is None:
            return None
        try:
            return model.model_validate_json(raw)
        except (ValidationError, ValueError, TypeError):
            log.warning("cache entry %s… is corrupt; recomputing", key[:12])
            return None

    def set(self, key: str, value: BaseModel) -> None:
        try:
            self._store.set(key, value.model_dump_json())
        except Exception as error:
            log.warning("cache write failed (%s); continuing without", type(error).__name__)

    def info(self) -> CacheInfo:
        return CacheInfo(
            directory=str(self.directory),
            entries=len(self._store),
            bytes=int(self._store.volume()),
            size_limit=int(self._store.size_limit),
        )

    def clear(self) -> int:
        return int(self._store.clear())

    def close(self) -> None:
        self._store.close()
