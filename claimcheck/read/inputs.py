"""Reading an article: bytes to text, and a clear InputError for what is not an article."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from claimcheck.errors import InputError

MAX_CHARS = 2_000_000
"""Above this an article is refused: it is almost certainly not one article."""

_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|script|style|meta|li|ul|h[1-6]|article|section)\b[^>]*>", re.IGNORECASE
)


def read_source(source: str) -> str:
    """The text of a file, or of standard input when ``source`` is ``-``."""
    if source == "-":
        data = sys.stdin.buffer.read()
        return decode(data, "standard input")
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source} is a folder; give one article file, or use a batch") from None
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror})") from None
    return decode(data, source)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes (UTF-16 too, as Windows tools save it); a clear error for binary
    data or another encoding."""
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16).lstrip("\ufeff")
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judged as bytes below
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name} looks like a binary file, not text: give the article as plain text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name} is not UTF-8 text (byte {error.start}); convert it first, for example "
            f"with: iconv -f latin1 -t utf-8"
        ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def readable(text: str, *, max_chars: int = MAX_CHARS) -> tuple[str, str | None]:
    """The article as claimcheck reads it (``validate``d, lone surrogates as U+FFFD) and the
    report's warning when it held any; InputError when it cannot be read."""
    text = validate(text, max_chars=max_chars)
    clean = without_surrogates(text)
    if clean == text:
        return text, None
    lone = sum(a != b for a, b in zip(text, clean, strict=True))
    return clean, (
        f"the article held {lone} lone surrogate{'s' if lone > 1 else ''} (not a character: a "
        "broken JSON escape such as \\ud800?), each read as U+FFFD"
    )


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (``"\\ud800"`` from a JSON escape: no character, and
    not writable as UTF-8) read as U+FFFD, one for one, so that offsets are unchanged."""
    return _SURROGATE.sub("\ufffd", text)


def _utf16(data: bytes) -> str | None:
    """The UTF-16 codec ``data`` is in: by its byte-order mark, or, without one, by the zero
    byte beside every character of mostly-ASCII text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) >= 16 and len(sample) % 2 == 0:
        if sample[1::2].count(0) > 0.9 * (len(sample) // 2) and 0 not in sample[0::2]:
            return "utf-16-le"
        if sample[0::2].count(0) > 0.9 * (len(sample) // 2) and 0 not in sample[1::2]:
            return "utf-16-be"
    return None


def validate(text: str, *, max_chars: int = MAX_CHARS) -> str:
    """The text itself when it can be read as an article; InputError otherwise."""
    if not isinstance(text, str):
        raise InputError(f"the article must be str, not {type(text).__name__}; decode bytes first")
    if not text.strip():
        raise InputError("the article is empty: there is nothing to check")
    if len(text) > max_chars:
        raise InputError(
            f"the article is {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it into articles, or raise the limit if it really is one (max_chars, or "
            "--max-chars on the command line)"
        )
    if _is_binary(text):
        raise InputError("the article looks like binary data, not text")
    nul = text.find("\x00")
    if nul >= 0:  # past the sample judged above: a text with a NUL in it
        raise InputError(
            f"the article holds a NUL character (at character {nul:,}), which no text has: "
            "remove it, or give the text as it should read"
        )
    if _HTML.match(text) or len(_TAG.findall(text[:20000])) > 10:
        raise InputError(
            "the article looks like HTML: save it as a .html file (or give its URL) and "
            'check that, with pip install "claimcheck[web]", or extract its text first, so '
            "that offsets point at the words a reader sees"
        )
    return text


def _is_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in sample or controls > len(sample) * 0.05
