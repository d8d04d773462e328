"""Sourcing-gap recall of the rules engine on PolNeAR train articles nobody tuned gaps on.

    python benchmarks/gap_labels.py            # recall per kind, overall, and gaps given
    python benchmarks/gap_labels.py --misses   # and each label the engine missed
    python benchmarks/gap_labels.py --labels benchmarks/gap-labels-heldout   # another folder

The labels are ``benchmarks/gap-labels/*.json`` unless ``--labels`` names another folder (see
each folder's README), written from the articles' text before the engine ran on them; the
articles are read from ``$POLNEAR_TRAIN`` (default /work/shared/polnear/train). A label is
found as ``claimcheck eval`` finds one (``claimcheck.evaluation.gap_found``): a claim
overlapping its ``near`` carries that kind.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

import claimcheck
from claimcheck.evaluation import GoldArticle, gap_found, load_labels

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "gap-labels"
POLNEAR_TRAIN = Path(os.environ.get("POLNEAR_TRAIN", "/work/shared/polnear/train"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="print each missed label")
    parser.add_argument(
        "--labels",
        type=Path,
        default=LABELS,
        metavar="DIR",
        help="folder of label files (default: benchmarks/gap-labels)",
    )
    args = parser.parse_args()
    if not POLNEAR_TRAIN.is_dir():
        print(f"skipped: no PolNeAR train articles at {POLNEAR_TRAIN} (set $POLNEAR_TRAIN)")
        return
    if not args.labels.is_dir():
        parser.error(f"no folder of labels at {args.labels}")
    found = collections.Counter[str]()
    total = collections.Counter[str]()
    given = 0
    paths = sorted(args.labels.glob("*.json"))
    for article in (load_labels(path, POLNEAR_TRAIN) for path in paths):
        claims = claimcheck.check(article.text, engine="rules").claims
        given += sum(len(c.sourcing_gaps) for c in claims)
        for span, kind in article.gaps:
            hit = gap_found(span, kind, claims)
            found[kind] += hit
            total[kind] += 1
            if args.misses and not hit:
                print(f"miss {article.name} [{kind}] {_near(article, span)!r}")
    for kind in sorted(total):
        print(f"{kind:26} {found[kind]:3}/{total[kind]:<3} {found[kind] / total[kind]:5.0%}")
    hits, labels = sum(found.values()), sum(total.values())
    print(f"{'overall':26} {hits:3}/{labels:<3} {hits / labels:5.0%}")
    print(f"gaps given by the engine on these articles: {given}")


def _near(article: GoldArticle, span: tuple[int, int]) -> str:
    return article.text[span[0] : span[1]]


if __name__ == "__main__":
    sys.exit(main())
