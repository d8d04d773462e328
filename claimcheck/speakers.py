"""Speakers: who the article names, the fullest form of each name, and who is speaking.

The heuristics, in order of trust: an explicit cue ("X said", "said X", "according to X"); a
title the article gave someone ("President Donald Trump" makes "the President" Donald Trump);
a pronoun or role noun resolves to the subject of an earlier sentence (the last person who did
something, not the last name mentioned), honouring gender where a title tells it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from claimcheck.structure import Article, Sentence

SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|continued|replied|replies|explained|warned|warns|"
    r"argued|argues|insisted|insists|claimed|claims|stated|states|announced|announces|"
    r"declared|noted|notes|suggested|suggests|admitted|admits|acknowledged|conceded|"
    r"stressed|urged|urges|confirmed|denied|denies|predicted|forecast|believes|believed|"
    r"thinks|recalled|remembered|wrote|writes|asked|jeered|described|rejected|rejects|"
    r"promised|pledged|vowed|maintained|revealed|reported|estimated|estimates"
)
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_TITLES = frozenset(
    """president prime minister chancellor secretary mr mrs ms miss dr sir lord lady dame
    professor prof general gen senator sen governor gov king queen prince princess pope rev
    judge justice chief executive deputy foreign home shadow chairman chairwoman director
    mayor commissioner economic editor correspondent spokesman spokeswoman manager coach
    captain leader mp boss former ex new acting vice councillor cllr inspector detective
    superintendent constable sergeant officer ambassador bishop archbishop cardinal""".split()
)
_MALE = frozenset("mr sir lord king prince".split())
_FEMALE = frozenset("mrs ms miss lady dame queen princess".split())
_ORG_WORDS = frozenset(
    """ministry news kremlin party bank council office union department government court
    commission committee agency association federation company corporation group police
    service services board house parliament commons assembly democrats conservatives tories
    labour times post journal bbc cnn reuters nato un eu fund exchange market street club
    college university school hospital institute centre center foundation trust airways
    airlines motors""".split()
)
_NOT_NAMES = frozenset(
    """the a an but and or when while after before in on at as if it he she they we i his her
    their its our this that these those there then so yet however meanwhile asked last next
    some many most monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december""".split()
)
_ROLE_NOUNS = (
    r"president|prime\s+minister|chancellor|shadow\s+chancellor|minister|secretary|premier|"
    r"chairman|chairwoman|chief\s+executive|boss|manager|coach|spokes(?:man|woman|person)|"
    r"singer|player|striker|midfielder|governor|mayor|senator|leader|judge|official|"
    r"company|firm|bank|group|ministry|government|club|party|union|department|agency|"
    r"council|court|commission|mep|mp|economist|analyst"
)
_PERSON_ROLES = re.compile(
    r"president|prime minister|chancellor|minister|secretary|premier|chair|chief executive|"
    r"boss|manager|coach|singer|player|striker|midfielder|governor|mayor|senator|leader|judge|"
    r"mep|mp|economist|analyst",
)
_UNNAMED = re.compile(
    r"^(?:(?:the|some|many|several|other|two|three|senior|unnamed|anonymous|local|western|"
    r"government|us|u\.s\.|european|russian|british)\s+)*(?:officials?|sources?|analysts?|"
    r"economists?|experts?|observers?|insiders?|critics?|diplomats?|aides?|spokes(?:man|woman|"
    r"person|people|men|women)|ministers|campaigners|residents|witnesses|investigators|"
    r"people\s+familiar\b.*|researchers|scientists|doctors|police|traders|dealers|"
    r"commentators|reports?|polls?)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Z][\w’'.-]*|[a-z][\w’'-]*|\S")
_NAME_RUN = re.compile(r"[A-Z](?:[\w’'-]+|\.)(?:[ \t]+[A-Z](?:[\w’'-]+|\.)){0,5}")
_PRONOUN = re.compile(r"^(?:he|she)$", re.IGNORECASE)


_Subjects = list[tuple[int, str, str | None]]


@dataclass(frozen=True)
class Mention:
    """A named person in the article, as written and in its fullest form."""

    start: int
    end: int
    written: str
    name: str  # titles removed, the fullest form: "Donald Trump"
    gender: str | None  # "m", "f" or None when no title tells
    role: str | None  # the title it came with, lower case: "president", "russian president"


class _Index:
    """Everything this module knows about one article, computed once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.mentions = _mentions(article.text)
        self.full = _full_names(self.mentions)
        for name in _single_names(article.text):
            self.full.setdefault(name, name)
        self.roles = {m.role: self.fullest(m.name) for m in self.mentions if m.role}

    def fullest(self, name: str) -> str:
        bare = strip_titles(name)
        if not bare:
            return name
        surname = bare.split()[-1]
        return self.full.get(surname, bare)

    @cached_property
    def subjects(self) -> _Subjects:
        """(sentence start, subject's name, gender) for sentences whose subject is a person."""
        found: _Subjects = []
        for sentence in self.article.sentences:
            subject = _subject(self, sentence, found)
            if subject is not None:
                found.append((sentence.start, *subject))
        return found

    @cached_property
    def _genders(self) -> dict[str, set[str]]:
        genders: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.gender:
                genders.setdefault(self.fullest(m.name), set()).add(m.gender)
        return genders

    def gender_of(self, name: str) -> str | None:
        genders = self._genders.get(name, set())
        return next(iter(genders)) if len(genders) == 1 else None


