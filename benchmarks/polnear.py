"""Quotes and speakers on PolNeAR, news this project was never tuned on, scored by its own scorer.

    python benchmarks/polnear.py [--split dev|train] [--engine rules|openai] [--model M]
                                 [--base-url URL] [--polnear DIR] [--out DIR] [--show N]

PolNeAR (networkdynamics/PolNeAR) is US political news whose attributions were labelled by the
corpus authors. The team keeps a converted copy with its scorer in ``../shared/polnear`` (see its
README); ``--polnear`` points elsewhere. Each article's report is written as JSON to ``--out``
(a temporary folder by default), then ``score.py`` from that folder scores them, exactly as
``python score.py SPLIT REPORTS`` would. Prints the scorer's line, what the scorer cannot count
right whatever the engine does (see ``scorer_blind_spots``), and the time per article and words
per second of this run.

Find failures in ``train``; measure on ``dev``, and read dev's articles as little as you can.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
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


def scorer_blind_spots(polnear: Path, split: Path, reports: Path) -> str:
    """What ``score.py`` counts wrong whatever the engine does, measured on the same reports.

    - Named sources whose name it reads as a party label, a particle, a possessive or a title:
      its name pattern is not anchored to words, so "officials" yields "al" and "aides" yields
      "de"; "Sen. Bernie Sanders (I-Vt.)" yields "I-Vt."; "Trump's opponents" yields "Trump's"
      (it strips "'s" from speakers only); "Secretary of State John Kerry" yields "Secretary".
      No speaker can share a word with those.
    - Quote claims on quotations written with two apostrophes (''…'', the New York Times'
      archive): the corpus labels them as attributions but not as "direct", since its
      conversion did not take '' for a quotation mark, so every one counts as a false quote.
    """
    scorer = load_scorer(polnear)
    blind_direct = blind_reported = found_direct = found_reported = ok_direct = ok_reported = 0
    apostrophes = 0
    for gold_path in sorted(split.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report = reports / gold_path.name
        if not report.exists():
            continue
        claims = json.loads(report.read_text(encoding="utf-8"))["claims"]
        quotes = [c for c in claims if c.get("kind") == "quote"]
        direct = [a for a in gold["attributions"] if a["direct"]]
        for a in gold["attributions"]:
            name = scorer.head_name((a.get("source") or {}).get("text"))
            if not name:
                continue
            if a["direct"]:
                hits = [q for q in quotes if scorer.overlaps(q, a["content"])]
            elif scorer.SAYING.search((a.get("cue") or {}).get("text") or ""):
                hits = [c for c in claims if scorer.overlaps(c, a["content"])]
            else:
                continue
            if not hits:
                continue
            blind = _unmatchable(name)
            ok = any(scorer.names_match(c.get("speaker"), name) for c in hits)
            if a["direct"]:
                blind_direct += blind
                found_direct += not blind
                ok_direct += ok and not blind
            else:
                blind_reported += blind
                found_reported += not blind
                ok_reported += ok and not blind
        for q in quotes:
            if any(scorer.overlaps(q, a["content"]) for a in direct):
                continue
            apostrophes += any(
                "''" in a["content_text"] and scorer.overlaps(q, a["content"])
                for a in gold["attributions"]
            )
    return (
        f"scorer blind spots: {blind_direct} direct and {blind_reported} reported-speech named "
        f"sources no speaker can match; without them, named speaker "
        f"{ok_direct / max(found_direct, 1):.3f}, reported-speech speaker "
        f"{ok_reported / max(found_reported, 1):.3f}; {apostrophes} of the quote claims outside "
        f"direct attributions are on ''-quoted attributions"
    )


def _unmatchable(name: str) -> bool:
    """A name no speaker can share a word with, as ``score.py`` reads names: a particle found
    inside a word, a party label, a possessive (it strips "’s" from speakers, not from names),
    or titles alone ("Secretary of State John Kerry" is cut at " of ")."""
    if name in ("de", "van", "von", "al", "bin") or re.search(r"[’']s$", name):
        return True
    if re.fullmatch(r"[DRI]-[\w.]+\)?|\(?[DRI]\)?|[A-Z][a-z]{1,3}\.\)?", name):
        return True
    return all(w.lower().strip(".") in _TITLE_WORDS for w in name.split())


_TITLE_WORDS = frozenset(
    """speaker secretary president senator sen rep gov governor chairman chairwoman chair
    director leader minister mayor judge justice general attorney commissioner chief""".split()
)


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
        blind = scorer_blind_spots(args.polnear, split, out)
    print(f"PolNeAR {args.split}, {args.engine} engine, {articles} articles:")
    print(f"  {scores.line}")
    print(f"  {blind}")
    print(
        f"  {seconds / max(articles, 1) * 1000:.1f} ms per article, "
        f"{words / max(seconds, 1e-9):,.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
