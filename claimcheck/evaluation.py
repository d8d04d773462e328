"""Quality you can measure: score reports against hand-labelled gold articles.

The gold format and how claims are matched to labels are documented in ``tests/gold/README.md``.
In short: labels are verbatim substrings of the article, turned into character spans; a claim
matches a label when their spans overlap (for figures: when the claim's excerpt covers the
label's number), then kind, speaker and values are compared.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from claimcheck.checker import Checker
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.find.drafts import says_more
from claimcheck.models import Claim, Figure, Report

Span = tuple[int, int]
log = logging.getLogger(__name__)

METRICS = (
    "quote_recall",
    "quote_precision",
    "speaker_accuracy",
    "figure_recall",
    "figure_value_accuracy",
    "kind_accuracy",
    "gap_recall",
    "assertion_recall",
    "furniture_claims",
    "grounding_rate",
    "rewritten_rate",
    "questions_per_claim",
    "claims_per_article",
    "kept_whole_rate",
    "rules_added_per_article",
    "requests_per_article",
    "cached_per_article",
    "tokens_per_article",
    "seconds_per_article",
    "failed_articles",
)


@dataclass
class GoldArticle:
    name: str
    text: str
    quotes: list[tuple[Span, str | None]]
    figures: list[tuple[Span, dict[str, Any]]]
    assertions: list[Span]
    gaps: list[tuple[Span, str]]
    not_claims: list[Span]


def load_gold(folder: str | Path) -> list[GoldArticle]:
    """Every ``*.json`` label file in ``folder``, its article read from beside it."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; give a folder of gold files")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(f"{folder} holds no gold files (*.json); see tests/gold/README.md")
    return [load_labels(path) for path in files]


