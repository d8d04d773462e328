"""The batch's output file: one JSON line per article, resumable, never a half-written line.

On start, the existing file is read: articles with a report are done and skipped; error lines,
lines that are no report, and a torn last line (from a process killed mid-write) are dropped by
rewriting the file atomically, so the rerun retries their articles. Each result is then
appended as one ``write`` of a whole line, flushed at once.

Reading streams the file a line at a time, for a resume and for ``iter_results`` alike: what
stays in memory is the articles' ids (and where their lines start), never their reports.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from claimcheck.errors import ConfigurationError, InputError
from claimcheck.models import ArticleError, Report
from claimcheck.read.inputs import without_surrogates


class ResultsFile:
    """The file, held by one batch at a time: a second batch on the same ``--out`` is refused
    while the first runs (the lock on ``FILE.lock`` ends with its process, even on a kill)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        self._sink: IO[str] | None = None
        self._lock: IO[bytes] | None = None

    def __enter__(self) -> ResultsFile:
        if self.path.is_dir():
            raise ConfigurationError(
                f"--out {self.path} is a folder; give the JSONL file to write, such as "
                f"{self.path / 'claims.jsonl'}"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _locked(self.path)
            self.done = self._resume()
            self._sink = self.path.open("a", encoding="utf-8")
        except OSError as error:
            self.__exit__()
            raise ConfigurationError(
                f"--out {self.path}: cannot be written ({error.strerror}); give another path"
            ) from None
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None
        if self._lock is not None:
            # Closing releases the lock. The file stays: unlinking it would let a batch that
            # opened it a moment before, and one that creates it anew, both hold "the" lock.
            self._lock.close()
            self._lock = None

    def write(self, result: BaseModel) -> None:
        assert self._sink is not None, "use ResultsFile as a context manager"
        self._sink.write(result.model_dump_json() + "\n")
        self._sink.flush()

    def _resume(self) -> set[str]:
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return set()
        done: set[str] = set()
        dropped = False
        temporary = self.path.with_name(self.path.name + ".tmp")
        with self.path.open("rb") as lines, temporary.open("wb") as kept:
            for line in lines:
                # A line torn by a kill mid-write, or one that is no report, is no article done.
                result = _result(line) if line.endswith(b"\n") else None
                source = result.source if isinstance(result, Report) else None
                if source is not None and source not in done:
                    done.add(source)
                    kept.write(line)
                else:
                    dropped = True
        if dropped:
            os.replace(temporary, self.path)
        else:
            temporary.unlink()
        return done


def _locked(out: Path) -> IO[bytes]:
    """``OUT.lock``, opened and locked for this process alone; a ConfigurationError when
    another process holds it."""
    lock = out.with_name(out.name + ".lock").open("ab")
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; one batch per --out is on the user
        return lock
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise ConfigurationError(
            f"another batch is writing to {out}; let it finish (rerun this one after it: "
            "it resumes), or give this one another --out"
        ) from None
    return lock


def read_results(path: str | Path) -> list[Report | ArticleError]:
    """The results in a batch's JSONL file, finished or not, in file order (a list of
    ``iter_results``)."""
    return list(iter_results(path))


def holds_results(path: str | Path) -> bool:
    """Whether a batch's JSONL file holds any result: read up to the first one only."""
    return next(_readable(path), None) is not None


def _opened(path: str | Path) -> IO[bytes]:
    try:
        return Path(path).open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _readable(path: str | Path) -> Iterator[Report | ArticleError]:
    """The file's results line by line, every line as it is (no last line winning)."""
    with _opened(path) as stream:
        for line in stream:
            result = _result(line)
            if result is not None:
                yield result


def iter_results(path: str | Path, *, by_source: bool = False) -> Iterator[Report | ArticleError]:
    """The results in a batch's JSONL file, finished or not, one at a time: in file order, or
    sorted by their ``source`` with ``by_source``. Only the ids and where their lines start
    are held, so a file of any size is read in the memory of one report.

    A line torn by a kill mid-write, or one that is not a result, is skipped; when an article
    appears twice (a failure, then a report from a rerun), its last line wins. An
    ``InputError`` when the file cannot be read.
    """
    with _opened(path) as stream:
        last: dict[str, int] = {}  # each article's last result: where its line starts
        at = 0
        for line in stream:
            result = _result(line)
            if result is not None:
                last.pop(result.source or "", None)  # so the order is of the last lines
                last[result.source or ""] = at
            at += len(line)
        places = [at for _, at in sorted(last.items())] if by_source else list(last.values())
        del last
        for at in places:
            stream.seek(at)
            result = _result(stream.readline())
            if result is None:
                raise InputError(f"{path} changed while it was read (a batch resuming?); rerun")
            yield result


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _result(line: bytes) -> Report | ArticleError | None:
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        return None
    if not isinstance(record, dict):
        return None
    if b"\\ud" in line.lower():  # a lone surrogate's escape, from a hand-made or older file
        record = _without_surrogates(record)
    try:
        if "error" in record:
            return ArticleError.model_validate(record)
        return Report.model_validate(record)
    except ValidationError:
        return None
