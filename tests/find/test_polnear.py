"""Quotes and speakers on PolNeAR's dev split, news the rules were not tuned on, scored by the
corpus's own scorer (see benchmarks/polnear.py). Skipped where the team's copy is absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import claimcheck

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "polnear"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(
    not (POLNEAR / "dev").is_dir() or not (POLNEAR / "score.py").is_file(),
    reason=f"PolNeAR's dev split and score.py are not at {POLNEAR} (see benchmarks/polnear.py)",
)


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "polnear_bench", ROOT / "benchmarks" / "polnear.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["polnear_bench"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory: pytest.TempPathFactory) -> Any:
    bench = _benchmark()
    reports = tmp_path_factory.mktemp("polnear-dev")
    with claimcheck.Checker(engine="rules") as checker:
        bench.check_split(checker, POLNEAR / "dev", reports)
    return bench.score(POLNEAR, POLNEAR / "dev", reports)


@pytest.mark.parametrize("figure", ["quote_recall", "named_speaker", "reported_speaker"])
def test_rules_engine_on_polnear_dev_stays_above_its_floor(dev_scores: Any, figure: str) -> None:
    floor = FLOORS["polnear_dev"]["floors"][figure]
    value = getattr(dev_scores, figure)
    assert value >= floor, f"PolNeAR dev {figure} fell to {value:.3f}, below {floor}"


def test_rules_engine_on_polnear_dev_makes_few_false_quotes(dev_scores: Any) -> None:
    ceiling = FLOORS["polnear_dev"]["ceilings"]["extra_quotes"]
    assert dev_scores.extra_quotes <= ceiling
