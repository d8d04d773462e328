"""Quotations: every span inside quotation marks, whether someone says it, and who.

Marks (``claimcheck.find.marks``)
    Where each quotation opens and closes: curly and straight double quotes, two apostrophes,
    single quotes when they clearly quote; a quote continued in the next paragraph.

Shapes
    - A quote in two halves around an attribution in the same sentence ("“We will win,” he
      said, “and soon.”") is one quotation with two parts. Two sentences ("“…,” he said. “…”")
      are two quotations, the second taking the first one's speaker.

Statements
    A quoted phrase is a statement when someone speaks it. Not statements, never credited:
    names, titles and nicknames (after "so-called", "a show called", "titled", "the study",
    "the term for"; a title-case nickname after "called"/"dubbed": 'dubbing Mr Brown "Sir
    Wastealot"'; a possessive before a phrase with no verb in it: 'Mr Brown's "golden rule"');
    words in a reporter's question ("When asked … no “American boots on the ground”"); and
    scare quotes, taken to be fragments of at most four words that no speech verb governs: no
    active verb of saying earlier in the sentence ("criticised by" is none), no attribution
    right after. A short fragment a verb of saying does govern is its speaker's ('denied he was
    "gloating"', 'called the system “rotten to the core”', 'what he calls the “Washington
    cartel”'), and so is one said as a sentence of its own ('“Everybody sues, right?”').

Speakers
    After the quote ("…,” said X), between its halves, before it in its sentence ("X told MPs:
    “"), on the line after it ("— X, 27"), later in its sentence; with no cue of its own, whoever
    the sentence before introduces, else the voice of the quotation before, else a person the
    sentence before is about. ``Quotation.grounds`` says which (see ``SpeakerGrounds``); the
    phrase a cue gives is made a name by ``claimcheck.find.speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from claimcheck.find.cues import PASSIVE_BEFORE as _PASSIVE_BEFORE
from claimcheck.find.cues import has_speech_verb
from claimcheck.find.marks import Span as _Span
from claimcheck.find.reading import Reading
from claimcheck.find.speakers import (
    SPEECH,
    cue_after_span,
    is_unnamed_source,
    known_name,
    reported_speaker,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_named,
    speaker_named_after,
)
from claimcheck.read.structure import Article, Sentence

_NAMING = re.compile(
    r"(?:\bso[\s-]called|\bnicknamed|\bentitled|\btitled|\bknown\s+as|\b(?:term|word|phrase|slogan|motto|"
    r"name)\s+(?:for|of)|\b(?:the|a|an|its|his|her)\s+(?:study|report|book|film|album|single|"
    r"song|programme|program|show|series|campaign|slogan|motto|headline|term|word|phrase)|"
    r"\bculture\s+of)\s*$",
    re.IGNORECASE,
)
# "X called Y “…”", "what he calls the “…”": the words are X's. "a show called “…”": a name.
_CALLING = re.compile(
    r"\b(?P<before>[\w’'.-]+)[,;:]?\s+(?:call(?:s|ed|ing)?|dubb(?:ed|ing)|named|labell?(?:ed|ing)|"
    r"brand(?:ed|ing))(?P<between>(?:\s+[\w’'.,-]+){0,5}?)\s*$",
    re.IGNORECASE,
)
_AGENTS = frozenset("he she they we i you who whom which it what".split())
_QUESTION = re.compile(
    r"\b(?:when|after|before|if)\s+asked\b|\basked\s+(?:him|her|them|whether|if|what|why|how)\b",
    re.IGNORECASE,
)
# 'Mr Brown's "golden rule"' names a thing; "it's", "that's" are no possessives.
_POSSESSIVE_BEFORE = re.compile(
    r"\b(?!(?:it|that|what|there|he|she|who|here)[’']s\b)\w+[’']s?\s*$", re.IGNORECASE
)
# "…, said Nargis Kassenova, an international relations expert at KIMEP University."
_TRAILING_CUE = re.compile(
    rf",\s+[^,]{{0,60}}\b(?:{SPEECH.pattern})[^,]{{0,80}}(?:,[^,]{{1,90}})?$"
)
_SHORT = 4


SpeakerGrounds = Literal["named_cue", "resolved_cue", "previous_quote", "nearby", "subject"]
"""Why the rules credit a quotation to its speaker, strongest first.

