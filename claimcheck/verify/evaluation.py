"""Quality you can measure for ``verify``: verdicts scored against hand-labelled cases.

A case is an article, a folder of the sources it reports on, and labels: for each quote, figure
and assertion of the article, the verdict a careful fact-checker gives it and the passage of a
source that verdict rests on (the format is in ``tests/verify-eval/README.md``). A label is
matched to the report's claim over its words (a quote claim for a quote, a claim giving a figure
whose excerpt covers the number for a figure, preferring an assertion claim for an assertion);
then the claim's ``evidence`` is compared with the label:

- quote and figure verdicts: right when its claim's verdict is the label's (no claim: wrong);
- assertion verdicts: the same, over the assertions a model judged (offline every assertion is
  ``unchecked``, and the share of those is given apart);
- passages found: a passage of its claim's evidence overlaps the labelled one, in the same file;
- claims found: some claim of the right kind is over the label's words.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.checker import Checker
from claimcheck.errors import InputError
from claimcheck.evaluation import Tally, locate, rows, score_each
from claimcheck.models import Claim, Evidence, EvidencePart, Report

Span = tuple[int, int]
log = logging.getLogger(__name__)

KINDS = ("quote", "figure", "assertion")
VERDICTS = {
    "quote": ("verbatim", "altered", "not_found"),
    "figure": ("same", "different", "not_found"),
    "assertion": ("supported", "contradicted", "not_enough_info"),
}
METRICS = (
    "quote_verdicts",
    "figure_verdicts",
    "assertion_verdicts",
    "assertions_unchecked",
    "passages_found",
    "claims_found",
    "labels",
    "seconds_per_article",
    "failed_articles",
)
_SHORT = {
    "quote_verdicts": "quote", "figure_verdicts": "figure", "assertion_verdicts": "assert",
    "assertions_unchecked": "unchkd", "passages_found": "passage", "claims_found": "found",
    "labels": "labels", "seconds_per_article": "secs", "failed_articles": "failed",
}  # fmt: skip


@dataclass(frozen=True)
class Label:
    kind: str
    span: Span
    verdict: str
    source: str | None = None  # the passage's file, relative to the case's sources folder
    passage: Span | None = None  # in that file's text


@dataclass
class VerifyCase:
    name: str
    text: str
    sources: Path
    labels: list[Label]


def load_cases(folder: str | Path) -> list[VerifyCase]:
    """Every ``*.json`` label file in ``folder``, with its article and sources folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; give a folder of verify cases")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(
            f"{folder} holds no verify cases (*.json beside an article and its sources folder); "
            "see tests/verify-eval/README.md"
        )
    return [_load(path) for path in files]


def _load(path: Path) -> VerifyCase:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / data["article"]).read_text(encoding="utf-8")
        sources = path.parent / data["sources"]
    except (OSError, ValueError, KeyError) as error:
        raise InputError(f"{path}: not a verify case ({error})") from None
    if not sources.is_dir():
        raise InputError(f"{path}: its sources folder {sources} does not exist")
    labels: list[Label] = []
    for kind, key in (("quote", "text"), ("figure", "raw"), ("assertion", "text")):
        for entry in data.get(kind + "s", []):
            verdict = entry.get("verdict")
            if verdict not in VERDICTS[kind]:
                raise InputError(
                    f"{path.name}: {kind} {entry.get(key)!r} has verdict {verdict!r}; "
                    f"one of {', '.join(VERDICTS[kind])}"
                )
            nth = int(entry.get("occurrence", 1))
            span = locate(text, entry[key], nth, f"{path.name}: {{value!r}} is not in the article")
            passage = None
            if entry.get("passage"):
                try:
                    source_text = (sources / entry["source"]).read_text(encoding="utf-8")
                except (OSError, KeyError):
                    raise InputError(
                        f"{path.name}: {entry[key]!r} names no readable source file "
                        f"({entry.get('source')!r} in {sources})"
                    ) from None
                missing = f"{path.name}: {{value!r}} is not in {entry['source']}"
                passage = locate(source_text, entry["passage"], 1, missing)
            labels.append(Label(kind, span, verdict, entry.get("source"), passage))
    return VerifyCase(path.stem, text, sources, labels)


