"""Article structure: paragraphs and sentences with offsets, and the page furniture around them.

Everything downstream works in offsets into the text exactly as given, so the structure never
rewrites the text: it only finds where things start and end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Literal

from claimcheck.read.verbs import SPEECH_VERBS

ParagraphKind = Literal["headline", "body", "furniture"]

# Lines a web page wraps around an article: never a claim.
_FURNITURE = re.compile(
    r"""^\s*(?:
        (?:read|see|watch|listen|related|more|also\ read|read\ next|recommended|trending|
           most\ read|up\ next|explore\ more)\b[^.!?]{0,10}?[:>»|–—-]
      | advertisement\b | sponsored(?:\ content)?\b | skip\ (?:to|advert)\b
      | (?:share|tweet|email|print|save)\ (?:this|on|article|story|via)\b
      | (?:subscribe|sign\ up|newsletter|follow\ us|click\ here|download\ the\ app)\b
      | (?:photo|image|picture|video)(?:\ credit|\ copyright|\ source)?\s*[:©]
      | (?:image|photo)\ (?:copyright|caption|source)\b
      | (?:getty\ images|reuters|ap\ photo|afp)(?:\ via\ getty\ images)?\s*$
      | ©
      # a byline: capitalised names, then at most a role or an outlet, never a sentence
      # ("By contrast, Smith said …", "By Monday, the city had …" are body)
      | (?:by|written\ by|reporting\ by)\ (?-i:[A-Z][\w.'-]+(?:\ [A-Z][\w.'-]+){0,3})
        \s*(?:[,|/–—-][^.!?]{0,80})?$
      | (?:updated|published|posted)\s*[:]?\s*(?:\w+\ )?\d{1,2}
      | copyright\b | all\ rights\ reserved
      | this\ (?:article|story)\ (?:was|has\ been)\ (?:updated|corrected|amended)\b
      | (?:comments?|\d+\ comments?)\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sir st jr sr rev gen col lt sgt capt cmdr adm gov sen rep pres sens
    reps govs no vs etc inc ltd co corp plc dept est approx fig jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft""".split()
)

_SENTENCE_END = re.compile(r"""[.!?]+(?:\s*[”"’'»)\]])*(?=\s+|$)""")
_NEXT_STARTS_SENTENCE = re.compile(r"""\s+(?=(?:''|[“"‘'«(\[])?[A-Z0-9£$€])""")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$|(?<![\w.])[A-Z]\.$")  # U.S. a.m. "J. Smith"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int

    def text(self, article: str) -> str:
        return article[self.start : self.end]


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind
    sentences: tuple[Sentence, ...]


class Article:
    """The text as given, and where its paragraphs and sentences lie (all found on creation).

    ``numbered`` are the body sentences a model may cite, numbered from 1 across the whole
    article: the numbers every prompt shows and every answer points at.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: tuple[Paragraph, ...] = tuple(_paragraphs(text))
        self.sentences: tuple[Sentence, ...] = tuple(
            s for p in self.paragraphs for s in p.sentences
        )
        self.body_sentences: tuple[Sentence, ...] = tuple(
            s for p in self.paragraphs if p.kind == "body" for s in p.sentences
        )
        self.numbered: dict[int, Sentence] = dict(enumerate(self.body_sentences, start=1))
        self.headline: str | None = next(
            (text[p.start : p.end] for p in self.paragraphs if p.kind == "headline"), None
        )
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._numbers = {(s.start, s.end): n for n, s in self.numbered.items()}

    def number_of(self, offset: int) -> int | None:
        """The number the model knows the sentence at ``offset`` by (body sentences only)."""
        sentence = self.sentence_at(offset)
        return None if sentence is None else self._numbers.get((sentence.start, sentence.end))

    def sentence_index_at(self, offset: int) -> int | None:
        """Index in ``sentences`` of the sentence containing ``offset``, else None."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, or None if it falls between sentences."""
        i = self.sentence_index_at(offset)
        return None if i is None else self.sentences[i]

    def paragraph_kind_at(self, offset: int) -> ParagraphKind | None:
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i].kind
        return None

    def is_furniture(self, start: int, end: int) -> bool:
        """True when the span lies in page furniture or the headline (never a claim)."""
        kind = self.paragraph_kind_at(start)
        return kind is not None and kind != "body"


def _paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = strip_span(text, match.start(), match.end())
        if start == end:
            continue
        index = len(paragraphs)
        previous = paragraphs[-1] if index == 1 else None
        kind = _paragraph_kind(text[start:end], index, text, end)
        if kind == "body" and index < 2 and _heading_line(text, start, end, previous):
            kind = "headline"
            if previous is not None:  # the heading's first line
                paragraphs[0] = replace(previous, kind="headline")
        sentences = tuple(Sentence(s, e, index) for s, e in split_sentences(text, start, end))
        paragraphs.append(Paragraph(start, end, kind, sentences))
    return paragraphs


def _paragraph_kind(line: str, index: int, text: str, end: int) -> ParagraphKind:
    if _FURNITURE.match(line):
        return "furniture"
    # A first line without closing punctuation, followed by a blank line, is a headline.
    if (
        index == 0
        and len(line) < 150
        and not re.search(r"""(?<!\.\.)[.!?:;]["”’']?\s*$""", line)  # "Marley..." is a title
        and text[end : end + 2] == "\n\n"
    ):
        return "headline"
    return "body"


