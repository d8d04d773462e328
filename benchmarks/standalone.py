"""Do the offline engine's claims stand alone, and are their questions worth asking?

    python benchmarks/standalone.py                 # this checkout
    python benchmarks/standalone.py --against REV   # this checkout and a commit, side by side

Over the example articles with the rules engine, prints: claims; texts that open with a pronoun
("He", "It", "They", "This" …, outside quotation marks), of them those the report flags with an
unclear_scope gap; questions and distinct question texts; questions repeated within an article;
claims with no question, and quote or figure claims with none.

With ``--against``, the commit is taken out of git into a temporary folder and measured in a
process of its own, importing only its own claimcheck.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from compare_commits import unpack  # a sibling script: git archive into a folder

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
_PRONOUN = re.compile(r"^(?:He|She|It|They|We|I|His|Her|Its|Their|This|These|Those|That|Them)\b")


def measure() -> dict[str, int]:
    import claimcheck

    seen: Counter[str] = Counter()
    texts: set[str] = set()
    for path in sorted(ARTICLES.glob("*.txt")):
        claims = claimcheck.check(path.read_text(encoding="utf-8"), engine="rules").claims
        asked = Counter(q for c in claims for q in c.follow_up_questions)
        seen["repeated within an article"] += sum(n - 1 for n in asked.values() if n > 1)
        for claim in claims:
            seen["claims"] += 1
            if _PRONOUN.match(claim.text):
                seen["open with a pronoun"] += 1
                if any(g.kind == "unclear_scope" for g in claim.sourcing_gaps):
                    seen["  of them flagged"] += 1
            seen["questions"] += len(claim.follow_up_questions)
            texts.update(claim.follow_up_questions)
            if not claim.follow_up_questions:
                seen["claims with no question"] += 1
                seen["quote or figure claims with none"] += claim.kind != "assertion"
    seen["distinct questions"] = len(texts)
    return dict(seen)


def measured_in(tree: Path) -> dict[str, int]:
    code = (
        f"import sys, json; sys.path.insert(0, {str(tree)!r}); import claimcheck; "
        f"assert claimcheck.__file__.startswith({str(tree)!r}), claimcheck.__file__; "
        f"sys.path.insert(1, {str(ROOT / 'benchmarks')!r}); import standalone; "
        "print(json.dumps(standalone.measure()))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    result: dict[str, int] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


ROWS = (
    "claims",
    "open with a pronoun",
    "  of them flagged",
    "questions",
    "distinct questions",
    "repeated within an article",
    "claims with no question",
    "quote or figure claims with none",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="a commit to measure beside this one")
    args = parser.parse_args()
    columns = {"this checkout": measured_in(ROOT)}
    if args.against:
        with tempfile.TemporaryDirectory(prefix="claimcheck-standalone-") as tmp:
            columns[args.against] = measured_in(unpack(args.against, Path(tmp) / "tree"))
    print(f"{'':34}" + "".join(f"{label:>16}" for label in columns))
    for row in ROWS:
        print(f"{row:34}" + "".join(f"{m.get(row, 0):>16,}" for m in columns.values()))


if __name__ == "__main__":
    main()
