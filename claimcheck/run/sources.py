"""Where a batch's articles come from: files, folders, JSONL files of ``{id, text}``, stdin.

Everything is yielded lazily: a folder of 100,000 articles is walked as the batch goes, and a
file's text is read only when its turn comes.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from claimcheck.errors import InputError
from claimcheck.read.inputs import without_surrogates
from claimcheck.read.webpages import PAGE_SUFFIXES
from claimcheck.run.batch import Item

ARTICLE_SUFFIXES = (".txt", ".md", *PAGE_SUFFIXES)  # a saved page is read for its main text
log = logging.getLogger(__name__)


def items_from(sources: Iterable[str]) -> Iterator[Item]:
    """Items from each source: ``-`` (stdin), a ``.jsonl`` file, a folder, or a file. An id
    given twice is made unique ("a (2)"), with a warning: two articles must never share a
    line of the results, nor one's report stand for the other's on a resume."""
    seen: dict[str, int] = {}
    for item in _items(sources):
        n = seen[item.id] = seen.get(item.id, 0) + 1
        if n > 1:
            unique = f"{item.id} ({n})"
            log.warning("id %r is given %s times; this one is checked as %r", item.id, n, unique)
            item = dataclasses.replace(item, id=unique)
        yield item


def count(sources: Iterable[str]) -> int:
    """How many articles ``items_from`` will yield (a progress bar's total), without a word."""
    return sum(1 for _ in _items(sources))


def _items(sources: Iterable[str]) -> Iterator[Item]:
    for source in sources:
        if source == "-":
            yield from _stdin(sys.stdin)
            continue
        path = Path(source)
        if path.is_dir():
            yield from _folder(path)
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                yield from _jsonl(lines, str(path))
        elif path.is_file():
            yield Item(id=str(path), path=path)
        else:
            raise InputError(f"{source}: no such file or folder")


def _folder(folder: Path) -> Iterator[Item]:
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            yield Item(id=str(path), path=path)


def _stdin(stream: IO[str]) -> Iterator[Item]:
    """JSONL lines, or one path per line."""
    for number, line in enumerate(stream, start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            yield _record(line, "standard input", number)
        else:
            yield from _items([line])


def _jsonl(lines: Iterable[str], name: str) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _record(line, name, number)


def _record(line: str, name: str, number: int) -> Item:
    """The line's article; a line that is not one becomes an item that fails with the reason
    (the batch records it and goes on with the other lines)."""
    here = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Unreadable(here, reason=f"{name}, line {number}: not JSON ({error.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Unreadable(here, reason=f'{name}, line {number}: expected {{"id": …, "text": "…"}}')
    return Item(id=without_surrogates(str(record.get("id", here))), text=record["text"])


@dataclass(frozen=True)
class Unreadable(Item):
    """A JSONL line that holds no article: checking it fails with ``reason``."""

    reason: str = ""

    def __post_init__(self) -> None:
        pass

    def load(self) -> str:
        raise InputError(self.reason)
