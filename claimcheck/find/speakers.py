"""Speakers: who is speaking in a sentence, or said a quotation, read off a ``Reading``.

Where a speaker comes from, in order of trust:

1. ``claimcheck.find.cues``: an explicit cue gives a speaker phrase as the article writes it: "X
   said", "said X", "X told MPs:", "according to X", "X, from Y, said:", "the newspaper quoted X
   as saying".
2. ``claimcheck.find.resolution``: the phrase is made a name: titles dropped and the fullest
   form the article gives taken ("Mr Letwin" -> "Oliver Letwin"); a role the article gave
   someone is that someone ("the President" -> "Donald Trump"); a role it never gave is the
   last person who acted in the sentences before; "he"/"she" is the last person who acted, of
   the fitting gender; a body keeps the article's own wording; an unnamed source keeps the
   phrase as written.
3. ``claimcheck.find.names``: who the article names, and the fullest form of each name, which
   the resolution draws on.

Which quotation a cue belongs to (after it, between its halves, before it, or the quotation
before) is decided in ``claimcheck.find.quotations``.
"""

from __future__ import annotations

import re

from claimcheck.find.cues import (
    SPEECH,
    after_match,
    cue_before,
    masked,
    name_then_verb,
    split_joint,
    subject,
)
from claimcheck.find.names import PRONOUNS, SOURCE_NOUNS, Mention, is_unnamed_source, strip_titles
from claimcheck.find.phrases import np_prefix
from claimcheck.find.reading import Reading
from claimcheck.find.resolution import own_subject, resolve, sentence_speaker
from claimcheck.read.structure import Sentence

__all__ = [
    "SOURCE_NOUNS",
    "SPEECH",
    "Mention",
    "cue_after_span",
    "is_unnamed_source",
    "known_name",
    "reported_speaker",
    "sentence_subject",
    "speaker_after",
    "speaker_before",
    "speaker_named",
    "speaker_named_after",
    "strip_titles",
]


def reported_speaker(reading: Reading, sentence: Sentence) -> str | None:
    """Who the sentence reports as speaking, outside quotation marks; None if nobody:
    "President Donald Trump has said that …" -> "Donald Trump", "Some economists say …" ->
    "Some economists", "…, Retail Decisions said." -> "Retail Decisions"."""
    return sentence_speaker(
        reading.names, reading.marks, sentence, reading.actors.before(sentence.start)
    )


def speaker_before(reading: Reading, sentence: Sentence, offset: int) -> str | None:
    """The speaker a cue in the sentence before ``offset`` gives a quotation that starts there:
    "Mr Letwin told MPs: “", "X said the plan was “", "…, saying: “" (the sentence's subject)."""
    # The lead's last words hold its cue; read no further back than a real lead is long, or
    # a sentence of a thousand quotation marks costs the square of its length.
    phrase = cue_before(reading.marks.inside_quotes(max(sentence.start, offset - 600), offset))
    if phrase is None:
        return None
    actors = reading.actors.before(sentence.start)
    if phrase.lower() in PRONOUNS:
        # "Jeb Bush went after Trump …, when he called the businessman “…”": Bush
        opening = reading.marks.inside_quotes(sentence.start, offset)
        own = own_subject(reading.names, opening, PRONOUNS[phrase.lower()], actors, sentence.start)
        if own is not None:
            return own
    return resolve(reading.names, phrase, actors, sentence.start)


def speaker_after(reading: Reading, offset: int, end: int) -> str | None:
    """The speaker a cue right after a quotation gives it: "…,” he said", "…,” said Trump",
    "…,” the newspaper quoted X as saying"."""
    text = masked(reading.article.text, offset, end)
    actors = reading.actors.before(offset)
    found = after_match(text)
    if found is None:
        return None
    sentence = reading.article.sentence_at(max(0, offset - 1))
    if found[0].lower() in PRONOUNS and sentence is not None:
        # 'Asked about Sullivan, Feinstein said "I don't know …," she said.': Feinstein
        opening = reading.marks.inside_quotes(sentence.start, offset)
        gender = PRONOUNS[found[0].lower()]
        own = own_subject(reading.names, opening, gender, actors, sentence.start)
        if own is not None:
            return own
    return resolve(reading.names, found[0], actors, offset)


