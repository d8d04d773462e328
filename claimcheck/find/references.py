"""Claim texts that stand alone: a leading "he" or a bare "the meeting" made what it is.

Where the article does not say who or what it is, the words stay and the claim is flagged.

"His comment on Tuesday revealed a limit …" reads "Donald Trump's comment on Tuesday …" when
the sentences before are about Donald Trump; "should the meeting go well" reads "should the
meeting between the Russian President and Zelensky go well" when the article introduced that
meeting. A pronoun is resolved as a speaker's is (``claimcheck.find.resolution``): a person for
"he", "she", "his", "her"; "it" and "they" only when the claim gives who speaks. Whatever is
left unresolved keeps the article's words, and the claim gets an ``unclear_scope`` gap that
names the words and a question that asks what they refer to.
"""

from __future__ import annotations

import re

from claimcheck.find.drafts import Draft
from claimcheck.find.gaps import opening
from claimcheck.find.names import capital
from claimcheck.find.reading import Reading
from claimcheck.find.resolution import resolve
from claimcheck.find.speakers import SPEECH
from claimcheck.models import SourcingGap

_PERSONAL = re.compile(r"^(?P<word>He|She|His|Her)\b(?!['’])")
_IMPERSONAL = re.compile(r"^(?P<word>It|They|Its|Their)\b(?!['’])")
# "It is not yet known whether …", "It was always a struggle for him to …": "it" stands for
# nothing the reader must be told.
_DUMMY_IT = re.compile(
    r"^It\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|seemed|appears|appeared|"
    r"remains|remained|emerged|took|takes|is\s+\w+ly|was\s+\w+ly)\b[^.]*\b(?:to|that|whether|if|"
    r"how|when|why|what|who)\b"
)
_DEMONSTRATIVE = re.compile(
    r"^(?P<word>(?:This|These|That|Those)(?!\s+(?:time|year|week|month|morning|afternoon|evening|"
    r"weekend)\b)(?:\s+(?!(?:is|are|was|were|has|have|"
    r"had|will|would|could|can|may|might|must|should|did|does|do)\b)[a-z][a-z-]*(?<!ed)){0,3})\b"
)
# Things an article introduces and then calls "the meeting": events, deals, documents.
_THINGS = (
    r"meeting|talks|summit|deal|agreement|plan|proposal|offer|bid|bill|scheme|vote|decision|"
    r"report|review|inquiry|investigation|contract|merger|move|visit|election|ban|policy"
)
_BARE_THING = re.compile(
    rf"\bthe\s+(?P<thing>{_THINGS})\b(?!\s+(?:of|between|with|to|for|on|by|at|in|over|against|"
    r"from|that|which|who)\b)"
)
# "a possible meeting between the Russian President and Zelensky": what "the meeting" is.
_INTRODUCED = (
    r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}?{thing}\s+(?P<detail>(?:between\s+[^,.;:—]+?\s+and|"
    r"with|of|on|to|for|by)\s+[^,.;:—]+?)(?=\s*(?:[,.;:—]|\b(?:and|but|which|that|who|saying|"
    r"after|before|when|while)\b|$))"
)
# "the ID cards bill", "the Glazer deal": the name the article gave it; never words that run
# into a clause ("the voters in Ohio said the plan" names no plan).
_NOT_IN_A_NAME = re.compile(
    rf"\b(?:the|a|an|in|of|on|at|to|for|by|with|from|and|or|that|this|is|are|was|were|has|have|"
    rf"had|will|would|{SPEECH.pattern})\b"
)
_NAMED = r"\bthe\s+(?P<name>(?:[\w-]+\s+){{0,2}}?[A-Z][\w-]*(?:\s+[\w-]+){{0,2}}?)\s+{thing}\b"


def stand_alone(reading: Reading, draft: Draft) -> Draft:
    """The draft with its leading pronoun and its bare "the meeting" resolved where the article
    says, and a gap for each it does not."""
    text = draft.text
    text, unclear = _leading(reading, draft, text)
    text, bare = _things(reading, draft.start, draft.end, text)
    draft.text = text
    for words in [w for w in (unclear, bare) if w]:
        draft.gaps.append(
            SourcingGap(
                kind="unclear_scope",
                explanation=f"“{words}” is not identified: the claim does not stand alone.",
            )
        )
        draft.questions.append(f"Who or what is “{words}” in “{opening(text)}”?")
    return draft


def _leading(reading: Reading, draft: Draft, text: str) -> tuple[str, str | None]:
    """The text with its opening pronoun resolved, and the words left unresolved."""
    personal = _PERSONAL.match(text)
    if personal is not None:
        word = personal.group("word")
        pronoun = {"His": "he", "Her": "she"}.get(word, word.lower())
        rest = text[len(word) :]
        if word in ("He", "She") and draft.speaker and _speaks(rest):
            return f"{capital(draft.speaker)}{rest}", None  # "She said: …", the spokeswoman's
        name = resolve(reading.names, pronoun, reading.actors.before(draft.start), draft.start)
        if name is None or not reading.names.is_person(name):
            return text, word
        if word in ("His", "Her"):
            return f"{name}{_apostrophe(reading)}s{text[len(word) :]}", None
        return f"{name}{text[len(word) :]}", None
    impersonal = _IMPERSONAL.match(text)
    if impersonal is not None:
        word = impersonal.group("word")
        if word == "It" and _DUMMY_IT.match(text):
            return text, None
        rest = text[len(word) :]
        if word in ("It", "They") and draft.speaker and _speaks(rest):
            return f"{capital(draft.speaker)}{rest}", None
        body = _body(reading, draft.start) if word in ("It", "Its") else None
        if body is None:
            return text, word
        return f"{capital(body)}{_apostrophe(reading) + 's' if word == 'Its' else ''}{rest}", None
    demonstrative = _DEMONSTRATIVE.match(text)
    if demonstrative is not None:
        return text, demonstrative.group("word")
    return text, None


def _things(reading: Reading, offset: int, end: int, text: str) -> tuple[str, str | None]:
    """The text with a bare "the meeting" made the meeting the article introduced before."""
    # Up to the first quotation mark: the speaker's words are theirs to leave unexplained
    # (and a paragraph's quotation may run on with no closing mark).
    frame = re.split(r"[“\"]", text, maxsplit=1)[0]
    found = _BARE_THING.search(frame)
    if found is None:
        return text, None
    thing = found.group("thing")
    before = reading.article.text[max(0, offset - 1500) : end]
    introduced = list(re.finditer(_INTRODUCED.format(thing=re.escape(thing)), before))
    if not introduced:
        named = [
            m
            for m in re.finditer(_NAMED.format(thing=re.escape(thing)), before)
            if not _NOT_IN_A_NAME.search(m.group("name"))
        ]
        if not named:
            return text, found.group(0)
        name = " ".join(named[-1].group("name").split())
        return f"{text[: found.start('thing')]}{name} {text[found.start('thing') :]}", None
    detail = " ".join(introduced[-1].group("detail").split())
    if detail.casefold() in text.casefold():
        return text, None
    at = found.end()
    return f"{text[:at]} {detail}{text[at:]}", None


def _speaks(rest: str) -> bool:
    return (
        re.match(rf"\s+(?:(?:also|has|have|had|later|then)\s+)?{SPEECH.pattern}", rest) is not None
    )


def _apostrophe(reading: Reading) -> str:
    text = reading.article.text
    return "’" if text.count("’") > text.count("'") else "'"


def _body(reading: Reading, offset: int) -> str | None:
    """What "it" is when the last two sentences were both about one body ("T-Mobile …
    T-Mobile …  It said …"); a person between them, or two bodies, leave it unknown."""
    last = reading.actors.before(offset)[-2:]
    if len(last) == 2 and not any(a.person for a in last) and last[0].name == last[1].name:
        return last[1].name
    return None
