"""Renderers: a report as JSON, Markdown, CSV or an HTML page, chosen by name.

JSON for machines, Markdown to read, CSV for a spreadsheet (``render_csv``), or an HTML page of
the article with its claims in place (``render_html``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.find.figure_words import describe
from claimcheck.models import Claim, Report
from claimcheck.write.render_csv import to_csv
from claimcheck.write.render_html import to_html
from claimcheck.write.words import claims_summary

_TITLES = {"quote": "Quotes", "figure": "Figures", "assertion": "Assertions"}
# Control characters but tab, newline and carriage return: an article's or a model's escape
# sequences would otherwise recolour, move or retitle the terminal that shows them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: each control character shown as its code ("\\x1b")."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2)


def to_markdown(report: Report) -> str:
    lines = [f"# Claims in {report.source or 'the article'}", ""]
    engine = report.engine if not report.model else f"{report.engine} ({report.model})"
    summary = claims_summary(c.kind for c in report.claims)
    lines += [f"{summary}. Engine: {engine}.", ""]
    for kind, title in _TITLES.items():
        claims = [c for c in report.claims if c.kind == kind]
        if claims:
            lines += [f"## {title}", ""]
            for claim in claims:
                lines += _claim(claim)
    if report.warnings:
        lines += ["## Warnings", "", *(f"- {w}" for w in report.warnings), ""]
    u = report.usage
    if u.requests:
        lines.append(
            f"_{u.requests} requests, {u.prompt_tokens} prompt tokens ({u.cached_tokens} cached), "
            f"{u.completion_tokens} completion tokens._"
        )
    return printable("\n".join(lines).rstrip() + "\n")


def _claim(claim: Claim) -> list[str]:
    lines = [f"### {claim.id}. {claim.text}", ""]
    lines.append(f"> {claim.excerpt}  ")
    lines.append(f"> — characters {claim.start}–{claim.end}")
    lines.append("")
    if claim.speaker:
        lines.append(f"- **Speaker:** {claim.speaker}")
    for figure in claim.figures:
        lines.append(f"- **Figure:** {figure.raw} = {describe(figure)}")
    for gap in claim.sourcing_gaps:
        lines.append(f"- **Gap ({gap.kind.replace('_', ' ')}):** {gap.explanation}")
    for question in claim.follow_up_questions:
        lines.append(f"- **Ask:** {question}")
    if claim.evidence is not None:
        lines.append(f"- **Sources:** {claim.evidence.verdict.replace('_', ' ')}")
        for difference in claim.evidence.differences:
            lines.append(f"  - {difference}")
        for passage in claim.evidence.passages[:1]:
            lines.append(f"  - {passage.source}, {passage.start}–{passage.end}: “{passage.text}”")
    lines.append("")
    return lines


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": to_json,
    "md": to_markdown,
    "csv": to_csv,
    "html": to_html,
}
