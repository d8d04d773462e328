"""Resolution: a speaker phrase made the name of someone the article names.

"Mr Letwin" -> "Oliver Letwin" (the fullest form); "the President" -> "Donald Trump" (a role
the article gave someone); "the chancellor", a role it never gave, -> the last person who acted
in the sentences before; "he"/"she" -> the last person who acted (a sentence's speaker or
subject, not any name in passing), of the fitting gender where a title tells it; a body keeps
the article's own wording ("The Kremlin", "the Welsh Assembly Government" for "the assembly
government"); an unnamed source keeps the phrase as written ("Some economists").

Who acted in each sentence (its "actor") is found once per article, in article order
(``find_actors``), from the names and the quotation marks found before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from claimcheck.find.cues import (
    ACCORDING,
    PARTY_LABEL,
    QUOTED,
    SPEECH,
    according_speaker,
    after_match,
    cue_before,
    inverted_cue,
    last_match,
    split_joint,
    subject,
)
from claimcheck.find.marks import Marks
from claimcheck.find.names import (
    BODY_ROLES,
    ORG_WORDS,
    POSSESSIVE,
    PRONOUNS,
    TITLES,
    UNNAMED,
    Gender,
    NameIndex,
    capital,
    is_unnamed_source,
    role_gender,
    role_key,
    strip_titles,
)
from claimcheck.find.phrases import group_subject
from claimcheck.read.structure import Sentence


@dataclass(frozen=True)
class _Actor:
    """Who a sentence is about: its speaker, else its subject."""

    start: int
    name: str
    gender: Gender | None
    person: bool
    named: bool  # a name, not a role phrase ("The Scottish National Party's leader")


# A full stop after a word of two letters or more ends a sentence; after a title or an
# initial ("Mr.", "J.") it does not.
_BEFORE_SENTENCE_END = re.compile(
    r"^.*\b(?!(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev)\.)\w{2,}[.!?]\s+(?=[A-Z])"
)


def resolve(index: NameIndex, phrase: str, actors: list[_Actor], offset: int) -> str | None:
    """A speaker phrase made a name: pronouns, roles and surnames resolved."""
    phrase = " ".join(phrase.split()).strip(" ,")
    phrase = re.sub(r"^(?:[Bb]ut|[Aa]nd|[Ss]o)\s+", "", phrase)
    phrase = re.sub(r"^[Aa]ccording\s+to\s+", "", phrase)  # "According to HuffPo: “…”"
    phrase = _BEFORE_SENTENCE_END.sub("", phrase)  # never across a sentence's end
    phrase = PARTY_LABEL.sub("", phrase)  # "Rep. Bobby Scott (D-Va.)"
    phrase = POSSESSIVE.sub("", phrase)  # "Mr Brown's insistence": Mr Brown
    statement = re.fullmatch(r"(?:[Aa]n?|[Tt]he)\s+(?P<body>[A-Z][\w’'-]*)\s+statement", phrase)
    if statement:  # "said an SFA statement"
        phrase = statement.group("body")
    if re.fullmatch(r"[A-Z][a-z]+ing", phrase) and not index.is_person(phrase):
        return None  # "Continuing to explain his perspective, Carson …": no name
    parts = split_joint(phrase)
    if len(parts) > 1:  # "Elijah Cummings and John Conyers": each of them, together
        names = [resolve(index, part, actors, offset) for part in parts]
        if all(names):
            return ", ".join(n for n in names[:-1] if n) + f" and {names[-1]}"
    if _GROUP_FOR.match(phrase) or group_subject(phrase) is not None:
        # "Attorneys for Clinton", "Most Republican voters in Alabama, Georgia and Virginia":
        # a group, whatever names it holds
        return capital(phrase)
    affiliation = _AFFILIATION.match(phrase)
    if affiliation and (
        _person_like(affiliation.group("name")) or index.is_person(affiliation.group("name"))
    ):
        phrase = affiliation.group("name")  # "Jeffrey Lewis of the James Martin Center"
    if _SOMEONES_ROLE.match(phrase):
        return capital(phrase)  # "Donald Trump’s campaign manager": no guess at who
    if _headline(phrase):
        return None  # "Latinos Share Their Most Honest Thoughts On Donald Trump"
    lower = phrase.lower()
    if lower in PRONOUNS:
        return _antecedent(actors, PRONOUNS[lower], person=True)
    if not phrase or lower in ("it", "they", "we", "i", "you", "this", "that"):
        return None
    role = role_key(phrase)
    if is_unnamed_source(phrase) and (role is None or not _known_role(index, role)):
        return capital(phrase)
    name = _name_in(phrase)
    if name is not None:
        return _name_or_body(index, name, phrase)
    if role is not None:
        return _resolve_role(index, role, phrase, actors, offset)
    return capital(phrase) if phrase[:1].isupper() or UNNAMED.match(phrase) else None


_AFFILIATION = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s+(?:of|from|at|with)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}[A-Z]"  # "Stu Rothenberg of the non-partisan Rothenberg Report"
)
_GROUP_FOR = re.compile(
    r"^(?:[A-Z][a-z]+s\s+(?:for|of|to|with|close\s+to)\s+[A-Z]|"
    # "Staff for the House Select Committee", "Lawyers for the Clinton family": a group noun,
    # as no surname ("Jones of the Treasury") is
    r"(?:Staff|[A-Z][a-z]+(?:ers|ors|ists|ants|ents|ians|ives|ials|ees|ffs))\s+"
    r"(?:for|of|to|with|close\s+to)\s+the\s+[A-Z])"
)
_SOMEONES_ROLE = re.compile(r"^[A-Z][\w .’'-]*?[’'](?:s)?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*$")


def _headline(phrase: str) -> bool:
    """A heading set in title case or capitals, not a name: five words or more, each
    capitalised, small words too ("Thoughts On"), or three or more in capitals."""
    words = [w for w in phrase.split() if w.isalpha()]
    if len(words) >= 3 and all(w.isupper() and len(w) > 1 for w in words):
        return True
    # "Will" just before the last word is a first name: "GOP Chairman Will Rogers"
    small = [w for i, w in enumerate(words[1:], 1) if w in _TITLED_SMALL_WORDS]
    if small == ["Will"] and words[-2] == "Will":
        return False
    return len(words) >= 5 and all(w[:1].isupper() for w in words) and bool(small)


_TITLED_SMALL_WORDS = frozenset(
    "The Of On In To For And With Their His Her Is Are Has Have Will Most A An At By From Says "
    "Said Why How What".split()
)


def _person_like(name: str) -> bool:
    words = strip_titles(name).split()
    return len(words) >= 2 and not any(w.lower() in ORG_WORDS for w in words)


def _name_in(phrase: str) -> str | None:
    """The name a speaker phrase ends with ("BBC economic editor Evan Davis" -> "Evan Davis"),
    None when it ends in a common noun ("Mr Sigarchi's lawyer")."""
    words = phrase.split()
    if not words or not words[-1][:1].isupper():
        return None
    tail: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or word.lower() in ("the",):
            break
        tail.append(word)
    tail.reverse()
    rest = words[: len(words) - len(tail)]
    if len(tail) > 2 and rest[-2:-1] and rest[-1] in ("of", "for") and rest[-2].lower() in TITLES:
        tail = tail[1:]  # "Secretary of State John Kerry": "State" closes the title
    if all(w.lower().strip(".") in TITLES for w in tail):
        return None  # "the President", "The MEP": a role, not a name
    return " ".join(tail)


def _name_or_body(index: NameIndex, run: str, phrase: str) -> str:
    words = run.split()
    # "Southampton's David Prutton": the name follows the possessive; "Russia’s Foreign
    # Ministry" is a body and keeps it.
    for i, word in enumerate(words[:-1]):
        if POSSESSIVE.search(word) and not any(w.lower() in ORG_WORDS for w in words[i + 1 :]):
            words = words[i + 1 :]
            break
    bare = strip_titles(" ".join(words))
    if index.is_person(bare) or (len(bare.split()) == 1 and bare in index.first):
        return index.fullest(bare)
    if len(bare.split()) < len(words) and not any(w.lower() in ORG_WORDS for w in bare.split()):
        return bare  # a title came off: a person the index missed
    body = " ".join(words)
    if phrase.split()[-len(words) - 1 : -len(words)] in (["The"], ["the"]):
        body = "The " + body  # "The Kremlin", "The Scottish Executive"
    return _fuller_body(index, body)


def _fuller_body(index: NameIndex, body: str) -> str:
    """ "the assembly government" -> "the Welsh Assembly Government" when the article gave it."""
    words = body.lower().split()
    core = words[1:] if words and words[0] == "the" else words
    if not core:
        return body
    for full in index.body_names.get(core[-1], []):
        name = full.lower().split()
        if len(name) > len(core) and name[-len(core) :] == core:
            the = "The " if body.lower().startswith("the ") else ""
            return the + full
    if len(core) == 1 and len(core[0]) >= 3:
        # "the Fed" after "the Federal Reserve": a clipped form of a name the article gave.
        for full in index.clipped.get(core[0][:3], []):
            first = full.split()[0].lower()
            if first != core[0] and first.startswith(core[0]):
                return ("The " if words[0] == "the" else "") + full
    return capital(body)


def _body_before(index: NameIndex, offset: int, head: str) -> str | None:
    """The last body named before ``offset`` that the noun ``head`` can stand for: any body
    for "the organisation" (after "Reporters Without Borders"), one whose name says what it
    is for "the union" or "the ministry" ("the union" is not the Home Office)."""
    at = bisect_left(index.organisation_starts, offset)
    kinds = _BODY_KINDS.get(head)
    for mention in reversed(index.organisations[:at]):
        words = {w.casefold() for w in mention.name.split()}
        if kinds is None or words & kinds:
            return mention.name
    return None


# What a body's name holds when "the <head>" can be it; heads not listed stand for any body.
_BODY_KINDS = {
    head: frozenset(kinds.split())
    for head, kinds in {
        "bank": "bank",
        "ministry": "ministry",
        "government": "government",
        "club": "club fc united city",
        "party": "party",
        "union": "union unite unison gmb",
        "department": "department",
        "council": "council",
        "court": "court",
        "commission": "commission",
        "newspaper": "times post journal news mail guardian telegraph herald tribune",
        "paper": "times post journal news mail guardian telegraph herald tribune",
        "airline": "airways airlines air",
        "board": "board",
        "trust": "trust",
        "hospital": "hospital",
        "federation": "federation",
        "association": "association",
    }.items()
}


def _known_role(index: NameIndex, role: str) -> bool:
    return role in index.roles


def _resolve_role(
    index: NameIndex, role: str, phrase: str, actors: list[_Actor], offset: int
) -> str | None:
    if role in index.roles:
        return index.roles[role]
    head = role.split()[-1]
    if re.fullmatch(BODY_ROLES, role) or re.fullmatch(BODY_ROLES, head):
        found = _fuller_body(index, phrase)
        if found != capital(phrase):
            return found
        if any(w[:1].isupper() for w in phrase.split()[1:]):
            return capital(phrase)  # "the Man Utd supporters club" names a body of its own
        return _body_before(index, offset, head) or capital(phrase)
    return _antecedent(actors, role_gender(role), person=True) or capital(phrase)


def _antecedent(actors: list[_Actor], gender: Gender | None, person: bool) -> str | None:
    """The last sentence's actor that fits: a named person of no contrary gender, or a role
    phrase whose gender is known to fit ("The executive spokeswoman" for "she"). A role phrase
    of unknown gender is kept only as a fallback."""
    fallback: str | None = None
    for actor in reversed(actors[-RECENT:]):
        if actor.person != person:
            continue
        if not person:
            return actor.name
        fits = gender is None or actor.gender in (None, gender)
        if not fits:
            continue
        if actor.named or (gender is not None and actor.gender == gender):
            return actor.name
        fallback = fallback or actor.name
    return fallback


class Actors:
    """Who each sentence is about (its speaker, else its subject), in article order: the
    resolution stage's output, which a pronoun or a role is resolved against."""

    def __init__(self, found: list[_Actor]) -> None:
        self._found = found
        self._starts = [a.start for a in found]

    def before(self, offset: int) -> list[_Actor]:
        """Who the sentences before ``offset`` were about, the last ``RECENT`` of them in
        article order (an antecedent is never looked for further back)."""
        end = bisect_left(self._starts, offset)
        return self._found[max(0, end - RECENT) : end]