def load_labels(path: Path, articles: Path | None = None) -> GoldArticle:
    """One label file, its article read from ``articles`` (default: the folder beside it)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = ((articles or path.parent) / data["article"]).read_text(encoding="utf-8")

    def span(entry: dict[str, Any] | str, key: str) -> Span:
        value = entry if isinstance(entry, str) else entry[key]
        nth = 1 if isinstance(entry, str) else int(entry.get("occurrence", 1))
        return locate(
            text, value, nth, f"{path.name}: {{value!r}} (occurrence {nth}) is not in the article"
        )

    return GoldArticle(
        name=path.stem,
        text=text,
        quotes=[(span(q, "text"), q.get("speaker")) for q in data.get("quotes", [])],
        figures=[(span(f, "raw"), f) for f in data.get("figures", [])],
        assertions=[span(a, "text") for a in data.get("assertions", [])],
        gaps=[(span(g, "near"), g["kind"]) for g in data.get("gaps", [])],
        not_claims=[span(s, "") for s in data.get("not_claims", [])],
    )


def locate(text: str, value: str, nth: int, missing: str) -> Span:
    """The span of the ``nth`` ``value`` in ``text``; an InputError saying ``missing`` (with
    ``{value!r}`` filled in) when there is none."""
    start = -1
    for _ in range(nth):
        start = text.find(value, start + 1)
        if start == -1:
            raise InputError(missing.format(value=value))
    return start, start + len(value)


@dataclass
class Tally:
    """Counts behind the metrics, summed over articles for the overall row."""

    counts: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, hit: float, total: float = 1) -> None:
        self.counts[name + ":hit"] = self.counts.get(name + ":hit", 0) + hit
        self.counts[name + ":all"] = self.counts.get(name + ":all", 0) + total

    def ratio(self, name: str) -> float | None:
        total = self.counts.get(name + ":all", 0)
        return None if not total else self.counts.get(name + ":hit", 0) / total

    def merge(self, other: Tally) -> None:
        for key, value in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value


@dataclass
class Score:
    name: str
    tally: Tally
    articles: int = 1

    def metrics(self) -> dict[str, float | None]:
        t, n = self.tally, max(1, self.articles)
        return {
            "quote_recall": t.ratio("quote_recall"),
            "quote_precision": t.ratio("quote_precision"),
            "speaker_accuracy": t.ratio("speaker"),
            "figure_recall": t.ratio("figure_recall"),
            "figure_value_accuracy": t.ratio("figure_value"),
            "kind_accuracy": t.ratio("kind"),
            "gap_recall": t.ratio("gap"),
            "assertion_recall": t.ratio("assertion"),
            "furniture_claims": t.counts.get("furniture:hit", 0),
            "grounding_rate": t.ratio("grounded"),
            "rewritten_rate": t.ratio("rewritten"),
            "questions_per_claim": t.ratio("questions"),
            "claims_per_article": t.counts.get("claims:hit", 0) / n,
            "kept_whole_rate": t.ratio("kept"),
            "rules_added_per_article": (
                t.counts["added:hit"] / n if "added:hit" in t.counts else None
            ),
            "requests_per_article": t.counts.get("requests:hit", 0) / n,
            "cached_per_article": t.counts.get("cached:hit", 0) / n,
            "tokens_per_article": t.counts.get("tokens:hit", 0) / n,
            "seconds_per_article": t.counts.get("seconds:hit", 0) / n,
            "failed_articles": t.counts.get("failed:hit", 0),
        }


def score(gold: GoldArticle, report: Report, seconds: float) -> Score:
    """How one report fares against one gold article."""
    t = Tally()
    claims = report.claims
    quotes = [c for c in claims if c.kind == "quote"]
    for span_, speaker in gold.quotes:
        found = [c for c in quotes if _overlap((c.start, c.end), span_)]
        t.add("quote_recall", bool(found))
        if found:
            t.add("speaker", any(_same_name(c.speaker, speaker) for c in found))
    gold_quote_spans = [s for s, _ in gold.quotes]
    for c in quotes:
        t.add("quote_precision", any(_overlap((c.start, c.end), s) for s in gold_quote_spans))
    for span_, label in gold.figures:
        # A claim giving several figures ("£800m ($1.5bn)") is read for each of them.
        given = [f for c in claims if c.start <= span_[0] and span_[1] <= c.end for f in c.figures]
        given = [f for f in given if _raw_matches(f, gold.text[span_[0] : span_[1]])] or given
        t.add("figure_recall", bool(given))
        if given:
            t.add("figure_value", any(_same_value(f, label) for f in given))
    items = (
        [(s, "quote") for s in gold_quote_spans]
        + [(s, "figure") for s, _ in gold.figures]
        + [(s, "assertion") for s in gold.assertions]
    )
    for span_, kind in items:
        near = [c for c in claims if _overlap((c.start, c.end), span_)]
        if near:
            t.add("kind", any(c.kind == kind for c in near))
    for span_ in gold.assertions:
        t.add("assertion", any(_overlap((c.start, c.end), span_) for c in claims))
    for span_, kind in gold.gaps:
        t.add("gap", gap_found(span_, kind, claims))
    t.add(
        "furniture",
        sum(1 for c in claims if any(s <= c.start and c.end <= e for s, e in gold.not_claims)),
        0,
    )
    for c in claims:
        t.add("grounded", gold.text[c.start : c.end] == c.excerpt)
        # A claim that says more than its excerpt: the speaker named, a pronoun resolved.
        t.add("rewritten", says_more(c.text, c.excerpt))
        t.add("questions", len(c.follow_up_questions))
    t.add("claims", len(claims), 0)
    if report.model_claims is not None:
        # What the model's answer became: its claims kept whole (no field revised on the
        # evidence of the text), and what the rules added beside them.
        kept = sum(1 for c in claims if c.origin == "model" and not c.revised)
        t.add("kept", kept, report.model_claims)
        t.add("added", sum(1 for c in claims if c.origin == "rules"), 0)
    t.add("requests", report.usage.requests, 0)
    # Answers from claimcheck's cache cost no request: a rerun's cost columns say so.
    t.add("cached", report.usage.cache_hits, 0)
    t.add("tokens", report.usage.prompt_tokens + report.usage.completion_tokens, 0)
    t.add("seconds", seconds, 0)
    return Score(gold.name, t)


def gap_found(span_: Span, kind: str, claims: Iterable[Claim]) -> bool:
    """A gap label is found when a claim overlapping its ``near`` span carries that kind."""
    near = [c for c in claims if _overlap((c.start, c.end), span_)]
    return any(g.kind == kind for c in near for g in c.sourcing_gaps)


class Scored(Protocol):
    name: str
    tally: Tally

    def metrics(self) -> dict[str, float | None]: ...


Item = TypeVar("Item")
S = TypeVar("S", bound=Scored)


def score_each(
    items: Iterable[Item],
    name: Callable[[Item], str],
    check: Callable[[Item], Report],
    scored: Callable[[Item, Report, float], S],
    new: Callable[[str, Tally, int], S],
    on_article: Callable[[S], None] | None = None,
) -> tuple[list[S], S]:
    """Each item checked and scored, and the overall score (counts summed, then divided:
    micro averages); ``on_article`` is called with each score as soon as it is known. One
    item the engine could not check costs that item only."""
    scores: list[S] = []
    for item in items:
        started = time.monotonic()
        try:
            report = check(item)
        except ClaimcheckError as error:
            log.warning("%s: %s", name(item), error)
            failed = new(name(item), Tally(), 1)
            failed.tally.add("failed", 1, 0)
            scores.append(failed)
        else:
            scores.append(scored(item, report, time.monotonic() - started))
        if on_article is not None:
            on_article(scores[-1])
    overall = new("overall", Tally(), len(scores))
    for s in scores:
        overall.tally.merge(s.tally)
    return scores, overall


def evaluate(
    checker: Checker,
    gold: Iterable[GoldArticle],
    *,
    on_article: Callable[[Score], None] | None = None,
) -> tuple[list[Score], Score]:
    """Scores per article and overall (counts summed, then divided: micro averages).
    ``on_article`` is called with each article's score as soon as it is known."""
    return score_each(
        gold,
        lambda a: a.name,
        lambda a: checker.check(a.text, source=a.name),
        score,
        Score,
        on_article,
    )


