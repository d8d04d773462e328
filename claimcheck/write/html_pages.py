"""A batch's reports as HTML: one page per article and an index page, in one folder.

Each article's page is ``render_html.to_html``'s, named after its source and its place in the
order the results come (``0001-ukraine-troops.html``; ``claimcheck report`` gives them sorted
by source). Pages are written as the results come, and what is kept for the index is a row of
counts per article: a batch of any size is written in the memory of one report.

An article's text comes from its report (``article_text``) and from nowhere else: a report's
``source`` is only a name, never a file that is opened, since whoever wrote the JSONL chose it
(``"/etc/passwd"``). Without the text, its page lists the claims without the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from claimcheck.errors import ConfigurationError, redact
from claimcheck.models import ArticleError, Report
from claimcheck.write.render_html import GAP_ORDER, KINDS, gap_label, page, to_html
from claimcheck.write.words import claims_summary, counted


@dataclass(frozen=True)
class Written:
    """What ``write_pages`` wrote."""

    index: Path
    pages: int
    errors: int
    without_text: int


def write_pages(results: Iterable[Report | ArticleError], folder: str | Path) -> Written:
    """One page per report, numbered in the order they come, and ``index.html`` in ``folder``
    (made if missing)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigurationError(f"{folder}: cannot make the folder ({error.strerror})") from None
    rows: list[str] = []
    kinds = Counter[str]()
    gaps = Counter[str]()
    errors: list[ArticleError] = []
    without_text = 0
    for number, result in enumerate(results, start=1):
        if isinstance(result, ArticleError):
            errors.append(result)
            continue
        without_text += result.article_text is None
        name = f"{number:04d}-{_slug(result.source or 'article')}.html"
        (folder / name).write_text(to_html(result), encoding="utf-8")
        rows.append(_row(result, name))
        kinds.update(c.kind for c in result.claims)
        gaps.update(g.kind for c in result.claims for g in c.sourcing_gaps)
    index = folder / "index.html"
    index.write_text(index_html(rows, kinds, gaps, errors), encoding="utf-8")
    return Written(index=index, pages=len(rows), errors=len(errors), without_text=without_text)


def index_html(
    rows: list[str], kinds: Counter[str], gaps: Counter[str], errors: list[ArticleError]
) -> str:
    """The index: totals (claims of each kind, gaps of each kind), then the articles' rows
    (``_row``'s), then the articles that failed."""
    titles = "".join(f"<th>{title}</th>" for title in KINDS.values())
    body = [
        "<header>",
        f"<h1>{counted(len(rows) + len(errors), 'article')}</h1>",
        f'<p class="meta">{claims_summary(kinds.elements())}; '
        f"{counted(len(errors), 'article')} failed.</p>",
        _gap_totals(gaps),
        "</header>",
        "<main><div>",
        f"<table><thead><tr><th>Article</th>{titles}<th>Gaps</th><th>Most pressing</th></tr>"
        "</thead><tbody>",
        *rows,
        "</tbody></table>",
        _errors(errors),
        "</div></main>",
    ]
    return page("Claims in a batch", "\n".join(body), script=False)


def _row(report: Report, name: str) -> str:
    """An article's row of the index: its link, its claims of each kind, its gaps."""
    counts = Counter[str](c.kind for c in report.claims)
    gaps = Counter[str](g.kind for c in report.claims for g in c.sourcing_gaps)
    pressing = next((k for k in GAP_ORDER if gaps[k]), None)
    cells = "".join(f'<td class="n">{counts[k]}</td>' for k in KINDS)
    label = escape(report.source or name)
    top = f"{escape(gap_label(pressing))} ({gaps[pressing]})" if pressing else ""
    return (
        f'<tr><td><a href="{escape(name)}">{label}</a></td>{cells}'
        f'<td class="n">{sum(gaps.values())}</td><td>{top}</td></tr>'
    )


def _gap_totals(gaps: Counter[str]) -> str:
    items = "".join(f"<li>{escape(gap_label(k))}: {gaps[k]}</li>" for k in GAP_ORDER if gaps[k])
    if not items:
        return ""
    return f'<section class="gaps"><h2>Sourcing gaps</h2><ul>{items}</ul></section>'


def _errors(errors: list[ArticleError]) -> str:
    if not errors:
        return ""
    rows = "".join(
        f"<tr><td>{escape(e.source)}</td><td>{escape(e.error.type)}</td>"
        f"<td>{escape(redact(e.error.message))}</td></tr>"
        for e in errors
    )
    return (
        "<h2>Articles that failed</h2><table><thead><tr><th>Article</th><th>Error</th>"
        f"<th>Message</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _slug(source: str) -> str:
    stem = Path(source.rstrip("/")).stem if not source.startswith("http") else source
    return re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")[:60].lower() or "article"
