"""A careful strong model, as a stand-in: the hand-written answers in ``tests/strong/`` (and
the held-back ones in ``tests/strong-heldout/``).

    with StubOpenAI(responder("ukraine-troops")) as server: ...
    lost = [c for c in answer("ukraine-troops") if not kept(c, report)]

The answers are the expected values: a report must keep each of their claims whole (text,
kind, speaker, figure) where the words of its excerpt really are in the article, and add
nothing over them. See ``tests/strong/README.md`` for how they were written. An answer's
article is its gold text (``tests/gold/NAME.txt``) or, for an article nobody labelled, the copy
beside the answer (``NAME.txt`` in the answer's folder). ``NAMES`` are the gold ones, which the
tests hold the engine to; ``names(folder)`` lists every answer in a folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from stub_openai import Reply, chat_completion

import claimcheck
from claimcheck.read.structure import Article

HERE = Path(__file__).resolve().parent
STRONG = HERE / "strong"
HELDOUT = HERE / "strong-heldout"
GOLD = HERE / "gold"
FOLDERS = (STRONG, HELDOUT)


def names(folder: Path = STRONG) -> list[str]:
    """Every hand-written answer in ``folder``."""
    return sorted(p.stem for p in folder.glob("*.json"))


NAMES = [n for n in names(STRONG) if (GOLD / f"{n}.txt").exists()]


def _folder(name: str) -> Path:
    return next(f for f in FOLDERS if (f / f"{name}.json").exists())


def article(name: str) -> str:
    gold = GOLD / f"{name}.txt"
    path = gold if gold.exists() else _folder(name) / f"{name}.txt"
    return path.read_text(encoding="utf-8")


def answer(name: str) -> list[dict[str, Any]]:
    """The hand-written claims for article ``name``, in the model's answer schema."""
    data = json.loads((_folder(name) / f"{name}.json").read_text(encoding="utf-8"))
    return list(data["claims"])


def shown(body: dict[str, Any]) -> set[int] | None:
    """The sentence numbers an extraction request shows; None for the audit request."""
    user = body["messages"][-1]["content"]
    if "<items>" in user:
        return None
    return {int(n) for n in re.findall(r"^\[(\d+)\] ", user.split("<article>")[-1], re.M)}


def claims_for(name: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    """What the strong model answers to one request: its claims on the sentences shown (a
    chunk, a half); nothing to the audit of what it missed, having missed nothing."""
    numbers = shown(body)
    if numbers is None:
        return []
    numbered = _numbering(name)
    claims = [{**c, "sentence": numbered(c)} for c in answer(name)]
    return [c for c in claims if c["sentence"] in numbers]


def _numbering(name: str) -> Any:
    """A claim's sentence number as claimcheck numbers the article's sentences now, found by
    where its excerpt lies: a real model reads the numbers the request shows, and those move
    when the sentence splitter improves ("Sens. Jon Tester" is no longer cut after "Sens.").
    The number written in the answer stays where the excerpt is no body sentence's."""
    text = article(name)
    sentences = Article(text).numbered

    def number(claim: dict[str, Any]) -> int:
        at = text.find(claim["excerpt"])
        found = (n for n, s in sentences.items() if s.start <= at < s.end) if at >= 0 else ()
        return next(iter(found), claim["sentence"])

    return number


def content(name: str, body: dict[str, Any]) -> str:
    return json.dumps({"claims": claims_for(name, body)})


def responder(name: str) -> Any:
    def reply(body: dict[str, Any]) -> Reply:
        return Reply(json=chat_completion(content(name, body), model="strong"))

    return reply


def where(text: str, excerpt: str) -> tuple[int, int]:
    """Where the hand-written excerpt is in the article (each occurs once in its article)."""
    start = text.index(excerpt)
    return start, start + len(excerpt)


def _squash(raw: str) -> str:
    return re.sub(r"[\s,]", "", raw).casefold()


def same_figure(wanted: str | None, claim: claimcheck.Claim) -> bool:
    """The figure as the model wrote it, read by the parser (its raw may take in the unit:
    "5-7,000 people a week" for "5-7,000"), or no value where the parser cannot read it."""
    if wanted is None:
        return claim.figure is None
    if claim.figure is None:
        return claim.kind == "figure"
    raw = _squash(claim.figure.raw)
    return _squash(wanted) in raw or raw in _squash(wanted)


def whole(wanted: dict[str, Any], claim: claimcheck.Claim) -> bool:
    """The report's claim is the hand-written one: text, kind, speaker and figure."""
    return (
        claim.text.split() == wanted["text"].split()
        and claim.kind == wanted["kind"]
        and (claim.speaker or "").casefold() == (wanted["speaker"] or "").casefold()
        and same_figure(wanted["figure"], claim)
    )


def kept(wanted: dict[str, Any], report: claimcheck.Report, text: str) -> bool:
    """Kept whole, and pinned where the words of the model's excerpt really are."""
    start, end = where(text, wanted["excerpt"])
    return any(whole(wanted, c) and c.start < end and start < c.end for c in report.claims)


def added(name: str, report: claimcheck.Report) -> list[claimcheck.Claim]:
    """The report's claims that are none of the hand-written ones."""
    texts = [w["text"].split() for w in answer(name)]
    return [c for c in report.claims if c.text.split() not in texts]
