"""Score claimcheck's figure finder and quantulum3 on test suites other teams wrote.

    pip install quantulum3        # benchmark only; not a dependency of claimcheck
    python benchmarks/figures.py [--failures] [--heldout-failures-count-only]

Suites:
- quantulum3's own ``_lang/en_US/tests/quantities.json`` (MIT), read from the installed
  quantulum3 package;
- number-parser 0.3.2's English tests (BSD-3-Clause) and text2num-rs's English tests (MIT), as
  copied by ``benchmarks/figure-suites/extract.py`` into ``benchmarks/figure-suites/`` (the
  text2num wheel ships no tests; its Rust core holds them).

A case is read right when the values a tool finds are the suite's expected values, in any
order, nothing missing and nothing extra (a relative tolerance of 1e-6). A range counts as its
midpoint, as quantulum3's suite writes it ("3 to 4 L" is 3.5); claimcheck's money in pence is
compared in pence. A bare number phrase ("one hundred and forty two", the whole text of most
number-parser and text2num cases) is read in the frame "There were {phrase} people." for both
tools, since claimcheck reads a number in words only when it counts something. Cases whose text
repeats another case's (ignoring case) are scored once.

Every fourth case, by a stable hash of its text, is held back and reported apart; its failures
are never printed, so fixes are not tuned on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimcheck.find.figures import find_figures

HERE = Path(__file__).parent
CATEGORIES = (
    "money", "negatives", "fractions", "ranges/bounds", "multipliers", "measures",
    "percentages", "words", "plain",
)  # fmt: skip
_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"fou?rty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|million|billion|trillion|"
    r"dozen|half|zero)\b",
    re.I,
)
_MONEY = re.compile(
    r"[$£€¥₹]|\b(?:dollars?|euros?|pounds?|cents?|pence|yen|rupees?|USD|EUR)\b", re.I
)
_FRACTION = re.compile(r"\d/\d|[½⅓¼¾]|\b(?:half|halves|thirds?|quarters?|sixths?)\b", re.I)
_RANGE = re.compile(r"\d\s*(?:-|–|to|and)\s*-?\d|\bbetween\b|\bfrom\b.*\bto\b|\+/-", re.I)
_MULT = re.compile(r"\d\s?(?:k|m|b|bn|mn|mil|bln|MM|T|B|M)\b|\b(?:million|billion|trillion)\b")
_PERCENT = re.compile(r"%|\bper\s?cent\b", re.I)


@dataclass(frozen=True)
class Case:
    suite: str
    text: str
    values: tuple[float, ...]
    units: tuple[str, ...]

    @property
    def heldout(self) -> bool:
        return int(hashlib.sha1(self.text.encode()).hexdigest(), 16) % 4 == 0

    @property
    def category(self) -> str:
        text = self.text
        if _MONEY.search(text) or any(u in _Q3_CURRENCIES for u in self.units):
            return "money"
        if any(v < 0 for v in self.values) or re.search(r"\bminus\b", text, re.I):
            return "negatives"
        if _FRACTION.search(text):
            return "fractions"
        if _RANGE.search(text):
            return "ranges/bounds"
        if _MULT.search(text):
            return "multipliers"
        if any(u not in ("dimensionless", "percentage", "") for u in self.units):
            return "measures"
        if _PERCENT.search(text):
            return "percentages"
        return "words" if _WORDS.search(text) else "plain"


_Q3_CURRENCIES = {"pound sterling", "euro", "dollar", "penny", "cent", "dime", "mill", "yen"}


def _framed(text: str) -> str:
    """A bare number phrase, in a sentence where it counts something."""
    bare = not re.search(r"[^\s\w,&-]", text) and all(
        _WORDS.fullmatch(w) or w.lower() in ("and", "a", "&") or w.lower().endswith("teen")
        or re.fullmatch(r"[a-z]+(?:illion|s)", w.lower())
        for w in re.split(r"[\s,-]+", text.strip()) if w
    )  # fmt: skip
    return f"There were {text} people." if bare else text


def load_cases() -> list[Case]:
    cases: list[Case] = []
    q3 = resources.files("quantulum3") / "_lang" / "en_US" / "tests" / "quantities.json"
    for case in json.loads(q3.read_text(encoding="utf8")):
        res = case["res"]
        values = tuple(float(r["value"]) for r in res)
        cases.append(Case("quantulum3", case["req"], values, tuple(r["unit"] for r in res)))
    for name, suite in (("number_parser_en", "number-parser"), ("text2num_en", "text2num")):
        for case in json.loads((HERE / "figure-suites" / f"{name}.json").read_text()):
            values = tuple(case["values"])
            cases.append(Case(suite, _framed(case["text"]), values, ("",) * len(values)))
    seen: set[str] = set()
    unique = []
    for case in cases:
        if case.text.lower() not in seen:
            seen.add(case.text.lower())
            unique.append(case)
    return unique


def claimcheck_values(text: str) -> list[float]:
    values = []
    for m in find_figures(text):
        value = (m.low + m.high) / 2
        if re.search(r"\d\s?p\b|\bpence\b", m.raw):
            value *= 100
        values.append(value)
    return values


def quantulum3_values(text: str) -> list[float]:
    from quantulum3 import parser

    return [float(q.value) for q in parser.parse(text)]


def _same(found: Iterable[float], expected: Iterable[float]) -> bool:
    left = sorted(found)
    right = sorted(expected)
    return len(left) == len(right) and all(
        abs(a - b) <= 1e-6 * max(1.0, abs(b)) for a, b in zip(left, right, strict=True)
    )


def score(
    cases: list[Case], read: Callable[[str], list[float]]
) -> tuple[dict[tuple[str, bool], list[bool]], float, dict[Case, list[float]]]:
    results: dict[tuple[str, bool], list[bool]] = defaultdict(list)
    answers: dict[Case, list[float]] = {}
    began = time.perf_counter()
    for case in cases:
        try:
            found = read(case.text)
        except Exception:  # a tool that crashes on a case reads it wrong
            found = [float("nan")]
        answers[case] = found
        right = _same(found, case.values)
        for part in (case.category, "all"):
            results[(part, case.heldout)].append(right)
    return results, (time.perf_counter() - began) / max(1, len(cases)), answers


def _share(results: dict[tuple[str, bool], list[bool]], part: str, heldout: bool) -> str:
    marks = results.get((part, heldout), [])
    return f"{sum(marks) / len(marks):5.0%} ({sum(marks):3d}/{len(marks):3d})" if marks else "-"


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--failures", action="store_true", help="list claimcheck's failures "
                      "on the cases not held back")  # fmt: skip
    args.add_argument("--no-quantulum3", action="store_true", help="score claimcheck alone")
    opts = args.parse_args()
    try:
        cases = load_cases()
    except ModuleNotFoundError:
        print("quantulum3 is not installed: pip install quantulum3", file=sys.stderr)
        return 2
    tools: dict[str, Callable[[str], list[float]]] = {"claimcheck": claimcheck_values}
    if not opts.no_quantulum3:
        quantulum3_values("warm up")  # its first call loads its models
        tools["quantulum3"] = quantulum3_values
    scored = {name: score(cases, read) for name, read in tools.items()}
    suites = defaultdict(int)
    for case in cases:
        suites[(case.suite, case.heldout)] += 1
    print("cases:", ", ".join(f"{s} {suites[(s, False)]}+{suites[(s, True)]} held back"
                              for s in ("quantulum3", "number-parser", "text2num")))  # fmt: skip
    header = f"{'category':14}" + "".join(
        f"  {name + ' ' + part:>20}" for name in tools for part in ("dev", "held back")
    )
    print(header)
    print("-" * len(header))
    for part in (*CATEGORIES, "all"):
        row = f"{part:14}"
        for name in tools:
            row += "".join(f"  {_share(scored[name][0], part, h):>20}" for h in (False, True))
        print(row)
    for name in tools:
        print(f"{name}: {scored[name][1] * 1000:.2f} ms per case")
    if opts.failures:
        answers = scored["claimcheck"][2]
        for case in cases:
            if not case.heldout and not _same(answers[case], case.values):
                print(f"[{case.category}] {case.text!r}: want {list(case.values)}, "
                      f"got {answers[case]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
