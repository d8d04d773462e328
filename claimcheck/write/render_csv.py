"""A report as CSV: one row per claim, for a spreadsheet.

The columns (``COLUMNS``), in this order; they are public API, like the report's fields:

- ``source``: the report's source (the path, URL or batch id).
- ``id``, ``kind``, ``speaker``, ``text``, ``excerpt``, ``start``, ``end``: the claim's fields
  (``speaker`` empty for the outlet's own voice).
- ``figure_raw``, ``figure_low``, ``figure_high``, ``figure_unit``, ``figure_per``,
  ``figure_approximate``: the figure's fields, empty for claims that are not figures;
  ``figure_approximate`` is ``true`` or ``false``.
- ``sourcing_gaps``: one ``kind: explanation`` per line; ``follow_up_questions``: one question
  per line.
- ``verdict``, ``evidence_source``, ``passage``, ``differences``: what ``claimcheck verify``
  found (the evidence's verdict, the first passage's source and text, one difference per
  line); empty for a report not checked against sources.
- ``other_figures``: the other numbers a figure claim gives, as written, one per line ("$1.5bn"
  of "£800m ($1.5bn)"); the ``figure_*`` columns are its first.

The file is UTF-8 with a byte-order mark (spreadsheet programs need it to read accented letters
and curly quotes; Python reads it with ``encoding="utf-8-sig"``), fields are quoted where they
hold commas, quotes or line breaks, and rows end with CRLF (RFC 4180). A text cell that would
start with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'``, so that a spreadsheet shows it as
text instead of running it as a formula; ``start``/``end`` still index the article itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO

from claimcheck.models import Claim, Report

COLUMNS = (
    "source", "id", "kind", "speaker", "text", "excerpt", "start", "end",
    "figure_raw", "figure_low", "figure_high", "figure_unit", "figure_per", "figure_approximate",
    "sourcing_gaps", "follow_up_questions",
    "verdict", "evidence_source", "passage", "differences", "other_figures",
)  # fmt: skip

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(report: Report) -> list[dict[str, str | int]]:
    """One row per claim, keyed by ``COLUMNS``."""
    return [_row(report.source or "", claim) for claim in report.claims]


def write_csv(reports: Iterable[Report], sink: IO[str], *, header: bool = True) -> int:
    """Write the claims of ``reports`` to ``sink`` (opened with ``newline=""``); the row count.

    The byte-order mark is the caller's: open files with ``encoding="utf-8-sig"``.
    """
    writer = csv.DictWriter(sink, fieldnames=COLUMNS)
    if header:
        writer.writeheader()
    count = 0
    for report in reports:
        batch = rows(report)
        writer.writerows(batch)
        count += len(batch)
    return count


def to_csv(report: Report) -> str:
    """The report as CSV text, byte-order mark first."""
    buffer = io.StringIO(newline="")
    buffer.write(BOM)
    write_csv([report], buffer)
    return buffer.getvalue()


def _row(source: str, claim: Claim) -> dict[str, str | int]:
    figure, gaps, evidence = claim.figure, claim.sourcing_gaps, claim.evidence
    passage = evidence.passages[0] if evidence and evidence.passages else None
    return {
        "source": _text(source),
        "id": claim.id,
        "kind": claim.kind,
        "speaker": _text(claim.speaker or ""),
        "text": _text(claim.text),
        "excerpt": _text(claim.excerpt),
        "start": claim.start,
        "end": claim.end,
        "figure_raw": _text(figure.raw) if figure else "",
        "figure_low": _number(figure.low) if figure else "",
        "figure_high": _number(figure.high) if figure else "",
        "figure_unit": _text(figure.unit or "") if figure else "",
        "figure_per": _text(figure.per or "") if figure else "",
        "figure_approximate": ("true" if figure.approximate else "false") if figure else "",
        "sourcing_gaps": _text("\n".join(f"{g.kind}: {g.explanation}" for g in gaps)),
        "follow_up_questions": _text("\n".join(claim.follow_up_questions)),
        "verdict": evidence.verdict if evidence else "",
        "evidence_source": _text(passage.source) if passage else "",
        "passage": _text(passage.text) if passage else "",
        "differences": _text("\n".join(evidence.differences)) if evidence else "",
        "other_figures": _text("\n".join(f.raw for f in claim.figures[1:])),
    }


def _number(value: float) -> str:
    """5000.0 as ``5000`` (not ``5e+03``), 1.75 as ``1.75``."""
    return str(int(value)) if value.is_integer() else repr(value)


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
