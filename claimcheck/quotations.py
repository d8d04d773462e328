"""Quotations: every span inside quotation marks, and who said it.

Marks
    Curly double quotes; straight double quotes (told opening from closing by the characters
    around them); curly single quotes; straight single quotes only when they clearly quote (a
    mark after a space, a closing mark before a non-letter in the same paragraph, at least two
    letters between). A ’ between letters is an apostrophe ("I’m", "Trump’s"), never a closing
    mark. Marks of the other kind inside a quotation are nested quotes and belong to it.

Shapes
    - A quote in two halves around an attribution in the same sentence ("“We will win,” he
      said, “and soon.”") is one quotation with two parts. Two sentences ("“…,” he said. “…”")
      are two quotations, the second taking the first one's speaker.
    - A quote left open at the end of a paragraph continues when the next paragraph opens with
      a quotation mark (news convention); in texts whose paragraph breaks were lost, an opening
      mark inside an open quote after a sentence's end does the same. Each reopening is a part.
    - A mark left unbalanced closes at the end of its paragraph, so it cannot derail the rest.

Statements
    A quoted phrase is a statement when someone speaks it. Not statements, never credited:
    names, titles and nicknames (after "so-called", "dubbing", "called", "the study", "the term
    for", or a possessive: 'Mr Brown's "golden rule"'); words in a reporter's question ("When
    asked … no “American boots on the ground”"); and scare quotes, taken to be fragments of at
    most four words that no speech verb governs: no speech verb earlier in the sentence and no
    attribution right after ('growth in UK "industrial history"'). A short fragment a speech
    verb does govern is its speaker's ('denied he was "gloating"', 'said it rejects “…,”
    directly criticizing … “certain European Nations”' is the ministry's). Short fragments in
    single marks are scare quotes unless an attribution adjoins them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from claimcheck.cues import PASSIVE_BEFORE as _PASSIVE_BEFORE
from claimcheck.speakers import (
    SPEECH,
    cue_after_span,
    is_person,
    is_unnamed_source,
    reported_speaker,
    sentence_subject,
    speaker_after,
    speaker_before,
    speaker_named,
    speaker_named_after,
)
from claimcheck.structure import Article, Paragraph, Sentence, strip_span

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
_TRAILING_CUE = re.compile(rf",\s+[^,]{{0,60}}\b(?:{SPEECH.pattern})[^,]{{0,40}}$")
_SHORT = 4
_MARK = re.compile("[“”\"‘']")
_SINGLE_REACH = 300  # a single-quoted span longer than this is taken for apostrophes


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


@dataclass
class _Span:
    start: int
    end: int
    parts: list[tuple[int, int]]
    single: bool  # opened with a single mark


def find_quotations(article: Article) -> list[Quotation]:
    """Every quotation in the article, in order, with its speaker where one can be told."""
    found: list[Quotation] = []
    for span in _merge_halves(article.text, _spans(article)):
        statement = _is_statement(article, span)
        speaker, grounds = _speaker(article, span, found) if statement else (None, None)
        found.append(
            Quotation(span.start, span.end, tuple(span.parts), speaker, statement, grounds)
        )
    return found


# ----------------------------------------------------------------------------- the marks


def _spans(article: Article) -> list[_Span]:
    """Quotation spans from the marks, paragraph by paragraph; one pass over the text."""
    text = _paired_apostrophes(article.text)
    spans: list[_Span] = []
    carried: _Span | None = None
    paragraphs = article.paragraphs
    for index, paragraph in enumerate(paragraphs):
        carried = _scan(text, paragraph, carried, spans)
        if carried is None:
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        marks = "“\"‘'" if carried.single else '“"'
        if following is None or _reopening(text, following.start, marks) is None:
            spans.append(carried)
            carried = None
    if carried is not None:
        spans.append(carried)
    for span in spans:  # the scan saw one mark where the text has two apostrophes
        if span.start and article.text[span.start - 1 : span.start + 1] == "''":
            span.start -= 1
        if article.text[span.end - 1 : span.end + 1] == "''":
            span.end += 1
    return [s for s in spans if any(e > b for b, e in s.parts)]


_TWO_APOSTROPHES = re.compile(r"''")


def _paired_apostrophes(text: str) -> str:
    """The text with each '' (two apostrophes: a double quotation mark in some newspapers'
    archives) made one straight double mark, offsets kept: an opening pair becomes ' "', a
    closing one '" ', so the mark stays against its words."""
    if "''" not in text:
        return text

    def one_mark(match: re.Match[str]) -> str:
        at = match.start()
        before = text[at - 1] if at else " "
        opening = before.isspace() or before in "([{—–-:;/"
        return ' "' if opening else '" '

    return _TWO_APOSTROPHES.sub(one_mark, text)


def _scan(
    text: str, paragraph: Paragraph, carried: _Span | None, spans: list[_Span]
) -> _Span | None:
    """Scan one paragraph; return the quotation still open at its end, if any."""
    pos, end = paragraph.start, paragraph.end
    current, part_start = carried, pos
    if current is not None:
        part_start = pos = _reopening(text, pos, "“\"‘'") or pos + 1  # it reopens the quote
    while (mark := _MARK.search(text, pos, end)) is not None:
        pos = mark.start()  # from mark to mark: the words between cannot change anything
        ch = text[pos]
        if current is None:
            close = _opening(text, pos, paragraph)
            if close is not None:
                current, part_start = _Span(pos, pos, [], ch in "‘'"), pos + 1
                if current.single:
                    current.parts.append(strip_span(text, pos + 1, close))
                    current.end = close + 1
                    spans.append(current)
                    current, pos = None, close
        elif _closes(text, pos, paragraph):
            current.parts.append(strip_span(text, part_start, pos))
            current.end = pos + 1
            spans.append(current)
            current = None
        elif _reopens(text, pos, paragraph):
            # An opening mark inside an open quote: the quote runs on past a lost break.
            current.parts.append(strip_span(text, part_start, pos))
            part_start = pos + 1
        pos += 1
    if current is not None:
        current.parts.append(strip_span(text, part_start, end))
        current.end = end
    return current


def _reopening(text: str, start: int, marks: str) -> int | None:
    """Where the words start after the mark a paragraph opens with, or None without one (a
    mark made of two apostrophes shows as ' "': one space, then the mark)."""
    at = start + 1 if text[start : start + 2] == ' "' else start
    return at + 1 if text[at : at + 1] and text[at] in marks else None


def _opening(text: str, pos: int, paragraph: Paragraph) -> int | None:
    """Where the quote opening at ``pos`` closes: the end of the paragraph for double marks
    (found as the scan goes on), the closing mark for single ones; None if no quote opens."""
    ch = text[pos]
    if ch == "“":
        return paragraph.end
    if ch == '"':
        return paragraph.end if _straight_opens(text, pos, paragraph) else None
    if ch not in "‘'":
        return None
    before = text[pos - 1] if pos > paragraph.start else " "
    if before.isalnum() or (ch == "'" and not (before.isspace() or before in "([—–-")):
        return None
    return _single_close(text, pos, paragraph.end, ch)


def _straight_opens(text: str, pos: int, paragraph: Paragraph) -> bool:
    before = text[pos - 1] if pos > paragraph.start else " "
    after = text[pos + 1] if pos + 1 < paragraph.end else " "
    return (before.isspace() or before in "([{—–-:;/") and not after.isspace()


def _closes(text: str, pos: int, paragraph: Paragraph) -> bool:
    ch = text[pos]
    if ch == "”":
        return True
    if ch != '"':
        return False
    # A straight mark after a sentence's end and before a word reopens rather than closes.
    return not (_straight_opens(text, pos, paragraph) and _after_sentence_end(text, pos))


def _reopens(text: str, pos: int, paragraph: Paragraph) -> bool:
    ch = text[pos]
    if ch == "“":
        return True
    return ch == '"' and _straight_opens(text, pos, paragraph)


def _after_sentence_end(text: str, pos: int) -> bool:
    return bool(re.search(r"[.!?…:]\s+$", text[max(0, pos - 4) : pos]))


def _single_close(text: str, pos: int, end: int, mark: str) -> int | None:
    """The closing mark of a single-quoted span: not an apostrophe between letters."""
    closing = "’" if mark == "‘" else "'"
    i, end = pos + 1, min(end, pos + _SINGLE_REACH)
    while i < end:
        ch = text[i]
        if ch in '“”"' and mark == "'":
            return None
        if ch == closing and not text[i - 1].isspace():
            after = text[i + 1] if i + 1 < end else " "
            if not after.isalnum():
                letters = sum(c.isalpha() for c in text[pos + 1 : i])
                return i if letters >= 2 else None
        i += 1
    return None


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
    lead = article.text[start : span.start]
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), lead)


def _after(article: Article, span: _Span) -> str:
    """The rest of the sentence the quotation ends in."""
    sentence = article.sentence_at(max(span.start, span.end - 1))
    stop = sentence.end if sentence and sentence.end > span.end else span.end
    return article.text[span.end : stop]


# ------------------------------------------------------------------------------ speakers


def _speaker(
    article: Article, span: _Span, earlier: list[Quotation]
) -> tuple[str | None, SpeakerGrounds | None]:
    """Attribution after the quote, then between its halves, then before it in the sentence,
    then the voice of the quotation or the sentence before."""
    text = article.text
    after = _after(article, span)
    if cue_after_span(after):
        cue = (span.end, span.end + len(after))
        return _cued(article, speaker_after(article, *cue), cue)
    if text[span.parts[-1][1] - 1 : span.parts[-1][1]] == ",":
        named = speaker_named_after(article, span.end, span.end + len(after))
        if named is not None:
            return _cued(article, named, (span.end, span.end + len(after)))
    for (_, a_end), (b_start, _) in zip(span.parts, span.parts[1:], strict=False):
        between = text[a_end + 1 : b_start - 1]
        if cue_after_span(between):
            cue = (a_end + 1, b_start - 1)
            return _cued(article, speaker_after(article, *cue), cue)
    sentence = article.sentence_at(span.start)
    lead = _lead(article, span)
    if sentence is not None and lead.strip(" :"):
        found = speaker_before(article, sentence, span.start)
        if found is None and _TRAILING_CUE.search(after):
            found = reported_speaker(article, sentence)
        if found is not None:
            return _cued(article, found, (sentence.start, sentence.end))
        if SPEECH.search(lead) is None:
            found = sentence_subject(article, sentence)  # 'Standard Chartered sees “…”'
            return found, "subject" if found else None
        return None, None
    if sentence is not None and _active_speech(_blank_quotes(after)):
        # '“Boots on the ground” would be appropriate, Ben Carson said after the debate.'
        found = reported_speaker(article, sentence)
        if found is not None:
            return _cued(article, found, (sentence.start, sentence.end))
    signed = _signature(article, span)
    if signed is not None:
        return _cued(article, speaker_named(article, *signed), signed)
    return _continued(article, span, earlier)


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
    article: Article, span: _Span, earlier: list[Quotation]
) -> tuple[str | None, SpeakerGrounds | None]:
    """A quote opening its sentence with no cue of its own: whoever the sentence before has
    speaking ("Dianne Bystrom agreed. “…”"), else the voice of the quotation just before (if
    nobody else speaks in between), else a person the sentence before is about."""
    index = article.sentence_index_at(span.start)
    before = article.sentences[index - 1] if index else None
    if before is not None and before.paragraph < article.sentences[index or 0].paragraph - 1:
        before = None
    introduced = reported_speaker(article, before) if before is not None else None
    if introduced is None and before is not None and _introduces(article, before):
        introduced = sentence_subject(article, before)  # "Dianne Bystrom agreed. “…”"
    if introduced is not None and _outside_quotes(article, before):
        return introduced, "nearby"
    previous = next((q for q in reversed(earlier) if q.is_statement), None)
    if previous is not None and previous.speaker and _same_voice(article, previous, span):
        return previous.speaker, "previous_quote"
    if before is None:
        return None, None
    found = introduced
    if found is None:
        subject = sentence_subject(article, before)
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


def _same_voice(article: Article, previous: Quotation, span: _Span) -> bool:
    """Nobody else speaks between two quotations at most three sentences apart."""
    first = article.sentence_index_at(max(previous.start, previous.end - 1))
    last = article.sentence_index_at(span.start)
    if first is None or last is None or last - first > 4:
        return False
    for sentence in article.sentences[first + 1 : last]:
        if not SPEECH.search(_blank_quotes(sentence.text(article.text))):
            continue
        other = reported_speaker(article, sentence)
        if (
            other
            and other != previous.speaker
            and (is_person(article, other) or is_unnamed_source(other))
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
