"""What a claim is checked against: each source read to text, or a warning that names it.

A source is a text or Markdown file, a saved HTML page or a URL (through the web extra), a PDF
(through the pdf extra, pypdf), or a folder of these. One that cannot be read is left out with
a warning that says why; the others are still used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.read.inputs import decode
from claimcheck.read.webpages import is_page, is_url, read_page

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
PAGE_SUFFIXES = (".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, *PAGE_SUFFIXES, ".pdf")


@dataclass(frozen=True)
class Source:
    """A source as it was given (``name``) and its text as read."""

    name: str
    text: str


def read_sources(given: Iterable[str | Source], article: str) -> tuple[list[Source], list[str]]:
    """The sources' texts, and a warning for each one left out (unreadable, empty, or the
    article itself)."""
    sources: list[Source] = []
    warnings: list[str] = []
    for item in given:
        for name in [item.name] if isinstance(item, Source) else _expand(item, warnings):
            try:
                source = item if isinstance(item, Source) else Source(name, _read(name))
            except ClaimcheckError as error:
                warnings.append(f"source {name}: {error}; not used")
                continue
            if not source.text.strip():
                warnings.append(f"source {name} is empty; not used")
            elif " ".join(source.text.split()) == " ".join(article.split()):
                warnings.append(f"source {name} is the article itself; not used")
            else:
                sources.append(source)
    return sources, warnings


def _expand(given: str, warnings: list[str]) -> list[str]:
    path = Path(given)
    if is_url(given) or not path.is_dir():
        return [given]
    found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not found:
        warnings.append(f"source folder {given} holds no {', '.join(SUFFIXES)} file; not used")
    return found


def _read(name: str) -> str:
    if is_url(name) or is_page(name):
        return read_page(name)
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})") from None
    if path.suffix.lower() == ".pdf" or data.startswith(b"%PDF-"):
        return _pdf_text(data)
    return decode(data, name)


def _pdf_text(data: bytes) -> str:
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:
        raise InputError(
            "is a PDF; reading PDFs needs the pdf extra: pip install 'claimcheck[pdf]'"
        ) from None
    try:
        pages = PdfReader(BytesIO(data)).pages
        text = "\n\n".join(page.extract_text() or "" for page in pages)
    except Exception as error:  # pypdf raises many kinds on a broken file
        raise InputError(f"is a PDF that cannot be read ({type(error).__name__})") from None
    if not text.strip():
        raise InputError("is a PDF with no text layer (a scan?); give its text instead")
    return text
