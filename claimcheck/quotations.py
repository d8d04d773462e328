"""Quotations: every span inside quotation marks, and who said it.

Marks: curly double quotes, straight double quotes (told apart as opening or closing by the
characters around them), and curly single quotes inside or outside double ones. Straight single
quotes are left alone: in plain text they are mostly apostrophes.

Conventions handled:
- A quote in two halves around an attribution ("“We will win,” he said, “and soon.”") is one
  quotation with two parts.
- A quote that runs on into a new paragraph reopens with a quotation mark and no closing mark
  before it; when paragraphs were flattened into one line (as in the BBC texts) that shows as an
  opening mark inside an open quote. Both make one quotation.
- An unbalanced mark closes at the end of its paragraph, so it cannot derail the rest.

A quoted phrase is a statement only when someone is speaking it. Not statements: scare quotes
(a short fragment no speech verb governs: 'growth in UK "industrial history"'), names and titles
('dubbing Mr Brown "Sir Wastealot"', 'the study "Whose Secretary are You, minister?"',
'so-called "Blair Babes"'), and words inside a reporter's question ("When asked ... what
assurances he could give that there would be no “American boots on the ground”"). A fragment of
a few words right after a speech verb ('denied he was "gloating"') is a statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.speakers import (
    SPEECH_VERBS,
    reported_speaker,
    resolve,
    sentence_subject,
    speech_cue_after,
    speech_cue_before,
)
from claimcheck.structure import Article

_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"
_NAMING = re.compile(
    r"\b(?:so-called|dubb(?:ed|ing)|call(?:ed|ing)|nicknamed|entitled|titled|named|known\s+as|"
    r"study|report|book|film|album|single|song|programme|program|show|series|campaign|slogan|"
    r"headline|motto|banner|word|words|term|phrase)\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_QUESTION_CLAUSE = re.compile(r"\b(?:when|after|before)\s+asked\b|\basked\s+(?:him|her|them)?\b",
                              re.IGNORECASE)  # fmt: skip
_PARTICIPLE = re.compile(r"\b(?:saying|adding|telling|insisting|warning|arguing|noting)\b[^“\"]*$")
_GOVERNED = re.compile(rf"\b(?:{SPEECH_VERBS}|saying|adding|calling\s+it)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quotation:
    """One quotation: ``article[start:end]`` is its excerpt, marks included."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]  # the quoted words of each part, without marks
    speaker: str | None
    is_statement: bool

    def text(self, article: str) -> str:
        return " ".join(" ".join(article[s:e].split()) for s, e in self.parts)


@dataclass
class _Span:
    start: int
    end: int
    parts: list[tuple[int, int]]


def find_quotations(article: Article) -> list[Quotation]:
    """Every quotation in the article, in order, with its speaker where one can be told."""
    spans = _merge_halves(article, _spans(article))
    quotations: list[Quotation] = []
    for span in spans:
        statement = _is_statement(article, span)
        speaker = _speaker(article, span, quotations) if statement else None
        quotations.append(Quotation(span.start, span.end, tuple(span.parts), speaker, statement))
    return quotations


def _spans(article: Article) -> list[_Span]:
    """Quotation spans from the marks, paragraph by paragraph."""
    text = article.text
    spans: list[_Span] = []
    current: _Span | None = None
    part_start = 0
    for index, paragraph in enumerate(article.paragraphs):
        if current is not None:
            # Carried over from the last paragraph: continues only if this one reopens.
            if text[paragraph.start] in '“"':
                part_start = paragraph.start + 1
            else:
                spans.append(current)
                current = None
        pos = paragraph.start if current is None else paragraph.start + 1
        while pos < paragraph.end:
            ch = text[pos]
            if current is None and _opens(text, pos, paragraph.start, paragraph.end):
                current, part_start = _Span(pos, pos, []), pos + 1
            elif (
                current is not None
                and _opens(text, pos, paragraph.start, paragraph.end)
                and ch in '“"'
            ):
                # An opening mark inside an open quote: the quote runs on past a lost break.
                current.parts.append(_trim(text, part_start, pos))
                part_start = pos + 1
            elif current is not None and _closes(text, pos, paragraph.start, paragraph.end):
                current.parts.append(_trim(text, part_start, pos))
                current.end = pos + 1
                spans.append(current)
                current = None
            elif ch == _OPEN_SINGLE and current is None:
                closing = _single_close(text, pos, paragraph.end)
                if closing is not None:
                    spans.append(_Span(pos, closing + 1, [_trim(text, pos + 1, closing)]))
                    pos = closing
            pos += 1
        if current is not None:
            current.parts.append(_trim(text, part_start, paragraph.end))
            current.end = paragraph.end
            next_opens = (
                index + 1 < len(article.paragraphs)
                and text[article.paragraphs[index + 1].start] in '“"'
            )
            if not next_opens or not _continues(text, current):
                spans.append(current)
                current = None
    if current is not None:
        spans.append(current)
    return [s for s in spans if any(e > b for b, e in s.parts)]


def _continues(text: str, span: _Span) -> bool:
    """A quote left open at a paragraph's end continues when it ended a sentence."""
    return text[span.end - 1] in ".!?…" or text[span.end - 1].isalnum()


