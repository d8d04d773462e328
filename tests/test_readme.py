"""The README's example report is what the command it documents prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_example_claim_is_the_example_articles() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## The report\s+```json\n(.*?)\n```", readme, re.DOTALL)
    assert block is not None, "README lost its example report"
    example = json.loads(block.group(1))
    text = (ROOT / example["source"]).read_text(encoding="utf-8")
    report = claimcheck.check(text, engine="rules", source=example["source"])
    (shown,) = example["claims"]
    (claim,) = [c for c in report.claims if c.id == shown["id"]]
    for field in ("kind", "text", "excerpt", "start", "end", "speaker", "figure", "origin"):
        assert getattr(claim, field) == (
            claimcheck.Figure(**shown[field]) if field == "figure" else shown[field]
        ), field
    assert text[claim.start : claim.end] == shown["excerpt"]
    assert [g.kind for g in claim.sourcing_gaps] == [g["kind"] for g in shown["sourcing_gaps"]]
