"""Against a real model (opt in: pytest -m local_llm --local-llm=http://127.0.0.1:18080/v1).

Start one with ``../shared/tools/local-llm start qwen`` (or ``smol``). Slow: minutes per
article, about two hours for the gold set with Qwen 1.5B on two cores.
``--local-llm-cache=$HOME/.cache/claimcheck`` reuses the answers a ``claimcheck eval`` run
against the same server and model has cached, and ``--local-llm-model`` picks the model
(default: the server's first). Write the options with ``=``: a folder given as a separate word
is taken for a test path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import assert_pinned, read_article

import claimcheck
from claimcheck.evaluation import evaluate, load_gold

pytestmark = pytest.mark.local_llm

GOLD = Path(__file__).parent / "gold"


def test_example_article_ends_with_a_consistent_report(local_llm: dict[str, Any]) -> None:
    text = read_article("ukraine-troops.txt")
    with claimcheck.Checker(**local_llm) as checker:
        report = checker.check(text)
    assert_pinned(text, report)
    # Every quotation the rules find is some quote claim's; a quote whose text the model wrote
    # may rest on its frame too, so spans need only overlap.
    rules = claimcheck.check(text, engine="rules")
    quotes = [(c.start, c.end) for c in report.claims if c.kind == "quote"]
    for q in (c for c in rules.claims if c.kind == "quote"):
        assert any(s < q.end and q.start < e for s, e in quotes), q.excerpt


def test_openai_engine_scores_at_least_as_well_as_rules_on_the_gold_set(
    local_llm: dict[str, Any],
) -> None:
    """Quotes, speakers and figures: with the deterministic layer checking it, any model; and
    it adds what only a model can, claim text that says more than the excerpt."""
    gold = load_gold(GOLD)
    with claimcheck.Checker(engine="rules") as rules:
        _, baseline = evaluate(rules, gold)
    with claimcheck.Checker(**local_llm) as checker:
        _, scored = evaluate(checker, gold)
    ours, theirs = scored.metrics(), baseline.metrics()
    assert ours["failed_articles"] == 0
    for metric in (
        "quote_recall",
        "quote_precision",
        "speaker_accuracy",
        "figure_recall",
        "figure_value_accuracy",
        "assertion_recall",
    ):
        assert (ours[metric] or 0) >= (theirs[metric] or 0), metric
    assert ours["grounding_rate"] == 1.0 and ours["furniture_claims"] == 0
    assert (ours["rewritten_rate"] or 0) >= (theirs["rewritten_rate"] or 0)