RECENT = 8  # how many sentences back a pronoun or a role is resolved


def find_actors(names: NameIndex, marks: Marks) -> Actors:
    """One actor per sentence that has a speaker or a subject, each resolved against the
    sentences before it."""
    found: list[_Actor] = []
    for sentence in names.article.sentences:
        actor = _sentence_actor(names, marks, sentence, found[-RECENT:])
        if actor is not None:
            found.append(actor)
    return Actors(found)


def sentence_speaker(
    index: NameIndex, marks: Marks, sentence: Sentence, actors: list[_Actor]
) -> str | None:
    """Who the sentence reports as speaking, outside quotation marks; None if nobody."""
    text = marks.inside_quotes(sentence.start, sentence.end)
    if text.startswith("(") and text.rstrip(" .").endswith(")"):
        text = f" {text[1:]}"  # "(Trump writes that he would …)": an aside, read as a sentence
    heading = _HEADING_CUE.match(text) if _title_case_line(text) else None
    if heading is not None:  # "Trump Says He Never Pledged To …": a headline's speaker
        return resolve(index, heading.group("np"), actors, sentence.start)
    for quote in QUOTED.finditer(index.article.text, sentence.start, sentence.end):
        found = after_match(text[quote.end() - sentence.start :])
        if found is not None:
            return resolve(index, found[0], actors, quote.end())
    inverted = inverted_cue(text)  # "…, said Larry Sabato, director of …": his, whatever came
    if inverted is not None:  # before the comma
        return resolve(index, inverted[0], actors, sentence.start + inverted[1])
    phrase = cue_before(text, main=True)
    if phrase is not None and phrase.lower() in PRONOUNS:
        own = own_subject(index, text, PRONOUNS[phrase.lower()], actors, sentence.start)
        if own is not None:
            return own  # "Former Rep. Chris Shays was pro Kasich …, he said"
    speaker = resolve(index, phrase, actors, sentence.start) if phrase is not None else None
    if speaker is not None:
        return speaker
    # "…, Retail Decisions said." and "…, said Mr Ingram." close the sentence.
    verb = last_match(SPEECH.finditer(text, max(0, len(text) - 250)))
    comma = text.rfind(", ", 0, verb.start()) if verb else -1
    if comma >= 0:
        found = after_match(text[comma:])
        if found is not None:
            return resolve(index, found[0], actors, sentence.start + comma)
    # Last: "Sanders said, according to CNN" is Sanders's; CNN only reports it.
    according = ACCORDING.search(text)
    if according:
        return resolve(index, according_speaker(according.group("np")), actors, sentence.start)
    return None


