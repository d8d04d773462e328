"""The offline engine's scores on the gold set never drop below the recorded floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck.evaluation import evaluate, load_gold

GOLD = Path(__file__).resolve().parent / "gold"
LIMITS = json.loads((GOLD.parent / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def overall() -> dict[str, float | None]:
    with claimcheck.Checker(engine="rules") as checker:
        _, total = evaluate(checker, load_gold(GOLD))
    return total.metrics()


@pytest.mark.parametrize("metric", sorted(LIMITS["floors"]))
def test_rules_engine_stays_above_its_floor(overall: dict[str, float | None], metric: str) -> None:
    value = overall[metric]
    assert value is not None and value >= LIMITS["floors"][metric], (
        f"{metric} fell to {value:.3f}, below the floor {LIMITS['floors'][metric]}"
    )


@pytest.mark.parametrize("metric", sorted(LIMITS["ceilings"]))
def test_rules_engine_stays_under_its_ceiling(
    overall: dict[str, float | None], metric: str
) -> None:
    value = overall[metric]
    assert value is not None and value <= LIMITS["ceilings"][metric]


def test_the_gold_set_has_at_least_twelve_labelled_articles() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 12
    assert sum(len(g.quotes) for g in gold) >= 50 and sum(len(g.figures) for g in gold) >= 50


def test_eval_command_prints_every_metric_as_json() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck.cli", "eval", str(GOLD), "--engine", "rules", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    from claimcheck.evaluation import METRICS

    assert set(METRICS) <= set(data["overall"])
    assert len(data["articles"]) >= 12


def test_rewritten_claims_and_questions_are_counted() -> None:
    """What a model adds over copying sentences: claim text that says more than its excerpt."""
    from claimcheck.evaluation import GoldArticle, score
    from claimcheck.models import Report, Usage

    text = "He said the plan would work. Prices rose."
    gold = GoldArticle("t", text, [], [], [], [], [])

    said = "Mr Smith said the plan would work."
    report = Report(
        engine="openai",
        claims=[
            _claim(text, "He said the plan would work.", text=said, follow_up_questions=["a", "b"]),
            _claim(text, "Prices rose.", text="prices rose"),
        ],
        usage=Usage(),
    )
    metrics = score(gold, report, 0.0).metrics()
    assert metrics["rewritten_rate"] == 0.5
    assert metrics["questions_per_claim"] == 1.0


def test_the_share_of_the_models_claims_kept_whole_and_the_rules_additions_are_counted() -> None:
    """Of four claims the model gave, one was dropped, one revised, two kept whole; the rules
    added one beside them. The rules engine has no model answer to keep."""
    from claimcheck.evaluation import GoldArticle, score
    from claimcheck.models import Report

    text = "He said the plan would work. Prices rose. Wages fell. Rents doubled."
    gold = GoldArticle("t", text, [], [], [], [], [])

    claims = [
        _claim(text, "He said the plan would work.", origin="model"),
        _claim(text, "Prices rose.", origin="model", revised=["speaker"]),
        _claim(text, "Wages fell.", origin="model"),
        _claim(text, "Rents doubled.", origin="rules"),
    ]
    metrics = score(gold, Report(engine="openai", claims=claims, model_claims=4), 0).metrics()
    assert (metrics["kept_whole_rate"], metrics["rules_added_per_article"]) == (0.5, 1)
    rules = score(gold, Report(engine="rules", claims=claims), 0).metrics()
    assert (rules["kept_whole_rate"], rules["rules_added_per_article"]) == (None, None)


def _claim(article: str, excerpt: str, **fields: Any) -> Any:
    """An assertion over ``excerpt`` of ``article``, its text the excerpt unless given."""
    from claimcheck.models import Claim

    start = article.index(excerpt)
    fields.setdefault("text", excerpt)
    return Claim(
        id="c1", kind="assertion", excerpt=excerpt, start=start, end=start + len(excerpt), **fields
    )
