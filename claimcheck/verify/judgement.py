"""An assertion judged by the model against its best passages, which it must cite.

The model sees the claim and the few passages the index ranked best for it, never whole
sources. A verdict that cites a passage it was not shown is not used; one that cites none is
``not_enough_info``. Answers are cached and retried as extraction's are (``claimcheck.ask.llm``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from claimcheck.ask.llm import LLM, Message
from claimcheck.ask.prompts import fenced, load
from claimcheck.models import Evidence, Usage

JudgedVerdict = Literal["supported", "contradicted", "not_enough_info"]


class Judgement(BaseModel):
    """The model's answer: its verdict and the passages it rests on."""

    verdict: JudgedVerdict
    passages: list[int] = Field(description="The numbers of the passages the verdict rests on.")
    reason: str = Field(description="One sentence: what in those passages decides it.")


async def judged(llm: LLM, claim: str, evidence: Evidence) -> tuple[Evidence, Usage, str | None]:
    """The evidence with the model's verdict and only the passages it cited; a warning when
    its answer could not be used."""
    if not evidence.passages:
        return evidence.model_copy(update={"verdict": "not_enough_info"}), Usage(), None
    answer, usage = await llm.judge(messages(claim, evidence), Judgement)
    if answer is None:
        return evidence, usage, f"the model's judgement of “{claim[:60]}” was not valid JSON"
    shown = range(1, len(evidence.passages) + 1)
    if any(n not in shown for n in answer.passages):
        return evidence, usage, f"the model cited passages it was not shown for “{claim[:60]}”"
    cited = [evidence.passages[n - 1] for n in dict.fromkeys(answer.passages)]
    verdict = answer.verdict if cited else "not_enough_info"
    kept = cited or evidence.passages
    reason = answer.reason.strip() or None if cited else None
    update = {"verdict": verdict, "passages": kept, "reason": reason}
    return evidence.model_copy(update=update), usage, None


def messages(claim: str, evidence: Evidence) -> list[Message]:
    numbered = "\n".join(f"[{n}] {_fence(p.text)}" for n, p in enumerate(evidence.passages, 1))
    return [
        {"role": "system", "content": load("judge").text},
        {
            "role": "user",
            "content": f"<claim>\n{_fence(claim)}\n</claim>\n<passages>\n{numbered}\n</passages>",
        },
    ]


def _fence(text: str) -> str:
    """Text cannot open or close the fences it is shown in, whatever its case and spacing."""
    return fenced(text, "claim", "passages")