@dataclass
class VerifyScore:
    name: str
    tally: Tally
    articles: int = 1

    def metrics(self) -> dict[str, float | None]:
        t = self.tally
        return {
            "quote_verdicts": t.ratio("quote"),
            "figure_verdicts": t.ratio("figure"),
            "assertion_verdicts": t.ratio("assertion"),
            "assertions_unchecked": t.ratio("unchecked"),
            "passages_found": t.ratio("passage"),
            "claims_found": t.ratio("found"),
            "labels": t.counts.get("labels:hit", 0),
            "seconds_per_article": t.counts.get("seconds:hit", 0) / max(1, self.articles),
            "failed_articles": t.counts.get("failed:hit", 0),
        }

    def confusion(self) -> dict[str, dict[str, int]]:
        """For each label verdict, how often each verdict was given ("missing": no claim)."""
        out: dict[str, dict[str, int]] = {}
        for key, value in self.tally.counts.items():
            if key.startswith("given:") and key.endswith(":hit"):
                _, wanted, got, _ = key.split(":")
                out.setdefault(wanted, {})[got] = int(value)
        return out


def score(case: VerifyCase, report: Report, seconds: float) -> VerifyScore:
    """How one verified report fares against one labelled case."""
    t = Tally()
    for label in case.labels:
        claim = _claim_for(label, report.claims)
        evidence = _evidence_for(label, claim, case.text)
        t.add("labels", 1, 0)
        t.add("found", claim is not None)
        given = evidence.verdict if evidence is not None else "missing"
        t.add(f"given:{label.kind}.{label.verdict}:{given}", 1, 0)
        if label.kind == "assertion":
            t.add("unchecked", given == "unchecked")
            if given != "unchecked":
                t.add("assertion", given == label.verdict)
        else:
            t.add(label.kind, given == label.verdict)
        if label.passage is not None:
            t.add("passage", evidence is not None and _cites(evidence, label, case.sources))
    t.add("seconds", seconds, 0)
    return VerifyScore(case.name, t)


def _claim_for(label: Label, claims: list[Claim]) -> Claim | None:
    start, end = label.span
    if label.kind == "figure":
        covering = [c for c in claims if c.figures and c.start <= start and end <= c.end]
        return covering[0] if covering else None
    over = [c for c in claims if c.start < end and start < c.end]
    if label.kind == "quote":
        over = [c for c in over if c.kind == "quote"]
    else:
        over.sort(key=lambda c: c.kind != "assertion")
    return over[0] if over else None


def _evidence_for(label: Label, claim: Claim | None, text: str) -> Evidence | EvidencePart | None:
    """The claim's evidence for the label's quotation or figure: its own part where the claim
    holds several ("no doubt" of a claim quoting two phrases), else the claim's."""
    if claim is None or claim.evidence is None:
        return None
    wanted = _folded(text[label.span[0] : label.span[1]])
    for part in claim.evidence.parts:
        got = _folded(part.text)
        if got and (got in wanted or wanted in got):
            return part
    return claim.evidence


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _cites(evidence: Evidence | EvidencePart, label: Label, sources: Path) -> bool:
    assert label.passage is not None
    start, end = label.passage
    for passage in evidence.passages:
        try:
            same_file = Path(passage.source).resolve() == (sources / str(label.source)).resolve()
        except OSError:
            same_file = False
        if same_file and passage.start < end and start < passage.end:
            return True
    return False


def evaluate(
    checker: Checker,
    cases: Iterable[VerifyCase],
    *,
    on_article: Callable[[VerifyScore], None] | None = None,
) -> tuple[list[VerifyScore], VerifyScore]:
    """Scores per case and overall (counts summed, then divided: micro averages)."""
    return score_each(
        cases,
        lambda c: c.name,
        lambda c: checker.verify(c.text, [str(c.sources)], source=c.name),
        score,
        VerifyScore,
        on_article,
    )


def table(scores: list[VerifyScore], overall: VerifyScore) -> str:
    """A plain-text table, a row per case and an overall row, then what each verdict became."""
    lines = rows(scores, overall, METRICS, _SHORT, "case", _cell)
    lines.append("")
    lines.append("label verdict -> verdicts given (missing: no claim over the label)")
    for wanted, given in sorted(overall.confusion().items()):
        total = sum(given.values())
        spread = ", ".join(f"{k} {v}" for k, v in sorted(given.items(), key=lambda kv: -kv[1]))
        lines.append(f"  {wanted:<28} {total:>3}: {spread}")
    return "\n".join(lines)


def as_json(scores: list[VerifyScore], overall: VerifyScore) -> dict[str, Any]:
    return {
        "overall": {**overall.metrics(), "verdicts": overall.confusion()},
        "articles": {s.name: s.metrics() for s in scores},
    }


def _cell(metric: str, value: float | None) -> str:
    if value is None:
        return f"{'-':>7}"
    if metric in ("labels", "failed_articles"):
        return f"{int(value):>7}"
    if metric == "seconds_per_article":
        return f"{value:>7.0f}" if value >= 10 else f"{value:>7.2f}"
    return f"{value:>7.0%}"
