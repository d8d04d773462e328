"""What the model is asked to return: the structured-output contract with the LLM.

Kept apart from the report models on purpose: the model gives a sentence number and an excerpt,
and claimcheck itself decides offsets, figure values and what survives.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from claimcheck.models import GAP_KINDS, ClaimKind, GapKind


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ModelGap(_Strict):
    kind: GapKind
    explanation: str


class ModelClaim(_Strict):
    sentence: int | None = Field(description="Number of the sentence the claim comes from.")
    excerpt: str = Field(description="The exact words of the article the claim rests on.")
    kind: ClaimKind
    text: str = Field(description="The claim as one self-contained sentence.")
    speaker: str | None = Field(description="Who makes the claim; null for the article's voice.")
    figure: str | None = Field(description="For figures, the number exactly as written.")
    follow_up_questions: list[str]
    sourcing_gaps: list[ModelGap]

    @model_validator(mode="before")
    @classmethod
    def _lenient(cls, data: Any) -> Any:
        """Small models bend the schema in harmless ways; straighten those, reject the rest."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("kind"), str):
            data["kind"] = data["kind"].strip().lower()
        if isinstance(data.get("figure"), int | float):
            data["figure"] = str(data["figure"])
        for key in ("sentence", "speaker", "figure"):
            data.setdefault(key, None)
        questions = data.get("follow_up_questions")
        if isinstance(questions, str):
            data["follow_up_questions"] = [questions]
        data.setdefault("follow_up_questions", [])
        gaps = data.get("sourcing_gaps")
        data["sourcing_gaps"] = (
            [g for g in gaps if isinstance(g, dict) and g.get("kind") in GAP_KINDS]
            if isinstance(gaps, list)
            else []
        )
        return data


class Extraction(_Strict):
    claims: list[ModelClaim]


def salvage(data: Any) -> list[ModelClaim]:
    """The complete, valid claims in a partly parsed answer (cut off, or partly malformed)."""
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    claims = []
    for item in items:
        try:
            claims.append(ModelClaim.model_validate(item))
        except ValidationError:
            continue
    return claims
