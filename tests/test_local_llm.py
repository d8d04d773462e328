"""Against a real model (opt in: pytest -m local_llm --local-llm http://127.0.0.1:18080/v1).

Start one with ``../shared/tools/local-llm start qwen`` (or ``smol``). Slow: minutes per article.
"""

from __future__ import annotations

import time

import pytest
from conftest import read_article

import claimcheck
from claimcheck.structure import Article

pytestmark = pytest.mark.local_llm


def test_example_article_ends_with_a_consistent_report(local_llm_url: str) -> None:
    text = read_article("ukraine-troops.txt")
    started = time.monotonic()
    with claimcheck.Checker(
        engine="openai", base_url=local_llm_url, model="local", api_key="unused", timeout=600
    ) as checker:
        report = checker.check(text)
    seconds = time.monotonic() - started
    article = Article(text)
    for c in report.claims:
        assert text[c.start : c.end] == c.excerpt
        assert not article.is_furniture(c.start, c.end)
    rules = claimcheck.check(text, engine="rules")
    rule_quotes = {(c.start, c.end) for c in rules.claims if c.kind == "quote"}
    assert rule_quotes <= {(c.start, c.end) for c in report.claims if c.kind == "quote"}
    print(
        f"\n{report.usage.requests} requests, {seconds:.0f} s, {len(report.claims)} claims, "
        f"{len(report.warnings)} warnings"
    )


def test_openai_engine_scores_at_least_as_well_as_rules_on_gold(local_llm_url: str) -> None:
    """Quotes, speakers and figures: with the deterministic layer checking it, any model."""
    from pathlib import Path

    from claimcheck.evaluation import evaluate, load_gold

    gold = [g for g in load_gold(Path(__file__).parent / "gold") if g.name == "ukraine-troops"]
    with claimcheck.Checker(engine="rules") as rules:
        _, baseline = evaluate(rules, gold)
    with claimcheck.Checker(
        engine="openai", base_url=local_llm_url, model="local", api_key="unused", timeout=1500
    ) as checker:
        _, scored = evaluate(checker, gold)
    ours, theirs = scored.metrics(), baseline.metrics()
    for metric in (
        "quote_recall",
        "speaker_accuracy",
        "figure_recall",
        "figure_value_accuracy",
        "assertion_recall",
    ):
        assert (ours[metric] or 0) >= (theirs[metric] or 0), metric
    assert ours["grounding_rate"] == 1.0
