"""What the openai engine keeps of a strong model's answers, and what it adds to them.

    python benchmarks/strong_answers.py [--show] [--eval]

``tests/strong/`` holds answers a careful strong model would give, written by hand for three
gold articles. This serves each through the local stand-in server (``tests/stub_openai.py``),
runs the openai engine, and compares the report with the hand-written claims (the expected
values come from those files, not from the engine):

- kept: a report claim has the hand-written claim's text, kind, speaker (case aside) and
  figure (the parser's reading of the number as written, or no value where it cannot read it),
  over the words of its excerpt;
- added: report claims that are none of the model's; "over" counts those lying over the words
  of a model claim (repeating or cutting it).

``--show`` lists every claim not kept whole and every claim added. ``--eval`` prints
``claimcheck eval``'s table for the three articles with the stand-in as the model (the row
docs/quality.md gives for a strong model). Works with any version of claimcheck on the path,
so the same command measures before and after a change.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from strong_model import GOLD, NAMES, added, answer, article, content, kept, where  # noqa: E402
from stub_openai import Reply, StubOpenAI, chat_completion  # noqa: E402

import claimcheck  # noqa: E402


def responder(body: dict[str, Any]) -> Reply:
    """The strong answer for whichever of the three articles the request shows."""
    user = body["messages"][-1]["content"]
    name = next((n for n in NAMES if answer(n)[0]["excerpt"] in user), NAMES[0])
    return Reply(json=chat_completion(content(name, body), model="strong"))


def checker(server: StubOpenAI) -> claimcheck.Checker:
    return claimcheck.Checker(
        engine="openai", base_url=server.base_url, model="strong", api_key="unused", cache=False
    )


def describe(c: claimcheck.Claim | dict[str, Any]) -> str:
    if isinstance(c, dict):
        return f"[{c['kind']}|{c['speaker']}|{c['figure']}] {c['text']}"
    raw = c.figure.raw if c.figure else None
    return f"[{c.kind}|{c.speaker}|{raw}] {c.text}"


def compare(show: bool) -> None:
    print(f"{'article':46} {'claims':>6} {'kept':>5} {'added':>5} {'over':>5}")
    with StubOpenAI(responder) as server, checker(server) as check:
        for name in NAMES:
            text, wanted = article(name), answer(name)
            report = check.check(text, source=name)
            lost = [w for w in wanted if not kept(w, report, text)]
            extra = added(name, report)
            spans = [where(text, w["excerpt"]) for w in wanted]
            over = [c for c in extra if any(c.start < e and s < c.end for s, e in spans)]
            print(
                f"{name:46} {len(wanted):>6} {len(wanted) - len(lost):>5} "
                f"{len(extra):>5} {len(over):>5}"
            )
            if show:
                for w in lost:
                    print(f"  LOST  {describe(w)}")
                    s, e = where(text, w["excerpt"])
                    for c in report.claims:
                        if c.start < e and s < c.end:
                            print(f"     -> {describe(c)}")
                for c in extra:
                    print(f"  ADDED {describe(c)}")
                for warning in report.warnings:
                    print(f"  warning: {warning[:200]}")


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
        with StubOpenAI(responder) as server, checker(server) as check:
            print("\nengine: openai, model: strong (hand-written answers, tests/strong/)")
            print(table(*evaluate(check, gold)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list what was lost and added")
    parser.add_argument("--eval", action="store_true", help="print claimcheck eval's table")
    args = parser.parse_args()
    compare(args.show)
    if args.eval:
        print()
        evaluation()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