def own_subject(
    index: NameIndex, text: str, gender: Gender, actors: list[_Actor], offset: int
) -> str | None:
    """The person a sentence opens with, when its cue is a pronoun that fits them."""
    found = subject(text)
    if found is None or found[0].lower() in PRONOUNS:
        return None
    name = resolve(index, found[0], actors, offset)
    if name is None or not index.is_person(name):
        return None
    return name if index.genders.get(name) in (None, gender) else None


_HEADING_CUE = re.compile(
    r"(?P<np>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}?)\s+"
    r"(?:Says|Tells|Announces|Claims|Admits|Warns|Insists|Explains|Argues|Writes)\b"
)


def _title_case_line(text: str) -> bool:
    """ "Another GOP Figure Endorses Hillary Clinton.": a heading, about nobody in particular."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and all(w[:1].isupper() for w in words)


def _sentence_actor(
    index: NameIndex, marks: Marks, sentence: Sentence, earlier: list[_Actor]
) -> _Actor | None:
    text = marks.inside_quotes(sentence.start, sentence.end)
    if _title_case_line(text):
        return None
    phrase: str | None = None
    name = sentence_speaker(index, marks, sentence, earlier) if SPEECH.search(text) else None
    if name is None:
        found = subject(text)
        if found is None:
            return None
        phrase = found[0]
        name = resolve(index, phrase, earlier, sentence.start)
        if name is None:
            return None
    person = index.is_person(name) or role_gender(name.lower()) is not None
    if not person and phrase is None:
        person = bool(UNNAMED.match(name)) and not re.search(BODY_ROLES, name.lower())
        person = person or (
            role_key(name) is not None and not re.search(BODY_ROLES, name.lower().split()[-1])
        )
    pronoun = phrase.lower() if phrase else ""
    gender = PRONOUNS.get(pronoun) or index.genders.get(name) or role_gender(name.lower())
    named = index.is_person(name) or not person
    if not person and not _is_body_name(index, name):
        return None
    return _Actor(sentence.start, name, gender, person, named)


def _is_body_name(index: NameIndex, name: str) -> bool:
    last = name.lower().split()[-1] if name.split() else ""
    return any(name.endswith(full) for full in index.body_names.get(last, []))
