from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def read_article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture
def ukraine() -> str:
    return read_article("ukraine-troops.txt")


def all_articles() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))
