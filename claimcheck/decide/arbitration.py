"""When the model and the rules disagree, decide on the evidence each one carries.

The model proposes a claim (kind, text, speaker, figure); the rules read the same words. Neither
wins by being older, and a different reading of a sentence is no evidence: the model's claim
changes only where the article's own words show it is wrong.

- Speaker: the model's speaker is replaced only when the article does not name them, or when
  a quotation's own sentence names someone else as saying it ("…,” said Yukos spokesman
  Alexander Shadrin" is not Yugansk's, whatever the model says). A one-word speaker that is
  the last word of the name the rules read ("Executive" of "The Scottish Executive") is given
  as the article writes it. A name
  counts as named with or without its title ("Peter Kadzik" for "Assistant Attorney General
  Peter Kadzik"), as a surname alone, as a description whose words the article uses ("one GOP
  source in the room"), and as a joint speaker whose every part is named ("Elijah Cummings and
  John Conyers", "Sens. A, B and C"). It is given as the article writes it, titles aside ("Home
  Office" stays whole). A statement or figure with no speaker is the outlet's own voice; a cue
  that reports those very words ("X said …", "…, X said.") gives one only to a claim that copies
  the article's words, not to a reading of the model's own.
- Kind: changed only when the answer contradicts the text: a "quote" with no quoted words in its
  excerpt. Words the rules took for scare quotes stay a quote in a reading of the model's own.
- Text: replaced only when it changes or adds a name, number or quoted word of its excerpt
  (every number one the article writes, every name one it names, every quoted passage words the
  article has, a quote's halves joined), when it is about something else (it shares no word of
  substance with its excerpt), or when it states nothing beyond who spoke ("Peter Kadzik said.").
  Resolving "he" into a name, splitting a sentence into claims and putting a quote's frame first
  are what a text is for.
- Figures: a figure the parser cannot read stays a figure when the model's number is written in
  the sentence; its value is left empty, and a warning says so.
- Additions: the rules add a claim only for what no model claim covers (``claimcheck.decide.
  coverage``): a quotation no quote holds, a figure no figure holds and no reading of another
  kind restates (from a model that gives figure claims), a statement in a sentence no reading
  touches.

``Proposed`` keeps what the model said, and ``revisions`` names what claimcheck changed of it,
so that a report shows where the text overruled the model (``Claim.revised``).
"""

from __future__ import annotations

import re

from claimcheck.find.cues import SPEECH, masked
from claimcheck.find.drafts import Proposed, word_line
from claimcheck.find.quotations import Quotation
from claimcheck.find.reading import Reading
from claimcheck.find.speakers import (
    is_unnamed_source,
    reported_speaker,
    sentence_subject,
    strip_titles,
)
from claimcheck.models import ClaimKind, Figure, Revision
from claimcheck.read.structure import Article, Sentence

_WORDS = re.compile(r"\w+")


def revisions(
    proposed: Proposed | None,
    kind: ClaimKind,
    text: str,
    speaker: str | None,
    figure: Figure | None,
) -> list[Revision]:
    """What the report changed of the model's claim; empty for a claim kept whole."""
    if proposed is None:
        return []
    changed: list[Revision] = []
    if kind != proposed.kind:
        changed.append("kind")
    if " ".join(text.split()) != " ".join(proposed.text.split()):
        changed.append("text")
    if (speaker or "").casefold() != (proposed.speaker or "").casefold():
        changed.append("speaker")
    if proposed.figure and figure is not None and not same_number(proposed.figure, figure.raw):
        changed.append("figure")
    return changed


# ----------------------------------------------------------------------------- speakers


def same_person(reading: Reading, one: str | None, other: str | None) -> bool:
    """Two names for the same person or body ("Mr Brown", "Gordon Brown")."""
    if not one or not other:
        return False
    a = reading.names.fullest_name(one).casefold()
    b = reading.names.fullest_name(other).casefold()
    return a == b or strip_titles(a) == strip_titles(b)


def quote_speaker(
    reading: Reading, quotation: Quotation, model: str | None, warnings: list[str]
) -> str | None:
    """Who said the quotation: the model's speaker, given as the article names them
    (``named_speaker``), whatever the rules read; the rules' where the model gave none."""
    rules = quotation.speaker
    if model is None or rules is None or _among(reading, rules, model):
        return model or rules
    if _shortened(model, rules):
        return rules  # "Executive" is "The Scottish Executive", as the article writes it
    if quotation.grounds == "named_cue" and not _in_sentence(reading, quotation, model):
        # The quotation's own sentence names who said it ("…,” said Yukos spokesman Alexander
        # Shadrin") and never names the model's speaker: the model is wrong on its words.
        warnings.append(
            f"speaker {model!r} replaced by {rules!r}, whom the quotation's own sentence names"
        )
        return rules
    return model


