"""Web pages in: the article's text out of saved pages (headline, navigation, share buttons,
captions and comments around it), and out of a URL served on 127.0.0.1 by the test itself.

tests/pages/ holds two pages made around articles in examples/articles/: a modern one (UTF-8,
<article>, cookie banner, share buttons, a captioned photo, comments) and an old table layout
(ISO-8859-1, the headline outside the story, a "Have your say" box). The expected text is the
article's .txt file."""

from __future__ import annotations

import functools
import json
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ARTICLES

import claimcheck
from claimcheck.cli import main
from claimcheck.errors import ConfigurationError, InputError
from claimcheck.read.webpages import extract_text, read_page

PAGES = Path(__file__).resolve().parents[1] / "pages"
SAVED = [
    ("modern-article.html", "bbc-business-qantas-considers-offshore-option.txt"),
    ("legacy-article.html", "bbc-tech-yahoo-celebrates-a-decade-online.txt"),
]
# Words on the pages that are not the article (hand-picked from each page's furniture).
FURNITURE = [
    "Accept all cookies", "Subscribe for 1 pound", "Search the site", "Aviation",
    "Business desk", "Share on Facebook", "Copy link", "WhatsApp", "Photograph:",
    "Qantas jets lined up", "Read more", "fuel bills", "Most read", "libraries",
    "corporate greed", "best in the world", "studies prove it", "Join the discussion",
    "business briefing", "All rights reserved", "News Front Page", "Low graphics",
    "Last Updated", "E-mail this to a friend", "Digg this", "started the site as a hobby",
    "SEE ALSO", "Google profits soar", "Have your say", "first site I ever bookmarked",
    "nobody uses Yahoo", "Terms of Use",
]  # fmt: skip


@pytest.fixture(autouse=True)
def no_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMCHECK_ENGINE", "CLAIMCHECK_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[str]:
    """tests/pages/ over HTTP on 127.0.0.1, for this test only."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(PAGES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(("page", "article"), SAVED)
def test_the_text_is_the_article_and_nothing_around_it(page: str, article: str) -> None:
    text = read_page(str(PAGES / page))
    expected = (ARTICLES / article).read_text(encoding="utf-8")
    assert text.strip() == expected.strip()
    for words in FURNITURE:
        assert words not in text


def test_an_old_page_in_latin_1_keeps_its_pound_sign() -> None:
    assert "$2m (£1.04m)" in claimcheck.read_page(str(PAGES / "legacy-article.html"))


def test_html_in_hand_gives_the_same_text() -> None:
    page = (PAGES / "modern-article.html").read_bytes()
    assert claimcheck.extract_text(page) == read_page(str(PAGES / "modern-article.html"))


def test_check_on_a_page_keeps_the_text_its_offsets_index(capsys) -> None:
    page = str(PAGES / "modern-article.html")
    assert main(["check", page]) == 0
    report = json.loads(capsys.readouterr().out)
    text = report["article_text"]
    assert report["source"] == page
    assert text.strip() == (ARTICLES / SAVED[0][1]).read_text(encoding="utf-8").strip()
    assert report["claims"]
    for claim in report["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["excerpt"]


def test_a_csv_of_a_page_saves_the_text_beside_it(tmp_path: Path, capsys) -> None:
    out = tmp_path / "claims.csv"
    assert (
        main(["check", str(PAGES / "legacy-article.html"), "--format", "csv", "-o", str(out)]) == 0
    )
    assert out.exists()
    kept = tmp_path / "claims.article.txt"
    assert kept.read_text(encoding="utf-8") == read_page(str(PAGES / "legacy-article.html"))
    assert str(kept) in capsys.readouterr().err


def test_a_url_is_fetched_and_read(server: str, capsys) -> None:
    url = f"{server}/modern-article.html"
    assert main(["check", url, "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"# Claims in {url}")
    assert "Geoff Dixon" in out and "corporate greed" not in out
    assert "offsets index the text taken out of the page" in err


def test_a_url_that_is_missing_says_so(server: str, capsys) -> None:
    assert main(["check", f"{server}/gone.html"]) == InputError.exit_code
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "404" in err and "gone.html" in err


def test_a_url_that_is_not_a_page_says_so(server: str) -> None:
    with pytest.raises(InputError, match=r"README\.md is text/markdown, not a web page"):
        read_page(f"{server}/README.md")


def test_a_page_over_the_size_cap_is_refused_by_url_and_by_file(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.read import webpages

    monkeypatch.setattr(webpages, "MAX_PAGE_BYTES", 2000)  # the pages here are 4-7 kB
    with pytest.raises(InputError, match="is over 2,000 bytes: it is not one article"):
        read_page(f"{server}/modern-article.html")
    with pytest.raises(InputError, match="is over 2,000 bytes"):
        read_page(str(PAGES / "modern-article.html"))


def test_a_server_that_is_not_there_says_so(server: str) -> None:
    closed = server.rsplit(":", 1)[0] + ":9"  # the discard port: nothing listens on it here
    with pytest.raises(InputError, match="cannot be fetched"):
        read_page(f"{closed}/a.html", timeout=5)


def test_a_page_with_no_article_says_what_to_do(tmp_path: Path) -> None:
    page = tmp_path / "app.html"  # a page whose text a script would build
    page.write_text(
        "<html><head><title>Loading</title><script src='app.js'></script></head>"
        "<body><div id='root'></div></body></html>",
        encoding="utf-8",
    )
    expected = r"no article text found.*JavaScript.*save the article's text as a \.txt"
    with pytest.raises(InputError, match=expected):
        read_page(str(page))


def test_without_the_web_extra_the_error_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now fails
    with pytest.raises(ConfigurationError, match=r'pip install "claimcheck\[web\]"'):
        extract_text("<html><body><p>Hello.</p></body></html>")
    assert main(["check", str(PAGES / "modern-article.html")]) == ConfigurationError.exit_code
    assert 'pip install "claimcheck[web]"' in capsys.readouterr().err


def test_the_headline_is_the_one_a_reader_sees_not_the_metadatas(tmp_path: Path) -> None:
    page = (PAGES / "modern-article.html").read_text(encoding="utf-8")
    page = page.replace(
        '<meta property="og:title" content="Qantas considers offshore option">',
        '<meta property="og:title" content="Qantas to axe 7,000 jobs, union says">',
    )
    saved = tmp_path / "page.html"
    saved.write_text(page, encoding="utf-8")
    text = read_page(str(saved))
    assert text.startswith("Qantas considers offshore option\n\n")
    assert "axe 7,000 jobs" not in text
    assert text.count("Qantas considers offshore option") == 1
