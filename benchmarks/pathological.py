"""How the rules engine's time grows on pathological articles: one long sentence of numbers,
of quotation marks, of names, and an article that is one sentence of plain words.

Each input is made at n, 2n and 4n characters and checked with the rules engine; the figures
printed are the times at 2n and 4n as ratios of the time at n, measured in the same run (a
linear cost gives about 2 and 4, a quadratic one about 4 and 16). Usage:

    python benchmarks/pathological.py            # n = 8,000 characters
    python benchmarks/pathological.py 4000       # another n
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

from claimcheck import Checker

_NAMES = ("Theresa May", "Donald Trump", "Angela Merkel", "Emmanuel Macron", "Olaf Scholz")


def numbers(size: int, rng: random.Random) -> str:
    parts = ["The figures were"]
    while sum(map(len, parts)) < size:
        parts.append(f"{rng.randint(1, 99_999):,},")
    return " ".join(parts).rstrip(",") + "."


def quotes(size: int, rng: random.Random) -> str:
    return "".join(rng.choice("ab \"“”‘’' ") for _ in range(size)) + "."


def names(size: int, rng: random.Random) -> str:
    parts = ["Present were"]
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(_NAMES) + ",")
    return " ".join(parts).rstrip(",") + " and others."


def words(size: int, rng: random.Random) -> str:
    vocabulary = ("the", "council", "said", "budget", "rose", "and", "officials", "argued")
    parts = ["Officials"]
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(vocabulary))
    return " ".join(parts) + "."


def joins(size: int, rng: random.Random) -> str:
    roles = ("Former prosecutor", "New York City Mayor", "chief executive", "state senator")
    parts = ["Present was"]
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(roles) + " and")
    return " ".join(parts) + " Rudy Giuliani."


INPUTS: dict[str, Callable[[int, random.Random], str]] = {
    "sentence of numbers": numbers,
    "sentence of quotation marks": quotes,
    "sentence of names": names,
    "sentence of joined roles": joins,
    "one-sentence article": words,
}


def seconds(checker: Checker, text: str) -> float:
    start = time.perf_counter()
    checker.check(text)
    return time.perf_counter() - start


def main(n: int) -> None:
    with Checker(engine="rules", cache=False, max_chars=10 * n) as checker:
        checker.check("A warm-up sentence said 3 things.")
        print(f"n = {n:,} characters; times at 2n and 4n as ratios of the time at n")
        for label, make in INPUTS.items():
            times = [seconds(checker, make(k * n, random.Random(k))) for k in (1, 2, 4)]
            base = times[0]
            print(
                f"{label:30} n: {base:6.2f} s   2n: {times[1] / base:4.1f}x   "
                f"4n: {times[2] / base:4.1f}x"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