def rows(
    scores: list[S], overall: S, metrics: tuple[str, ...], short: dict[str, str], first: str,
    cell: Callable[[str, float | None], str],
) -> list[str]:  # fmt: skip
    """A plain-text table's lines: a header, a rule, a row per item and the overall row."""
    width = max(len(s.name) for s in [*scores, overall])
    head = first.ljust(width) + " " + " ".join(f"{short[m]:>7}" for m in metrics)
    lines = [head, "-" * len(head)]
    for s in [*scores, overall]:
        values = s.metrics()
        lines.append(s.name.ljust(width) + " " + " ".join(cell(m, values[m]) for m in metrics))
    return lines


def table(scores: list[Score], overall: Score) -> str:
    """A plain-text table, one row per article and an overall row."""
    short = {
        "quote_recall": "q.rec", "quote_precision": "q.prec", "speaker_accuracy": "spkr",
        "figure_recall": "f.rec", "figure_value_accuracy": "f.val", "kind_accuracy": "kind",
        "gap_recall": "gaps", "assertion_recall": "a.rec", "furniture_claims": "furn",
        "grounding_rate": "ground", "rewritten_rate": "rewrit", "questions_per_claim": "q/claim",
        "claims_per_article": "claims", "kept_whole_rate": "kept",
        "rules_added_per_article": "added",
        "requests_per_article": "reqs", "cached_per_article": "cached",
        "tokens_per_article": "tokens",
        "seconds_per_article": "secs", "failed_articles": "failed",
    }  # fmt: skip
    return "\n".join(rows(scores, overall, METRICS, short, "article", _cell))


def as_json(scores: list[Score], overall: Score) -> dict[str, Any]:
    return {
        "overall": overall.metrics(),
        "articles": {s.name: s.metrics() for s in scores},
    }


def _cell(metric: str, value: float | None) -> str:
    if value is None:
        return f"{'-':>7}"
    if metric in (
        "furniture_claims",
        "claims_per_article",
        "rules_added_per_article",
        "requests_per_article",
        "cached_per_article",
        "failed_articles",
    ):
        return f"{value:>7.1f}" if not float(value).is_integer() else f"{int(value):>7}"
    if metric == "questions_per_claim":
        return f"{value:>7.1f}"
    if metric == "tokens_per_article":
        return f"{value:>7.0f}"
    if metric == "seconds_per_article":
        return f"{value:>7.0f}" if value >= 10 else f"{value:>7.2f}"
    return f"{value:>7.0%}"


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_name(found: str | None, wanted: str | None) -> bool:
    def norm(name: str | None) -> str:
        return " ".join((name or "").replace("’", "'").casefold().split())

    return norm(found) == norm(wanted)


def _raw_matches(figure: Figure, raw: str) -> bool:
    return raw.replace(" ", "") in figure.raw.replace(" ", "") or figure.raw in raw


def _same_value(figure: Figure, label: dict[str, Any]) -> bool:
    def close(a: float, b: float | None) -> bool:
        return b is not None and math.isclose(a, float(b), rel_tol=1e-3, abs_tol=1e-9)

    unit = (label.get("unit") or "").casefold()
    return (
        close(figure.low, label.get("low"))
        and close(figure.high, label.get("high"))
        and (figure.unit or "").casefold() == unit
        and (figure.per or None) == (label.get("per") or None)
    )
