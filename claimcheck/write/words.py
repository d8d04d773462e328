"""Counts in words: "1 figure", "2 figures", "1 article failed"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one: counted(1, "figure") is "1 figure"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