_CACHE: dict[int, tuple[Article, _Index]] = {}


def _index(article: Article) -> _Index:
    cached = _CACHE.get(id(article))
    if cached is not None and cached[0] is article:
        return cached[1]
    if len(_CACHE) > 32:
        _CACHE.clear()
    index = _Index(article)
    _CACHE[id(article)] = (article, index)
    return index


def people(article: Article) -> list[Mention]:
    """The named people the article mentions, in order."""
    return list(_index(article).mentions)


def fullest_name(article: Article, name: str) -> str:
    """The fullest form the article gives of a name: "Trump" -> "Donald Trump"."""
    index = _index(article)
    name = _drop_leading_words(name)
    role = _role_key(name)
    if role and role in index.roles:
        return index.roles[role]
    return index.fullest(name)


def is_named(article: Article, speaker: str) -> bool:
    """Is the speaker someone (or something) the article itself names?"""
    bare = strip_titles(speaker).strip()
    if not bare:
        return False
    text = article.text
    return (
        bare in text
        or bare.split()[-1] in _index(article).full
        or (len(bare.split()) == 1 and re.search(rf"\b{re.escape(bare)}\b", text) is not None)
    )


def is_unnamed_source(phrase: str) -> bool:
    """Officials, sources, analysts, a spokesman: someone the article does not name."""
    cleaned = re.sub(r"^(?:a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    return bool(_UNNAMED.match(cleaned))


def strip_titles(name: str) -> str:
    """ "Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky"."""
    words = name.replace("’s ", " ").split()
    while len(words) > 1 and (
        words[0].lower().strip(".") in _TITLES or _nationality(words[0], words[1:])
    ):
        words = words[1:]
    return " ".join(words)


def resolve(article: Article, who: str, offset: int) -> str | None:
    """A speaker phrase from a cue, made a name: pronouns, roles and surnames resolved."""
    index = _index(article)
    return _resolve(index, who, offset, index.subjects)


def _resolve(index: _Index, who: str, offset: int, subjects: _Subjects) -> str | None:
    who = who.strip().strip(",")
    if _PRONOUN.match(who):
        return _antecedent(subjects, offset, "f" if who.lower() == "she" else "m")
    if not who or who.lower() in _NOT_NAMES:
        return None
    who = _drop_leading_words(who)
    if re.match(r"^(?:they|it|we|i|you)$", who, re.IGNORECASE):
        return None
    role = _role_key(who)
    if role is not None:
        if role in index.roles:
            return index.roles[role]
        if _PERSON_ROLES.search(role):
            return _antecedent(subjects, offset, None) or _capital(who)
        return _capital(who)
    if is_unnamed_source(who):
        return _capital(who)
    if who[:1].isupper():
        bare = strip_titles(who)
        if _looks_like_person(bare) or (" " not in bare and bare in index.full):
            return index.fullest(bare)
        return who
    return None


def reported_speaker(article: Article, sentence: Sentence) -> str | None:
    """Who the sentence reports as speaking, outside quotation marks; None if nobody."""
    text = article.text[sentence.start : sentence.end]
    text = re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group(0)), text)
    match = re.search(r"\baccording\s+to\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)", text)
    if match:
        return resolve(article, match.group(1), sentence.start + match.start())
    cue = speech_cue_before(text)
    if cue is None:
        return None
    return resolve(article, cue[0], sentence.start + cue[1])


