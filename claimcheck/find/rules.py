"""The offline engine: claims from the deterministic analysis alone, with no model or network.

Each body sentence has been cut into statements (``claimcheck.find.statements``): a statement
holding a quotation is one quote, its frame included; numbers become figures (credited to the
quote's speaker when they sit inside one); the article's own remaining statements become
assertions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from claimcheck.find.assertions import assertion_span, clause_around, is_checkable
from claimcheck.find.drafts import Draft
from claimcheck.find.figures import FigureIndex
from claimcheck.find.names import ORG_WORDS, strip_titles
from claimcheck.find.quantity import FigureMention
from claimcheck.find.quotations import Quotation
from claimcheck.find.reading import Reading
from claimcheck.find.references import stand_alone
from claimcheck.find.speakers import SPEECH, is_unnamed_source, reported_speaker, text_speaker
from claimcheck.find.statements import Statement, span, text_of


def rule_drafts(reading: Reading, found: Sequence[Statement], figures: FigureIndex) -> list[Draft]:
    """Every claim the rules find in the article's statements, in no particular order."""
    speakers = _Speakers(reading)
    drafts: list[Draft] = []
    for statement in found:
        mentions = figures.within(statement.start, statement.end)
        if statement.quotations:
            drafts.append(_quote(reading, statement, speakers))
        elif not mentions:  # a statement whose substance is a number is a figure claim
            drafts.extend(_assertion(reading, statement, speakers.of(statement), figures))
        drafts.extend(_figure(reading, statement, m, speakers) for m in mentions)
    return _finished(reading, drafts)


def _finished(reading: Reading, drafts: list[Draft]) -> list[Draft]:
    """Each draft's text made to stand alone, then its speaker made the one its text names."""
    return [_agreed(reading, stand_alone(reading, d)) for d in drafts]


# Words that only ever stand before a person's name: alone, they are a name the rules lost.
_BARE_TITLES = frozenset("mr mrs ms miss dr sir lord lady dame prof rev sen gov rep".split())


def _agreed(reading: Reading, draft: Draft) -> Draft:
    """A text that says "X said …" is X's: its speaker is X, whoever the cues pointed at. A
    title alone ("Mrs", of a name the rules could not read) names nobody."""
    named = text_speaker(reading, draft.text, draft.start)
    if named is not None and named != draft.speaker:
        draft.speaker = named
        draft.unnamed_speaker = _unnamed(named)
    if draft.speaker and draft.speaker.lower().strip(".") in _BARE_TITLES:
        draft.speaker, draft.unnamed_speaker = None, False
    draft.body_speaker = _body(reading, draft.speaker) and not draft.unnamed_speaker
    return draft


def _body(reading: Reading, speaker: str | None) -> bool:
    """Is the speaker an organisation ("Standard Chartered", "Russia’s Foreign Ministry", "the
    SFA"), whose words come from a statement, not from a person's mouth? Not a person the rules
    could not place ("Gregory W. Meeks", "House Speaker Paul Ryan" later "Ryan"), a people
    ("Mexicans"), nor a paper, whose words are its report."""
    if not speaker or reading.names.is_person(speaker):
        return False
    name = re.sub(r"(?i)^the\s+", "", speaker)  # "The SFA"
    name = re.sub(r"\s+for\s+.*", "", name) if _person_for(name) else name
    words = [w.strip("’'s") if w[-2:] in ("’s", "'s") else w for w in name.split()]
    if (
        not all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words)
        or _person_like(reading, name)
        or words[-1] == "States"  # "the United States": a country
        or _OUTLET.search(name)
    ):
        return False
    if any(w.lower() in ORG_WORDS for w in words) or re.fullmatch(r"[A-Z]{2,6}", name):
        return True
    if _PERSON_SHAPED.fullmatch(name):
        return False  # "Carlos Raúl": two plain names, no word bodies are made of
    # A body of two words or more the article names, a country's government too ("South
    # Korea accused …"); one word alone is as often a surname the rules missed ("Price said").
    if not any(name in (m.name, m.fullest) for m in reading.names.bodies):
        return False
    return len(words) > 1 or _one_word_body(name)


def _one_word_body(name: str) -> bool:
    """One word is a body when written like one ("PolitiFact", "FedEx"); else it is as often a
    surname the rules missed ("Price said") as a country ("Japan said"), and it "said it" of
    both."""
    return re.search(r"[a-z][A-Z]", name) is not None


# Two or three capitalised words of letters, accents too; not "Standard Chartered" (-ed) nor
# "Morning Consult", whose first word is a place or paper's.
_NAME = r"(?:Mc|Mac|O’|O')?[A-Z][^\W\d_A-Z]+(?:-[A-Z][^\W\d_A-Z]+)?"
_PLACE_FIRST = re.compile(r"(?:New|North|South|East|West|United|Morning|Daily|Royal|Great)\b")
_PERSON_SHAPED = re.compile(
    rf"(?!{_PLACE_FIRST.pattern}){_NAME}"
    rf"(?:\s+{_NAME}){{1,2}}(?<!ed)(?<!ing)(?<!ers)"
)