- ``named_cue``: a cue in the quotation's sentence names the speaker ("…,” said Mr Letwin").
- ``resolved_cue``: a cue in the sentence gives a pronoun or a role ("he said", "the minister
  said"), made a name by guessing who it stands for.
- ``previous_quote``: no cue of its own; the quotation just before, in the same voice.
- ``nearby``: no cue of its own; the speaker of the sentence before.
- ``subject``: no speech verb; the subject of the quotation's sentence ('Bank sees “…”').

Only ``named_cue`` is read off the text; the others are the rules' inference.
"""


@dataclass(frozen=True)
class Quotation:
    """One quotation: ``article[start:end]`` is its excerpt, marks included.

    ``parts`` are the quoted words of each part, without marks (two for a quote split by "he
    said", one per paragraph for a quote running on). ``speaker`` is the fullest name the
    article gives, or None when it cannot be told; ``grounds`` says why (None with no
    speaker). ``is_statement`` is False for scare quotes, titles, nicknames and a reporter's
    question, which are never credited to anyone.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    speaker: str | None
    is_statement: bool
    grounds: SpeakerGrounds | None = None

    def text(self, article: str) -> str:
        """The quoted words, parts joined with a space."""
        return " ".join(" ".join(article[s:e].split()) for s, e in self.parts)


def find_quotations(reading: Reading) -> list[Quotation]:
    """Every quotation in the article, in order, with its speaker where one can be told."""
    article = reading.article
    found: list[Quotation] = []
    for span in _merge_halves(article.text, reading.marks.spans()):
        statement = _is_statement(article, span)
        speaker, grounds = _speaker(reading, span, found) if statement else (None, None)
        found.append(
            Quotation(span.start, span.end, tuple(span.parts), speaker, statement, grounds)
        )
    return found


def _merge_halves(text: str, spans: list[_Span]) -> list[_Span]:
    """ "“We will win,” he said, “and soon.”" is one quotation in two parts."""
    merged: list[_Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous is not None and _split_by_attribution(text, previous, span):
            previous.parts.extend(span.parts)
            previous.end = span.end
            continue
        merged.append(span)
    return merged


def _split_by_attribution(text: str, first: _Span, second: _Span) -> bool:
    between = text[first.end : second.start]
    inner = text[first.parts[-1][0] : first.parts[-1][1]]
    if not (inner.endswith(",") or between.startswith(",")):
        return False
    if len(between) > 100 or not re.fullmatch(r"[^.!?:;“”\"\n]+,\s*", between):
        return False
    return cue_after_span(between)


# ------------------------------------------------------------------------------ statements


def _calling(lead: str) -> bool | None:
    """True for "X called Y “", False for "a show called “" (a name), None with no such verb."""
    match = _CALLING.search(lead)
    if match is None:
        return None
    between = [w for w in match.group("between").split() if w.lower() not in ("the", "a", "an")]
    before = match.group("before")
    return bool(between) or before.lower() in _AGENTS or before[:1].isupper()


def _is_statement(article: Article, span: _Span) -> bool:
    text = article.text
    lead, after = _lead(article, span), _after(article, span)
    calling = _calling(lead)
    if _named_or_asked(text, span, lead, calling):
        return False
    words = sum(len(text[s:e].split()) for s, e in span.parts)
    if words > _SHORT:
        return True
    if _POSSESSIVE_BEFORE.search(lead) and not _CLAUSE.search(_words(text, span)):
        return False  # 'Mr Brown's "golden rule"' names a thing; 'the justice’s “mind is shot”'
    if span.single:
        return lead.rstrip().endswith(":") or cue_after_span(after)
    if _utterance(text, span, lead):
        return True
    return bool(
        calling or _active_speech(lead) or cue_after_span(after) or _TRAILING_CUE.search(after)
    )


def _named_or_asked(text: str, span: _Span, lead: str, calling: bool | None) -> bool:
    """The lead shows the words are a name or a reporter's question, whatever their length."""
    if _NAMING.search(lead) or calling is False:
        return True
    if calling and _title_case(text, span):
        return True  # 'dubbing Mr Brown "Sir Wastealot"', 'called all women "Betty"': a name
    question = _last(_QUESTION.finditer(lead))
    return question is not None and not re.search(
        rf"(?:{SPEECH.pattern}).*:\s*$", lead[question.end() :].replace("asked", "")
    )


_CLAUSE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|do|does|did|isn[’']t|"
    r"aren[’']t|wasn[’']t|won[’']t|can[’']t|don[’']t|doesn[’']t|didn[’']t)\b",
    re.IGNORECASE,
)


def _words(text: str, span: _Span) -> str:
    return " ".join(text[s:e] for s, e in span.parts)


def _active_speech(lead: str) -> bool:
    """A speech verb someone uses in the lead: not "criticised by X", not "is believed"."""
    return any(
        not re.match(r"\s+by\b", lead[verb.end() :])
        and (verb[0].endswith("ing") or not _PASSIVE_BEFORE.search(lead, 0, verb.start()))
        for verb in SPEECH.finditer(lead)
    )


def _title_case(text: str, span: _Span) -> bool:
    words = [w for w in _words(text, span).split() if len(w) > 3]
    return bool(words) and all(w[:1].isupper() for w in words)


def _utterance(text: str, span: _Span, lead: str) -> bool:
    """A few words said as a sentence of their own ('“Don’t believe it.”', '"Everybody sues,
    right?"'), not a title ('“Saturday Night Live”'): they open their sentence with a capital
    and go on in lower case."""
    if lead.strip() and not lead.rstrip().endswith((":", ",")):
        return False
    words = _words(text, span).split()
    return len(words) >= 2 and words[0][:1].isupper() and any(w[:1].islower() for w in words[1:])


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _lead(article: Article, span: _Span) -> str:
    """The sentence before the quotation, earlier quotations in it blanked."""
    sentence = article.sentence_at(span.start)
    start = sentence.start if sentence else span.start
    # Each quotation reads its lead: in a sentence of a thousand quotation marks, the whole
    # lead would cost the square of its length. No real lead is longer than this.
    lead = article.text[max(start, span.start - _REACH) : span.start]
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), lead)


def _after(article: Article, span: _Span) -> str:
    """The rest of the sentence the quotation ends in."""
    sentence = article.sentence_at(max(span.start, span.end - 1))
    stop = sentence.end if sentence and sentence.end > span.end else span.end
    return article.text[span.end : min(stop, span.end + _REACH)]


_REACH = 600  # characters of a sentence read before and after a quotation


# ------------------------------------------------------------------------------ speakers


def _speaker(
    reading: Reading, span: _Span, earlier: list[Quotation]
) -> tuple[str | None, SpeakerGrounds | None]:
    """Attribution after the quote, then between its halves, then before it in the sentence,
    then the voice of the quotation or the sentence before."""
    article = reading.article
    text = article.text
    after = _after(article, span)
    if not after.strip() and text[span.parts[-1][1] - 1] in "?!":
        # '“…? Three?” Clinton asks as a man walks past, saying he’s “…”': a cue the
        # sentences were cut before, after a question or an exclamation
        line = text.find("\n", span.end)
        after = text[span.end : min(line if line >= 0 else len(text), span.end + _REACH)]
        if not cue_after_span(after):
            after = ""
    if cue_after_span(after):
        cue = (span.end, span.end + len(after))
        return _cued(article, speaker_after(reading, *cue), cue)
    if text[span.parts[-1][1] - 1 : span.parts[-1][1]] == ",":
        named = speaker_named_after(reading, span.end, span.end + len(after))
        if named is not None:
            return _cued(article, named, (span.end, span.end + len(after)))
    for (_, a_end), (b_start, _) in zip(span.parts, span.parts[1:], strict=False):
        between = text[a_end + 1 : b_start - 1]
        if cue_after_span(between):
            cue = (a_end + 1, b_start - 1)
            return _cued(article, speaker_after(reading, *cue), cue)
    sentence = article.sentence_at(span.start)
    # the sentence a cue after the quotation is in: the quotation may hold a full stop
    ending = article.sentence_at(max(span.start, span.end - 1)) or sentence
    lead = _lead(article, span)
    if sentence is not None and lead.strip(" :"):
        found = speaker_before(reading, sentence, span.start)
        if found is None and _TRAILING_CUE.search(after) and ending is not None:
            found = reported_speaker(reading, ending)
        if found is not None:
            return _cued(article, found, (sentence.start, sentence.end))
        if not has_speech_verb(lead):
            found = sentence_subject(reading, sentence)  # 'Standard Chartered sees “…”'
            return found, "subject" if found else None
        return None, None
    if ending is not None and _active_speech(_blank_quotes(after)):
        # '“Boots on the ground” would be appropriate, Ben Carson said after the debate.'
        found = reported_speaker(reading, ending)
        if found is not None:
            return _cued(article, found, (ending.start, ending.end))
    signed = _signature(article, span)
    if signed is not None:
        return _cued(article, speaker_named(reading, *signed), signed)
    return _continued(reading, span, earlier)


# '“…”\n\n— Jacklyn Ashley, 27' / '- Sanders.': a quotation signed on the line after it.
_SIGNATURE = re.compile(r"[ \t]*\n?[ \t]*\n?[ \t]*[-–—―]{1,2}[ \t]*(?=[A-Z])")


def _signature(article: Article, span: _Span) -> tuple[int, int] | None:
    """Where the name that signs a quotation lies, as a cue ("said NAME") would give it."""
    dash = _SIGNATURE.match(article.text, span.end)
    if dash is None:
        return None
    line_end = article.text.find("\n", dash.end())
    return dash.end(), line_end if line_end >= 0 else len(article.text)


def _cued(
    article: Article, speaker: str | None, cue: tuple[int, int]
) -> tuple[str | None, SpeakerGrounds | None]:
    """A cue's speaker, ``named_cue`` when the cue's own words (quotations blanked) hold a word
    of the name, else ``resolved_cue`` (a pronoun or role made a name)."""
    if speaker is None:
        return None, None
    words = set(re.findall(r"[\w’'-]+", _blank_quotes(article.text[cue[0] : cue[1]])))
    named = any(w in words for w in speaker.split() if len(w) >= 2 and w[:1].isupper())
    return speaker, "named_cue" if named else "resolved_cue"


def _continued(
    reading: Reading, span: _Span, earlier: list[Quotation]
) -> tuple[str | None, SpeakerGrounds | None]:
    """A quote opening its sentence with no cue of its own: whoever the sentence before has
    speaking ("Dianne Bystrom agreed. “…”"), else the voice of the quotation just before (if
    nobody else speaks in between), else a person the sentence before is about."""
    article = reading.article
    index = article.sentence_index_at(span.start)
    before = article.sentences[index - 1] if index else None
    if before is not None and before.paragraph < article.sentences[index or 0].paragraph - 1:
        before = None
    introduced = reported_speaker(reading, before) if before is not None else None
    if introduced is None and before is not None and _introduces(article, before):
        introduced = sentence_subject(reading, before)  # "Dianne Bystrom agreed. “…”"
        if introduced and " " not in introduced and not known_name(reading, introduced):
            introduced = None  # "Partial transcript as follows:": a word, not who speaks
    if introduced is not None and _outside_quotes(article, before):
        return introduced, "nearby"
    previous = next((q for q in reversed(earlier) if q.is_statement), None)
    if previous is not None and previous.speaker and _same_voice(reading, previous, span):
        return previous.speaker, "previous_quote"
    if before is None:
        return None, None
    found = introduced
    if found is None:
        subject = sentence_subject(reading, before)
        found = subject if subject and _is_person_name(subject) else None
    return found, "nearby" if found else None


def _introduces(article: Article, sentence: Sentence) -> bool:
    """A short sentence or one ending in a colon, right before a quotation, introduces its
    speaker: "Dianne Bystrom agreed.", "Then the governor turned to the crowd:"."""
    words = sentence.text(article.text).split()
    return len(words) <= 5 or words[-1].endswith(":")


def _outside_quotes(article: Article, sentence: Sentence | None) -> bool:
    """Does the sentence speak in the article's own words (no quotation in it)?"""
    if sentence is None:
        return False
    return not _QUOTED.search(sentence.text(article.text))


def _same_voice(reading: Reading, previous: Quotation, span: _Span) -> bool:
    """Nobody else speaks between two quotations at most three sentences apart."""
    article = reading.article
    first = article.sentence_index_at(max(previous.start, previous.end - 1))
    last = article.sentence_index_at(span.start)
    if first is None or last is None or last - first > 4:
        return False
    for sentence in article.sentences[first + 1 : last]:
        if not SPEECH.search(_blank_quotes(sentence.text(article.text))):
            continue
        other = reported_speaker(reading, sentence)
        if (
            other
            and other != previous.speaker
            and (reading.names.is_person(other) or is_unnamed_source(other))
        ):
            return False
    return True


def _is_person_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _blank_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|''[^\n]*?''")


def names_or_asks(article: Article, quotation: Quotation) -> bool:
    """Does the text before a quotation show it is nobody's statement: a naming word
    ("so-called", 'dubbing Mr Brown "Sir Wastealot"'), a reporter's question, a possessive
    ('Mr Brown's "golden rule"')? A short fragment that is no statement only because no speech
    verb governs it is a scare quote by inference, which a model may read otherwise (for the
    openai engine's arbitration)."""
    text = article.text
    span = _Span(quotation.start, quotation.end, list(quotation.parts), False)
    lead = _lead(article, span)
    return _named_or_asked(text, span, lead, _calling(lead)) or bool(
        _POSSESSIVE_BEFORE.search(lead) and not _CLAUSE.search(_words(text, span))
    )
