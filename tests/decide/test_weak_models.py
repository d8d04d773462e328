"""The protection against weak models stays: a model that only copies the article's sentences,
or rewrites each one without reading it, scores no lower than the rules engine on any gold
article. Around claims that make no reading of their own, the rules fill as they would with
no model at all."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from stub_openai import Reply, StubOpenAI, chat_completion

import claimcheck
from claimcheck.evaluation import load_gold, score

GOLD = Path(__file__).resolve().parents[1] / "gold"
HIGHER_IS_BETTER = (
    "quote_recall",
    "quote_precision",
    "speaker_accuracy",
    "figure_recall",
    "figure_value_accuracy",
    "kind_accuracy",
    "assertion_recall",
)

Claims = list[dict[str, Any]]


def sentences(body: dict[str, Any]) -> list[tuple[int, str]]:
    user = body["messages"][-1]["content"]
    if "<items>" in user:
        return []  # the audit: a weak model finds nothing more
    numbered = user.split("<article>")[-1]
    return [(int(n), s) for n, s in re.findall(r"^\[(\d+)\] (.*)$", numbered, re.M)]


def claim(n: int, sentence: str, text: str) -> dict[str, Any]:
    return {
        "sentence": n, "excerpt": sentence, "kind": "assertion", "text": text,
        "speaker": None, "figure": None, "follow_up_questions": [], "sourcing_gaps": [],
    }  # fmt: skip


def copies(shown: list[tuple[int, str]]) -> Claims:
    return [claim(n, s, s) for n, s in shown]


def rewrites(shown: list[tuple[int, str]]) -> Claims:
    return [claim(n, s, f"The article reports that {s}") for n, s in shown]


STAND_INS: dict[str, Callable[[list[tuple[int, str]]], Claims]] = {
    "copies every sentence as an assertion": copies,
    "rewrites every sentence with no speaker": rewrites,
}


@pytest.fixture(scope="module")
def rules_scores() -> dict[str, dict[str, Any]]:
    return {
        g.name: score(g, claimcheck.check(g.text, engine="rules"), 0).metrics()
        for g in load_gold(GOLD)
    }


@pytest.mark.parametrize("stand_in", list(STAND_INS))
def test_a_weak_model_scores_no_lower_than_the_rules_on_any_gold_article(
    stand_in: str, rules_scores: dict[str, dict[str, Any]]
) -> None:
    answer = STAND_INS[stand_in]

    def reply(body: dict[str, Any]) -> Reply:
        return Reply(json=chat_completion(json.dumps({"claims": answer(sentences(body))})))

    worse = []
    with (
        StubOpenAI(reply) as server,
        claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="weak", api_key="sk-test", cache=False
        ) as checker,
    ):
        for gold in load_gold(GOLD):
            ours = score(gold, checker.check(gold.text), 0).metrics()
            theirs = rules_scores[gold.name]
            for metric in HIGHER_IS_BETTER:
                if theirs[metric] is not None and (ours[metric] or 0) < theirs[metric] - 1e-9:
                    worse.append(f"{gold.name} {metric}: {theirs[metric]:.2f} -> {ours[metric]}")
            if ours["furniture_claims"] > theirs["furniture_claims"]:
                worse.append(f"{gold.name} furniture_claims")
    assert worse == []
