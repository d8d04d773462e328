"""The HTML page in a real headless Chromium (tests/cdp.py drives it over a pipe).

Skipped, with the reason, where no Chromium can be had: `.ci/run` installs Debian's `chromium`
where it runs as root with apt; elsewhere `apt-get install chromium`, or point
CLAIMCHECK_CHROMIUM at a Chrome or Chromium binary.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLES

import claimcheck
from claimcheck.models import Claim, Report, SourcingGap
from claimcheck.write.render_html import to_html

if sys.platform == "win32":  # pragma: no cover - the pipe client needs POSIX file descriptors
    pytest.skip("the browser tests drive Chromium over POSIX pipes", allow_module_level=True)

from cdp import Browser, find_chromium

EXAMPLE = ARTICLES / "ukraine-troops.txt"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip(
            "no Chromium here: apt-get install chromium (as root), or set CLAIMCHECK_CHROMIUM"
        )
    try:
        started = Browser(executable)
    except (OSError, RuntimeError, TimeoutError) as error:
        pytest.skip(f"Chromium ({executable}) did not start: {error}")
    with started:
        yield started


@pytest.fixture(scope="module")
def example() -> tuple[str, Report]:
    text = EXAMPLE.read_text(encoding="utf-8")
    report = claimcheck.check(text, engine="rules", source=str(EXAMPLE))
    return text, report.model_copy(update={"article_text": text})


def show(browser: Browser, report: Report, folder: Path, *, width: int = 1200) -> None:
    page = folder / "page.html"
    page.write_text(to_html(report), encoding="utf-8")
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=900,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    browser.open(page.as_uri())


def js(browser: Browser, expression: str, *args: Any) -> Any:
    """``expression`` as a function of ``args`` (passed as JSON), run in the page."""
    call = f"({expression})(...{json.dumps(list(args))})"
    return browser.evaluate(call)


MARKED_TEXT = """(id) => Array.from(document.querySelectorAll('mark[data-claim="' + id + '"]'))
    .map(m => m.textContent).join('')"""
PANEL = """() => { const p = document.getElementById('panel');
    const r = p.getBoundingClientRect();
    return {hidden: p.hidden, text: p.innerText, height: r.height, bottom: r.bottom}; }"""


def test_every_claim_has_its_highlight_over_its_excerpt(browser, example, tmp_path) -> None:
    text, report = example
    browser.call("Network.enable")
    show(browser, report, tmp_path)
    requests = [e for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    browser.call("Network.disable")
    assert [e["params"]["request"]["url"] for e in requests] == [(tmp_path / "page.html").as_uri()]
    assert js(browser, "() => document.getElementById('article').textContent") == text
    for claim in report.claims:
        assert js(browser, MARKED_TEXT, claim.id) == claim.excerpt, claim.id
        visible = js(
            browser,
            "(id) => document.getElementById('m-' + id).getClientRects().length > 0",
            claim.id,
        )
        assert visible, claim.id


def test_a_figure_in_a_quote_stands_out_from_the_quote(browser, example, tmp_path) -> None:
    _, report = example
    show(browser, report, tmp_path)
    (figure,) = [c for c in report.claims if c.figure and c.figure.raw == "5-7,000 people a week"]
    colours = js(
        browser,
        """(id) => { const m = document.getElementById('m-' + id);
        const outer = m.parentElement.closest('mark');
        const colour = (e) => getComputedStyle(e).backgroundColor;
        return [colour(m), outer && colour(outer), outer && outer.dataset.kind]; }""",
        figure.id,
    )
    inner, outer, outer_kind = colours
    assert outer_kind == "quote" and inner != outer


def test_clicking_a_highlight_shows_the_claims_details(browser, example, tmp_path) -> None:
    _, report = example
    show(browser, report, tmp_path)
    assert js(browser, PANEL)["hidden"] is True
    for claim in (report.claims[0], next(c for c in report.claims if c.figure)):
        browser.click(*browser.center(f"#m-{claim.id}"))
        panel = js(browser, PANEL)
        assert panel["hidden"] is False and panel["height"] > 0
        shown = " ".join(panel["text"].split())
        for words in [claim.text, claim.speaker or "", claim.figure.raw if claim.figure else ""]:
            assert " ".join(words.split()) in shown
        for gap in claim.sourcing_gaps:
            assert " ".join(gap.explanation.split()) in shown
        for question in claim.follow_up_questions:
            assert " ".join(question.split()) in shown
        selected = js(
            browser, "() => [...document.querySelectorAll('mark.sel')].map(m => m.dataset.claim)"
        )
        assert set(selected) == {claim.id}


def test_the_keyboard_reaches_selects_and_closes(browser, example, tmp_path) -> None:
    _, report = example
    show(browser, report, tmp_path)
    first = report.claims[0].id
    for _ in range(20):  # past the filters and the gap links, to the first highlight
        browser.press("Tab", key_code=9)
        if js(browser, "() => document.activeElement.id") == f"m-{first}":
            break
    else:
        pytest.fail("Tab never reached the first highlight")
    browser.press("Enter", key_code=13)
    assert first in js(browser, PANEL)["text"].split()
    browser.press("Escape", key_code=27)
    assert js(browser, PANEL)["hidden"] is True
    assert js(browser, "() => document.activeElement.id") == f"m-{first}"


def test_a_filter_hides_one_kind(browser, example, tmp_path) -> None:
    _, report = example
    show(browser, report, tmp_path)
    js(browser, "() => document.querySelector('.filters input[data-kind=quote]').click()")
    listed = js(
        browser,
        """() => [...document.querySelectorAll('li.claim')]
            .filter(li => li.offsetParent !== null).map(li => li.dataset.kind)""",
    )
    assert "quote" not in listed and len(listed) == sum(c.kind != "quote" for c in report.claims)
    backgrounds = js(
        browser,
        """() => [...document.querySelectorAll('mark.k-quote')]
            .map(m => getComputedStyle(m).backgroundColor)""",
    )
    assert backgrounds and set(backgrounds) == {"rgba(0, 0, 0, 0)"}


def test_a_phone_reads_it_without_scrolling_sideways(browser, example, tmp_path) -> None:
    _, report = example
    show(browser, report, tmp_path, width=390)
    assert js(browser, "() => document.documentElement.scrollWidth") <= 390
    claim = next(c for c in report.claims if c.figure)
    browser.click(*browser.center(f"#m-{claim.id}"))
    panel = js(browser, PANEL)
    assert panel["hidden"] is False and panel["bottom"] <= 900


def test_a_script_in_the_article_or_the_answer_does_not_run(browser, tmp_path) -> None:
    text = (
        "Officials said the bridge cost 5 million pounds.\r\n"
        '<script>window.pwned = 1; alert("article")</script>\r\n'
        '<img src="x" onerror="window.pwned = 2; alert(2)"> The mayor said: '
        '"It was <b onmouseover="window.pwned = 3">worth</b> every penny."\n'
    )
    report = claimcheck.check(text, engine="rules", source="<script>alert(4)</script>")
    start = text.index("<script>")
    excerpt = "<script>"
    hostile = Claim(
        id="c99",
        kind="assertion",
        text='<script>window.pwned = 5</script><img src=x onerror="window.pwned = 6">',
        excerpt=excerpt,
        start=start,
        end=start + len(excerpt),
        speaker="<script>window.pwned = 7</script>",
        follow_up_questions=['"><script>window.pwned = 8</script>'],
        sourcing_gaps=[SourcingGap(kind="no_source", explanation="<svg onload=alert(9)>")],
    )
    report = report.model_copy(update={"claims": [*report.claims, hostile], "article_text": text})
    show(browser, report, tmp_path)
    _, y = browser.center("#m-c99")
    left = js(browser, "() => document.getElementById('m-c99').getClientRects()[0].left")
    browser.click(left + 2, y)  # its first character: a claim of the rules' starts one later
    assert js(browser, "() => typeof window.pwned") == "undefined"
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert js(browser, "() => document.getElementById('article').textContent") == text
    assert js(browser, "() => document.querySelectorAll('script').length") == 1
    assert "<script>window.pwned = 5</script>" in js(browser, PANEL)["text"]


def test_the_index_page_fits_a_phone_too(browser, example, tmp_path) -> None:
    from claimcheck.write.html_pages import write_pages

    _, report = example
    others = [
        report.model_copy(update={"source": f"wires/{i}-a-long-article-name.txt"}) for i in range(3)
    ]
    written = write_pages(others, tmp_path / "pages")
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=390,
        height=900,
        deviceScaleFactor=1,
        mobile=True,
    )
    browser.open(Path(written.index).as_uri())
    assert js(browser, "() => document.documentElement.scrollWidth") <= 390


def test_a_selected_claim_is_outlined_not_turned_red(browser, example, tmp_path) -> None:
    _, report = example
    show(browser, report, tmp_path)
    claim = report.claims[0]
    browser.click(*browser.center(f"#m-{claim.id}"))
    colour = js(
        browser,
        "(id) => getComputedStyle(document.getElementById('m-' + id)).backgroundColor",
        claim.id,
    )
    assert colour != "rgb(252, 165, 165)"  # red reads as "false" to a fact-checker
