"""Web pages in: an article's main text taken out of an HTML page, from a file or a URL.

The text comes from trafilatura (an optional extra: ``pip install "claimcheck[web]"``), which
drops navigation, share buttons, captions, related links and comments. A report's offsets then
index that text, not the page, so the command line keeps it in the report (``article_text``).
"""

from __future__ import annotations

import logging
import re
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path
from typing import Any

from claimcheck.errors import ConfigurationError, InputError

log = logging.getLogger(__name__)

INSTALL = 'pip install "claimcheck[web]"'
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_PAGE_BYTES = 20_000_000
"""A bigger page is refused: it is not one article."""


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def is_page(source: str) -> bool:
    """Whether ``source`` names a web page: a URL, or a file ending in .html/.htm/.xhtml."""
    return is_url(source) or Path(source).suffix.lower() in PAGE_SUFFIXES


def read_page(source: str, *, timeout: float = 30.0) -> str:
    """The main text of the page at ``source``, a URL or an HTML file."""
    if is_url(source):
        return extract_text(fetch(source, timeout=timeout), url=source)
    try:
        data = Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror})") from None
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"{source} is over {MAX_PAGE_BYTES:,} bytes: it is not one article")
    return extract_text(data, name=source)


def fetch(url: str, *, timeout: float = 30.0) -> bytes:
    """The page's bytes; an ``InputError`` saying why when it cannot be had."""
    from claimcheck.config import __version__

    request = urllib.request.Request(
        url, headers={"User-Agent": f"claimcheck/{__version__}", "Accept": "text/html"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml"):
                raise InputError(
                    f"{url} is {kind}, not a web page: save it, and check the file if it is text"
                )
            data: bytes = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise InputError(f"{url}: cannot be fetched ({error.reason})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except ValueError as error:
        raise InputError(f"{url}: not a URL claimcheck can fetch ({error})") from None
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"{url} is over {MAX_PAGE_BYTES:,} bytes: it is not one article")
    return data


def extract_text(html: str | bytes, *, url: str | None = None, name: str | None = None) -> str:
    """The article's main text in ``html``: its headline, then its paragraphs, a blank line
    between each, as in a .txt article.

    Raises ``ConfigurationError`` when trafilatura is not installed, and ``InputError`` when
    the page holds no article text.
    """
    bare_extraction = _trafilatura()
    where = name or url or "the page"
    document = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    body = (document.text or "") if document is not None else ""
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if not paragraphs:
        raise InputError(
            f"no article text found in {where} (a page that builds its text with JavaScript "
            "holds none until a browser runs it): save the article's text as a .txt file and "
            "check that"
        )
    # The headline a reader sees (the page's h1), not the one its metadata gives search
    # engines (og:title, JSON-LD): that one may differ, and is then no headline of the text.
    visible = _visible_headline(html)
    title = visible or (document.title or "").strip()
    if visible and visible in paragraphs[:3]:
        paragraphs.remove(visible)
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    log.debug("%s: %d paragraphs of article text", where, len(paragraphs))
    return "\n\n".join(paragraphs) + "\n"


_H1 = re.compile(r"<h1\b[^>]*>(?P<inner>.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _visible_headline(html: str | bytes) -> str | None:
    """The text of the page's first h1, if it has one."""
    text = html.decode("utf-8", errors="replace") if isinstance(html, bytes) else html
    found = _H1.search(text)
    if found is None:
        return None
    words = " ".join(unescape(_TAG.sub(" ", found.group("inner"))).split())
    return words or None


def _trafilatura() -> Any:
    try:
        from trafilatura import bare_extraction
    except ImportError as error:
        # trafilatura needs lxml's HTML cleaner, a separate package since lxml 5.2.
        raise ConfigurationError(
            f"reading web pages needs the web extra: {INSTALL} ({error})"
        ) from None
    return bare_extraction
