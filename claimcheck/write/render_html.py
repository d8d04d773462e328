"""A report as one self-contained HTML page: the article with every claim highlighted in place.

The page carries its own style and script (``assets/``) and loads nothing at view time; its
Content-Security-Policy allows only those two, by hash, so even text that escaped escaping could
not run. Every string from the article or the model is escaped. Claims are ``<mark>`` elements,
coloured by kind, each with ``data-claim="<id>"``; a claim inside another (a figure in a quote)
is a mark inside a mark, and a claim that only overlaps another is split into several marks with
the same ``data-claim``. The first mark of a claim has ``id="m-<id>"`` and takes keyboard focus.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import cache
from html import escape
from importlib import resources
from itertools import pairwise

from claimcheck.find.figure_words import describe
from claimcheck.models import GAP_KINDS, Claim, GapKind, Report
from claimcheck.write.words import claims_summary

KINDS = {"quote": "Quotes", "figure": "Figures", "assertion": "Assertions"}

PRESSING: tuple[GapKind, ...] = (
    "no_source",
    "unnamed_source",
    "missing_primary_document",
    "vague_figure",
    "missing_timeframe",
    "unclear_scope",
    "passive_voice",
    "opinion",
)
"""Gap kinds, the most pressing first: who says so, then what it rests on, then wording."""
GAP_ORDER: tuple[str, ...] = PRESSING + tuple(k for k in GAP_KINDS if k not in PRESSING)

NO_TEXT = (
    "The article's text is not in this report, so its claims cannot be shown in place. "
    "Check the article again with --format html, or keep its text with --include-text."
)


def to_html(report: Report) -> str:
    """The report as a page; the article is shown when ``report.article_text`` holds it."""
    text = report.article_text
    placed = [c for c in report.claims if text is not None and _placed(text, c)]
    shown = {id(c) for c in placed}
    title = f"Claims in {report.source or 'the article'}"
    body = [
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(_counts(report.claims))}. {_e(_engine(report))}.</p>',
        _filters(report.claims),
        _pressing(report.claims),
        _warnings(report.warnings),
        "</header>",
        '<main class="with-aside">',
        _article(text, placed),
        '<aside><div id="panel" hidden aria-live="polite">'
        '<button type="button" class="close" aria-label="Close">×</button>'
        '<div class="body"></div></div>',
        '<h2>Claims</h2><ol class="claims">',
        *(_item(c, placed=id(c) in shown, has_text=text is not None) for c in report.claims),
        "</ol></aside>",
        "</main>",
    ]
    return page(title, "\n".join(body), script=True)


def page(title: str, body: str, *, script: bool) -> str:
    """A complete document around ``body`` (already escaped), with the shared style."""
    policy = f"default-src 'none'; style-src '{_sha(_css())}'; img-src data:; base-uri 'none'"
    if script:
        policy += f"; script-src '{_sha(_js())}'"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f"<title>{_e(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n{body}\n"
        + (f"<script>{_js()}</script>\n" if script else "")
        + "</body>\n</html>\n"
    )


def highlighted(text: str, claims: Iterable[Claim]) -> str:
    """``text`` escaped, with each claim's characters in ``<mark>``s, nested where claims nest.

    Between two consecutive boundaries (a claim's start or end) the covering claims are the
    same; they are opened outermost first (earlier start, then later end), and at each boundary
    only the marks that no longer match are closed and reopened. A figure claim's number is
    itself picked out (``<b class="num">``) inside its claim's mark, which covers its clause.
    """
    spans = sorted((c for c in claims if c.start < c.end), key=lambda c: (c.start, -c.end))
    numbers = numbers_in(text, spans)
    cuts = sorted(
        {
            0,
            len(text),
            *(c.start for c in spans),
            *(c.end for c in spans),
            *numbers,
            *numbers.values(),
        }
    )
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    want: list[int] = []  # the claims covering the segment, in opening order
    following = 0
    for a, b in pairwise(cuts):
        want = [i for i in want if spans[i].end > a]
        while following < len(spans) and spans[following].start == a:
            want.append(following)
            following += 1
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        stack = stack[:keep]
        for i in want[keep:]:
            out.append(_mark(spans[i], first=i not in opened))
            opened.add(i)
            stack.append(i)
        number = any(start <= a and b <= end for start, end in numbers.items())
        out.append(f'<b class="num">{_text(text[a:b])}</b>' if number else _text(text[a:b]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def numbers_in(text: str, claims: Iterable[Claim]) -> dict[int, int]:
    """Where each figure claim's figures are written in ``text``: start -> end, each found
    as written (``raw``) inside its claim's characters."""
    found: dict[int, int] = {}
    for claim in claims:
        if claim.kind != "figure":
            continue
        for figure in claim.figures:
            at = text.find(figure.raw, claim.start, claim.end) if figure.raw else -1
            if at >= 0:
                found[at] = max(found.get(at, at), at + len(figure.raw))
    return found


def _mark(claim: Claim, *, first: bool) -> str:
    cid = _e(claim.id)
    anchor = f' id="m-{cid}" tabindex="0"' if first else ""
    return (
        f'<mark class="k-{claim.kind}" data-kind="{claim.kind}" data-claim="{cid}"{anchor} '
        f'title="{_e(claim.id)}: {claim.kind}">'
    )


def _article(text: str | None, placed: list[Claim]) -> str:
    if text is None:
        return f'<div><p class="note">{_e(NO_TEXT)}</p></div>'
    return f'<article id="article">{highlighted(text, placed)}</article>'


def _item(claim: Claim, *, placed: bool, has_text: bool) -> str:
    kind = claim.kind
    rows = []
    if claim.speaker:
        rows.append(("Speaker", _e(claim.speaker)))
    for f in claim.figures:
        value = f"{_e(f.raw)} = {_e(describe(f))}" + (" (approximate)" if f.approximate else "")
        rows.append(("Figure", value))
    # The words an editor looks for in the article; the offsets for whoever needs them.
    words = claim.excerpt.split()
    opening = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    if not opening.startswith(("“", '"', "‘", "'")):
        opening = f"“{opening}”"
    rows.append(("In the article", f"{_e(opening)} (characters {claim.start}–{claim.end})"))
    details = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    gaps = "".join(
        f"<li><b>{_e(gap_label(g.kind))}</b>: {_e(g.explanation)}</li>" for g in claim.sourcing_gaps
    )
    questions = "".join(f"<li>{_e(q)}</li>" for q in claim.follow_up_questions)
    where = _e(claim.id)
    if placed:
        where = f'<a class="jump" href="#m-{where}">{where}</a>'
    elif has_text:
        where += " (not found at its offsets in this text)"
    return (
        f'<li id="{_e(claim.id)}" class="claim" data-kind="{kind}"><details>'
        f'<summary><span class="tag k-{kind}">{kind}</span> {_e(claim.text)}{_verdict(claim)}'
        "</summary>"
        f"<p>{where}</p><dl>{details}</dl>"
        + (f"<h3>Sourcing gaps</h3><ul>{gaps}</ul>" if gaps else "")
        + (f"<h3>Ask</h3><ul>{questions}</ul>" if questions else "")
        + _evidence(claim)
        + "</details></li>"
    )


def _verdict(claim: Claim) -> str:
    if claim.evidence is None:
        return ""
    verdict = claim.evidence.verdict
    return f' <span class="verdict v-{verdict}">{_e(verdict.replace("_", " "))}</span>'


def _evidence(claim: Claim) -> str:
    """The sources' verdict, each passage with what differs from the claim marked."""
    evidence = claim.evidence
    if evidence is None:
        return ""
    changed = [m.group(1) for d in evidence.differences for m in [_IN_SOURCE.match(d)] if m]
    passages = "".join(
        f"<li><b>{_e(p.source)}</b>, characters {p.start}–{p.end}: "
        f"<q>{_marked(p.text, changed)}</q></li>"
        for p in evidence.passages
    )
    differences = "".join(f"<li>{_e(d)}</li>" for d in evidence.differences)
    return (
        f"<h3>Sources: {_e(evidence.verdict.replace('_', ' '))}</h3>"
        + (f"<ul>{differences}</ul>" if differences else "")
        + (f'<ul class="passages">{passages}</ul>' if passages else "")
    )


_IN_SOURCE = re.compile(r"“([^”]+)” in the source")


def _marked(text: str, words: list[str]) -> str:
    """``text`` escaped, with the first occurrence of each of ``words`` (case aside) marked."""
    spans = []
    for word in words:
        found = re.search(rf"(?i)\b{re.escape(word)}\b", text)
        if found is not None:
            spans.append(found.span())
    out, at = [], 0
    for start, end in sorted(set(spans)):
        if start < at:
            continue
        out += [_e(text[at:start]), f'<mark class="changed">{_e(text[start:end])}</mark>']
        at = end
    return "".join([*out, _e(text[at:])])


def _filters(claims: list[Claim]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" data-kind="{kind}" checked> '
        f'<span class="tag k-{kind}">{title}</span> {sum(c.kind == kind for c in claims)}</label>'
        for kind, title in KINDS.items()
    )
    return f'<fieldset class="filters"><legend>Show</legend>{boxes}</fieldset>'


def _pressing(claims: list[Claim]) -> str:
    lines = []
    for kind in GAP_ORDER:
        ids = [c.id for c in claims if any(g.kind == kind for g in c.sourcing_gaps)]
        if ids:
            links = ", ".join(f'<a href="#{_e(i)}">{_e(i)}</a>' for i in ids)
            lines.append(f"<li>{_e(gap_label(kind))} ({len(ids)}): {links}</li>")
    if not lines:
        return '<p class="note">No sourcing gaps found.</p>'
    return f'<section class="gaps"><h2>Most pressing gaps</h2><ul>{"".join(lines)}</ul></section>'


def _warnings(warnings: list[str]) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li>{_e(w)}</li>" for w in warnings)
    return f"<details><summary>{len(warnings)} warnings</summary><ul>{items}</ul></details>"


def _counts(claims: list[Claim]) -> str:
    return claims_summary(c.kind for c in claims)


def _engine(report: Report) -> str:
    return f"Engine: {report.engine}" + (f" ({report.model})" if report.model else "")


def _placed(text: str, claim: Claim) -> bool:
    return 0 <= claim.start < claim.end <= len(text) and text[claim.start : claim.end] == (
        claim.excerpt
    )


def gap_label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def _e(value: str) -> str:
    return escape(value, quote=True)


def _text(value: str) -> str:
    # The HTML parser turns CR LF into LF; a reference keeps the text's characters exact.
    return escape(value, quote=False).replace("\r", "&#13;")


@cache
def _css() -> str:
    return (resources.files(__package__ or "") / "assets" / "page.css").read_text(encoding="utf-8")


@cache
def _js() -> str:
    return (resources.files(__package__ or "") / "assets" / "page.js").read_text(encoding="utf-8")


def _sha(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
