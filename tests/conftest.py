from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own answer cache, so no test sees another's answers."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(folder))
    return folder


def read_article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture
def ukraine() -> str:
    return read_article("ukraine-troops.txt")


def assert_pinned(text: str, report: Any) -> None:
    """Every claim's offsets point at the article's own characters, checked against them and
    not against the excerpt (which is cut from those offsets): no span starts or ends inside
    a word, none lies in page furniture, a figure's number is inside its span as the article
    writes it, and a quote's span holds a quotation mark."""
    from claimcheck.read.structure import Article

    article = Article(text)
    for c in report.claims:
        assert 0 <= c.start < c.end <= len(text), c
        assert not (c.start and text[c.start - 1].isalnum() and text[c.start].isalnum()), c
        assert not (c.end < len(text) and text[c.end - 1].isalnum() and text[c.end].isalnum()), c
        assert not article.is_furniture(c.start, c.end), c
        if c.figure is not None:
            at = text.find(c.figure.raw, c.start)
            assert c.start <= at and at + len(c.figure.raw) <= c.end, c
        if c.kind == "quote":
            assert any(mark in text[c.start : c.end] for mark in "“”\"‘’'"), c


def all_articles() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--local-llm",
        metavar="BASE_URL",
        default=None,
        help="run the local_llm tests against this OpenAI-compatible server "
        "(see the README, 'A real model with no account')",
    )
    parser.addoption(
        "--local-llm-model",
        metavar="NAME",
        default=None,
        help="the model to ask (default: the first one the server lists)",
    )
    parser.addoption(
        "--local-llm-cache",
        metavar="DIR",
        default=None,
        help="reuse the answers cached in DIR (e.g. by 'claimcheck eval'; default: none)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--local-llm"):
        return
    skip = pytest.mark.skip(
        reason="needs a real model: pass --local-llm=BASE_URL (see README, 'A real model')"
    )
    for item in items:
        if "local_llm" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def local_llm(request: pytest.FixtureRequest, private_cache: Path) -> dict[str, Any]:
    """Checker arguments for the real model the opt-in tests were pointed at."""
    import openai

    url = str(request.config.getoption("--local-llm"))
    model = request.config.getoption("--local-llm-model")
    if not model:
        with openai.OpenAI(base_url=url, api_key="unused") as client:
            model = next(iter(client.models.list())).id
    cache = request.config.getoption("--local-llm-cache")
    return {
        "engine": "openai",
        "base_url": url,
        "model": model,
        "api_key": "unused",
        "timeout": 1500,
        "cache_dir": str(Path(cache).expanduser()) if cache else str(private_cache),
    }
