"""What the openai engine keeps of a strong model's answers, and what it adds to them.

    python benchmarks/strong_answers.py [--show]

``tests/strong/`` holds answers a careful strong model would give, written by hand for three
gold articles. This serves each through the local stand-in server (``tests/stub_openai.py``),
runs the openai engine, and compares the report with the hand-written claims (the expected
values come from those files, not from the engine):

- kept whole: a report claim has the hand-written claim's text, kind, speaker (case aside) and
  figure (the parser's reading of the number as written, or no value where it cannot read it);
- added: report claims that are none of the model's; "over" counts those lying over the words
  of a model claim (repeating or cutting it).

``--show`` lists every claim not kept whole and every claim added. Works with any version of
claimcheck on the path, so the same command measures before and after a change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from stub_openai import Reply, StubOpenAI, chat_completion  # noqa: E402

import claimcheck  # noqa: E402

STRONG = ROOT / "tests" / "strong"
GOLD = ROOT / "tests" / "gold"


def load(name: str) -> tuple[str, list[dict[str, Any]]]:
    text = (GOLD / f"{name}.txt").read_text(encoding="utf-8")
    claims = json.loads((STRONG / f"{name}.json").read_text(encoding="utf-8"))["claims"]
    return text, claims


def responder(answer: list[dict[str, Any]]) -> Any:
    """The strong answer to the extraction request; nothing more to the audit of misses."""

    def reply(body: dict[str, Any]) -> Reply:
        audit = "<items>" in body["messages"][-1]["content"]
        claims = [] if audit else answer
        return Reply(json=chat_completion(json.dumps({"claims": claims}), model="strong"))

    return reply


def report_for(text: str, answer: list[dict[str, Any]]) -> claimcheck.Report:
    with (
        StubOpenAI(responder(answer)) as server,
        claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="strong", api_key="unused", cache=False
        ) as checker,
    ):
        return checker.check(text)


def _squash(raw: str | None) -> str:
    return re.sub(r"[\s,]", "", raw or "").casefold()


def same_figure(wanted: str | None, claim: claimcheck.Claim) -> bool:
    if wanted is None:
        return claim.figure is None
    if claim.figure is None:
        return claim.kind == "figure"  # kept as a figure; the parser could not read a value
    # The parser's raw may take in the unit ("5-7,000 people a week" for "5-7,000").
    return _squash(wanted) in _squash(claim.figure.raw) or _squash(claim.figure.raw) in _squash(
        wanted
    )


def kept_whole(wanted: dict[str, Any], claim: claimcheck.Claim) -> bool:
    return (
        " ".join(claim.text.split()) == " ".join(wanted["text"].split())
        and claim.kind == wanted["kind"]
        and (claim.speaker or "").casefold() == (wanted["speaker"] or "").casefold()
        and same_figure(wanted["figure"], claim)
    )


def where(text: str, excerpt: str) -> tuple[int, int]:
    start = text.find(excerpt)
    return start, start + len(excerpt)


def compare(text: str, answer: list[dict[str, Any]], report: claimcheck.Report) -> dict[str, Any]:
    kept = [w for w in answer if any(kept_whole(w, c) for c in report.claims)]
    lost = [w for w in answer if w not in kept]
    mine = [c for c in report.claims if any(c.text.split() == w["text"].split() for w in answer)]
    added = [c for c in report.claims if c not in mine]
    spans = [where(text, w["excerpt"]) for w in answer]
    over = [c for c in added if any(c.start < e and s < c.end for s, e in spans)]
    return {"claims": len(answer), "kept": kept, "lost": lost, "added": added, "over": over}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list what was lost and added")
    args = parser.parse_args()
    print(f"{'article':46} {'claims':>6} {'kept':>5} {'added':>5} {'over':>5}")
    for path in sorted(STRONG.glob("*.json")):
        text, answer = load(path.stem)
        report = report_for(text, answer)
        r = compare(text, answer, report)
        print(
            f"{path.stem:46} {r['claims']:>6} {len(r['kept']):>5} "
            f"{len(r['added']):>5} {len(r['over']):>5}"
        )
        if args.show:
            for w in r["lost"]:
                near = [
                    c
                    for c in report.claims
                    if c.start < where(text, w["excerpt"])[1]
                    and where(text, w["excerpt"])[0] < c.end
                ]
                print(f"  LOST  [{w['kind']}|{w['speaker']}|{w['figure']}] {w['text']}")
                for c in near:
                    raw = c.figure.raw if c.figure else None
                    print(f"     -> [{c.kind}|{c.speaker}|{raw}] {c.text}")
            for c in r["added"]:
                raw = c.figure.raw if c.figure else None
                print(f"  ADDED [{c.kind}|{c.speaker}|{raw}] {c.text}")
            for warning in report.warnings:
                print(f"  warning: {warning[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
