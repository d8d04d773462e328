"""From drafts to claims: restatements of one span become one claim."""

from __future__ import annotations

import pytest

from claimcheck.decide.claims import finish
from claimcheck.find.drafts import Draft, as_sentence
from claimcheck.models import Figure
from claimcheck.read.structure import Article

TEXT = (
    "More than 90% of the airline's staff are based in Australia. "
    "Early this year, Qantas increased the number of flight attendants in London from 370 to 870."
)
FIRST = TEXT.index("More")
FIRST_END = TEXT.index("Australia.") + len("Australia.")
SECOND = TEXT.index("Early")


def figure(raw: str, start: int = FIRST, end: int = FIRST_END) -> Draft:
    value = float(raw.strip("%").split()[-1].replace(",", ""))
    return Draft(
        kind="figure",
        start=start,
        end=end,
        text=TEXT[start:end],
        figure=Figure(raw=raw, low=value, high=value, unit=None),
    )


def assertion(text: str, start: int = FIRST, end: int = FIRST_END, **extra: object) -> Draft:
    return Draft(kind="assertion", start=start, end=end, text=text, **extra)  # type: ignore[arg-type]


def test_a_copy_and_a_rewrite_of_a_figure_sentence_become_the_figure_claim() -> None:
    claims = finish(
        Article(TEXT),
        [
            figure("More than 90%"),
            assertion(TEXT[FIRST:FIRST_END], questions=["Who counted the 90%?"]),
            # The model's excerpt left out the full stop: still the same span.
            assertion("More than 90% of Qantas' staff are based in Australia.", end=FIRST_END - 1),
        ],
    )
    first = [c for c in claims if c.start < FIRST_END]
    assert [(c.kind, c.text) for c in first] == [
        ("figure", "More than 90% of Qantas' staff are based in Australia.")
    ]
    assert "Who counted the 90%?" in first[0].follow_up_questions


def test_a_rewrite_that_drops_the_number_stays_a_claim_of_its_own() -> None:
    end = len(TEXT)
    claims = finish(
        Article(TEXT),
        [
            figure("370", SECOND, end),
            figure("870", SECOND, end),
            assertion("Qantas hired more flight attendants in London.", SECOND, end),
        ],
    )
    second = [(c.kind, c.text) for c in claims if c.start >= SECOND]
    assert ("assertion", "Qantas hired more flight attendants in London.") in second
    # The two figures share one span and text: one claim gives both (issue 23).
    (both,) = [c for c in claims if c.start >= SECOND and c.kind == "figure"]
    assert [f.raw for f in both.figures] == ["370", "870"] and both.figure == both.figures[0]


def test_a_rewrite_naming_every_figure_speaks_for_all_of_them() -> None:
    end = len(TEXT)
    rewrite = "Qantas raised its London flight attendants from 370 to 870 early this year."
    claims = finish(
        Article(TEXT),
        [figure("370", SECOND, end), figure("870", SECOND, end), assertion(rewrite, SECOND, end)],
    )
    second = [(c.kind, c.text, [f.raw for f in c.figures]) for c in claims if c.start >= SECOND]
    assert second == [("figure", rewrite, ["370", "870"])]


def test_claims_on_different_spans_are_left_alone() -> None:
    drafts = [
        assertion("More than 90% of staff are in Australia."),
        assertion("Qantas added flight attendants.", SECOND, len(TEXT)),
    ]
    assert len(finish(Article(TEXT), drafts)) == 2


@pytest.mark.parametrize(
    ("raw", "sentence"),
    [
        ("prices rose", "Prices rose."),
        ("prices rose,", "Prices rose."),
        ('she was told: "you are a woman.",', 'She was told: "you are a woman."'),
        ("“It takes two,” he said", "“It takes two,” he said."),
        ("Is it?", "Is it?"),
    ],
)  # fmt: skip
def test_claim_text_ends_as_one_sentence(raw: str, sentence: str) -> None:
    assert as_sentence(raw) == sentence
