"""A batch's pages: claimcheck report claims.jsonl --html DIR, finished or half-finished."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLES
from test_render_html import Page

from claimcheck.cli import main

NAMES = ("ukraine-troops.txt", "bbc-tech-yahoo-celebrates-a-decade-online.txt")


@pytest.fixture(autouse=True)
def no_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMCHECK_ENGINE", "CLAIMCHECK_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in NAMES:
        (articles / name).write_bytes((ARTICLES / name).read_bytes())
    (articles / "empty.txt").write_text("   \n", encoding="utf-8")  # fails: nothing to check
    return articles


def links(html: str) -> list[str]:
    return [str(a["href"]) for t, a in Page(html).tags if t == "a" and a.get("href")]


def test_pages_and_an_index_from_a_finished_batch(folder: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "claims.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--include-text"]) == 1  # one failed
    assert main(["report", str(out), "--html", str(tmp_path / "site")]) == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    pages = links(index)
    assert len(pages) == 2
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    claims = [c for r in reports if "claims" in r for c in r["claims"]]
    assert "<h1>3 articles</h1>" in index
    assert f"{len(claims)} claims: " in index and "1 article failed" in index
    assert "empty.txt" in index and "InputError" in index and "the article is empty" in index
    for name in NAMES:
        (href,) = [h for h in pages if h.endswith(Path(name).stem.lower() + ".html")]
        page = Page((tmp_path / "site" / href).read_text(encoding="utf-8"))
        assert page.article == (ARTICLES / name).read_text(encoding="utf-8")
        report = next(r for r in reports if r.get("source", "").endswith(name))
        assert set(page.marked) == {c["id"] for c in report["claims"]}


def test_a_half_finished_batch_gives_the_pages_it_has(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert main(["batch", str(folder / NAMES[0]), "--out", str(out)]) == 0
    with out.open("a", encoding="utf-8") as sink:
        sink.write('{"source": "articles/next.txt", "engine": "rules", "claims": [{"id": ')
    assert main(["report", str(out), "--html", str(tmp_path / "site")]) == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<h1>1 article</h1>" in index and len(links(index)) == 1


def test_wire_texts_reach_the_pages_only_when_the_batch_keeps_them(tmp_path: Path) -> None:
    text = (ARTICLES / NAMES[1]).read_text(encoding="utf-8")
    wires = tmp_path / "wires.jsonl"
    wires.write_text(json.dumps({"id": "wire-1", "text": text}) + "\n", encoding="utf-8")
    for keep, expected in (([], None), (["--include-text"], text)):
        out = tmp_path / f"claims{len(keep)}.jsonl"
        assert main(["batch", str(wires), "--out", str(out), *keep]) == 0
        site = tmp_path / f"site{len(keep)}"
        assert main(["report", str(out), "--html", str(site)]) == 0
        page_html = (site / "0001-wire-1.html").read_text(encoding="utf-8")
        assert Page(page_html).article == expected
        if expected is None:
            assert "--include-text" in page_html


def test_a_page_never_shows_a_local_file_its_source_names(tmp_path: Path, capsys) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the secret line\n", encoding="utf-8")
    wires = tmp_path / "wires.jsonl"
    wires.write_text(json.dumps({"id": str(secret), "text": "Nothing to see."}) + "\n")
    out = tmp_path / "claims.jsonl"
    assert main(["batch", str(wires), "--out", str(out)]) == 0
    forged = tmp_path / "forged.jsonl"
    forged.write_text(
        json.dumps({"source": str(secret), "engine": "rules", "claims": []}) + "\n",
        encoding="utf-8",
    )
    for results in (out, forged):
        site = tmp_path / f"site-{results.stem}"
        assert main(["report", str(results), "--html", str(site)]) == 0
        for written in site.iterdir():
            assert "the secret line" not in written.read_text(encoding="utf-8")


def test_an_article_from_a_file_is_shown_only_when_the_batch_kept_its_text(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "claims.jsonl"
    main(["batch", str(folder / NAMES[0]), "--out", str(out)])
    assert main(["report", str(out), "--html", str(tmp_path / "site")]) == 0
    (page,) = (tmp_path / "site").glob("0001-*.html")
    html = page.read_text(encoding="utf-8")
    assert Page(html).article is None and "--include-text" in html


def test_report_needs_something_to_write(tmp_path: Path, capsys) -> None:
    out = tmp_path / "claims.jsonl"
    out.write_text("", encoding="utf-8")
    assert main(["report", str(out)]) == 2
    assert "--html DIR, --csv FILE" in capsys.readouterr().err
    assert main(["report", str(out), "--html", str(tmp_path / "site")]) == 3
    assert "holds no results" in capsys.readouterr().err