# Papers, agencies and broadcasters: words they print are from their report, not a statement.
_OUTLET = re.compile(
    r"\b(?:Times|Post|Journal|Guardian|Telegraph|Herald|Mail|Express|Independent|Observer|"
    r"Economist|Tribune|Chronicle|Gazette|Reuters|Bloomberg|News|Press|Beast|BBC|CNN|"
    r"Associated Press|Politico|Breitbart|Yorker|Atlantic|Magazine|Newsweek|Slate|Salon)\b"
)


def _person_for(name: str) -> bool:
    """ "Cameron Easley for Morning Consult": a person speaking for a body."""
    return re.match(r"[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+for\s+[A-Z]", name) is not None


def _person_like(reading: Reading, name: str) -> bool:
    """A name with a middle initial ("Elijah E. Cummings"), or whose last word the article
    also uses alone for someone ("House Speaker Paul Ryan" … "Ryan said")."""
    if re.search(r"[A-Z][a-z]+\s+(?:[A-Z]\.\s+)+[A-Z][\w’'-]+", name):
        return True
    last = name.split()[-1]
    if last.lower() in ORG_WORDS or len(name.split()) < 2 or _PLACE_FIRST.match(name):
        return False  # "South Korea" is not a Mr Korea
    if reading.names.is_person(strip_titles(name)):
        return True
    text = reading.article.text
    if re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{re.escape(last)}\b", text):
        return True  # "Charlie King" … "Mr. King"
    return any(
        not re.search(r"[A-Z][\w.’'-]*\s+$", text[max(0, m.start() - 40) : m.start()])
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(last)}(?![\w-])", text)
    )


def drafts_for(
    reading: Reading,
    found: Sequence[Statement],
    quotes: list[Quotation],
    figures: list[FigureMention],
) -> list[Draft]:
    """The rules' drafts for just these quotations and figures (what a model missed), from the
    article's statements ``found``, which decide whether a figure is someone's words and which
    words go with a quotation."""
    wanted = {id(q) for q in quotes}
    speakers = _Speakers(reading)
    drafts = [
        _quote(reading, s, speakers) for s in found if any(id(q) in wanted for q in s.quotations)
    ]
    starts = [s.start for s in found]
    for mention in figures:
        sentence = reading.article.sentence_at(mention.start)
        if sentence is None:
            continue
        drafts.append(_figure(reading, _at(found, starts, mention.start), mention, speakers))
    return _finished(reading, drafts)


