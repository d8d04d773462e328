"""What the openai engine keeps of a strong model's answers, and what it adds to them.

    python benchmarks/strong_answers.py [FOLDER] [--show] [--eval]

``tests/strong/`` (the default FOLDER) holds answers a careful strong model would give, written
by hand: three for gold articles and more for articles nobody tuned on; ``tests/strong-heldout/``
holds answers held back, measured and never tuned on. This serves each answer of the folder
through the local stand-in server (``tests/stub_openai.py``), runs the openai engine, and
compares the report with the hand-written claims (the expected values come from those files,
not from the engine):

- kept: a report claim has the hand-written claim's text, kind, speaker (case aside) and
  figure (the parser's reading of the number as written, or no value where it cannot read it),
  over the words of its excerpt;
- added: report claims that are none of the model's; "over" counts those lying over the words
  of a model claim (repeating or cutting it);
- fragments: report claims whose text is a piece of a sentence, not a statement that stands
  alone (``tests/test_fragments.py``'s ``fragment_reason``).

It prints, per article, "kept whole K/N, added A (over O), fragments F", then the totals.
``--show`` lists every claim not kept whole, every claim added and every fragment. ``--eval``
prints ``claimcheck eval``'s table for the three gold articles with the stand-in as the model
(the row docs/quality.md gives for a strong model). Works with any version of claimcheck on
the path, so the same command measures before and after a change.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from strong_model import (  # noqa: E402
    GOLD,
    NAMES,
    added,
    answer,
    article,
    content,
    kept,
    names,
    where,
)
from stub_openai import Reply, StubOpenAI, chat_completion  # noqa: E402
from test_fragments import fragment_reason  # noqa: E402

import claimcheck  # noqa: E402


def shown_article(body: dict[str, Any], among: list[str]) -> str | None:
    """The article whose text holds the most of the sentences the request shows."""
    user = body["messages"][-1]["content"].split("<article>")[-1]
    lines = re.findall(r"^\[\d+\] (.+)$", user, re.M)
    texts = {n: article(n) for n in among}
    hits = {n: sum(line in text for line in lines) for n, text in texts.items()}
    best = max(hits, key=lambda n: hits[n], default=None)
    return best if best is not None and hits[best] else None


def responder(among: list[str]) -> Any:
    """The strong answer for whichever of the articles ``among`` the request shows."""

    def reply(body: dict[str, Any]) -> Reply:
        name = shown_article(body, among)
        text = content(name, body) if name else '{"claims": []}'
        return Reply(json=chat_completion(text, model="strong"))

    return reply


def checker(server: StubOpenAI) -> claimcheck.Checker:
    return claimcheck.Checker(
        engine="openai", base_url=server.base_url, model="strong", api_key="unused", cache=False
    )


def describe(c: claimcheck.Claim | dict[str, Any]) -> str:
    if isinstance(c, dict):
        return f"[{c['kind']}|{c['speaker']}|{c['figure']}] {c['text']}"
    raw = c.figure.raw if c.figure else None
    return f"[{c.kind}|{c.speaker}|{raw}] {c.text}"


def score(label: str, kept_: int, claims: int, extra: int, over: int, broken: int) -> str:
    return f"{label}: kept whole {kept_}/{claims}, added {extra} (over {over}), fragments {broken}"


def compare(folder: Path, show: bool) -> None:
    among = names(folder)
    totals = [0, 0, 0, 0, 0]  # kept, claims, added, over, fragments
    with StubOpenAI(responder(among)) as server, checker(server) as check:
        for name in among:
            text, wanted = article(name), answer(name)
            report = check.check(text, source=name)
            lost = [w for w in wanted if not kept(w, report, text)]
            extra = added(name, report)
            spans = [where(text, w["excerpt"]) for w in wanted]
            over = [c for c in extra if any(c.start < e and s < c.end for s, e in spans)]
            broken = [c for c in report.claims if fragment_reason(c.text)]
            counts = (len(wanted) - len(lost), len(wanted), len(extra), len(over), len(broken))
            totals = [t + c for t, c in zip(totals, counts, strict=True)]
            print(score(name, *counts))
            if show:
                for w in lost:
                    print(f"  LOST  {describe(w)}")
                    s, e = where(text, w["excerpt"])
                    for c in report.claims:
                        if c.start < e and s < c.end:
                            print(f"     -> {describe(c)}")
                for c in extra:
                    print(f"  ADDED {describe(c)}")
                for c in broken:
                    print(f"  FRAGMENT ({fragment_reason(c.text)}) {describe(c)}")
                for warning in report.warnings:
                    print(f"  warning: {warning[:200]}")
    print(score(f"total ({len(among)} articles)", *totals))


def evaluation() -> None:
    from claimcheck.evaluation import evaluate, load_gold, table

    with tempfile.TemporaryDirectory() as folder:
        for name in NAMES:
            for suffix in (".json", ".txt"):
                shutil.copy(GOLD / f"{name}{suffix}", Path(folder) / f"{name}{suffix}")
        gold = load_gold(folder)
        with claimcheck.Checker(engine="rules") as rules:
            print("engine: rules")
            print(table(*evaluate(rules, gold)))
        with StubOpenAI(responder(NAMES)) as server, checker(server) as check:
            print("\nengine: openai, model: strong (hand-written answers, tests/strong/)")
            print(table(*evaluate(check, gold)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder",
        nargs="?",
        default="tests/strong",
        help="a folder of hand-written answers (tests/strong, tests/strong-heldout)",
    )
    parser.add_argument("--show", action="store_true", help="list what was lost and added")
    parser.add_argument("--eval", action="store_true", help="print claimcheck eval's table")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        folder = ROOT / args.folder
    compare(folder, args.show)
    if args.eval:
        print()
        evaluation()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
