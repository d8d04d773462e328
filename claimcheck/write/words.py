"""Counts in words: "1 figure", "2 figures", "18 claims: 8 quotes, 1 figure, 9 assertions"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

_KINDS = ("quote", "figure", "assertion")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one: counted(1, "figure") is "1 figure"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def by_kind(counts: Mapping[str, int]) -> str:
    """ "8 quotes, 1 figure, 9 assertions": how many claims of each kind."""
    return ", ".join(counted(counts.get(kind, 0), kind) for kind in _KINDS)


def claims_summary(kinds: Iterable[str]) -> str:
    """ "18 claims: 8 quotes, 1 figure, 9 assertions", for the claims' kinds."""
    counts = Counter(kinds)
    return f"{counted(sum(counts.values()), 'claim')}: {by_kind(counts)}"