_WHO = (
    r"(?P<who>(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Ss]enior)\s+)?"
    r"(?:[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*|he|she|they|it|we|I|"
    rf"(?:(?:shadow|former|new|deputy)\s+)?(?:{_ROLE_NOUNS})|officials|sources|analysts|"
    r"economists|experts|critics|observers|ministers|researchers|police))"
)
_CUE_BEFORE = re.compile(
    rf"{_WHO}(?:,(?P<appos>[^,]{{1,80}}),)?\s+(?:(?:has|had|have|also|then|later|previously|again|"
    rf"has\s+previously|had\s+previously|would|will)\s+)*(?P<verb>{SPEECH_VERBS})\b"
)
_CUE_AFTER = re.compile(
    rf"^[\s,]*(?:(?P<verb1>{SPEECH_VERBS})\s+{_WHO}|{_WHO}\s+(?:also\s+|then\s+|later\s+)?"
    rf"(?P<verb2>{SPEECH_VERBS}))\b".replace("(?P<who>", "(?P<who1>", 1)
)


def speech_cue_before(text: str) -> tuple[str, int] | None:
    """The last "X said" in ``text``: X as written and its offset."""
    last = None
    for match in _CUE_BEFORE.finditer(text):
        who = match.group("who")
        if who.split()[0].lower() in ("but", "and", "when", "while", "as"):
            continue
        if last is not None and who.lower() in ("it", "they", "we"):
            continue  # "the ministry said it rejects": the speaker is the ministry
        last = match
    if last is None:
        return None
    appos = (last.group("appos") or "").strip()
    if _looks_like_person(strip_titles(appos)):  # "The minister, Jane Doe, said"
        return appos, last.start("appos") + len(last.group("appos")) - len(
            last.group("appos").lstrip()
        )
    who = _trim_run(last.group("who"))
    return who, last.start("who")


def speech_cue_after(text: str) -> tuple[str, int] | None:
    """A cue right after a quotation: "…,” he said" or "…,” said Trump"."""
    match = _CUE_AFTER.match(text)
    if match is None:
        return None
    group = "who1" if match.group("who1") else "who"
    return _trim_run(match.group(group)), match.start(group)


def sentence_subject(article: Article, sentence: Sentence) -> str | None:
    """The person a sentence is about (its grammatical subject, roughly), resolved."""
    for start, name, _ in reversed(_index(article).subjects):
        if start == sentence.start:
            return name
        if start < sentence.start:
            break
    return None


def _trim_run(who: str) -> str:
    """ "BBC economic editor Evan Davis" -> "Evan Davis"; keeps "Russia’s Foreign Ministry"."""
    words = who.split()
    if len(words) > 1 and words[0].lower() in ("but", "and", "so"):
        words = words[1:]
    runs: list[str] = re.findall(r"(?:[A-Z][\w’'.-]*\s*)+", " ".join(words))
    if runs and not who[:1].islower() and len(runs) > 1:
        return runs[-1].strip()
    return " ".join(words)


def _mentions(text: str) -> list[Mention]:
    found = []
    for match in _NAME_RUN.finditer(text):
        words = match.group(0).split()
        skipped = 0
        while words and words[0].lower() in _NOT_NAMES:
            skipped += 1
            words = words[1:]
        for i, word in enumerate(words):
            if word.endswith(("’s", "'s")):  # "Trump’s call": the name ends at the possessive
                words = [*words[:i], word[:-2]] if i or word[:-2] else []
                break
        if not words:
            continue
        written = " ".join(words)
        start = match.start()
        for _ in range(skipped):
            start = match.group(0).index(" ", start - match.start()) + match.start()
            while match.string[start].isspace():
                start += 1
        name = strip_titles(written)
        if (
            not name
            or name.lower().strip(".") in _TITLES
            or (not _looks_like_person(name) and len(words) == len(name.split()))
        ):
            continue
        titles = [w.lower().strip(".") for w in words[: len(words) - len(name.split())]]
        gender = "m" if _MALE & set(titles) else "f" if _FEMALE & set(titles) else None
        role = " ".join(t for t in titles if t not in _MALE | _FEMALE) or None
        if name.lower().split()[-1] in _ORG_WORDS:
            continue
        found.append(Mention(start, start + len(written), written, name, gender, role))
    return found