def _shortened(model: str, rules: str) -> bool:
    """Is the model's speaker one word, the last of the rules' ("Spokeswoman" of "The executive
    spokeswoman")? Then both name one speaker, and the rules' is the fuller. A name of more
    words is the model's to give ("Homeland Security Investigations" stands)."""
    short = [w.casefold() for w in _WORDS.findall(model)]
    full = [w.casefold() for w in _WORDS.findall(rules)]
    return len(short) == 1 < len(full) and full[-1] == short[0]


def _in_sentence(reading: Reading, quotation: Quotation, speaker: str) -> bool:
    """Does the quotation's sentence name ``speaker``: a name of it (any word but a title),
    or, for a description with no name, every word of it ("one Democratic source")?"""
    article = reading.article
    first = article.sentence_index_at(quotation.start)
    last = article.sentence_index_at(max(quotation.start, quotation.end - 1))
    if first is None or last is None:
        return True  # no sentence to hold evidence against the model
    sentences = article.sentences
    words = set(_WORDS.findall(article.text[sentences[first].start : sentences[last].end]))
    wanted = [w for w in _WORDS.findall(strip_titles(speaker)) if len(w) > 2]
    names = [w for w in wanted if w[0].isupper()]
    if names:
        return any(w in words for w in names)
    folded = {w.casefold() for w in words}
    return all(w.casefold() in folded for w in wanted)


def _among(reading: Reading, one: str, speakers: str) -> bool:
    """Is ``one`` the same person as ``speakers`` or as one part of it ("Conyers" of "Elijah
    Cummings and John Conyers")?"""
    parts = [p for p in _JOINT.split(" ".join(speakers.split())) if p.strip()]
    return any(same_person(reading, one, part) for part in [speakers, *parts])


def named_speaker(reading: Reading, speaker: str) -> str | None:
    """The model's speaker as the report gives it, when the article names them; else None.

    Named means: the name with or without its titles ("Assistant Attorney General Peter
    Kadzik" is "Peter Kadzik"), a person by a surname the article gives ("Stumpf"), a
    description whose every word the article uses ("one GOP source in the room", "Lib Dems"),
    an unnamed source, or a joint speaker every part of which is named ("Elijah Cummings and
    John Conyers", "Sens. Jon Tester, David Vitter and Mark Warner"). A person is given in the
    fullest form the article writes; anyone else as the model wrote them, titles aside.
    """
    whole = _one_speaker(reading, speaker)
    if whole is not None:
        return whole
    parts = [p for p in _JOINT.split(" ".join(speaker.split())) if p.strip()]
    if len(parts) < 2:
        return None
    named = [_one_speaker(reading, part) for part in parts]
    if any(n is None for n in named):
        return None
    people = [n for n in named if n]
    return ", ".join(people[:-1]) + " and " + people[-1]


_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def _one_speaker(reading: Reading, speaker: str) -> str | None:
    names = reading.names
    bare = strip_titles(" ".join(speaker.split()).strip(" ,."))
    if not bare:
        return None
    as_written = bare[0].upper() + bare[1:]
    if is_unnamed_source(bare):
        return as_written
    if names.is_person(bare) or names.is_named(bare):
        full = names.fullest_name(bare)
        # A fuller name stands for the one written; a name the article writes as the model
        # did stays whole ("Home Office", "One Republican"), not cut to a part of it.
        if word_line(bare) in word_line(full) or word_line(bare) not in word_line(
            reading.article.text
        ):
            return full
        return as_written
    if _words_in(bare, reading.article.text):
        return as_written
    return None


def _words_in(phrase: str, text: str) -> bool:
    """Does the article use every word of the phrase (of three letters or more, a plural's
    "s" aside, case aside)?"""
    used = {w.casefold() for w in _WORDS.findall(text)}
    words = [w.casefold() for w in _WORDS.findall(phrase) if len(w) > 2]
    return bool(words) and all(w in used or w.rstrip("s") in used for w in words)


