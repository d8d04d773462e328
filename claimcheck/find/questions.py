"""Follow-up questions: what a fact-checker asks of a claim beyond its sourcing gaps.

A quote is checked against a recording or a transcript, so its question asks for the venue and
the date only where its sentence does not give them. A figure is checked against its basis, so
its question names the figure and who gives it. No two claims of an article ask the same
question: where one would, it asks of its own words instead.
"""

from __future__ import annotations

import re

from claimcheck.find.figure_words import named
from claimcheck.find.gaps import Context, opening
from claimcheck.find.names import capital
from claimcheck.find.phrases import group_subject
from claimcheck.find.speakers import is_unnamed_source

_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# When the sentence says the words were spoken: "on Tuesday", "last week", "on 3 March".
_WHEN = re.compile(
    rf"\b(?:(?:on|last|this|next|late|early)\s+)?{_WEEKDAYS}(?:\s+(?:morning|afternoon|evening|"
    r"night))?\b|"
    rf"\b(?:on\s+)?(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}})(?:,?\s+\d{{4}})?\b|"
    r"\b(?i:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:day|week|month|year)s?\s+"
    r"(?:earlier|later|ago|before))\b|"
    r"\b(?:yesterday|today|tonight|earlier\s+(?:today|this\s+(?:week|month|year))|"
    r"(?:last|this)\s+(?:week|weekend|month|year|night|morning))\b"
)
# Where the words were spoken or written: "told the BBC", "in an interview with Fox News",
# "at a press conference", "in a statement", "on Twitter".
_WHERE = re.compile(
    r"\btold\s+(?P<told>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|\d+|of|for))*"
    r"(?:\s+(?:newspaper|programme|program|radio|television|magazine))?)|"
    rf"\b(?P<in>(?:in|during|at|on)\s+(?:a|an|the|his|her|their|its|(?!{_WEEKDAYS}|{_MONTHS})"
    r"[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)*)"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:interview|speech|statement|press\s+conference|news\s+conference|"
    r"briefing|rally|hearing|debate|address|letter|memo|email|tweet|post|podcast|broadcast|"
    r"programme|program|show|meeting|summit|event|conference|session|appearance|remarks)"
    r"(?:\s+(?:with|to|on|at|before)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)?)|"
    r"\b(?P<while>while\s+(?:meeting|speaking|visiting|addressing|talking|campaigning|"
    r"appearing)\b(?:\s+(?:with|to|at|in|on|before))?(?:\s+(?:the|a|an))?"
    r"(?:\s+(?:[A-Z][\w'’&.-]*|and|of|the))*(?:\s+[a-z]+)?(?=[\s,.;:]|$))|"
    r"\b(?:said|says|according\s+to)\s+(?P<said>(?:a|an|the|its|his|her|their)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:statement|letter|memo|email|tweet|post))\b|"
    r"\b(?P<on>on\s+(?:Twitter|Facebook|Instagram|X|TikTok|YouTube|television|TV|radio|"
    r"(?:[A-Z][\w'’&.-]*\s+)*(?:News|Radio|TV|Television|FM)(?:\s+\d+)?))\b"
)


_WRITTEN = re.compile(r"\b(?:statement|letter|memo|email|tweet|post)\b")


def questions(ctx: Context) -> list[str]:
    """The questions a claim's kind calls for, most specific first."""
    if ctx.kind == "quote":
        return [_quote_question(ctx)]
    if ctx.kind == "figure" and ctx.figure is not None and ctx.speaker:
        value = named(ctx.figure, ctx.sentence)
        if ctx.figure.raw.casefold() in ctx.speaker.casefold():
            # "Almost half of older residents say …": the group that speaks is the figure
            return [f"What is the figure of {value} based on, and is it published?"]
        who = _possessive(_mid_sentence(ctx.speaker) or "")
        return [f"What is {who} figure of {value} based on, and is it published?"]
    return []