def speaker_named_after(reading: Reading, offset: int, end: int) -> str | None:
    """The speaker a name and any one verb right after a quotation ending in a comma give it:
    '“…,” Hannity pressed.'"""
    found = name_then_verb(masked(reading.article.text, offset, end))
    if found is None:
        return None
    return resolve(reading.names, found[0], reading.actors.before(offset), offset)


def speaker_named(reading: Reading, start: int, end: int) -> str | None:
    """The speaker a bare name gives, as in a quotation's signature line ("— Jacklyn Ashley,
    27"): the noun phrase ``article[start:end]`` opens with, resolved."""
    phrase = np_prefix(reading.article.text[start:end])
    if not phrase:
        return None
    return resolve(reading.names, phrase, reading.actors.before(start), start)


def sentence_subject(reading: Reading, sentence: Sentence) -> str | None:
    """The person or body a sentence opens with, resolved: "The Kremlin issued …"."""
    found = subject(reading.marks.inside_quotes(sentence.start, sentence.end))
    if found is None:
        return None
    return resolve(reading.names, found[0], reading.actors.before(sentence.start), sentence.start)


def cue_after_span(text: str) -> bool:
    """Does ``text`` (what follows a quotation) open with an attribution ("he said, ")?"""
    return after_match(text) is not None


# A text that opens with who speaks: "Yukos has always insisted …", "Margaret Osei said …",
# "Ron Wyden and Mark Udall said: “…”". Names only (capitalised words, a title's stop allowed).
_OPENS_WITH_SPEAKER = re.compile(
    r"^(?P<who>(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|and)\s+)?){0,6}[A-Z][\w’'-]*),?\s+"
    r"(?:(?:has|have|had|also|always|repeatedly|again|previously|earlier|then|later)\s+){0,2}"
    rf"(?={SPEECH.pattern})"
)


# A verb of saying with its speaker after it: "said Sunshine", "says the minister".
_INVERTED_AFTER_COMMA = re.compile(rf"(?:{SPEECH.pattern})\s+(?:the\s+)?[A-Z]")

# Words a text may open with that never open the name of whoever speaks in it.
_NOT_A_SPEAKERS_OPENING = frozenset(
    """the a an but and so it this that after before when while as if in on at since because
    although though unlike despite during following with by for from once until whether asked
    pressed told""".split()
)


def text_speaker(reading: Reading, text: str, offset: int) -> str | None:
    """Who a claim's text says is speaking, when it opens with their name and a verb of saying:
    the text and its speaker must not disagree. None when the text opens otherwise, or the
    name is none the article gives."""
    found = _OPENS_WITH_SPEAKER.match(text)
    if found is None:
        return None
    who = found.group("who")
    if _INVERTED_AFTER_COMMA.match(text, found.end()) and "," in text[len(who) : found.end()]:
        return None  # "Trump, said Sunshine, who …, never forgets": Sunshine speaks
    if who.split()[0].lower() in _NOT_A_SPEAKERS_OPENING:
        return None  # "After Glenn Beck asked …, D’Souza replied": Beck opens a clause
    resolved = resolve(reading.names, who, reading.actors.before(offset), offset)
    if resolved is None or not (set(_WORDS.findall(who)) & set(_WORDS.findall(resolved))):
        return None
    parts = split_joint(resolved)
    if not all(known_name(reading, p) for p in parts):
        return None  # "When asked …": no name
    return resolved


def known_name(reading: Reading, name: str) -> bool:
    """A person or a body the article names ("Kelly", "the Home Office"), or a name it writes
    with a capital inside a sentence too ("… said Trump"); not a word with a capital only
    because it opens its sentence ("Here", "Transcript")."""
    return reading.names.is_person(name) or _is_body(reading, name)


def _is_body(reading: Reading, name: str) -> bool:
    """A body the article names ("the Home Office"), or a name it writes with a capital inside
    a sentence too ("… the sale of Yukos"), where no capital is only a sentence's first."""
    folded = name.casefold().removeprefix("the ")
    if any(m.name.casefold().removeprefix("the ") == folded for m in reading.names.organisations):
        return True
    bare = name.removeprefix("The ").removeprefix("the ")
    return re.search(rf"[a-z,]\s+{re.escape(bare)}\b", reading.article.text) is not None


_WORDS = re.compile(r"\w+")