_SINGLE_NAME = re.compile(
    r"\b(?:midfielder|striker|defender|goalkeeper|forward|winger|captain|manager|coach|"
    r"singer|rapper|star|player|boss|chairman|founder|blogger|artist|guitarist|drummer)\s+"
    r"(?P<name>[A-Z][a-z][\w-]+)\b(?![ \t]+[A-Z])|(?P<aged>[A-Z][a-z][\w-]+), \d{1,2},"
)


def _single_names(text: str) -> set[str]:
    """People the article names with one word: "midfielder Edu", "Edu, 26,"."""
    found = set()
    for match in _SINGLE_NAME.finditer(text):
        name = match.group("name") or match.group("aged")
        if name.lower() not in _NOT_NAMES and name.lower() not in _ORG_WORDS:
            found.add(name)
    return found


def _full_names(mentions: list[Mention]) -> dict[str, str]:
    """Surname -> the longest name the article gives with that surname."""
    full: dict[str, str] = {}
    for m in mentions:
        surname = m.name.split()[-1]
        if len(m.name.split()) > len(full.get(surname, "").split()):
            full[surname] = m.name
    return full


def _looks_like_person(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w.lower().strip("’'s") in _ORG_WORDS for w in words):
        return False
    return all(w[:1].isupper() and "’" not in w and "'" not in w[-2:] for w in words)


def _nationality(word: str, rest: list[str]) -> bool:
    return (
        bool(rest)
        and rest[0].lower() in _TITLES
        and re.search(r"(?:an|ish|ese|ch)$", word) is not None
    )


def _role_key(phrase: str) -> str | None:
    match = re.match(
        rf"^(?:the\s+)?(?P<role>(?:[A-Z]\w+(?:an|ish|ese|ch)\s+)?(?:(?:shadow|former|new|deputy)\s+)?"
        rf"(?:{_ROLE_NOUNS}))$",
        phrase.strip(),
        re.IGNORECASE,
    )
    return match.group("role").lower() if match else None


def _antecedent(subjects: _Subjects, offset: int, gender: str | None) -> str | None:
    """The subject of the nearest earlier sentence, of a fitting gender where known."""
    fallback = None
    for start, name, known in reversed(subjects):
        if start >= offset:
            continue
        if gender is None or known in (None, gender):
            return name
        fallback = fallback or name
    return fallback


def _subject(
    index: _Index, sentence: Sentence, earlier: _Subjects
) -> tuple[str, str | None] | None:
    text = index.article.text[sentence.start : sentence.end]
    text = re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group(0)), text)
    topic = re.match(r"^((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[’']s\s+[a-z]", text)
    if topic:  # "Mr Brown's insistence …": the sentence is about Mr Brown
        name = _resolve(index, topic.group(1), sentence.start, earlier)
        if name and (_looks_like_person(name) or name in index.full.values()):
            return name, index.gender_of(name)
    pattern = re.compile(
        rf"{_WHO}(?:,[^,]{{1,80}},)?\s+(?:(?:has|had|have|also|then|is|was|would|will)\s+)*"
        r"(?P<verb>[a-z]{3,}(?:ed|s)|told|met|sat|set|spoke|said|took|gave|made|went|came|"
        r"insisted|hailed|rejected)\b"
    )
    for match in pattern.finditer(text):
        who = _trim_run(match.group("who"))
        if who.split()[0].lower() in ("but", "and", "when", "while", "as", "it", "they", "we"):
            continue
        offset = sentence.start + match.start("who")
        name = _resolve(index, who, offset, earlier)
        if name and _PRONOUN.match(who):
            return name, "f" if who.lower() == "she" else "m"
        if name and name in index.full.values():
            return name, index.gender_of(name)
        if name and _looks_like_person(name):
            return name, index.gender_of(name)
        return None
    return None


def _drop_leading_words(name: str) -> str:
    """ "On Tuesday British Prime Minister Sir Keir Starmer" -> "British Prime Minister …"."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in _LEADING:
        words = words[1:]
    return " ".join(words)


# Words a capitalised run can start with that are no part of a name: "On Tuesday …".
_LEADING = _NOT_NAMES - {"the", "a", "an", "some", "many", "most", "his", "her", "their", "its"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