def own_question(ctx: Context) -> str:
    """A question only this claim asks: of its own words, for where every other was asked
    already by another claim of the article."""
    words = opening(ctx.quoted or ctx.excerpt, 12)
    if ctx.kind == "figure" and ctx.figure is not None:
        return f"Where does the figure of {named(ctx.figure, ctx.sentence)} in “{words}” come from?"
    if ctx.kind == "quote":
        who = _mid_sentence(ctx.speaker) or "the speaker"
        return f"Can {who} confirm the words “{words}”, and their context?"
    return f"What evidence supports “{words}”?"


def _quote_question(ctx: Context) -> str:
    words = opening(ctx.quoted or ctx.excerpt)
    who = _mid_sentence(ctx.speaker)
    if not who:
        return f"Who said “{words}”, and where and when?"
    if ctx.unnamed_speaker:
        return f"Can the words “{words}” be confirmed with the person who said them, or in writing?"
    frame = _frame(ctx.sentence)
    where, when = _where(frame), _when(frame)
    if _BARE.fullmatch(frame) and ctx.setting:  # "“…,” he said.": the sentence before sets it
        setting = _frame(ctx.setting)
        where, when = where or _where(setting), when or _when(setting)
    check = "is there a recording or transcript that confirms the wording?"
    written = _WRITTEN.search(where or "")
    if written:
        return f"Where can the {written.group(0)} be read in full, to confirm the words “{words}”?"
    if where and when:
        return f"Is there a recording or transcript of {who}'s words “{words}”, {where} {when}?"
    if where:
        return f"When did {who} say “{words}” {where}, and {check}"
    if when:
        return f"Where did {who} say “{words}” {when}, and {check}"
    return f"Where and when did {who} say “{words}”, and {check}"


def _mid_sentence(speaker: str | None) -> str | None:
    """A speaker as a question writes it inside a sentence: "the Federal Reserve"."""
    if speaker and speaker.startswith(("The ", "A ", "An ")):
        return speaker[:1].lower() + speaker[1:]
    return speaker


def _possessive(who: str) -> str:
    """ "the council's", "officials'": a plural of unnamed sources takes the apostrophe alone,
    in lower case ("James's" is a name's)."""
    if who.endswith("s") and is_unnamed_source(who):
        return (who[:1].lower() + who[1:] if " " not in who else who) + "'"
    if who.endswith("ies") or (who.endswith("s") and group_subject(capital(who)) is not None):
        return who + "'"  # "the Tories'", "Republicans'"
    return who + "'s"


def _frame(sentence: str) -> str:
    """A sentence without its quoted words: where and when are the reporter's, not the
    speaker's ("“We met on Tuesday,” she said" dates the meeting, not the words)."""
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", sentence)


# A frame that says only who spoke: "“…,” he said.", "she added".
_BARE = re.compile(r"[\s,.:;–—-]*(?:\w+\s+){0,4}?\w+[\s,.:;–—-]*")


def _when(frame: str) -> str | None:
    found = _WHEN.search(frame)
    if found is None:
        return None
    when = found.group(0)
    if re.match(r"(?:An?|One|Two|Three|Four|Five|Six)\s", when):
        when = when[:1].lower() + when[1:]
    if re.match(rf"{_WEEKDAYS}|\d|{_MONTHS}", when):
        when = f"on {when}"
    return when


def _where(frame: str) -> str | None:
    where = _venue(frame)
    # "… told Associated Press.": the sentence's full stop is none of the venue's
    return re.sub(r"(?<![A-Z])[.,;:]+$", "", where) if where else None


def _venue(frame: str) -> str | None:
    found = _WHERE.search(frame)
    if found is None:
        return None
    if found.group("told"):
        return f"to {found.group('told')}"
    if found.group("while"):
        return found.group("while").rstrip()
    if found.group("said"):
        return f"in {found.group('said')}"
    venue = found.group("in") or found.group("on")
    return re.sub(r"^(?:during|at)\b", "at", venue)
