"""`claimcheck eval --verify DIR`: verify's verdicts scored against hand-labelled cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main

ARTICLE = (
    "Leaders met on Monday.\n\n"
    "“We will give them very good protection,” Donald Trump said.\n\n"
    "“I am just trying to stop people from being killed,” Trump said.\n\n"
    "The Treasury said the scheme would cost £1.2bn over five years.\n\n"
    "The minister said the plan had been agreed by every member of the cabinet.\n"
)
SOURCE = (
    "TRUMP: We will give them very strong protection, very good security.\n\n"
    "TRUMP: I am just trying to stop people from being killed, I really am.\n\n"
    "The scheme will cost £1,200m over five years, the Treasury's statement said.\n"
)


def case(folder: Path, labels: dict[str, object]) -> Path:
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "transcript.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.json").write_text(
        json.dumps({"article": "a.txt", "sources": "sources", **labels}), encoding="utf-8"
    )
    return folder


RIGHT = {
    "quotes": [
        {
            "text": "We will give them very good protection",
            "verdict": "altered",
            "source": "transcript.txt",
            "passage": "We will give them very strong protection",
        },
        {
            "text": "I am just trying to stop people from being killed",
            "verdict": "verbatim",
            "source": "transcript.txt",
            "passage": "I am just trying to stop people from being killed",
        },
    ],
    "figures": [
        {
            "raw": "£1.2bn",
            "verdict": "same",
            "source": "transcript.txt",
            "passage": "£1,200m",
        }
    ],
    "assertions": [
        {"text": "the plan had been agreed by every member of the cabinet", "verdict": "supported"}
    ],
}


def scores(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, float | None]:
    assert main(["eval", "--verify", str(folder), "--engine", "rules", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["overall"]  # type: ignore[no-any-return]


def test_right_verdicts_and_passages_score_full_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = scores(case(tmp_path, RIGHT), capsys)
    assert got["quote_verdicts"] == 1.0
    assert got["figure_verdicts"] == 1.0
    assert got["passages_found"] == 1.0
    assert got["claims_found"] == 1.0
    # Offline an assertion is unchecked: no verdict to score, and it is said so.
    assert got["assertion_verdicts"] is None
    assert got["assertions_unchecked"] == 1.0
    assert got["verdicts"]["quote.altered"] == {"altered": 1}


def test_a_wrong_verdict_or_a_passage_elsewhere_is_counted_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = json.loads(json.dumps(RIGHT))
    wrong["quotes"][0]["verdict"] = "verbatim"  # the source says "strong", not "good"
    wrong["figures"][0]["verdict"] = "different"
    wrong["figures"][0]["passage"] = "very good security"  # not where the source gives it
    got = scores(case(tmp_path, wrong), capsys)
    assert got["quote_verdicts"] == 0.5
    assert got["figure_verdicts"] == 0.0
    assert got["passages_found"] == 2 / 3
    assert got["verdicts"]["quote.verbatim"] == {"altered": 1, "verbatim": 1}


def test_a_label_no_claim_is_over_counts_as_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = {"quotes": [{"text": "Leaders met on Monday", "verdict": "not_found"}]}
    got = scores(case(tmp_path, labels), capsys)
    assert got["quote_verdicts"] == 0.0
    assert got["claims_found"] == 0.0
    assert got["verdicts"]["quote.not_found"] == {"missing": 1}


@pytest.mark.parametrize(
    ("labels", "says"),
    [
        ({"quotes": [{"text": "not in the article", "verdict": "verbatim"}]}, "not in the article"),
        ({"quotes": [{"text": "Leaders met", "verdict": "true"}]}, "one of verbatim"),
        (
            {"figures": [{"raw": "£1.2bn", "verdict": "same", "source": "x", "passage": "y"}]},
            "names no readable source file",
        ),
    ],
)
def test_a_broken_label_is_a_one_line_error_that_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], labels: dict[str, object], says: str
) -> None:
    assert main(["eval", "--verify", str(case(tmp_path, labels)), "--engine", "rules"]) == 3
    err = capsys.readouterr().err
    assert says in err and "a.json" in err and "Traceback" not in err


def test_eval_needs_gold_or_verify_not_both(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--engine", "rules"]) == 2
    assert "--verify DIR" in capsys.readouterr().err
