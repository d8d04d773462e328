"""Who the article names: people and bodies, the fullest form of each name, and their roles.

A capitalised run is a name; titles come off ("Sir Keir Starmer" -> "Keir Starmer"); a person
is someone the article titles ("Mr Hadi"), gives a role ("Rhona Brankin, the deputy health
minister") or names in a person's shape ("Vincent Cable"); the fullest form the article gives is
used throughout ("Mr Letwin" -> "Oliver Letwin"). The roles it gives make "the President" a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from claimcheck.read.structure import Article

Gender = Literal["m", "f"]

MentionKind = Literal["person", "body"]

TITLES = frozenset(
    """mr mrs ms miss dr sir lord lady dame prof professor president prime minister chancellor
    secretary senator sen governor gov king queen prince princess pope rev reverend judge
    justice general gen first deputy chief executive foreign home shadow health education
    chairman chairwoman director mayor commissioner spokesman spokeswoman manager coach captain
    leader boss former ex new acting vice councillor cllr inspector detective superintendent
    sergeant ambassador bishop archbishop cardinal mp mep qc kc liberal democrat democrats
    labour tory conservative republican lib dem snp ukip rep representative congressman
    majority minority
    congresswoman lt col sgt capt cmdr adm atty attorney sens reps""".split()
)

_SUFFIXES = frozenset("qc kc mp mep obe mbe cbe jr sr".split())

MALE = frozenset("mr sir lord king prince spokesman chairman businessman".split())

FEMALE = frozenset("mrs ms miss lady dame queen princess spokeswoman chairwoman".split())

ORG_WORDS = frozenset(
    """ministry kremlin party bank council office union department government executive court
    commission committee agency association federation company corporation group police
    service services board house parliament commons assembly times post journal news bbc
    cnn reuters nato fund exchange club college university school hospital hospitals
    institute institution centre center foundation trust airways airlines motors records
    press capital investments industries petroleum reserve decisions borders concern nations
    states hotel plaza tower casino initiative network organization organisation""".split()
)

# Capitalised words that open sentences or clauses and are never part of a name.
NOT_NAMES = frozenset(
    """the a an but and or when while after before in on at as if it he she they we i you his
    her their its our this that these those there then so yet however meanwhile asked last
    next some many most earlier later also even still now monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december read more despite although though unlike regarding since
    through for with during following nevertheless instead consequently coincidentally
    originally furthermore both all another one two three no not what why how who
    whenever whose which where nobody observes therefore thus hence wait indeed moreover
    besides otherwise likewise perhaps maybe yes ok okay actually certainly clearly obviously
    finally lastly ultimately similarly accordingly notably importantly sadly fortunately
    unfortunately interestingly apparently anyway admittedly""".split()
)

# Months and words that are also names ("Theresa May", "June Sarpong", "Ian Read"): after a
# first name or a title, the name. Alone, or opening a sentence, still the month or the word.
NAMES_LIKE_WORDS = frozenset({"april", "may", "june", "august", "read"})

_PERSON_ROLES = (
    r"president|prime\s+minister|chancellor|minister|secretary|premier|chair(?:man|woman)?|"
    r"chief\s+executive|executive|boss|manager|coach|singer|player|striker|midfielder|winger|"
    r"governor|mayor|senator|leader|judge|mep|mp|economist|analyst|editor|correspondent|"
    r"director|head|host|founder|owner|lawyer|guitarist|bassist|songwriter|referee|captain|"
    r"member|commissioner|adviser|advisor|professor"
)

BODY_ROLES = (
    r"company|firm|bank|group|ministry|government|club|party|union|department|agency|council|"
    r"court|commission|organisation|organization|newspaper|paper|carrier|airline|band|"
    r"board|trust|hospital|executive|assembly\s+government|federation|association"
)

_ROLE = re.compile(
    rf"^(?:the\s+|its\s+|their\s+)?(?P<role>(?:[\w’'-]+\s+){{0,4}}?(?P<head>{_PERSON_ROLES}|"
    rf"{BODY_ROLES}))$",
    re.IGNORECASE,
)

SOURCE_NOUNS = (
    r"officials?|sources?|analysts?|economists?|experts?|observers?|insiders?|critics?|"
    r"diplomats?|aides?|spokes(?:man|woman|person|people|men|women)|ministers|campaigners|"
    r"residents|witnesses|investigators|researchers|scientists|doctors|traders|dealers|"
    r"commentators|reports?|polls?|unions|lawyers?|people\s+familiar|mps|member|police|"
    r"newspapers?|media|(?:business|pressure|campaign|industry|lobby)\s+groups"
)

UNNAMED = re.compile(
    rf"^(?:(?:a|an|the|some|many|several|other|two|three|four|most|one|another)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?:{SOURCE_NOUNS})\b(?P<rest>.*)$",
    re.IGNORECASE,
)

PRONOUNS: dict[str, Gender] = {"he": "m", "she": "f"}

_NAME_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rev)\.|[A-Z]\.(?![ \t]+[A-Z][a-z])|[A-Z][\w’'&-]*)"
)

_NAME_RUN = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|for|de|van|von|der|da|del|bin|al|Without)[ \t]+|"
    rf"[A-Z]\.[ \t]+)?{_NAME_WORD}){{0,9}}"  # "John F. Kerry": a middle initial
)

POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True)
class Mention:
    """A person or body the article names, where it names them.

    ``written`` is ``article[start:end]`` ("President Donald Trump", "Mr Letwin"); ``name`` is
    that with titles dropped ("Donald Trump", "Letwin"); ``fullest`` the fullest form the whole
    article gives ("Oliver Letwin"). ``role`` is the title or role it came with, lower case
    ("president", "russian president", "deputy health minister"), and ``gender`` what a title
    tells ("m", "f"), else None.
    """

    start: int
    end: int
    written: str
    name: str
    fullest: str
    kind: MentionKind
    gender: Gender | None
    role: str | None


class NameIndex:
    """Who one article names, all found on creation: people (with the fullest form of each
    name, and the roles the article gives them) and bodies. The names stage's output."""

    def __init__(self, article: Article) -> None:
        self.article = article
        raw = [m for m in _raw_mentions(article.text) if not article.is_furniture(m[0], m[0] + 1)]
        self.people_surnames = _person_surnames(raw, article.text)
        self.full: dict[str, str] = {}
        self.first: dict[str, str] = {}
        for start, written, name, titles in raw:
            if self._is_person(start, written, name, titles):
                words = name.split()
                if len(words) > len(self.full.get(words[-1], "").split()):
                    self.full[words[-1]] = name
                if len(words) > 1:
                    self.first.setdefault(words[0], name)
        self.mentions = [self._mention(*m) for m in raw]
        self.roles = _roles(self.mentions, article.text)
        self.bodies = [m for m in self.mentions if m.kind == "body"]
        self.genders = self._genders()
        self.body_names = self._body_names()
        # Bodies a role like "the organisation" can stand for: not lone place names.
        self.organisations = [
            m for m in self.bodies if len(m.name.split()) > 1 or m.name.lower() in ORG_WORDS
        ]
        self.organisation_starts = [m.start for m in self.organisations]
        self.clipped = self._clipped()

    def _is_person(self, start: int, written: str, name: str, titles: list[str]) -> bool:
        words = name.split()
        if any(w.lower().strip("’'") in ORG_WORDS for w in words):
            return False
        if titles or words[-1] in self.people_surnames or _person_shaped(name):
            return True
        if _PLACE_BEFORE.search(self.article.text, max(0, start - 40), start):
            return False  # "In Dayton, the mayor said": a place, then the sentence's subject
        return _role_before(self.article.text, start) or _person_apposition(
            self.article.text, start + len(written)
        )

    def _mention(self, start: int, written: str, name: str, titles: list[str]) -> Mention:
        person = name.split()[-1] in self.full and not any(
            w.lower() in ORG_WORDS for w in name.split()
        )
        fullest = self.fullest(name) if person else name
        gender: Gender | None = None
        if MALE & set(titles):
            gender = "m"
        elif FEMALE & set(titles):
            gender = "f"
        role = " ".join(t for t in titles if t not in MALE | FEMALE) or None
        kind: MentionKind = "person" if person else "body"
        return Mention(start, start + len(written), written, name, fullest, kind, gender, role)

    def fullest(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        if len(words) == 1 and words[0] in self.first and words[0] not in self.full:
            # "Sir John" after "Sir John Bourn"; but a surname is its person, not the
            # "Trump Plaza Hotel" that opens with it
            return self.first[words[0]]
        full = self.full.get(words[-1])
        if full is None or len(full.split()) < len(words):
            return name
        if len(words) > 1 and words[0] != full.split()[0] and len(words[0].strip(".")) > 1:
            return name  # "Ivanka Trump" is not "Donald Trump": two people, one surname
        return full

    def _genders(self) -> dict[str, Gender]:
        found: dict[str, set[Gender]] = {}
        for m in self.mentions:
            if m.gender:
                found.setdefault(m.fullest, set()).add(m.gender)
        return {name: next(iter(g)) for name, g in found.items() if len(g) == 1}

    def _body_names(self) -> dict[str, list[str]]:
        """Bodies by their last word, lower case: where "the assembly government" is looked up."""
        found: dict[str, list[str]] = {}
        for m in self.bodies:
            names = found.setdefault(m.name.lower().split()[-1], [])
            if m.name not in names:
                names.append(m.name)
        return found

    def _clipped(self) -> dict[str, list[str]]:
        """Bodies of two or more words by the first three letters of their first word."""
        found: dict[str, list[str]] = {}
        for m in self.bodies:
            if len(m.name.split()) > 1:
                found.setdefault(m.name.split()[0][:3].lower(), []).append(m.name)
        return found

    def is_person(self, name: str) -> bool:
        """Is ``name`` (as ``fullest_name`` gives it) a person the article names?"""
        return bool(name) and name.split()[-1] in self.full

    def fullest_name(self, name: str) -> str:
        """The fullest form the article gives of a name: "Trump" -> "Donald Trump",
        "the President" -> "Donald Trump"; a phrase it cannot make a name is returned as
        given."""
        words = name.split()
        while len(words) > 1 and words[0].lower().strip(",") in _LEADING:
            words = words[1:]  # "On Tuesday British Prime Minister Sir Keir Starmer"
        cleaned = " ".join(words)
        if is_unnamed_source(cleaned):
            return capital(cleaned)
        role = role_key(cleaned)
        if role is not None and role in self.roles:
            return self.roles[role]
        bare = strip_titles(cleaned)
        if self.is_person(bare) or (bare.split()[0:1] and bare.split()[0] in self.first):
            return self.fullest(bare)
        return _as_in_article(self.article.text, cleaned) or cleaned

    def is_named(self, speaker: str) -> bool:
        """Is the speaker someone (or something) the article itself names?"""
        bare = strip_titles(" ".join(speaker.split())).replace("'", "’")
        if not bare:
            return False
        text = self.article.text.replace("'", "’")
        if re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", text):
            return True
        return self.is_person(bare) and self.fullest(bare).split()[-1] == bare.split()[-1]


# Words a capitalised run can start with that are no part of a name: "On Tuesday …".
_LEADING = NOT_NAMES - {"the", "a", "an", "some", "many", "most", "his", "her", "their", "its"}


def is_unnamed_source(phrase: str) -> bool:
    """Officials, sources, analysts, a spokesman, "an insider in the talks": someone the
    article does not name. "Tory spokesman Simon Burns" is named."""
    match = UNNAMED.match(" ".join(phrase.split()).strip(" ,"))
    if match is None:
        return False
    rest = match.group("rest").strip(" ,")
    # A name right after the noun names the source; "for Reporters Without Borders" does not.
    return not re.match(r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+", rest)


def strip_titles(name: str) -> str:
    """ "Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky"."""
    words = name.split()
    while len(words) > 1 and _titled(words):
        if len(words) > 4 and words[1] in ("of", "for") and words[2][:1].isupper():
            words = words[2:]  # "Secretary of State John Kerry": the title runs on
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".,") in _SUFFIXES:
        words = words[:-1]
    return " ".join(_after_inner_title(words))


# Title words that qualify a title or a name, and are none alone: "Home" is stripped from
# "Home Secretary Charles Clarke", not from "Home Office"; "Lib" from "Lib Dem leader", not
# from "Lib Dems".
_QUALIFIERS = frozenset(
    """first deputy chief executive foreign home shadow health education former ex new acting
    vice liberal democrat democrats labour tory conservative republican lib dem snp ukip
    majority minority""".split()
)


def _titled(words: list[str]) -> bool:
    """Does the name open with a title: a title word, a qualifier followed by a title or by
    a person's name, or a nationality?"""
    first = words[0].lower().strip(".,")
    if first in _QUALIFIERS:
        rest = words[1:]
        while len(rest) > 1 and rest[0].lower().strip(".,") in _QUALIFIERS:
            rest = rest[1:]  # "Lib Dem leader": the title the qualifiers run on to
        return rest[0].lower().strip(".,") in TITLES or _a_name(rest)
    return first in TITLES or _nationality(words[0], words[1:])


def _after_inner_title(words: list[str]) -> list[str]:
    """The person's name after a title that a qualifier opens ("Massachusetts Sen. Elizabeth
    Warren", "Oversight Chairman Jason Chaffetz", "Assistant Attorney General Peter Kadzik",
    "Lib Dem leader Charles Kennedy"): what follows the last title word, when that is a name
    of two words or more and what comes before is a title phrase. Bodies keep their words."""
    titled = [
        i
        for i, w in enumerate(words)
        # "New" opens names ("Bloomberg New Energy Finance"), not titles
        if i and w.lower().strip(".,") in TITLES and w.lower() != "new"
    ]
    for last in reversed(titled):
        name, lead = words[last + 1 :], words[: last + 1]
        if _a_name(name) and all(
            w[:1].isupper() or w.lower() in _TITLE_LINKS or ORDINAL.fullmatch(w) for w in lead
        ):  # "Air Force 1st Lt. Tyler Livingston": an ordinal is part of a rank
            return name
    return words


def _a_name(words: list[str]) -> bool:
    """Two words or more that read as a person's name: capitalised (particles aside), opening
    with no title, holding no word of a body's name."""
    return (
        len(words) >= 2
        and words[0].lower().strip(".,") not in TITLES | _PARTICLES
        and all(w[:1].isupper() or w in _PARTICLES for w in words)
        and not any(w.lower().strip(".,’'") in ORG_WORDS for w in words)
    )


ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")  # a rank's: "1st Lt."
_PARTICLES = frozenset("de da del der van von al bin la le du".split())
_TITLE_LINKS = frozenset(("of", "for", "the", "on"))


def role_key(phrase: str) -> str | None:
    match = _ROLE.match(" ".join(phrase.split()))
    if match is None:
        return None
    role = match.group("role").lower()
    if any(w[:1].isupper() for w in match.group("role").split()[:-1]) and not re.match(
        r"^(?:[A-Z]\w+(?:an|ish|ese|ch|i)\s+)", match.group("role")
    ):
        # "Scottish National Party's parliamentary leader": a role, qualified by a name.
        role = match.group("role").lower()
    return role


def role_gender(role: str) -> Gender | None:
    last = role.split()[-1]
    return "m" if last in MALE else "f" if last in FEMALE else None


def _raw_mentions(text: str) -> list[tuple[int, str, str, list[str]]]:
    """(start, written, name, titles) of each capitalised run that can be a name."""
    found = []
    matches = list(_NAME_RUN.finditer(text))
    inside = {m.group(0) for m in matches if " " not in m.group(0) and not _opens(text, m.start())}
    for match in matches:
        words = match.group(0).split()
        start = match.start()
        if len(words) == 1 and (words[0] not in inside or _NOT_A_NAME.search(words[0])):
            continue  # "Business groups …": a capital only because the sentence starts there
        while words and words[0].lower().strip(".") in NOT_NAMES:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if not words:
            continue
        written = " ".join(words)
        written = re.sub(r"[’']s$", "", written)  # "Trump’s call": the name ends before
        name = strip_titles(written)
        lead = written.split()
        titles = [w.lower().strip(".") for w in lead[: lead.index(name.split()[0])]]
        if not name or name.lower().strip(".") in TITLES:
            continue
        if name.lower() in NOT_NAMES and not (titles and name.lower() in NAMES_LIKE_WORDS):
            continue
        if POSSESSIVE.search(name.split()[0]) and len(name.split()) > 1:
            rest = name.split()[1:]
            if not any(w.lower() in ORG_WORDS for w in rest):
                name = written = " ".join(rest)
                start = text.index(written, start)
        found.append((start, written, name, titles))
    return found


# Single words that are not names: "I’m", "U.", "American", "Ukrainian".
_NOT_A_NAME = re.compile(r"^I[’']|^[A-Z]\.$|(?:ian|ean|can|ish|ese)$")


def _opens(text: str, start: int) -> bool:
    """Does a sentence start at ``start``?"""
    before = text[max(0, start - 3) : start].rstrip(" \t“\"‘'(")
    return not before or before[-1] in '.!?:\n”"’'


def _person_shaped(name: str) -> bool:
    """ "Vincent Cable", "Glenn Campbell": two or three plain capitalised words, none of them a
    word bodies and places are made of ("Standard Chartered", "South Korea")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"(?:Mc|Mac|O’|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words)
        and not any(w.lower() in ORG_WORDS or w in _PLACE_WORDS for w in words)
        and not re.search(r"(?:ed|ing|ers)$", words[-1])
    )


_PLACE_WORDS = frozenset(
    """North South East West New United Real Daily World Black Third Air Top Central Royal Old
    Great Saint Hong Kong Middle Far Holy Red Blue Green White Grand Upper Lower Greater
    Sunday Financial Evening Morning""".split()
)


def _person_surnames(raw: list[tuple[int, str, str, list[str]]], text: str) -> set[str]:
    """Surnames the article uses with a personal title ("Mr Hadi", "Ms Alexander")."""
    surnames = set()
    for _, _, name, titles in raw:
        if titles and set(titles) & (MALE | FEMALE | {"dr", "prof", "professor"}):
            surnames.add(name.split()[-1])
    return surnames


def _role_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].split()
    return (
        bool(before)
        and re.fullmatch(
            rf"(?:{_PERSON_ROLES}|spokes(?:man|woman)|students?|singer|star|rapper|trio|brother|"
            r"sons?|wife|husband|winger|linesman|keeper|owner|tycoon|host|author|blogger|"
            r"weblogger|representative|colleague|fiancée|driver|killer)",
            before[-1].lower().strip(","),
        )
        is not None
    )


# A sentence's opening preposition before a name: "In Dayton, the mayor …", "At Ford, …".
_PLACE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:In|At|From|Near|Outside|Across)\s+"
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?,\s+)?$"  # "In Dayton, Ohio, the mayor"
)


def _person_apposition(text: str, end: int) -> bool:
    after = text[end : end + 60]
    return bool(
        re.match(
            rf",\s+(?:\d{{1,3}},|(?:the|a|an|its|his|her)?\s*(?:[\w’'-]+\s+){{0,4}}?"
            rf"(?:{_PERSON_ROLES})\b|from\s+the\b|who\b)",
            after,
        )
    )


def _roles(mentions: list[Mention], text: str) -> dict[str, str]:
    """Role -> the person or body the article gave it: "president" -> "Donald Trump",
    "deputy health minister" -> "Rhona Brankin" (from "Rhona Brankin, the deputy …")."""
    roles: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        if m.role:
            roles.setdefault(m.role, m.fullest)
        lower = text[max(0, m.start - 50) : m.start].split()
        for size in (3, 2, 1):
            phrase = " ".join(lower[-size:]).lower().strip(",")
            if len(lower) >= size and re.fullmatch(rf"(?:[a-z-]+\s+)*(?:{_PERSON_ROLES})", phrase):
                roles.setdefault(phrase, m.fullest)
                break
        apposition = re.match(
            rf",\s+(?:the\s+)?(?P<role>(?:[a-z-]+\s+){{0,3}}(?:{_PERSON_ROLES}))\b",
            text[m.end : m.end + 80],
        )
        if apposition and not _PLACE_BEFORE.search(text, max(0, m.start - 40), m.start):
            roles.setdefault(apposition.group("role").lower(), m.fullest)
    # An unqualified "the president" is the one the article titles without a nationality.
    for role, name in list(roles.items()):
        head = role.split()[-1]
        if (
            head != role
            and head not in roles
            and all(n == name for r, n in roles.items() if r.endswith(head))
        ):
            roles[head] = name
    return roles


def _as_in_article(text: str, name: str) -> str | None:
    """The article's own spelling of a name given with another apostrophe."""
    pattern = re.sub(r"[’']", "[’']", re.escape(name))
    match = re.search(pattern, text)
    return match.group(0) if match else None


def _nationality(word: str, rest: list[str]) -> bool:
    return (
        bool(rest)
        and rest[0].lower() in TITLES
        and re.search(r"(?:an|ish|ese|ch|i)$", word) is not None
    )


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
