"""Whose words a source says a quotation is: the offline engine's reading of the source itself.

A quote found verbatim is still altered when the source puts the words in another mouth. The
source's own attribution is read by the same rules that read articles, run on the quotation's
paragraph and the one before it (where "he said" finds its name), so that "Trump" named beside a
quotation Clinton spoke does not pass for its speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.find.analysis import analyse
from claimcheck.read.structure import Article
from claimcheck.verify.passages import sentence_around

# "said Mr Burns", "Mr Burns told …": a name beside a verb of saying.
_SAID_BY = re.compile(
    r"(?:\b(?:said|says|told|added|wrote|tweeted|acknowledged|insisted)\s+"
    r"(?P<after>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+))|"
    r"(?P<before>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+),?\s+"
    r"(?:said|says|told|added|wrote|tweeted|acknowledged|insisted)\b"
)
_NEAR = 300  # characters around the words where the source may name their speaker
_WINDOW = 3000  # characters read before a quotation, at most (its paragraph and the one before)
_NAME = re.compile(r"[A-Z][\w'’.-]*")
# Words that open a name without telling one person from another.
_NOT_NAMES = frozenset(
    "a an the of for and mr mrs ms miss dr sir lord lady dame prof professor president senator "
    "sen rep gov governor minister secretary chancellor prime chief executive spokesman "
    "spokeswoman spokesperson".split()
)
_DESCRIPTION = re.compile(r"(?:an?|the|one|some|two|three|several)\s", re.IGNORECASE)
_STOP = frozenset("with from their that this said says told added".split())


def someone_else(speaker: str, text: str, start: int, end: int) -> str | None:
    """Who the source ``text`` credits the words at ``text[start:end]`` to, when that is
    plainly someone other than ``speaker``; None when it does not say, or says it is them."""
    credited = credited_speaker(text, start, end)
    if credited is not None:
        sentence = sentence_around(text, start, end)
        return None if same_person(speaker, credited, sentence) else credited
    near = text[max(0, start - _NEAR) : end + _NEAR]
    if _names(speaker) & _names(near):
        return None
    said = _SAID_BY.search(text, end, min(len(text), end + 120))
    said = said or _SAID_BY.search(text, max(0, start - 120), start)
    if said is None:
        return None
    return said.group("after") or said.group("before")


def credited_speaker(text: str, start: int, end: int) -> str | None:
    """Who ``text`` credits the words at ``text[start:end]`` to: the speaker of the quotation
    holding them, or, where the marks do not pair, the one person quoted in their paragraph.
    None when the source does not say."""
    paragraph = text.rfind("\n\n", 0, start) + 1
    before = text.rfind("\n\n", 0, max(0, paragraph - 1)) + 1
    lo = max(before, start - _WINDOW)
    stop = text.find("\n\n", end)
    hi = min(len(text) if stop < 0 else stop, end + _WINDOW)
    quotations = _spoken(text[lo:hi])
    s, e = start - lo, end - lo
    for q_start, q_end, speaker in quotations:
        if q_start < e and s < q_end:
            return speaker
    own = {speaker for q_start, _, speaker in quotations if q_start >= paragraph - lo}
    return own.pop() if len(own) == 1 else None


@lru_cache(maxsize=256)
def _spoken(window: str) -> tuple[tuple[int, int, str], ...]:
    """The quotations the offline engine credits to someone in ``window``: read once for all
    the quotes found in one paragraph."""
    analysis = analyse(Article(window))
    return tuple(
        (q.start, q.end, q.speaker) for q in analysis.quotations if q.is_statement and q.speaker
    )


def same_person(claimed: str, credited: str, sentence: str) -> bool:
    """Can ``claimed`` (the article's speaker) be ``credited`` (the source's, for the words in
    ``sentence``)? Yes when they share a name ("Mr Burns", "Simon Burns"), or the sentence
    names the claimed speaker beside a verb of saying (the engine may have misread it: "…,"
    shop owner Hayriye Evren told Associated Press). A description ("a spokesman") may be
    anyone it shares a word with ("a Defra spokesman"); a named speaker the source never names
    there is someone else."""
    ours, theirs = _names(claimed), _names(credited)
    said_by = {n for m in _SAID_BY.finditer(sentence) for n in _names(m.group(0))}
    if ours & theirs or ours & said_by:
        return True
    if _DESCRIPTION.match(claimed) or not ours:
        words = _content(claimed)
        return not words or bool(words & (_content(credited) | _content(sentence)))
    return False


def _names(text: str) -> set[str]:
    return {w.strip(".").casefold() for w in _NAME.findall(text)} - _NOT_NAMES


def _content(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{4,}", text)} - _STOP
