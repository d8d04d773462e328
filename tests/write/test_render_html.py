"""The HTML page, read as a parser reads it: the article's own characters, each claim marked in
place, nothing from the article or the model able to become markup, nothing loaded from outside.
The same page in a real browser: tests/test_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import ARTICLES

import claimcheck
from claimcheck.cli import main
from claimcheck.models import Claim, Figure, Report, SourcingGap
from claimcheck.write.render_html import to_html

EXAMPLE = ARTICLES / "ukraine-troops.txt"


class Page(HTMLParser):
    """What a page holds: the article's text, each claim's marked text, the marks' nesting."""

    VOID: ClassVar = {"meta", "input", "br", "img", "link"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.article: str | None = None
        self.marked: dict[str, str] = {}
        self.parents: dict[str, set[str | None]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "article":
            self.article = ""
        if tag == "mark":
            claim = attributes["data-claim"]
            assert claim is not None
            outer = [a["data-claim"] for t, a in self.stack if t == "mark"]
            self.parents.setdefault(claim, set()).add(outer[-1] if outer else None)
            self.marked.setdefault(claim, "")
        if tag not in self.VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        if any(t == "article" for t, _ in self.stack):
            self.article = (self.article or "") + data
        for tag, attributes in self.stack:
            if tag == "mark":
                self.marked[str(attributes["data-claim"])] += data
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)


@pytest.fixture(scope="module")
def example() -> tuple[str, Report]:
    text = EXAMPLE.read_text(encoding="utf-8")
    report = claimcheck.check(text, engine="rules", source=str(EXAMPLE))
    return text, report.model_copy(update={"article_text": text})


def test_the_article_is_shown_character_for_character(example) -> None:
    text, report = example
    assert Page(to_html(report)).article == text


def test_every_claim_is_marked_over_exactly_its_excerpt(example) -> None:
    text, report = example
    page = Page(to_html(report))
    assert set(page.marked) == {c.id for c in report.claims}
    for claim in report.claims:
        assert page.marked[claim.id] == text[claim.start : claim.end]


def test_a_claim_inside_another_is_a_mark_inside_its_mark(example) -> None:
    _, report = example
    page = Page(to_html(report))
    # The figure in Trump's quote, by the article's own words.
    (figure,) = [c for c in report.claims if c.figure and c.figure.raw == "5-7,000 people a week"]
    (quote,) = [c for c in report.claims if c.kind == "quote" and c.start < figure.start < c.end]
    assert page.parents[figure.id] == {quote.id}
    for inner in report.claims:
        for outer in report.claims:
            if outer.start <= inner.start and inner.end <= outer.end and outer is not inner:
                assert all(p is not None for p in page.parents[inner.id]), inner.id


def test_a_figure_claims_number_is_picked_out_inside_its_clause() -> None:
    text = "The council said on Monday that it spent £5m on the bridge. “We are proud,” he said."
    report = claimcheck.check(text, engine="rules").model_copy(update={"article_text": text})
    (figure,) = [c for c in report.claims if c.kind == "figure"]
    numbers = re.findall(r'<b class="num">([^<]*)</b>', to_html(report))
    assert numbers == ["£5m"]
    assert figure.end - figure.start > len("£5m")  # the claim's mark still covers its clause
    assert Page(to_html(report)).article == text


def test_overlapping_claims_are_split_into_marks_that_still_cover_each() -> None:
    text = "Alpha beta gamma delta epsilon."
    claims = [
        Claim(id="c1", kind="assertion", text="x", excerpt=text[0:16], start=0, end=16),
        Claim(id="c2", kind="figure", text="y", excerpt=text[6:22], start=6, end=22),
    ]
    report = Report(engine="rules", claims=claims, article_text=text)
    page = Page(to_html(report))
    assert page.marked == {"c1": text[0:16], "c2": text[6:22]}
    assert page.article == text
    anchors = [a for t, a in page.tags if t == "mark" and a.get("id") == "m-c2"]
    assert len(anchors) == 1 and anchors[0]["tabindex"] == "0"


def test_nothing_from_the_article_or_the_model_becomes_markup() -> None:
    text = (
        'The mayor said: "We spent 5 million on <script>window.pwned = 1</script> roads."\n'
        '<img src=x onerror="window.pwned = 2"> Officials said </mark></article> was fine.\r\n'
    )
    start = text.index("We spent")
    excerpt = text[start : text.index('roads."') + 6]
    claim = Claim(
        id="c1",
        kind="quote",
        text='<script>window.pwned = 3</script>"><b onmouseover=x>',
        excerpt=excerpt,
        start=start,
        end=start + len(excerpt),
        speaker='"><img src=x onerror=alert(4)>',
        follow_up_questions=["</li><script>window.pwned = 5</script>"],
        sourcing_gaps=[SourcingGap(kind="no_source", explanation="<iframe src=//evil>")],
        figure=Figure(raw="<video src=x onerror=alert(8)>", low=5e6, high=5e6, unit=None),
    )
    report = Report(
        source="<svg onload=alert(6)>", engine="rules", claims=[claim], article_text=text
    )
    report.warnings.append("<script>window.pwned = 7</script>")
    html = to_html(report)
    page = Page(html)
    tags = [t for t, _ in page.tags]
    assert tags.count("script") == 1 and "img" not in tags and "iframe" not in tags
    assert "svg" not in tags and "video" not in tags
    assert not [name for _, a in page.tags for name in a if name.startswith("on")]
    assert page.article == text
    assert page.marked["c1"] == excerpt


def test_the_page_loads_nothing_and_allows_only_its_own_script_and_style(example) -> None:
    _, report = example
    html = to_html(report)
    page = Page(html)
    for tag, attributes in page.tags:
        for name in ("src", "href", "action", "srcset", "poster"):
            value = attributes.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    (policy,) = [
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None and "default-src 'none'" in policy
    (script,) = page.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy


def test_the_example_page_is_small(example) -> None:
    _, report = example
    assert len(to_html(report).encode("utf-8")) < 40_000


def test_the_summary_counts_kinds_and_lists_the_pressing_gaps(example) -> None:
    _, report = example
    html = to_html(report)
    for kind, title in (("quote", "Quotes"), ("figure", "Figures"), ("assertion", "Assertions")):
        count = sum(c.kind == kind for c in report.claims)
        assert f'<span class="tag k-{kind}">{title}</span> {count}</label>' in html
    gapped = [c.id for c in report.claims if c.sourcing_gaps]
    summary = html[html.index("Most pressing gaps") : html.index("</header>")]
    assert gapped and all(f'href="#{cid}"' in summary for cid in gapped)


def test_without_the_text_the_page_lists_the_claims_and_says_why(example) -> None:
    _, report = example
    page = Page(to_html(report.model_copy(update={"article_text": None})))
    assert page.article is None and not page.marked
    items = [a["id"] for t, a in page.tags if t == "li" and a.get("class") == "claim"]
    assert items == [c.id for c in report.claims]


def test_a_claim_not_at_its_offsets_is_listed_but_not_marked() -> None:
    text = "The river rose 3 metres overnight."
    claims = [
        Claim(id="c1", kind="figure", text="x", excerpt="3 metres", start=15, end=23),
        Claim(id="c2", kind="assertion", text="y", excerpt="fell", start=10, end=14),
    ]
    html = to_html(Report(engine="rules", claims=claims, article_text=text))
    assert Page(html).marked == {"c1": "3 metres"}
    assert "c2 (not found at its offsets in this text)" in html


def test_check_format_html_writes_the_page(tmp_path: Path, capsys, monkeypatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMCHECK_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "page.html"
    assert main(["check", str(EXAMPLE), "--format", "html", "-o", str(out)]) == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert page.article == EXAMPLE.read_text(encoding="utf-8")
    assert len(page.marked) > 10


def test_include_text_puts_the_article_in_the_json_report(capsys, monkeypatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMCHECK_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    assert main(["check", str(EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["article_text"] is None
    assert main(["check", str(EXAMPLE), "--include-text"]) == 0
    assert json.loads(capsys.readouterr().out)["article_text"] == EXAMPLE.read_text("utf-8")