def named_near(article: Article, name: str, offset: int) -> bool:
    """Does the article name ``name`` (any word of it but a title) in the sentence at
    ``offset``, the two before it or the one after?"""
    index = article.sentence_index_at(offset)
    if index is None:
        return False
    sentences = article.sentences
    start = sentences[max(0, index - 2)].start
    end = sentences[min(len(sentences) - 1, index + 1)].end
    window = set(_WORDS.findall(article.text[start:end]))
    wanted = [w for w in _WORDS.findall(strip_titles(name)) if len(w) > 2 and w[0].isupper()]
    return any(w in window for w in wanted)


def sentence_actor(reading: Reading, sentence: Sentence, name: str) -> bool:
    """Is ``name`` who the sentence reports as speaking, or the person it opens with?"""
    return same_person(reading, name, reported_speaker(reading, sentence)) or same_person(
        reading, name, sentence_subject(reading, sentence)
    )


# Cues that report the words next to them, not an act ("rejected", "accused" report both).
_REPORTS = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|stated|states|did\s+say|according\s+to)\b"
)
_TRAILING = re.compile(rf"^[^“”\"]*,\s+[^,“”\"]{{0,60}}(?:{_REPORTS.pattern})[^,“”\"]{{0,40}}$")


def voice(reading: Reading, sentence: Sentence, start: int, end: int) -> str | None:
    """Who speaks the words ``start:end`` of ``sentence`` when a cue reports them: "X said
    (that) …" before or at the head of them, "…, X said." closing the sentence after them,
    or "according to X". None for the outlet's own voice ("Trump sat down with Zelensky …,
    saying that “…”": the cue is the quotation's)."""
    text = masked(reading.article.text, sentence.start, sentence.end)
    # The cue's verb before the words, or among their first ones ("X has said that …").
    head = start - sentence.start + max(60, (end - start) // 3)  # a title and a name
    before = any(m.start() < head for m in _REPORTS.finditer(text))
    if before or _TRAILING.search(text[end - sentence.start :]):
        return reported_speaker(reading, sentence)
    return None


# ------------------------------------------------------------------------------ the text

_SHORT_WORDS = frozenset(
    "that this with from have been were will would their there they them then than what when "
    "which while about after before into over also said says could should more most".split()
)
# Capitalised words that are not names: sentence openers, pronouns, titles, and roles that a
# self-contained text replaces with the name ("The MEP said" -> "Robert Kilroy-Silk said").
_NOT_NAMES = frozenset(
    """the a an and but or so yet in on at of for to by as if when while after before with
    from this that these those there then it its he she his her him they them their we our i
    you your mr mrs ms dr sir lord lady president prime minister ministers chancellor shadow
    secretary mep meps mp mps leader chief spokesman spokeswoman however meanwhile also
    still even""".split()
)


def true_to(said: str, excerpt: str, article: str, quoted: str) -> bool:
    """Does the model's text keep to the article? It changes no name, number or quoted word
    and adds none: every number in it is one the article writes, every name one the article
    names, every passage it quotes words the article has (a quote's halves around "he said"
    may be joined, and "…" may stand for words left out); and it is about its excerpt, sharing
    a word of substance with it. Anything else a text does (resolving "he" into a name,
    splitting a long sentence into claims, putting a quote's frame first) is what it is for.
    ``quoted`` is every quotation's words, in article order, one line (``word_line``)."""
    told = {w.casefold() for w in _WORDS.findall(said)}
    in_article = {w.casefold() for w in _WORDS.findall(article)}
    shared = {w.casefold() for w in _WORDS.findall(excerpt) if _substantial(w)} & told
    names = {
        m.group().casefold()
        for m in _WORDS.finditer(said)
        if _is_name(m.group()) and not _OPENS_SENTENCE.search(said, 0, m.start())
    }
    return (
        bool(shared)
        and _says_something(said)
        and {w for w in told if w.isdigit()} <= in_article
        and all(n in in_article or n.rstrip("s") in in_article for n in names)
        and all(_quoted_in(part, article, quoted) for part in _quoted(said))
    )


# Where a capital says a sentence begins, not a name: the text's start, after a full stop or a
# colon, after an opening quotation mark ("Under Hillary Clinton's plan, …", "Asked why, …").
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]\s+|[“\"‘']|[—–]\s*)\s*$")


def _says_something(said: str) -> bool:
    """Does the text state something, beyond who spoke ("Donald Trump said." does not)? It
    quotes words, or has a word that is neither a name nor a verb of saying."""
    if _quoted(said):
        return True
    return any(
        _substantial(w) and not _is_name(w) and not SPEECH.fullmatch(w)
        for w in _WORDS.findall(said)
    )


