"""Quotes and speakers on PolNeAR, news this project was never tuned on, scored by its own scorer.

    python benchmarks/polnear.py [--split dev|train] [--engine rules|openai] [--model M]
                                 [--base-url URL] [--polnear DIR] [--out DIR] [--show N]

PolNeAR (networkdynamics/PolNeAR) is US political news whose attributions were labelled by the
corpus authors. The team keeps a converted copy with its scorer in ``../shared/polnear`` (see its
README); ``--polnear`` points elsewhere. Each article's report is written as JSON to ``--out``
(a temporary folder by default), then ``score.py`` from that folder scores them, exactly as
``python score.py SPLIT REPORTS`` would. Prints the scorer's line, the fragment share of the
claims, and the time per article and words per second of this run.

Find failures in ``train``; measure on ``dev``, and read dev's articles as little as you can.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "polnear"


@dataclass(frozen=True)
class Scores:
    """What ``score.py`` prints, as numbers."""

    quote_recall: float
    named_speaker: float
    reported_speaker: float
    extra_quotes: int
    missing_reports: int
    line: str


def load_scorer(polnear: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("polnear_score", polnear / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {polnear}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(polnear: Path, split: Path, reports: Path, show: int = 0) -> Scores:
    """Run the corpus's own ``score.py`` on the reports and read back the figures it prints."""
    scorer = load_scorer(polnear)
    argv = ["score.py", str(split), str(reports)] + (["--show", str(show)] if show else [])
    out = io.StringIO()
    saved = sys.argv
    try:
        sys.argv = argv
        with contextlib.redirect_stdout(out):
            scorer.main()
    finally:
        sys.argv = saved
    printed = out.getvalue()
    line = printed.strip().splitlines()[-1]
    ratios = [float(x) for x in re.findall(r"(\d\.\d{3}) \(", line)]
    counts = re.search(r"(\d+) quote claims outside direct attributions, (\d+) reports", line)
    if len(ratios) != 3 or counts is None:
        raise SystemExit(f"score.py printed something this script cannot read:\n{printed}")
    if show:
        print("\n".join(printed.strip().splitlines()[:-1]))
    return Scores(ratios[0], ratios[1], ratios[2], int(counts[1]), int(counts[2]), line)


def check_split(checker: claimcheck.Checker, split: Path, out: Path) -> tuple[int, int, float]:
    """Write one report per article; (articles, words, seconds spent checking)."""
    out.mkdir(parents=True, exist_ok=True)
    articles = words = 0
    seconds = 0.0
    for path in sorted(split.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        report = checker.check(text, source=path.name)
        seconds += time.perf_counter() - started
        (out / f"{path.stem}.json").write_text(report.model_dump_json(), encoding="utf-8")
        articles += 1
        words += len(text.split())
    return articles, words, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", help="dev (default) or train")
    parser.add_argument("--engine", default="rules", choices=["rules", "openai"])
    parser.add_argument("--model")
    parser.add_argument("--base-url")
    parser.add_argument("--timeout", type=float)
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--out", type=Path, help="keep the reports here (default: a temp dir)")
    parser.add_argument("--show", type=int, default=0, help="print the first N misses")
    args = parser.parse_args(argv)

    split = args.polnear / args.split
    if not split.is_dir():
        print(f"no PolNeAR split at {split}: pass --polnear DIR (see its README)", file=sys.stderr)
        return 2
    options: dict[str, object] = {"engine": args.engine}
    if args.model:
        options["model"] = args.model
    if args.base_url:
        options["base_url"] = args.base_url
    if args.timeout:
        options["timeout"] = args.timeout
    with contextlib.ExitStack() as stack:
        out = args.out or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        with claimcheck.Checker(**options) as checker:  # type: ignore[arg-type]
            articles, words, seconds = check_split(checker, split, out)
        scores = score(args.polnear, split, out, args.show)
    print(f"PolNeAR {args.split}, {args.engine} engine, {articles} articles:")
    print(f"  {scores.line}")
    print(
        f"  {seconds / max(articles, 1) * 1000:.1f} ms per article, "
        f"{words / max(seconds, 1e-9):,.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
