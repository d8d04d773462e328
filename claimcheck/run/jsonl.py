"""The batch's output file: one JSON line per article, resumable, never a half-written line.

On start, the existing file is read: articles with a report are done and skipped; error lines
and a torn last line (from a process killed mid-write) are dropped by rewriting the file
atomically, so the rerun retries them. Each result is then appended as one ``write`` of a whole
line, flushed at once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

from pydantic import BaseModel, ValidationError

from claimcheck.errors import InputError
from claimcheck.models import ArticleError, Report


class ResultsFile:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        self._sink: IO[str] | None = None

    def __enter__(self) -> ResultsFile:
        self.done = self._resume()
        self._sink = self.path.open("a", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._sink is not None:
            self._sink.close()

    def write(self, result: BaseModel) -> None:
        assert self._sink is not None, "use ResultsFile as a context manager"
        self._sink.write(result.model_dump_json() + "\n")
        self._sink.flush()

    def _resume(self) -> set[str]:
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return set()
        kept: list[str] = []
        done: set[str] = set()
        with self.path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if not line.endswith("\n"):
                    continue  # torn by a kill mid-write
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(record, dict) and "error" not in record and "source" in record:
                    if record["source"] in done:
                        continue
                    done.add(str(record["source"]))
                    kept.append(line)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("w", encoding="utf-8") as sink:
            sink.writelines(kept)
        os.replace(temporary, self.path)
        return done


def read_results(path: str | Path) -> list[Report | ArticleError]:
    """The results in a batch's JSONL file, finished or not, in file order.

    A line torn by a kill mid-write, or one that is not a result, is skipped; when an article
    appears twice (a failure, then a report from a rerun), its last line wins.
    """
    by_source: dict[str, Report | ArticleError] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    for line in lines:
        result = _result(line)
        if result is not None:
            by_source.pop(result.source or "", None)
            by_source[result.source or ""] = result
    return list(by_source.values())


def _result(line: str) -> Report | ArticleError | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(record, dict):
        return None
    try:
        if "error" in record:
            return ArticleError.model_validate(record)
        return Report.model_validate(record)
    except ValidationError:
        return None
