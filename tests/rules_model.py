"""A stand-in model that answers with the rules engine's claims on the sentences it is shown,
for tests that need a model's answers to be plentiful and the same every time.

    with StubOpenAI(answer) as server: ...
"""

from __future__ import annotations

import functools
import json
from typing import Any

from conftest import all_articles
from stub_openai import Reply, chat_completion

import claimcheck


@functools.cache
def every_claim() -> list[dict[str, Any]]:
    """The rules' claims of every example article, in the model's answer schema."""
    return [
        {
            "sentence": None,
            "excerpt": c.excerpt,
            "kind": c.kind,
            "text": c.text,
            "speaker": c.speaker,
            "figure": c.figure.raw if c.figure else None,
            "follow_up_questions": [],
            "sourcing_gaps": [],
        }
        for path in all_articles()
        for c in claimcheck.check(path.read_text(encoding="utf-8"), engine="rules").claims
    ]


def claims_in(shown: str) -> list[dict[str, Any]]:
    return [c for c in every_claim() if c["excerpt"] in shown]


def answer(body: dict[str, Any]) -> Reply:
    """The claims whose excerpt is in the request's last message."""
    claims = claims_in(body["messages"][-1]["content"])
    return Reply(json=chat_completion(json.dumps({"claims": claims})))