def _opens(text: str, pos: int, lo: int, hi: int) -> bool:
    ch = text[pos]
    if ch == "“":
        return True
    if ch != '"':
        return False
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    return (before.isspace() or before in "([{—–-:;/") and not after.isspace()


def _closes(text: str, pos: int, lo: int, hi: int) -> bool:
    ch = text[pos]
    if ch == "”":
        return True
    if ch != '"':
        return False
    after = text[pos + 1] if pos + 1 < hi else " "
    return not after.isalnum() or not _opens(text, pos, lo, hi)


def _single_close(text: str, pos: int, hi: int) -> int | None:
    """The closing ’ of a ‘ quote: not an apostrophe between letters."""
    i = pos + 1
    while i < hi:
        if text[i] == _CLOSE_SINGLE:
            after = text[i + 1] if i + 1 < hi else " "
            if not after.isalpha():
                return i
        elif text[i] in "“”\n":
            return None
        i += 1
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_halves(article: Article, spans: list[_Span]) -> list[_Span]:
    """ "“We will win,” he said, “and soon.”" is one quotation in two parts."""
    text = article.text
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
    inner_end = first.parts[-1][1]
    if text[inner_end - 1 : inner_end] != "," or len(between) > 80 or "\n" in between:
        return False
    return (
        bool(re.fullmatch(r"\s*[^.!?“”\"]+,\s*", between)) and speech_cue_after(between) is not None
    )


def _is_statement(article: Article, span: _Span) -> bool:
    text = article.text
    words = sum(len(text[s:e].split()) for s, e in span.parts)
    sentence = article.sentence_at(span.start)
    lead = text[sentence.start if sentence else span.start : span.start]
    lead = lead[-200:]
    if _NAMING.search(lead):
        return False
    if _QUESTION_CLAUSE.search(lead) and not re.search(r"[:,]\s*$", lead.rstrip('“" ')):
        return False
    if words > 4:
        return True
    tail = text[span.end : span.end + 80]
    near = " ".join(lead.split()[-14:])
    return bool(_GOVERNED.search(near) or speech_cue_after(tail))


def _speaker(article: Article, span: _Span, earlier: list[Quotation]) -> str | None:
    text = article.text
    sentence = article.sentence_at(span.start)
    sentence_start = sentence.start if sentence else span.start
    end_sentence = article.sentence_at(max(span.start, span.end - 1))
    sentence_end = end_sentence.end if end_sentence else span.end
    after = text[span.end : sentence_end]
    cue = speech_cue_after(after)
    if cue is not None:
        return resolve(article, cue[0], span.end + cue[1])
    for a, b in zip(span.parts, span.parts[1:], strict=False):  # "…,” he said, “…”
        cue = speech_cue_after(text[a[1] + 1 : b[0] - 1])
        if cue is not None:
            return resolve(article, cue[0], a[1] + 1 + cue[1])
    lead = text[sentence_start : span.start]
    if _PARTICIPLE.search(lead) and sentence is not None:
        subject = sentence_subject(article, sentence) or _opening_subject(
            article, lead, sentence_start
        )
        if subject:
            return subject
    cue = speech_cue_before(lead)
    if cue is not None:
        return resolve(article, cue[0], sentence_start + cue[1])
    if sentence is not None and _GOVERNED.search(" ".join(lead.split()[-14:])):
        # "…but denied he was “gloating”": the speaker is the sentence's subject.
        subject = sentence_subject(article, sentence) or _opening_subject(
            article, lead, sentence_start
        )
        if subject:
            return subject
    match = re.search(r"\baccording\s+to\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)", after)
    if match:
        return resolve(article, match.group(1), span.end + match.start(1))
    return _continued(article, span, earlier) or _previous_sentence(article, span, lead)


_OPENING = re.compile(
    r"^(?:(?:On|In|At|A|An|The|Last|Earlier|Later|After|Before|While|When)\b[^,]{0,60},\s+)?"
    r"(?P<who>(?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+[a-z]"
)


def _opening_subject(article: Article, lead: str, offset: int) -> str | None:
    """The noun phrase a sentence opens with: "The Kremlin issued a statement, saying: …"."""
    match = _OPENING.match(lead)
    if match is None:
        return None
    return resolve(article, match.group("who"), offset + match.start("who"))


def _previous_sentence(article: Article, span: _Span, lead: str) -> str | None:
    """ "Mr X, the union's secretary, said the plan was unfair. "It will cost jobs."": a quote
    opening its sentence with no cue of its own is the voice of the sentence before."""
    if lead.strip():
        return None
    index = article.sentence_index_at(span.start)
    if not index:
        return None
    previous = article.sentences[index - 1]
    if span.start - previous.end > 3:
        return None  # not in the same paragraph
    return reported_speaker(article, previous)


def _continued(article: Article, span: _Span, earlier: list[Quotation]) -> str | None:
    """A quote with no cue of its own, opening its sentence right after another quote, goes on
    in the same voice."""
    if not earlier or earlier[-1].speaker is None:
        return None
    previous = earlier[-1]
    gap = article.text[previous.end : span.start]
    if len(gap) > 300 or (_GOVERNED.search(gap) and len(gap.split()) > 3):
        return None
    return previous.speaker