def _substantial(word: str) -> bool:
    return (
        word.isdigit() or _is_name(word) or (len(word) > 3 and word.casefold() not in _SHORT_WORDS)
    )


def _quoted_in(passage: str, article: str, quoted: str) -> bool:
    pieces = [p for p in re.split(r"…|\.\.\.", passage) if _WORDS.search(p)]
    line = word_line(article)
    return all(word_line(p) in line or word_line(p) in quoted for p in pieces)


def _is_name(word: str) -> bool:
    return word[:1].isupper() and len(word) > 1 and word.casefold() not in _NOT_NAMES


_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def _quoted(excerpt: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in _QUOTED.finditer(excerpt)]


# ----------------------------------------------------------------------------- figures

_NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    r"trillion|half|halved|third|quarter|dozen|twice|(?:double|triple|treble|quadruple)d?|"
    r"[a-z]+fold)\b",
    re.IGNORECASE,
)


def is_number(raw: str) -> bool:
    """Does the model's figure hold a number, in digits or words?"""
    return bool(re.search(r"\d", raw) or _NUMBER_WORDS.search(raw))


_ORDINALS = re.compile(
    r"\b(?:first|second|fourth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+ieth|"
    r"hundredth|thousandth)\b",
    re.IGNORECASE,
)


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
# "Chapter 11", "Radio 4", "Boeing 747": a capitalised word before the number names it.
_NAME_BEFORE = re.compile(
    r"\b(?!(?:In|On|At|By|For|From|To|After|Before|About|Around|Some|Only|Just|Nearly|"
    r"Almost|Over|Under|Up|Down|Its|Their|His|Her|Our|Last|Next|The|A|An|And|But|Of|With|"
    r"Than|Another|Each|Every|All|Now|Then|Also|Even)\s)[A-Z][a-z]+\s$"
)


def no_amount(where: str, wanted: str) -> bool:
    """Is the model's number, as the sentence writes it, what the figure parser reads as no
    amount on purpose: a year or decade, a date, a time of day, an age, an ordinal, part of a
    name ("3G", "2003/4")? Then the model is wrong to call it a figure; a number the parser
    merely cannot read ("quadruple") is another matter."""
    at = where.casefold().find(wanted.casefold())
    if at < 0:
        return False
    core = wanted.strip().rstrip(",.;:")
    before, after = where[:at], where[at + len(core) :]
    digits = re.sub(r"[^\d]", "", core)
    return bool(
        re.fullmatch(r"(?:19|20)\d\d(?:s|['’]s)?", core)
        or re.search(r"\d(?:st|nd|rd|th|s|['’]s)$", core)
        or re.match(r"(?:st|nd|rd|th|s|['’]s)\b", after)
        or re.search(r"\d[:.]\d\d|^0\d{3}\b|\d\s?(?:am|pm|gmt|bst)$", core, re.IGNORECASE)
        or re.match(r"\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|hrs)\b", after, re.IGNORECASE)
        or re.search(r"\b(?:aged|age\s+of)\s*$", before, re.IGNORECASE)
        or (bool(re.search(r"[A-Z][a-z]+,\s$", before)) and after.startswith(","))
        or re.match(r"[-\s]?years?[-\s]olds?\b", after.lstrip(), re.IGNORECASE)
        or (digits and bool(_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)))
        or (digits and bool(_NAME_BEFORE.search(before)))
        or (digits and (before[-1:].isalpha() or before[-1:] == "/"))
        or (digits and (after[:1].isalpha() or after[:1] == "/"))
        or (not digits and bool(_ORDINALS.search(core)))
    )


def same_number(wanted: str, raw: str) -> bool:
    """Is the model's figure the parser's ("5-7,000" and "5-7,000 people a week"), one held in
    the other on whole numbers ("5%" is no part of "1.75%")?"""
    a, b = _squash(wanted), _squash(raw)
    return bool(a and b) and (_holds(b, a) or _holds(a, b))


def _holds(outer: str, inner: str) -> bool:
    for found in re.finditer(re.escape(inner), outer):
        before = outer[found.start() - 1] if found.start() else ""
        after = outer[found.end()] if found.end() < len(outer) else ""
        if not (before.isdigit() or before == ".") and not after.isdigit():
            return True
    return False


def _squash(raw: str) -> str:
    return re.sub(r"[\s,]", "", raw).casefold()


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"
