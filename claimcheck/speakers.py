"""Speakers: who the article names, the fullest form of each name, and who is speaking.

The machinery, in order of trust:

1. An explicit cue: "X said", "said X", "X told MPs:", "according to X", "X, from Y, said:",
   "the newspaper quoted X as saying".
2. The phrase the cue gives is made a name: titles dropped and the fullest form the article
   gives taken ("Mr Letwin" -> "Oliver Letwin", "Sir Keir Starmer" -> "Keir Starmer"); a role
   the article gave someone is that someone ("President Donald Trump" makes "the President"
   Donald Trump); a role it never gave ("the chancellor") is the last person who acted in the
   sentences before; "he"/"she" is the last person who acted (a sentence's speaker or subject,
   not any name in passing), of the fitting gender where a title tells it; a body keeps the
   article's own wording ("The Kremlin", "Russia’s Foreign Ministry"); an unnamed source keeps
   the phrase as written ("Some economists", "The executive spokeswoman").

Everything is computed once per article and cached against the Article object.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from claimcheck.structure import Article, Sentence

Gender = Literal["m", "f"]
MentionKind = Literal["person", "body"]

# Verbs that report speech. "called" and "hailed" are left out: they name more often than quote.
SPEECH_VERBS = (
    r"said|says|say|told|tells|tell|added|adds|continued|continues|replied|replies|explained|"
    r"explains|warned|warns|argued|argues|insisted|insists|claimed|claims|stated|states|"
    r"announced|announces|declared|declares|noted|notes|suggested|suggests|admitted|admits|"
    r"acknowledged|conceded|stressed|urged|urges|confirmed|confirms|denied|denies|predicted|"
    r"predicts|forecast|believes|believed|thinks|recalled|recalls|remembered|wrote|writes|"
    r"asked|jeered|described|describes|labelled|labeled|branded|rejected|rejects|promised|"
    r"pledged|vowed|maintained|revealed|reported|estimated|estimates|accused|"
    r"criticized|observes|observed|queried|complained|ruled\s+out|pointed\s+out|points\s+out|"
    r"saying|adding|telling|insisting|warning|arguing|noting|describing|accusing|explaining|"
    r"insistence|did\s+say|does\s+say"
)
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_PARTICIPLE = re.compile(
    r"\b(?:saying|adding|telling|insisting|warning|arguing|noting|describing|accusing|"
    r"explaining)\b"
)

_TITLES = frozenset(
    """mr mrs ms miss dr sir lord lady dame prof professor president prime minister chancellor
    secretary senator sen governor gov king queen prince princess pope rev reverend judge
    justice general gen first deputy chief executive foreign home shadow health education
    chairman chairwoman director mayor commissioner spokesman spokeswoman manager coach captain
    leader boss former ex new acting vice councillor cllr inspector detective superintendent
    sergeant ambassador bishop archbishop cardinal mp mep qc kc liberal democrat democrats
    labour tory conservative republican lib dem snp ukip""".split()
)
_SUFFIXES = frozenset("qc kc mp mep obe mbe cbe jr sr".split())
_MALE = frozenset("mr sir lord king prince spokesman chairman businessman".split())
_FEMALE = frozenset("mrs ms miss lady dame queen princess spokeswoman chairwoman".split())
_ORG_WORDS = frozenset(
    """ministry kremlin party bank council office union department government executive court
    commission committee agency association federation company corporation group police
    service services board house parliament commons assembly times post journal news bbc
    cnn reuters nato fund exchange club college university school hospital hospitals
    institute institution centre center foundation trust airways airlines motors records
    press capital investments industries petroleum reserve decisions borders concern nations
    states""".split()
)
# Capitalised words that open sentences or clauses and are never part of a name.
_NOT_NAMES = frozenset(
    """the a an but and or when while after before in on at as if it he she they we i you his
    her their its our this that these those there then so yet however meanwhile asked last
    next some many most earlier later also even still now monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december read more despite although though unlike regarding since
    through for with during following nevertheless instead consequently coincidentally
    originally furthermore both all another one two three no not what why how who
    whenever whose which where nobody observes""".split()
)
_PERSON_ROLES = (
    r"president|prime\s+minister|chancellor|minister|secretary|premier|chair(?:man|woman)?|"
    r"chief\s+executive|executive|boss|manager|coach|singer|player|striker|midfielder|winger|"
    r"governor|mayor|senator|leader|judge|mep|mp|economist|analyst|editor|correspondent|"
    r"director|head|host|founder|owner|lawyer|guitarist|bassist|songwriter|referee|captain|"
    r"member|commissioner|adviser|advisor|professor"
)
_BODY_ROLES = (
    r"company|firm|bank|group|ministry|government|club|party|union|department|agency|council|"
    r"court|commission|organisation|organization|newspaper|paper|carrier|airline|band|"
    r"board|trust|hospital|executive|assembly\s+government|federation|association"
)
_ROLE = re.compile(
    rf"^(?:the\s+|its\s+|their\s+)?(?P<role>(?:[\w’'-]+\s+){{0,4}}?(?P<head>{_PERSON_ROLES}|"
    rf"{_BODY_ROLES}))$",
    re.IGNORECASE,
)
SOURCE_NOUNS = (
    r"officials?|sources?|analysts?|economists?|experts?|observers?|insiders?|critics?|"
    r"diplomats?|aides?|spokes(?:man|woman|person|people|men|women)|ministers|campaigners|"
    r"residents|witnesses|investigators|researchers|scientists|doctors|traders|dealers|"
    r"commentators|reports?|polls?|unions|lawyers?|people\s+familiar|mps|member|police|"
    r"newspapers?|media|(?:business|pressure|campaign|industry|lobby)\s+groups"
)
_UNNAMED = re.compile(
    rf"^(?:(?:a|an|the|some|many|several|other|two|three|four|most|one|another)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?:{SOURCE_NOUNS})\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_PRONOUNS: dict[str, Gender] = {"he": "m", "she": "f"}
_WORD = re.compile(r"[\w’'.&-]+")
_NAME_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rev)\.|[A-Z]\.(?![ \t]+[A-Z][a-z])|[A-Z][\w’'&-]*)"
)
_NAME_RUN = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|for|de|van|von|der|da|del|bin|al|Without)[ \t]+)?"
    rf"{_NAME_WORD}){{0,9}}"
)
_POSSESSIVE = re.compile(r"[’']s$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]*’(?![a-z])")
# Lower-case words that may sit inside a speaker's noun phrase ("chief US economist for …").
_NP_WORDS = frozenset(
    """the a an some many several other another one two three four most senior chief
    executive managing deputy shadow former new acting current first vice general political
    economic parliamentary international division health education home foreign
    independent main leading top local national regional public of for at from in on with
    by its his her their our spokesman spokeswoman spokespeople spokesperson official
    officials source sources analyst analysts economist economists expert experts insider
    insiders critic critics editor correspondent director head leader boss manager coach
    chairman chairwoman president minister ministers secretary member members lawyer
    lawyers owner host founder singer guitarist bassist songwriter player players
    midfielder striker winger referee captain researchers scientists doctors campaigners
    residents witnesses investigators observers commentators traders dealers diplomats
    aides statement report reports poll polls newspaper newspapers paper agency club talks
    supporters group party board team company firm bank government organisation
    organization ministry council union unions department executive assembly committee
    mp mps mep meps male female women men people familiar with the matter affairs
    association federation trust chief-executive think-tank cabinet chancellor premier
    governor mayor senator judge adviser advisor commissioner professor organisation
    newspaper carrier airline band hospital""".split()
)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|had|have|also|then|later|earlier|previously|again|would|will|did|does|do|"
    r"further|recently|reportedly|quickly|immediately|only|has\s+since|is|was|were|are|"
    r"publicly|repeatedly|originally|once))+\s*$"
)
_INTRO = re.compile(
    r"^(?:(?:But|And|So|Yet|Also|Earlier|Later|Meanwhile|However|Now|Then|Still|Even|"
    r"Instead)\b,?\s+|(?:Last|Next|This|Earlier|Later)\s+(?:week|month|year|night|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s+|"
    r"(?:On|In|At|After|Before|While|When|Despite|Although|Though|Unlike|Regarding|Since|"
    r"Through|For|With|During|Following|As|A\s+day|Hours|Days|Weeks|Months|Years|"
    r"Coincidentally|Originally|Consequently|Furthermore|Nevertheless|Observes)\b[^,]{0,120},"
    r"\s+)"
)


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


@dataclass(frozen=True)
class _Actor:
    """Who a sentence is about: its speaker, else its subject."""

    start: int
    name: str
    gender: Gender | None
    person: bool
    named: bool  # a name, not a role phrase ("The Scottish National Party's leader")


class _Index:
    """Everything this module knows about one article, computed once."""

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

    def _is_person(self, start: int, written: str, name: str, titles: list[str]) -> bool:
        words = name.split()
        if any(w.lower().strip("’'") in _ORG_WORDS for w in words):
            return False
        if titles or words[-1] in self.people_surnames or _person_shaped(name):
            return True
        return _role_before(self.article.text, start) or _person_apposition(
            self.article.text, start + len(written)
        )

    def _mention(self, start: int, written: str, name: str, titles: list[str]) -> Mention:
        person = name.split()[-1] in self.full and not any(
            w.lower() in _ORG_WORDS for w in name.split()
        )
        fullest = self.fullest(name) if person else name
        gender: Gender | None = None
        if _MALE & set(titles):
            gender = "m"
        elif _FEMALE & set(titles):
            gender = "f"
        role = " ".join(t for t in titles if t not in _MALE | _FEMALE) or None
        kind: MentionKind = "person" if person else "body"
        return Mention(start, start + len(written), written, name, fullest, kind, gender, role)

    def fullest(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        if len(words) == 1 and words[0] in self.first:
            return self.first[words[0]]  # "Sir John" after "Sir John Bourn"
        full = self.full.get(words[-1])
        if full is not None and len(full.split()) >= len(words):
            return full
        return name

    @cached_property
    def genders(self) -> dict[str, Gender]:
        found: dict[str, set[Gender]] = {}
        for m in self.mentions:
            if m.gender:
                found.setdefault(m.fullest, set()).add(m.gender)
        return {name: next(iter(g)) for name, g in found.items() if len(g) == 1}

    @cached_property
    def actor_starts(self) -> list[int]:
        return [a.start for a in self.actors]

    @cached_property
    def body_names(self) -> dict[str, list[str]]:
        """Bodies by their last word, lower case: where "the assembly government" is looked up."""
        found: dict[str, list[str]] = {}
        for m in self.bodies:
            names = found.setdefault(m.name.lower().split()[-1], [])
            if m.name not in names:
                names.append(m.name)
        return found

    @cached_property
    def organisations(self) -> list[Mention]:
        """Bodies a role like "the organisation" can stand for: not lone place names."""
        return [m for m in self.bodies if len(m.name.split()) > 1 or m.name.lower() in _ORG_WORDS]

    @cached_property
    def organisation_starts(self) -> list[int]:
        return [m.start for m in self.organisations]

    @cached_property
    def clipped(self) -> dict[str, list[str]]:
        """Bodies of two or more words by the first three letters of their first word."""
        found: dict[str, list[str]] = {}
        for m in self.bodies:
            if len(m.name.split()) > 1:
                found.setdefault(m.name.split()[0][:3].lower(), []).append(m.name)
        return found

    def is_person(self, name: str) -> bool:
        return bool(name) and name.split()[-1] in self.full

    @cached_property
    def actors(self) -> list[_Actor]:
        """One entry per sentence that has a speaker or a subject, in article order."""
        found: list[_Actor] = []
        for sentence in self.article.sentences:
            actor = _sentence_actor(self, sentence, found)
            if actor is not None:
                found.append(actor)
        return found


def _index(article: Article) -> _Index:
    # Kept on the article itself: a module-level WeakKeyDictionary would never let go, since
    # the index refers back to its article (that leaked ~25 kB per article in a batch).
    index: _Index | None = article.__dict__.get("_speaker_index")
    if index is None:
        index = article.__dict__["_speaker_index"] = _Index(article)
    return index


# Words a capitalised run can start with that are no part of a name: "On Tuesday …".
_LEADING = _NOT_NAMES - {"the", "a", "an", "some", "many", "most", "his", "her", "their", "its"}


# ---------------------------------------------------------------------------- public functions


def people(article: Article) -> list[Mention]:
    """The people and bodies the article names, in order, with the fullest form of each."""
    return list(_index(article).mentions)


def fullest_name(article: Article, name: str) -> str:
    """The fullest form the article gives of a name: "Trump" -> "Donald Trump",
    "the President" -> "Donald Trump"; a phrase it cannot make a name is returned as given."""
    index = _index(article)
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(",") in _LEADING:
        words = words[1:]  # "On Tuesday British Prime Minister Sir Keir Starmer"
    cleaned = " ".join(words)
    if is_unnamed_source(cleaned):
        return _capital(cleaned)
    role = _role_key(cleaned)
    if role is not None and role in index.roles:
        return index.roles[role]
    bare = strip_titles(cleaned)
    if index.is_person(bare) or (bare.split()[0:1] and bare.split()[0] in index.first):
        return index.fullest(bare)
    return _as_in_article(article.text, cleaned) or cleaned


def is_named(article: Article, speaker: str) -> bool:
    """Is the speaker someone (or something) the article itself names?"""
    bare = strip_titles(" ".join(speaker.split())).replace("'", "’")
    if not bare:
        return False
    text = article.text.replace("'", "’")
    if re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", text):
        return True
    index = _index(article)
    return index.is_person(bare) and index.fullest(bare).split()[-1] == bare.split()[-1]


def is_person(article: Article, name: str) -> bool:
    """Is ``name`` (as ``fullest_name`` gives it) a person the article names?"""
    return _index(article).is_person(name)


def is_unnamed_source(phrase: str) -> bool:
    """Officials, sources, analysts, a spokesman, "an insider in the talks": someone the
    article does not name. "Tory spokesman Simon Burns" is named."""
    match = _UNNAMED.match(" ".join(phrase.split()).strip(" ,"))
    if match is None:
        return False
    rest = match.group("rest").strip(" ,")
    # A name right after the noun names the source; "for Reporters Without Borders" does not.
    return not re.match(r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+", rest)


def strip_titles(name: str) -> str:
    """ "Ukrainian President Volodymyr Zelensky" -> "Volodymyr Zelensky"."""
    words = name.split()
    while len(words) > 1 and (
        words[0].lower().strip(".,") in _TITLES or _nationality(words[0], words[1:])
    ):
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".,") in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def reported_speaker(article: Article, sentence: Sentence) -> str | None:
    """Who the sentence reports as speaking, outside quotation marks; None if nobody:
    "President Donald Trump has said that …" -> "Donald Trump", "Some economists say …" ->
    "Some economists", "…, Retail Decisions said." -> "Retail Decisions"."""
    index = _index(article)
    return _sentence_speaker(index, sentence, _actors_before(index, sentence.start))


def speaker_before(article: Article, sentence: Sentence, offset: int) -> str | None:
    """The speaker a cue in the sentence before ``offset`` gives a quotation that starts there:
    "Mr Letwin told MPs: “", "X said the plan was “", "…, saying: “" (the sentence's subject)."""
    index = _index(article)
    masked = _masked(article.text, sentence.start, offset)
    return _cue_before(index, masked, sentence.start, _actors_before(index, sentence.start))


def speaker_after(article: Article, offset: int, end: int) -> str | None:
    """The speaker a cue right after a quotation gives it: "…,” he said", "…,” said Trump",
    "…,” the newspaper quoted X as saying"."""
    index = _index(article)
    masked = _masked(article.text, offset, end)
    return _cue_after(index, masked, offset, _actors_before(index, offset))


def sentence_subject(article: Article, sentence: Sentence) -> str | None:
    """The person or body a sentence opens with, resolved: "The Kremlin issued …"."""
    index = _index(article)
    masked = _masked(article.text, sentence.start, sentence.end)
    found = _subject(masked)
    if found is None:
        return None
    return _resolve(index, found[0], _actors_before(index, sentence.start), sentence.start)


def cue_after_span(text: str) -> bool:
    """Does ``text`` (what follows a quotation) open with an attribution ("he said, ")?"""
    return _after_match(text) is not None


# ------------------------------------------------------------------------------ cues and NPs

_VERB_FIRST = re.compile(
    rf"^[\s,.!?…—–-]*(?P<verb>{SPEECH_VERBS})\s+(?P<np>[^,.;:!?]{{1,120}})", re.DOTALL
)
_LEADING_PUNCTUATION = re.compile(r"^[\s,.!?…—–-]*")
_QUOTED_AS = re.compile(r"\bquoted\s+(?!by\b)(?P<np>.{1,80}?)\s+as\s+saying\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<np>(?:the\s+)?[A-Z][^,.;:]{0,80})")


def _after_match(text: str) -> tuple[str, int] | None:
    """(noun phrase, its offset in ``text``) of an attribution opening ``text``."""
    text = text[:200]
    quoted = _QUOTED_AS.search(text[:160])
    if quoted and not re.search(r"[.!?]\s", text[: quoted.start()]):
        return quoted.group("np"), quoted.start("np")
    first = _VERB_FIRST.match(text)
    if first is not None:
        np = _np_prefix(first.group("np"))
        if np:
            return np, first.start("np")
    # "…,” the newspaper quoted …", "…,” Michael Mijatov, …, told": the first speech verb,
    # with nothing but a noun phrase before it.
    verb = SPEECH.search(text)
    start = _LEADING_PUNCTUATION.match(text)
    if verb is None or start is None or re.search(r"[;:!?]", text[: verb.start()]):
        return None
    np = _drop_apposition(_AUXILIARIES.sub("", text[start.end() : verb.start()]))
    return (np, start.end()) if np and _is_np(np) else None


def _cue_after(index: _Index, text: str, offset: int, actors: list[_Actor]) -> str | None:
    found = _after_match(text)
    if found is None:
        return None
    return _resolve(index, found[0], actors, offset)


def _cue_before(
    index: _Index, lead: str, offset: int, actors: list[_Actor], main: bool = False
) -> str | None:
    """The speaker of the last speech cue in ``lead`` (a sentence up to a quotation), or with
    ``main`` of the first: "Mr Clarke said he had … when Mr Blunkett argued" is Mr Clarke's."""
    # '“…,” said Mr Ingram “For what …”': an inverted cue with the full stop lost.
    inverted = re.search(
        rf"[”\"],?\s+(?:{SPEECH_VERBS})\s+(?P<np>[^,.;:”\"]{{1,60}}?)\s*:?\s*$", lead
    )
    if inverted and _is_np(inverted.group("np")):
        return _resolve(index, inverted.group("np"), actors, offset)
    # "Observes Mr Hadi: “…”": the verb opens the sentence and the speaker follows it.
    if re.match(rf"(?:{SPEECH_VERBS})\b", lead, re.IGNORECASE) and lead.rstrip().endswith(":"):
        np = _np_prefix(lead.split(None, 1)[1] if " " in lead else "")
        if np:
            return _resolve(index, np, actors, offset)
    quoted = _QUOTED_AS.search(lead)
    if quoted:
        return _resolve(index, quoted.group("np"), actors, offset)
    pronoun = None
    verbs = list(SPEECH.finditer(lead))
    for verb in verbs if main else reversed(verbs):
        if _PARTICIPLE.fullmatch(verb.group(0)) or verb.group(0) == "insistence":
            return _subject_speaker(index, lead[: verb.start()], actors, offset)
        if _PASSIVE_BEFORE.search(lead, 0, verb.start()):
            continue  # "X is believed to", "X was accused of": X is not the one speaking
        before = _np_before(lead, verb.start())
        if before is None or before.lower() in ("it", "they", "we", "i", "you"):
            continue  # "the ministry said it rejects": look further back
        if before.lower() in _PRONOUNS:
            pronoun = pronoun or before  # "X said he believed": X, if the sentence names one
            continue
        if before == "":
            return _subject_speaker(index, lead[: verb.start()], actors, offset)
        return _resolve(index, before, actors, offset)
    if pronoun is not None:
        return _resolve(index, pronoun, actors, offset)
    according = _ACCORDING.search(lead)
    if according:
        return _resolve(index, _np_prefix(according.group("np")), actors, offset)
    return None


def _subject_speaker(index: _Index, text: str, actors: list[_Actor], offset: int) -> str | None:
    found = _subject(text)
    return _resolve(index, found[0], actors, offset) if found else None


def _np_before(text: str, verb: int) -> str | None:
    """The subject phrase right before a verb, or "" when a conjunction or clause comes first
    ("… and jeered"), or None when nothing there can be a subject."""
    chunk = _AUXILIARIES.sub("", text[:verb])
    chunk = chunk.rstrip()
    if chunk.endswith(","):
        comma = chunk[:-1].rfind(",")
        apposition = chunk[comma + 1 : -1].strip()
        head = _np_suffix(chunk[: max(comma, 0)]) if comma >= 0 else ""
        if _is_name_phrase(apposition) and not _is_name_phrase(head or ""):
            return apposition  # "Its director general, Gordon Lishman, said"
        if head:
            return head
        return apposition if _is_np(apposition) else None
    suffix = _np_suffix(chunk)
    if suffix is None:
        return None
    return suffix


def _np_suffix(chunk: str) -> str | None:
    """The longest tail of ``chunk`` that reads as a speaker's noun phrase; "" if the chunk
    ends at a clause boundary; None if it ends in a word no subject could end with."""
    words = chunk.split()
    if not words:
        return ""
    kept: list[str] = []
    for word in reversed(words):
        if kept and word.endswith((",", ".", ":", ";")):
            break  # "The chairman of the Bar Council, Guy Mansfield QC"
        if not _np_word(word, first=False) and not (
            not kept and word.lower() in ("he", "she", "it", "they", "we", "i")
        ):
            break
        kept.append(word)
        if word.lower() in ("he", "she", "it", "they", "we", "i"):
            break
    if not kept:
        last = words[-1].lower().strip(",")
        return "" if last in ("and", "but", "or", "then") else None
    kept.reverse()
    while kept and kept[0].lower() in ("of", "for", "at", "from", "in", "on", "with", "by"):
        kept = kept[1:]
    return " ".join(kept).strip(",") if kept else None


def _np_prefix(text: str) -> str:
    """The noun phrase a text opens with: "Mr Clump at a press conference" -> "Mr Clump"."""
    words = text.split()
    if words and words[0].lower() in _PRONOUNS:
        return words[0]
    kept: list[str] = []
    for i, raw in enumerate(words):
        word = raw.rstrip(",.;:")
        if not kept and word.lower() in _PREPOSITIONS | {"his", "her", "their", "its", "our"}:
            break
        if kept and word in _PREPOSITIONS - {"of", "for"}:
            break  # "Mervyn Davies at a London press conference"
        if not _np_word(word, first=not kept) and not _leads_to_name(word, words[i + 1 : i + 3]):
            break
        kept.append(word)
        if raw != word:
            break
    while kept and kept[-1].lower() in _PREPOSITIONS | {"the", "a", "an"}:
        kept.pop()
    return " ".join(kept)


_PREPOSITIONS = frozenset("of for at from in on with by to".split())
_FUNCTION = frozenset(
    """and but or that which who whose has have had is was were are be been to not said says
    would will could should did does do as if than then when while because""".split()
)


def _leads_to_name(word: str, following: list[str]) -> bool:
    """A lower-case word inside a title runs on to a name: "show host Robert Kilroy-Silk"."""
    if not word[:1].islower() or word in _FUNCTION | _PREPOSITIONS or word.endswith("ed"):
        return False
    for word in following:
        if word[:1].isupper():
            return word.lower() not in _NOT_NAMES
        if word.lower() in _FUNCTION | _PREPOSITIONS or word.endswith("ed"):
            return False
    return False


def _np_word(word: str, first: bool) -> bool:
    bare = word.strip(",")
    if not bare:
        return False
    if bare[0].isupper():
        return bare.lower() not in _NOT_NAMES or bare.lower() in _NP_WORDS
    if "-" in bare and any(c.isupper() for c in bare):
        return True  # "ex-Tory", "Washington-based"
    return bare.lower() in _NP_WORDS or bare.endswith("-based")


def _is_np(phrase: str) -> bool:
    words = phrase.split()
    if not 1 <= len(words) <= 12:
        return False
    if len(words) == 1 and words[0].lower() in ("he", "she", "it", "they", "we", "i"):
        return True
    if not all(_np_word(w, first=i == 0) for i, w in enumerate(words)):
        return False
    has_name = any(w[:1].isupper() for w in words)
    return has_name or _UNNAMED.match(phrase) is not None or _role_key(phrase) is not None


def _is_name_phrase(phrase: str) -> bool:
    words = strip_titles(phrase).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _drop_apposition(np: str) -> str:
    """ "Michael Mijatov, international division secretary of the …," -> "Michael Mijatov"."""
    np = np.strip().strip(",").strip()
    if "," not in np:
        return np
    head, _, apposition = np.partition(",")
    if _is_name_phrase(apposition.strip()) and not _is_name_phrase(head):
        return apposition.strip()
    return head.strip()


def _subject(text: str) -> tuple[str, int] | None:
    """The noun phrase a sentence (or its masked text) opens with, after any introduction."""
    start = 0
    for _ in range(3):
        intro = _INTRO.match(text, start)
        if intro is None:
            break
        start = intro.end()
    np = _np_prefix(text[start:])
    np = _drop_apposition(np)
    if not np or np.lower() in ("it", "they", "we", "i", "you", "there", "this", "that"):
        return None
    return np, start


# ----------------------------------------------------------------------------- resolution


def _resolve(index: _Index, phrase: str, actors: list[_Actor], offset: int) -> str | None:
    """A speaker phrase made a name: pronouns, roles and surnames resolved."""
    phrase = " ".join(phrase.split()).strip(" ,")
    phrase = re.sub(r"^(?:[Bb]ut|[Aa]nd|[Ss]o)\s+", "", phrase)
    phrase = re.sub(r"^.*[.!?]\s+(?=[A-Z])", "", phrase)  # never across a sentence's end
    phrase = _POSSESSIVE.sub("", phrase)  # "Mr Brown's insistence": Mr Brown
    statement = re.fullmatch(r"(?:[Aa]n?|[Tt]he)\s+(?P<body>[A-Z][\w’'-]*)\s+statement", phrase)
    if statement:  # "said an SFA statement"
        phrase = statement.group("body")
    lower = phrase.lower()
    if lower in _PRONOUNS:
        return _antecedent(actors, _PRONOUNS[lower], person=True)
    if not phrase or lower in ("it", "they", "we", "i", "you", "this", "that"):
        return None
    role = _role_key(phrase)
    if is_unnamed_source(phrase) and (role is None or not _known_role(index, role)):
        return _capital(phrase)
    name = _name_in(phrase)
    if name is not None:
        return _name_or_body(index, name, phrase)
    if role is not None:
        return _resolve_role(index, role, phrase, actors, offset)
    return _capital(phrase) if phrase[:1].isupper() or _UNNAMED.match(phrase) else None


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
    if all(w.lower().strip(".") in _TITLES for w in tail):
        return None  # "the President", "The MEP": a role, not a name
    return " ".join(tail)


def _name_or_body(index: _Index, run: str, phrase: str) -> str:
    words = run.split()
    # "Southampton's David Prutton": the name follows the possessive; "Russia’s Foreign
    # Ministry" is a body and keeps it.
    for i, word in enumerate(words[:-1]):
        if _POSSESSIVE.search(word) and not any(w.lower() in _ORG_WORDS for w in words[i + 1 :]):
            words = words[i + 1 :]
            break
    bare = strip_titles(" ".join(words))
    if index.is_person(bare) or (len(bare.split()) == 1 and bare in index.first):
        return index.fullest(bare)
    if len(bare.split()) < len(words) and not any(w.lower() in _ORG_WORDS for w in bare.split()):
        return bare  # a title came off: a person the index missed
    body = " ".join(words)
    if phrase.split()[-len(words) - 1 : -len(words)] in (["The"], ["the"]):
        body = "The " + body  # "The Kremlin", "The Scottish Executive"
    return _fuller_body(index, body)


def _fuller_body(index: _Index, body: str) -> str:
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
    return _capital(body)


def _body_before(index: _Index, offset: int) -> str | None:
    """The last body named before ``offset``: "the organisation" after "Reporters Without
    Borders"."""
    at = bisect_left(index.organisation_starts, offset)
    return index.organisations[at - 1].name if at else None


def _known_role(index: _Index, role: str) -> bool:
    return role in index.roles


def _resolve_role(
    index: _Index, role: str, phrase: str, actors: list[_Actor], offset: int
) -> str | None:
    if role in index.roles:
        return index.roles[role]
    head = role.split()[-1]
    if re.fullmatch(_BODY_ROLES, role) or re.fullmatch(_BODY_ROLES, head):
        found = _fuller_body(index, phrase)
        if found != _capital(phrase):
            return found
        return _body_before(index, offset) or _capital(phrase)
    return _antecedent(actors, _role_gender(role), person=True) or _capital(phrase)


def _role_key(phrase: str) -> str | None:
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


def _role_gender(role: str) -> Gender | None:
    last = role.split()[-1]
    return "m" if last in _MALE else "f" if last in _FEMALE else None


def _antecedent(actors: list[_Actor], gender: Gender | None, person: bool) -> str | None:
    """The last sentence's actor that fits: a named person of no contrary gender, or a role
    phrase whose gender is known to fit ("The executive spokeswoman" for "she"). A role phrase
    of unknown gender is kept only as a fallback."""
    fallback: str | None = None
    for actor in reversed(actors[-8:]):
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


def _actors_before(index: _Index, offset: int) -> list[_Actor]:
    return index.actors[: bisect_left(index.actor_starts, offset)]


def _sentence_speaker(index: _Index, sentence: Sentence, actors: list[_Actor]) -> str | None:
    text = _masked(index.article.text, sentence.start, sentence.end)
    according = _ACCORDING.search(text)
    if according:
        return _resolve(index, _np_prefix(according.group("np")), actors, sentence.start)
    for quote in _QUOTED.finditer(index.article.text, sentence.start, sentence.end):
        found = _after_match(text[quote.end() - sentence.start :])
        if found is not None:
            return _resolve(index, found[0], actors, quote.end())
    speaker = _cue_before(index, text, sentence.start, actors, main=True)
    if speaker is not None:
        return speaker
    # "…, Retail Decisions said." and "…, said Mr Ingram." close the sentence.
    verb = _last_match(SPEECH.finditer(text, max(0, len(text) - 120)))
    comma = text.rfind(", ", 0, verb.start()) if verb else -1
    if comma >= 0:
        found = _after_match(text[comma:])
        if found is not None:
            return _resolve(index, found[0], actors, sentence.start + comma)
    return None


def _last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _sentence_actor(index: _Index, sentence: Sentence, earlier: list[_Actor]) -> _Actor | None:
    text = _masked(index.article.text, sentence.start, sentence.end)
    phrase: str | None = None
    name = _sentence_speaker(index, sentence, earlier) if SPEECH.search(text) else None
    if name is None:
        found = _subject(text)
        if found is None:
            return None
        phrase = found[0]
        name = _resolve(index, phrase, earlier, sentence.start)
        if name is None:
            return None
    person = index.is_person(name) or _role_gender(name.lower()) is not None
    if not person and phrase is None:
        person = bool(_UNNAMED.match(name)) and not re.search(_BODY_ROLES, name.lower())
        person = person or (
            _role_key(name) is not None and not re.search(_BODY_ROLES, name.lower().split()[-1])
        )
    pronoun = phrase.lower() if phrase else ""
    gender = _PRONOUNS.get(pronoun) or index.genders.get(name) or _role_gender(name.lower())
    named = index.is_person(name) or not person
    if not person and not _is_body_name(index, name):
        return None
    return _Actor(sentence.start, name, gender, person, named)


def _is_body_name(index: _Index, name: str) -> bool:
    last = name.lower().split()[-1] if name.split() else ""
    return any(name.endswith(full) for full in index.body_names.get(last, []))


# ------------------------------------------------------------------------------ mentions


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
        while words and words[0].lower().strip(".") in _NOT_NAMES:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if not words:
            continue
        written = " ".join(words)
        written = re.sub(r"[’']s$", "", written)  # "Trump’s call": the name ends before
        name = strip_titles(written)
        lead = written.split()
        titles = [w.lower().strip(".") for w in lead[: lead.index(name.split()[0])]]
        if not name or name.lower().strip(".") in _TITLES or name.lower() in _NOT_NAMES:
            continue
        if _POSSESSIVE.search(name.split()[0]) and len(name.split()) > 1:
            rest = name.split()[1:]
            if not any(w.lower() in _ORG_WORDS for w in rest):
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
        and not any(w.lower() in _ORG_WORDS or w in _PLACE_WORDS for w in words)
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
        if titles and set(titles) & (_MALE | _FEMALE | {"dr", "prof", "professor"}):
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
        if apposition:
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


# ------------------------------------------------------------------------------ helpers


def _masked(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the words inside quotation marks blanked, offsets kept."""

    def blank(match: re.Match[str]) -> str:
        quoted = match.group(0)
        return quoted[0] + " " * (len(quoted) - 2) + quoted[-1]

    return _QUOTED.sub(blank, text[start:end])


def _as_in_article(text: str, name: str) -> str | None:
    """The article's own spelling of a name given with another apostrophe."""
    pattern = re.sub(r"[’']", "[’']", re.escape(name))
    match = re.search(pattern, text)
    return match.group(0) if match else None


def _nationality(word: str, rest: list[str]) -> bool:
    return (
        bool(rest)
        and rest[0].lower() in _TITLES
        and re.search(r"(?:an|ish|ese|ch|i)$", word) is not None
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
