"""Statements: the article's sentences cut into claims that stand alone, and their text.

Each body sentence is cut into clauses (``claimcheck.find.clauses``). A quotation joins every clause
it runs over into one statement with its frame: "The MEP said he was ashamed to have joined the
party, which he labelled as a "joke"." is one statement, never a quote beside the pieces of the
sentence left around it, and an attribution ("…," said Avery Shenfeld, senior economist at CIBC
World Markets.) is the speaker of its quote, never a claim of its own.

A statement's text is the article's words made to stand alone:

- a leading "He"/"She", or a role ("The MEP said …"), that the rules resolved is the name;
  so is the pronoun or role of a cue after a quotation ("…,” he said" → "…,” Donald Trump said");
- a clause opening with a participle of speech ("saying: “…”") gets its subject back ("The
  Kremlin said: “…”");
- a statement that is nothing but a quotation says who said it ("Donald Trump said: “…”");
- a leading "And"/"But" is dropped; nothing else of the sentence's start is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.find.clauses import PARTICIPLES, SURE_VERB, Clause, clauses
from claimcheck.find.drafts import as_sentence
from claimcheck.find.phrases import group_subject
from claimcheck.find.quotations import Quotation
from claimcheck.find.reading import Reading
from claimcheck.find.speakers import (
    SPEECH,
    cue_after_span,
    is_unnamed_source,
    known_name,
    sentence_subject,
    speaker_before,
)
from claimcheck.read.structure import Article, Sentence


@dataclass(frozen=True)
class Statement:
    """``article[start:end]``, one statement; ``quotations`` are the statement quotations it
    holds (a quote claim) or none (an assertion). ``participle`` ("saying") opens it, with
    ``subject`` the name it stands for; ``cue`` is a sentence of its own that only attributes
    the quotation ("“Why?” Trump asked.")."""

    start: int
    end: int
    sentence: Sentence
    quotations: tuple[Quotation, ...] = ()
    participle: str | None = None
    subject: str | None = None
    cue: Sentence | None = None  # the sentence after the quotation that says who said it


def statements(reading: Reading, quotations: Sequence[Quotation]) -> list[Statement]:
    """The statements of every body sentence, in article order. ``quotations`` are the
    article's quotations in order (none is ever cut through; the statement ones are attached to
    the statements they run over)."""
    article = reading.article
    text = article.text
    spans = [(q.start, q.end) for q in quotations]
    starts = [q.start for q in quotations]
    pieces: list[_Piece] = []
    for sentence in article.body_sentences:
        near = spans[
            max(0, bisect_right(starts, sentence.start) - 1) : bisect_left(starts, sentence.end)
        ]
        if pieces and _cue_for_the_quote_before(article, sentence, pieces[-1], near):
            pieces.append(_Piece(Clause(sentence.start, sentence.end), sentence, joins=True))
            continue
        pieces.extend(_pieces(reading, sentence, clauses(text, sentence.start, sentence.end, near)))
    return _grouped(pieces, [q for q in quotations if q.is_statement])


@dataclass(frozen=True)
class _Piece:
    clause: Clause
    sentence: Sentence
    subject: str | None = None  # who a participle clause's subject is
    joins: bool = False  # an attribution of the quotation closing the piece before


def _pieces(reading: Reading, sentence: Sentence, found: list[Clause]) -> list[_Piece]:
    """The sentence's clauses; a clause sharing the sentence's subject ("…, saying", "… but
    noted") whose subject cannot be told stays with the clause before it."""
    pieces: list[_Piece] = []
    subject: str | None = None
    for clause in found:
        if clause.shares_subject and pieces:
            subject = _hanging_subject(reading, sentence, clause) or (
                subject or _subject_name(reading, sentence)
            )
            if subject is None:
                before = pieces[-1].clause
                pieces[-1] = _Piece(
                    Clause(before.start, clause.end, before.participle, before.shares_subject),
                    sentence,
                    pieces[-1].subject,
                )
                continue
        pieces.append(_Piece(clause, sentence, subject if clause.shares_subject else None))
        if clause.participle:
            subject = None  # the clause after a participle's has the sentence's subject again
    return pieces


def _hanging_subject(reading: Reading, sentence: Sentence, clause: Clause) -> str | None:
    """Who a participle clause's verb is said by: the speaker of the clause it hangs on
    ("Trump's “excesses” are sickening, Hollande said in Paris, noting …": Hollande)."""
    if not clause.participle:
        return None
    return _as_subject(
        reading, speaker_before(reading, sentence, clause.start + len(clause.participle))
    )


def _subject_name(reading: Reading, sentence: Sentence) -> str | None:
    return _as_subject(reading, sentence_subject(reading, sentence))


def _as_subject(reading: Reading, name: str | None) -> str | None:
    """A subject a clause of its own can open with: a name, a body, a phrase written with a
    capital ("Male MPs"), a group; not a pronoun the rules could not resolve, nor one word
    with a capital only because it opens the sentence ("Here", "Beyond", "Eight", "Signs")."""
    if not name or not name[:1].isupper() or name.split()[0].casefold() in _NOT_SUBJECTS:
        return None
    if " " in name or is_unnamed_source(name) or group_subject(name) is not None:
        return name
    return name if known_name(reading, name) else None


# Words a sentence may open with that are no part of a name ("Given Obama could …").
_NOT_SUBJECTS = frozenset(
    """to of for in on at by from with as given while if when after before although because
    since despite under over without among like unlike following during""".split()
)


def _cue_for_the_quote_before(
    article: Article, sentence: Sentence, before: _Piece, near: list[tuple[int, int]]
) -> bool:
    """ "“Why should we pay?” Trump asked at a rally.": a sentence that only attributes the
    quotation closing the sentence before it, in the same paragraph."""
    text = article.text
    if before.sentence.paragraph != sentence.paragraph or any(
        sentence.start <= s < sentence.end for s, _ in near
    ):
        return False
    closing = text[before.clause.end - 3 : before.clause.end]
    if not re.search(r"[.!?…][”\"’']{1,2}$", closing):
        return False
    words = text[sentence.start : sentence.end]
    verb = SPEECH.search(words)
    if verb is None or len(words.split()) > 25 or not cue_after_span(words):
        return False
    rest = words[verb.end() :]
    return bool(_ADJUNCT_ONLY.match(rest)) and not SURE_VERB.search(rest)


# What may follow the verb of a sentence that only attributes: nothing, or where, when and to
# whom it was said ("at a rally in Ohio", "in a column this month", "reporters on Monday").
_ADJUNCT_ONLY = re.compile(
    r"\s*(?:[.!?]|$|(?:in|on|at|during|after|before|while|when|from|to|via|through|outside|"
    r"according|late|earlier|later|last|this|yesterday|today|reporters|journalists)\b)",
    re.IGNORECASE,
)


def _grouped(pieces: list[_Piece], quotations: list[Quotation]) -> list[Statement]:
    """Pieces joined where a quotation runs over several; each group one statement."""
    starts = [p.clause.start for p in pieces]
    reach = [
        i + 1 if i + 1 < len(pieces) and pieces[i + 1].joins else i for i in range(len(pieces))
    ]
    held: dict[int, list[Quotation]] = {}
    for quotation in quotations:
        first = _piece_at(pieces, starts, quotation.parts[0][0])
        last = _piece_at(pieces, starts, max(quotation.parts[-1][1] - 1, quotation.parts[0][0]))
        if first is None or last is None:
            continue
        held.setdefault(first, []).append(quotation)
        reach[first] = max(reach[first], last)
    found: list[Statement] = []
    i = 0
    while i < len(pieces):
        last, j = reach[i], i
        while j <= last:
            last = max(last, reach[j])
            j += 1
        piece = pieces[i]
        held_here = [q for k in range(i, last + 1) for q in held.get(k, [])]
        cue = pieces[last].sentence if pieces[last].joins and held_here else None
        found.append(
            Statement(
                piece.clause.start,
                pieces[last].clause.end,
                piece.sentence,
                tuple(held_here),
                piece.clause.participle,
                piece.subject,
                cue,
            )
        )
        i = last + 1
    return found


def _piece_at(pieces: list[_Piece], starts: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < pieces[i].clause.end:
        return i
    # Between two pieces (a join's "and"): the next one.
    return i + 1 if i + 1 < len(pieces) and pieces[i + 1].clause.start - offset < 8 else None


# ------------------------------------------------------------------------------- the text

LEADING_FILLER = re.compile(r"^(?:and|but|so|yet|or|however|meanwhile)\b,?\s+", re.IGNORECASE)
_SPEECH_AHEAD = rf"(?:(?:also|later|then|had|has|have|further)\s+)*{SPEECH.pattern}"
# "He said …", or after an opening phrase: "In an upbeat pre-Budget report, he increased …".
_LEADING_PRONOUN = re.compile(
    r"^(?P<intro>(?:In|On|At|After|Before|When|While|Later|Earlier|Asked|Speaking|Last|This)\b"
    r"[^,;:“”\"]{0,80},\s+)?(?P<who>He|She|he|she)(?=\s+\S)"
)
_LEADING_ROLE = re.compile(rf"^(?:The|the)\s+(?:[\w’'-]+\s+){{1,5}}?(?={_SPEECH_AHEAD})")
_CUE_PRONOUN = re.compile(
    rf"(?<=[,”\"’'])\s+(?P<who>he|she)(?=\s+{_SPEECH_AHEAD})"
    rf"|(?<=\s)(?P<last>he|she)(?=\s+{SPEECH.pattern}[.!]?$)"
    rf"|{SPEECH.pattern}\s+(?P<inverted>he|she)(?=\s*[.,;:]|\s*$)"
)
_CUE_ROLE = re.compile(
    rf"(?<=[,”\"’'])\s+(?P<who>the\s+(?:[a-z][\w’'-]*\s+){{0,3}}?[\w’'-]+)\s+(?={_SPEECH_AHEAD})"
)


# Words no statement ends on outside quotation marks: what is left when the quoted words that
# finish a sentence are cut off ("… would take place at a." for 'at a "measured" pace.').
_UNFINISHED = re.compile(
    r"(?<![\w’'-])(?:a|an|the|and|or|nor|of|to|as|than|by|very|whose|be)[\s.,;:!?]*$",
    re.IGNORECASE,
)


def unfinished(text: str) -> bool:
    """Does the text stop on a word that needs more after it, outside quotation marks?"""
    return bool(_UNFINISHED.search(text))


def span(text: str, start: int, end: int) -> tuple[int, int]:
    """The statement's characters: a leading "And"/"But" and the spaces and stray
    punctuation at its ends left out."""
    lead = LEADING_FILLER.match(text[start:end])
    if lead:
        start += lead.end()
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def text_of(
    reading: Reading,
    start: int,
    end: int,
    speaker: str | None,
    *,
    quoted: Sequence[tuple[int, int]] = (),
    participle: str | None = None,
    subject: str | None = None,
    sentence: Sentence | None = None,
) -> str:
    """The words of ``article[start:end]`` as a statement that stands alone (see the module's
    docstring). ``quoted`` are the quotations in it, marks included, ``speaker`` whose words
    they are or whose report it is; ``subject`` is the sentence's subject when the span
    continues it ("noted that …", or with ``participle`` "saying: …"); ``sentence`` is the
    sentence the span opens, if it does."""
    article = reading.article
    text = article.text
    words = text[start:end]
    if quoted and not re.search(r"\w", _blank(text, start, end, quoted)):
        inside = " ".join(" ".join(text[s:e].strip("“”\"‘’' ").split()) for s, e in quoted)
        if speaker:
            return f"{speaker} said: “{inside}”"
        return f"The article quotes, without saying who said it: “{inside}”"
    blank = _blank(text, start, end, quoted)
    cued = _cued_quotation(article, start, end, participle, quoted)
    if cued is not None:
        words = text[cued:end]  # "saying that “…,” the President said": the cue says who
    elif subject and participle and words.startswith(participle):
        words = f"{subject} {PARTICIPLES[participle]}{words[len(participle) :]}"
    elif subject and not participle:
        words = f"{subject} {words}"  # "… but noted that …": the sentence's subject noted it
    else:
        words = _named_opening(reading, words, speaker, sentence)
    # Only the opening changed: the blanked copy keeps lining up with the words from the end.
    blank = (
        blank[len(blank) - len(words) :]
        if len(words) <= len(blank)
        else (" " * (len(words) - len(blank)) + blank)
    )
    return as_sentence(_named_cue(reading, words, blank, speaker))


def _cued_quotation(
    article: Article,
    start: int,
    end: int,
    participle: str | None,
    quoted: Sequence[tuple[int, int]],
) -> int | None:
    """Where the quotation starts, in a participle clause ("saying that “…,” the President
    said …") whose quotation has a cue of its own after it."""
    if not participle or not quoted:
        return None
    opening = re.match(rf"{participle}(?:\s+that)?[\s,:]*", article.text[start:end])
    first = min(quoted)
    if opening is None or start + opening.end() != first[0]:
        return None
    return first[0] if cue_after_span(article.text[first[1] : end]) else None


def _named_opening(
    reading: Reading, words: str, speaker: str | None, sentence: Sentence | None
) -> str:
    """A leading pronoun or role made the name the rules resolved it to."""
    pronoun = _LEADING_PRONOUN.match(words)
    role = None if pronoun else _LEADING_ROLE.match(words)
    if pronoun is not None:
        start, end = pronoun.span("who")
    elif role is not None:
        start, end = 0, len(role.group(0).rstrip())
    else:
        return words
    phrase = words[start:end]
    name: str | None = None
    if sentence is not None:
        name = _subject_name(reading, sentence)  # the name the opening phrase stands for
    elif speaker and re.match(rf"\s+{_SPEECH_AHEAD}", words[end:]):
        name = speaker  # "… and he said …": the cue's subject is the report's speaker
    if not name or name.casefold() == phrase.casefold() or not reading.names.is_person(name):
        return words
    if role is not None and name.split()[-1] in phrase:
        return words  # "the Prime Minister Tony Blair said": named already
    return words[:start] + name + words[end:]


def _named_cue(reading: Reading, words: str, blank: str, speaker: str | None) -> str:
    """The pronoun or role of a cue outside quotation marks made the speaker's name."""
    if not speaker or not reading.names.is_person(speaker):
        return words
    for pattern in (_CUE_PRONOUN, _CUE_ROLE):
        for found in pattern.finditer(words):
            group = next(g for g, v in found.groupdict().items() if v)
            start, end = found.span(group)
            if words[start:end] != blank[start:end]:
                continue
            return words[:start] + speaker + words[end:]
    return words


def _blank(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> str:
    chars = list(text[start:end])
    for q_start, q_end in quoted:
        for i in range(max(q_start, start), min(q_end, end)):
            chars[i - start] = " "
    return "".join(chars)