class _Speakers:
    """Who a statement reports as speaking: its sentence's speaker when the statement itself
    reports ("X said …", "…, adding that …", "according to X"), else nobody: "Trump sat down
    with Zelensky on Monday" is the article's own voice, whoever speaks later in its sentence.
    Each sentence is asked once."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.known: dict[int, str | None] = {}
        self.reports: dict[tuple[int, int], bool] = {}

    def of(self, statement: Statement) -> str | None:
        # Asked once per figure: a statement of many figures is searched once, not once each.
        key = (statement.start, statement.end)
        if key not in self.reports:
            words = self.reading.article.text[statement.start : statement.end]
            self.reports[key] = bool(_REPORTS.search(words))
        if not self.reports[key]:
            return None
        sentence = statement.sentence
        if sentence.start not in self.known:
            self.known[sentence.start] = reported_speaker(self.reading, sentence)
        return self.known[sentence.start]


_REPORTS = re.compile(rf"{SPEECH.pattern}|\baccording\s+to\b", re.IGNORECASE)


def _quote(reading: Reading, statement: Statement, speakers: _Speakers) -> Draft:
    speaker = _speaker_of(statement.quotations)
    if speaker is None and statement.cue is not None:
        speaker = reported_speaker(reading, statement.cue)  # "“Why?” Trump asked."
    if speaker is None:
        speaker = speakers.of(statement)  # "Suu Kyi said it was too early … “…”"
    start, end = span(reading.article.text, statement.start, statement.end)
    quoted = tuple((q.start, q.end) for q in statement.quotations)
    text = _quoted_text(reading, statement, start, end, speaker, quoted)
    return Draft(
        kind="quote",
        start=start,
        end=end,
        text=text,
        speaker=speaker,
        unnamed_speaker=_unnamed(speaker),
        quoted=quoted,
    )


def _speaker_of(quotations: Sequence[Quotation]) -> str | None:
    return next((q.speaker for q in quotations if q.speaker), None)


def _assertion(
    reading: Reading, statement: Statement, speaker: str | None, figures: FigureIndex
) -> list[Draft]:
    found = assertion_span(reading.article.text, statement.start, statement.end)
    if found is None:
        return []
    start, end = found
    if figures.within(start, end):
        return []  # a statement whose substance is a number is a figure claim
    text = _text(reading, statement, start, end, speaker)
    if not is_checkable(text):  # judged on the whole text: "saying he understood …" has a subject
        return []
    return [
        Draft(
            kind="assertion",
            start=start,
            end=end,
            text=text,
            speaker=speaker,
            unnamed_speaker=_unnamed(speaker),
        )
    ]


def _quoted_text(
    reading: Reading,
    statement: Statement,
    start: int,
    end: int,
    speaker: str | None,
    quoted: tuple[tuple[int, int], ...],
) -> str:
    """The text of a statement holding quotations: its frame and words, a pronoun named."""
    return text_of(
        reading,
        start,
        end,
        speaker,
        quoted=quoted,
        participle=statement.participle,
        subject=statement.subject,
        sentence=statement.sentence if start == statement.sentence.start else None,
    )


def _text(reading: Reading, statement: Statement, start: int, end: int, speaker: str | None) -> str:
    opens = start <= statement.start + len(statement.participle or "")
    return text_of(
        reading,
        start,
        end,
        speaker,
        participle=statement.participle if opens else None,
        subject=statement.subject,
        sentence=statement.sentence if start == statement.sentence.start else None,
    )


def _figure(
    reading: Reading, statement: Statement, mention: FigureMention, speakers: _Speakers
) -> Draft:
    text = reading.article.text
    quotation = _inside(statement.quotations, mention)
    clause = _quoted_clause(text, quotation, mention) if quotation is not None else None
    if quotation is not None and clause is not None:
        start, end = clause
        speaker = quotation.speaker
        words = " ".join(text[start:end].split())
        said = f"{speaker} said: “{words}”" if speaker else text_of(reading, start, end, None)
    else:
        speaker = _speaker_of(statement.quotations) or speakers.of(statement)
        start, end = span(text, statement.start, statement.end)
        quoted = tuple((q.start, q.end) for q in statement.quotations)
        if not quoted:
            start, end = clause_around(text, start, end, mention.start, mention.end)
            start, end = _near(text, start, end, mention)
        said = (
            _quoted_text(reading, statement, start, end, speaker, quoted)
            if quoted
            else _text(reading, statement, start, end, speaker)
        )
    return Draft(
        kind="figure",
        start=start,
        end=end,
        text=said,
        speaker=speaker,
        figure=mention.to_model(),
        unnamed_speaker=_unnamed(speaker),
    )


def _quoted_clause(
    text: str, quotation: Quotation, mention: FigureMention
) -> tuple[int, int] | None:
    """The clause of the quotation a figure sits in, or None when the quoted words are a piece
    of the article's sentence ('a report that "less than one percent of emails" were
    captured'): the figure's claim is then the whole statement, which alone reads as one."""
    part = next(p for p in quotation.parts if p[0] <= mention.start < p[1])
    start, end = clause_around(text, part[0], part[1], mention.start, mention.end)
    first = _WORD.search(text, part[0], part[1])
    # the quotation opens in lower case, and the clause is in its first sentence
    piece = (
        first is not None
        and first.group(0).islower()
        and not re.search(r"[.!?][”\"’']?\s", text[part[0] : start])
    )
    return None if piece else (start, end)


_WORD = re.compile(r"\w")
_LONGEST = 1000  # characters of a figure's clause; real ones are a few hundred at most


def _near(text: str, start: int, end: int, mention: FigureMention) -> tuple[int, int]:
    """The clause, or when it is longer than any real one (a sentence of a thousand figures)
    the words around the figure: each of its figures' claims would otherwise hold the whole
    sentence, and the report grow with the square of its length."""
    if end - start <= _LONGEST:
        return start, end
    half = (_LONGEST - (mention.end - mention.start)) // 2
    left, right = max(start, mention.start - half), min(end, mention.end + half)
    left = next((i + 1 for i in range(left, mention.start) if text[i].isspace()), left)
    right = next((i for i in range(right, mention.end, -1) if text[i - 1].isspace()), right)
    while right > left and text[right - 1] in " ,;:—–-":
        right -= 1
    return left, right


def _at(found: Sequence[Statement], starts: list[int], offset: int) -> Statement:
    i = max(0, bisect_right(starts, offset) - 1)
    return found[i]


def _inside(quotations: Sequence[Quotation], mention: FigureMention) -> Quotation | None:
    for quotation in quotations:
        if any(start <= mention.start and mention.end <= end for start, end in quotation.parts):
            return quotation
    return None


def _unnamed(speaker: str | None) -> bool:
    return bool(speaker) and is_unnamed_source(speaker or "")