def _heading_line(text: str, start: int, end: int, previous: Paragraph | None) -> bool:
    """A headline that ends with a full stop, as some outlets write them ("Mixed messages on
    Trump leave plan."): the first line, short or in title case, with a blank line after it;
    or a heading of two lines ("Lawmaker urges retaliation on Russia;" and its second line),
    the block before the first blank line. A lead sentence is longer, and in sentence case."""
    line = text[start:end]
    if text[end : end + 2] != "\n\n":
        return False
    if previous is None:
        return _heading_like(line)
    if not _heading_like(line, most=16):  # a deck line under a title may run longer
        return False
    return re.fullmatch(r"[ \t]*\n[ \t]*", text[previous.end : start]) is not None and (
        previous.kind == "headline" or _heading_like(text[previous.start : previous.end])
    )


def _heading_like(line: str, most: int = 10) -> bool:
    """Short (``most`` words at most), or in title case: a lead sentence is neither."""
    words = line.split()
    long_words = [w for w in words if len(w) > 3]
    title_case = len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) * 4 >= (
        3 * len(long_words)
    )
    return len(line) < 150 and (len(words) <= most or title_case)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries within ``text[start:end]``, as (start, end) offsets into ``text``."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if not _ends_sentence(text, match.start(), stop, end):
            continue
        spans.append(strip_span(text, begin, stop))
        begin = stop
    if begin < end:
        spans.append(strip_span(text, begin, end))
    return [(s, e) for s, e in spans if e > s]


def _ends_sentence(text: str, dot: int, stop: int, end: int) -> bool:
    if stop >= end:
        return True
    if not _NEXT_STARTS_SENTENCE.match(text, stop, end):
        return False
    if text[stop - 1] in _CLOSING_MARKS and _ATTRIBUTION_TAIL.match(text, stop, end):
        return False  # '“Why not?” Bush said.' is one sentence
    if text[dot] != ".":
        return True
    word = re.search(r"[\w.]+$", text[max(0, dot - 20) : dot + 1])
    if word is None:
        return True
    token = word.group(0)
    if token.rstrip(".").lower() in _ABBREVIATIONS:
        return False
    # "U.S. troops" continues; "in the U.S. The next" ends. Guess from the next word's case
    # and whether it is a common sentence opener.
    if _INITIALISM.search(token):
        following = re.match(r"\s+([“\"‘']?)(\w+)", text[stop:end])
        return bool(following and following.group(2) in _SENTENCE_OPENERS)
    return True


_CLOSING_MARKS = "”\"’'"
# Whom a speaker addresses: "the crowd", "Republican politicians", "voters in Ohio".
_AUDIENCES = (
    r"crowd|audience|supporters|voters|reporters|journalists|politicians|lawmakers|delegates|"
    r"students|viewers|listeners|readers|people|members|senators|colleagues|interviewer|host|"
    r"moderator|residents|workers|fans|activists|donors|guests|mourners|graduates|troops"
)
_MEDIA = (
    r"station|network|channel|newspaper|paper|magazine|broadcaster|programme|program|show|"
    r"website|radio|agency|podcast|interviewer|reporter|journalist"
)
# What follows a quotation that ends in a full stop, question or exclamation mark, when it only
# says who spoke: "Bush said.", "said Mr. Brown, a lawyer.", "Trump said to a crowd in Iowa."
_ATTRIBUTION_TAIL = re.compile(
    rf"[ \t]+(?!(?:Nobody|Everyone|Everybody|Somebody|Someone|None|Nothing|It|This|That|There)\b)"
    rf"(?:(?:(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){{0,5}}(?:[A-Z][\w.’'-]*|he|she|they)"
    rf"(?:,\s+[A-Z][\w.-]*,)?\s+"  # "Rep. Glenn Thompson, R-Pa., said"
    rf"(?:[a-z]+ly\s+)?(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(?:[A-Z][\w.’'-]*\s*){{1,5}}))"
    # "…, alluding to the actor's turn in “The Revenant.”": a title in quotation marks
    rf"(?:,(?:[^.!?“”\"\n]|“[^”\n]{{1,40}}”|\"[^\"\n]{{1,40}}\"){{0,80}}|"
    rf"\s+(?:on|in|at|to|during|after|before|while|from|with|of|about|"
    rf"later|earlier|last|this|afterwards|again|as|when|outside|[A-Z]\w+day)\b[^.!?“”\"\n]{{0,60}}"
    # whom they told: "Trump told Britain’s ITV television station in an interview."
    rf"|\s+(?:[A-Z][\w’'-]*[’']s|reporters|journalists)\s[^.!?“”\"\n]{{0,160}}"
    # whom they told, a medium: "Trump told a British television station in an interview."
    rf"|\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}(?:{_MEDIA})"
    rf"(?:\s+(?:on|in|at|during|after|before|from|of)\b[^.!?“”\"\n]{{0,60}})?"
    # "Obama asked Republican politicians.", "Trump asked the crowd at a rally.", "told CNN."
    rf"|\s+(?:(?:the|his|her|their|its)\s+)?(?:[A-Z][\w’'-]*\s+){{0,3}}(?:{_AUDIENCES})"
    rf"(?:\s+(?:on|in|at|during|after|before|from|of|outside)\b[^.!?“”\"\n]{{0,60}})?"
    rf"|\s+(?:[A-Z][\w’'-]*\s+){{0,3}}[A-Z][\w’'-]*(?=[.!?]))?"
    rf"(?:[.!?]|(?<=[.!?][”\"]))(?=\s|$)"  # or the end of a title it quotes
)
_SENTENCE_OPENERS = frozenset(
    "The A An It He She They We I In On At But And This That These Those There His Her Their"
    " Its Our As After Before When While However Meanwhile".split()
)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the whitespace at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
