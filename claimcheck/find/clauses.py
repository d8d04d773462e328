"""Clauses: where a sentence may be cut so that each side is a statement of its own.

A sentence is cut

- at ";";
- at "and" or "but", or at ", while" or ", whereas" (without its comma "while" is a time: "to
  look after children while their parents were at work"), when each side has its own subject
  and verb: "The
  council closed the library, and the mayor resigned" is two statements; "while meeting with
  Zelensky and European leaders, Trump suggested …" and "HSBC, based in London and Hong Kong,
  was …" are one (a noun phrase, a name), and so is "a spokesman said the health department and
  the hospital would work together" (both sides are what the spokesman said);
- before a participle of speech ("…, saying: “…”", "…, adding that …") when the words before it
  are a statement of their own ("The Kremlin issued a statement …"): the participle's clause
  is then its subject's statement ("The Kremlin said: “…”");
- at "and" or "but" before a second verb of the sentence's subject ("The Fed did not rule out
  raising rates but noted that …", "the lawyer labelled the court “illegal” and called for a
  retrial"), when the first verb has its object and shares no auxiliary with the second ("was
  born in 1950 and raised in Ohio" stays whole), and the first is not a report whose clause
  the second may continue ("X said the firm cut jobs and raised prices").
  The subject is the sentence's, so only the sentence's first clause, or one that shares its
  subject, is cut so.

Never inside quotation marks, and never where a side would be left with no word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.find.speakers import SPEECH

# Past forms of the participles of speech a clause can open with.
PARTICIPLES = {
    "saying": "said",
    "adding": "added",
    "telling": "told",
    "insisting": "insisted",
    "warning": "warned",
    "arguing": "argued",
    "noting": "noted",
    "explaining": "explained",
    "describing": "described",
    "accusing": "accused",
    "claiming": "claimed",
    "stressing": "stressed",
    "urging": "urged",
}
_JOIN = re.compile(
    r";\s+|,?\s+(?P<coordination>and|but)\s+(?=\S)|,\s+(?:while|whereas)\s+(?=\S)"
    rf"|,\s+(?=(?P<participle>{'|'.join(PARTICIPLES)})\b)"
)
# The start of an independent clause: a subject, then a finite verb within a few words. A
# number may be the subject: "…, while 30% said only some had".
_SUBJECT = re.compile(
    r"(?:he|she|it|they|we|i|there|this|that|these|those|the\s+\w+|his\s+\w+|her\s+\w+|"
    r"their\s+\w+|its\s+\w+|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*|"
    r"[$£€]?\d[\d,.]*(?:%|bn|m|k)?(?:\s+of\s+(?:the\s+)?\w+)?)\s",
)
FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|shall|"
    r"does|did|do|said|says|told|\w+ed|\w+s)\b",
    re.IGNORECASE,
)
# A verb a clause can be told by without guessing: no "-s" word (a plural noun as often).
SURE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|shall|"
    r"does|did|said|says|told|\w{3,}ed|rose|fell|grew|won|lost|made|took|went|came|gave|got|"
    r"paid|sold|bought|left|held|kept|met|ran|saw|spent|stood|thought|found|brought|began|"
    r"became|sent|sought|spoke|knew|wrote|sat|heard|felt|fought|flew|drove|chose|broke|"
    r"swore|wore|threw|struck|hung|led|meant|rang|rode|sang|shot|shut|stuck|swept|taught|"
    r"tore|understood|woke|withdrew|forgot|froze|hid|built|caught|dealt|drew|ate|fled|"
    rf"spent|lent|won|beat|bore|slid|spun|split|quit)\b|{SPEECH.pattern}"
    # a verb in a contraction: "he'd make", "they’ll", "it’s", "wasn’t", "won't"
    r"|\b(?:i|you|he|she|it|we|they|there|that|who)[’'](?:d|ll|re|ve|m|s)\b"
    r"|\b(?:is|are|was|were|has|have|had|do|does|did|wo|ca|could|would|should)n[’']t\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9]")
# Speech verbs that take an object rather than a reported clause: "labelled the court …".
_OBJECT_SPEECH = frozenset(
    "labelled labeled branded described accused criticized criticised rejected denied urged "
    "jeered".split()
)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\b", re.IGNORECASE)
_FINITE_HEAD = re.compile(
    r"(?:would|will|could|can|should|must|may|might|has|had|have|is|was|were|are|did|does)\b",
    re.IGNORECASE,
)
_ADVERB = re.compile(r"(?:also|then|later|still|even|now)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """``text[start:end]``, a statement of its own. ``shares_subject`` when its subject is the
    sentence's, left unsaid ("… but noted that …", "…, saying: “…”"); ``participle`` is the
    participle of speech it then opens with ("saying")."""

    start: int
    end: int
    participle: str | None = None
    shares_subject: bool = False


def clauses(
    text: str, start: int, end: int, quoted: Sequence[tuple[int, int]] = ()
) -> list[Clause]:
    """``text[start:end]`` cut where each side is a statement of its own, never inside the
    ``quoted`` spans (quotations, marks included)."""
    found: list[Clause] = []
    begin, participle, shares = start, None, False
    for join in _JOIN.finditer(text, start, end):
        if _inside(join.start(), quoted) or not _WORD.search(text, begin, join.start()):
            continue
        # Only a clause whose subject is the sentence's can hand it on.
        sentence_subject = begin == start or shares
        next_shares = False
        # What comes before a join is read back no further than a clause is long, or a
        # sentence of a thousand joins costs the square of its length.
        near = max(begin, join.start() - _REACH)
        if join.group("participle"):
            blank = _blank(text, near, join.start(), quoted)
            if not sentence_subject or not SURE_VERB.search(blank) or not _whole(blank):
                continue
            next_shares = True
        elif text[join.start()] == ";" or _joins_two_clauses(
            text, _blank(text, near, join.start(), quoted), join.end(), end
        ):
            pass
        elif (
            sentence_subject
            and join.group("coordination") in ("and", "but")
            and _second_verb(_blank(text, near, join.start(), quoted), text, join.end(), end)
        ):
            next_shares = True
        else:
            continue
        found.append(Clause(begin, join.start(), participle, shares))
        begin, participle, shares = join.end(), join.group("participle"), next_shares
    found.append(Clause(begin, end, participle, shares))
    return found


_REACH = 600  # characters before a join that decide whether it joins two clauses


def _second_verb(left: str, text: str, right: int, end: int) -> bool:
    """ "… but noted that …": the words after the join open with a second verb of the left
    clause's subject (see the module's docstring)."""
    adverb = _ADVERB.match(text, right, end)
    right = adverb.end() if adverb else right  # "but also noted"
    head = _FINITE_HEAD.match(text, right, end) or SURE_VERB.match(text, right, end)
    verb = SURE_VERB.search(left)
    if head is None or verb is None or len(left[verb.end() :].split()) < 2 or not _whole(left):
        return False
    if not _FINITE_HEAD.match(head.group(0)) and _AUXILIARY.search(left):
        return False  # "was born in 1950 and raised in Ohio": one auxiliary for both
    reports = [m.group(0) for m in SPEECH.finditer(left)]
    return all(word.casefold() in _OBJECT_SPEECH for word in reports)


def _joins_two_clauses(text: str, left: str, right: int, end: int) -> bool:
    """Each side has its own subject and verb, and the right is not more of what the left
    reports ("X said A and B would …": both are X's)."""
    if not SURE_VERB.search(left) or not independent(text, right, end):
        return False
    opened = list(_SUBORDINATOR.finditer(left))
    if opened and not SURE_VERB.search(left, opened[-1].end()):
        return False  # "… whether Mr McManus and Mr Magnier would …": one subject of two names
    speech = list(SPEECH.finditer(left))
    if not speech:
        return True
    # After the left's speech verb, its own clause must be whole too, and the right side must
    # have a speaker of its own to leave the report.
    after = left[speech[-1].end() :]
    head = text[right : min(end, right + 80)]
    return bool(SURE_VERB.search(after)) and bool(SPEECH.search(head))


_SUBORDINATOR = re.compile(
    r"\b(?:whether|that|if|because|although|though|while|since|unless|until|whereas)\b"
)


def independent(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` open with a subject and its finite verb ("the mayor resigned")?
    A comma between them is no clause: "Hong Kong, was also …" continues a name."""
    head = text[start : min(end, start + 80)]
    subject = _SUBJECT.match(head)
    if subject is None:
        return False
    rest: list[str] = []
    for word in head[subject.end() :].split()[:4]:
        rest.append(word.strip(",."))
        if word.endswith(","):
            break
    # "-s" words are left out here: after "and", "European leaders" is a noun, not a verb.
    return bool(rest) and any(
        (FINITE_VERB.fullmatch(w) and not w.endswith("s"))
        or w in ("is", "has", "was", "does", "says")
        for w in rest
    )


def _whole(left: str) -> bool:
    """Is the clause before a cut long enough to be a claim of its own (five words, as an
    assertion needs)? "Clinton acknowledged Sanders' success, saying …" stays one."""
    return len(_WORDS.findall(left)) >= 5


_WORDS = re.compile(r"[A-Za-z0-9][\w’'.,%-]*")


def _inside(offset: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in quoted)


def _blank(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with quoted words blanked: a verb inside quotation marks is the
    speaker's, not the clause's."""
    chars = list(text[start:end])
    for q_start, q_end in quoted:
        for i in range(max(q_start, start), min(q_end, end)):
            chars[i - start] = " "
    return "".join(chars)
