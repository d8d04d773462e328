"""Noun phrases: where the phrase naming whoever speaks starts and ends, as news writes it.

Pure text, word by word: which words may sit in a speaker's noun phrase ("chief US economist
for …", "Former prosecutor and New York City Mayor Rudy Giuliani", "Florida election
officials"), the phrase a text opens with (``np_prefix``) and the one a text ends with
(``np_suffix``). ``claimcheck.find.cues`` finds the verbs these phrases go with.
"""

from __future__ import annotations

import re

from claimcheck.find.names import (
    NAMES_LIKE_WORDS,
    NOT_NAMES,
    ORDINAL,
    PRONOUNS,
    UNNAMED,
    role_key,
    strip_titles,
)
from claimcheck.read.verbs import SPEECH_VERBS

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
    newspaper carrier airline band hospital campaign councilmember councilman councilwoman
    congressman congresswoman delegate delegates voter voters supporter activist activists
    strategist consultant pollster aide staffer operative organizer organizers donor donors
    candidate nominee lawmaker lawmakers legislator representative official officer agent
    attorney prosecutor counsel student resident worker veteran longtime press
    communications anchor reporter journalist columnist moderator author historian scholar
    police spokesmen spokeswomen staff staffers businessmen office camp
    fellow chair republican republicans democratic democrat democrats conservative liberal
    progressive state federal county city white house campaign's administration
    administration's""".split()
)


DETERMINERS = frozenset("the a an this that these those all some its his her their".split())


def np_suffix(chunk: str) -> str | None:
    """The longest tail of ``chunk`` that reads as a speaker's noun phrase; "" if the chunk
    ends at a clause boundary; None if it ends in a word no subject could end with."""
    words = chunk.split()
    if not words:
        return ""
    kept: list[str] = []
    for word in reversed(words):
        if (
            kept
            and word.endswith((",", ".", ":", ";"))
            and not _INITIALS.fullmatch(word)
            and not (word.endswith(".") and word[:-1].lower() in _ABBREVIATED_TITLES)
        ):
            # "The chairman of the Bar Council, Guy Mansfield QC"; "U.S. officials" and
            # "Mrs. Rao" go on
            break
        if not (
            np_word(word, first=False)
            or (not kept and word.lower() in ("he", "she", "it", "they", "we", "i"))
            or group_noun(word)  # "Former prosecutors said", "Abortion rights advocates say"
            or (kept and _COUNT.fullmatch(word) is not None)  # "About 9 percent said"
        ):
            break
        kept.append(word)
        if word.lower() in ("he", "she", "it", "they", "we", "i"):
            break
    if not kept:
        last = words[-1].lower().strip(",")
        return "" if last in ("and", "but", "or", "then") else None
    before = words[: len(words) - len(kept)]
    if not (kept[-1].lower() in DETERMINERS and before and _PAST_VERB.fullmatch(before[-1])):
        # not in "The ruling led some commentators", "The decision prompted the minister"
        kept.extend(_modifiers(before) or (_named_group(before) if group_noun(kept[0]) else []))
    kept.reverse()
    while kept and kept[0].lower() in ("of", "for", "at", "from", "in", "on", "with", "by"):
        kept = kept[1:]
    return " ".join(kept).strip(",") if kept else None


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


_CLAUSE_OPENERS = frozenset("and but that while because as though although when".split())


def _named_group(before: list[str]) -> list[str]:
    """The words that make a group its own between a proper word and the group's noun:
    "Florida election officials", "American law enforcement officials", "Law enforcement
    experts" (one or two plain words, after a name that opens the clause), last first."""
    for size in (1, 2):
        if len(before) <= size:
            break
        run, proper = before[-size:], before[-size - 1]
        if not all(re.fullmatch(r"[a-z][a-z-]+", w) and w not in _NOT_MODIFIERS for w in run):
            break
        opens = (
            len(before) == size + 1
            or before[-size - 2].endswith(",")
            or (before[-size - 2].lower() in _CLAUSE_OPENERS)
        )
        if proper[:1].isupper() and np_word(proper, first=False) and opens:
            return [*reversed(run), proper]
    return []


def _modifiers(before: list[str]) -> list[str]:
    """The words that qualify a noun phrase's head between it and its article ("an anti-fraud
    agency", "a consumer group"), last first; none unless an article opens them."""
    for size in (1, 2):
        run = before[-size:]
        if len(before) <= size or before[-size - 1].lower() not in ("a", "an", "the", "some"):
            continue
        if all(re.fullmatch(r"[a-z][a-z-]+", w) and w not in _NOT_MODIFIERS for w in run):
            return [*reversed(run), before[-size - 1]]
    return []


_NOT_MODIFIERS = frozenset("and or but has have had was were is are said says told".split())


_COUNT = re.compile(r"\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?")


_NOT_PLURAL = frozenset(
    """was has is does says always perhaps sometimes this thus its his hers ours theirs yours as
    less unless across towards afterwards besides whereas goes makes seems remains appears
    means news""".split()
)


def group_noun(word: str) -> bool:
    """A plural or collective noun that can head a speaker phrase: "prosecutors", "percent"."""
    bare = word.strip(",")
    if bare in ("percent", "half", "majority", "minority", "third", "quarter"):
        return True
    return (
        bare.islower()
        and len(bare) >= 4
        and bare.endswith("s")
        and not bare.endswith(("ss", "ous", "ics"))
        and bare not in _NOT_PLURAL
    )


_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_FINITE = frozenset(
    "is are was were has have had will would can could do does did must may might should".split()
)
# Groups a sentence may open with, capitalised ("Supporters of …", "Fact-checkers"): a closed
# list, since a capitalised word in -s is as often a surname ("Sanders") or a place ("Texas").
_GROUP_HEADS = frozenset(
    """supporters critics opponents voters democrats republicans friends fact-checkers
    officials analysts experts advisers advisors aides residents members proponents activists
    advocates lawmakers leaders economists investigators prosecutors researchers scientists
    doctors parents teachers students workers protesters organizers organisers officers allies
    staffers donors conservatives liberals progressives independents delegates senators
    governors candidates pollsters strategists observers commentators insiders sources people
    majorities diplomats lawyers attorneys protesters fans backers loyalists authorities""".split()
)
# What may stand before a group's noun when it is capitalised: "All the Democrats".
_LEADS_A_GROUP = DETERMINERS | frozenset("most many both few of".split())


def _leads_a_group(words: list[str]) -> bool:
    """Words that may open a group whose noun is capitalised: quantifiers ("All the
    Democrats") or names alone ("House Republicans"), not a name and its affiliation
    ("Heiserman of the CORE Teachers")."""
    return all(w.lower() in _LEADS_A_GROUP for w in words) or all(w[:1].isupper() for w in words)


_RELATIVES = frozenset("who that which whose".split())
_PAST_VERB = re.compile(r"[a-z]+ed|led|made|got|let|saw|sent|left|told|took|gave|drove|brought")


def group_subject(text: str) -> str | None:
    """``text``, when it is all one group that a clause opens with: "Most Republican voters in
    Alabama, Georgia and Virginia", "Senior campaign advisers who have run the numbers",
    "Fact-checkers". None when it holds another verb, a quotation or a clause's comma."""
    words = text.split()
    if not 1 <= len(words) <= 16 or not words[0][:1].isupper() or re.search(r"[\"“”;:]", text):
        return None
    head = next(
        (
            i
            for i, w in enumerate(words[:6])
            if (w.lower() in _GROUP_HEADS and _leads_a_group(words[:i]))
            or (i > 0 and group_noun(w) and "’" not in w)
        ),
        None,
    )
    if head is None or any(w.lower() in _FINITE | _RELATIVES for w in words[:head]):
        return None
    if any(
        words[i].lower() in DETERMINERS and _PAST_VERB.fullmatch(words[i - 1])
        for i in range(1, head)
    ):
        return None  # "The ruling led some commentators": a verb comes before the group
    for i, word in enumerate(words[head:], head):
        if word.lower() in _RELATIVES:
            if len(words) - i < 3:
                return None  # "Republicans who have | praised …": the verb is the clause's
            break  # "who have run the numbers": a clause of the group's own
        if word.lower() in _FINITE:
            return None  # another verb: "Officials were told"
        if word.endswith(",") and not (i + 1 < len(words) and words[i + 1][:1].isupper()):
            return None  # a list of names goes on after its commas; a clause does not
    else:
        i = len(words)
    if _SPEECH.search(" ".join(words[:i])):
        return None  # a verb of saying of its own: "Voters said they"
    return " ".join(words)


def np_prefix(text: str) -> str:
    """The noun phrase a text opens with: "Mr Clump at a press conference" -> "Mr Clump"."""
    words = text.split()
    if words and words[0].lower() in PRONOUNS:
        return words[0]
    kept: list[str] = []
    for i, raw in enumerate(words):
        word = raw.rstrip(",.;:")
        if not kept and word.lower() in PREPOSITIONS | {"his", "her", "their", "its", "our"}:
            break
        if kept and word in PREPOSITIONS - {"of", "for"}:
            break  # "Mervyn Davies at a London press conference"
        after, then = (kept[-1] if kept else ""), (words[i + 1] if i + 1 < len(words) else "")
        if word == "and" and _bare_role(kept) and then[:1].isupper():
            kept = []  # "Former prosecutor and New York City Mayor Rudy Giuliani": his titles
            continue
        if kept and kept[-1][:1].isupper() and word in _GROUP_HEADS:
            kept.append(word)  # "Sanders protesters", "Trump supporters"
            break
        if not np_word(word, not kept, after, then) and not _leads_to_name(
            word, words[i + 1 : i + 3]
        ):
            break
        abbreviation = word.lower() in _ABBREVIATED_TITLES or re.fullmatch(
            r"(?:[A-Z]\.)*[A-Z]", word
        )
        if raw != word and raw.endswith(".") and abbreviation:
            kept.append(raw)  # "Mr. McConnell", "J. Michael Pearson" run on past the stop
            continue
        kept.append(word)
        if raw != word:
            break
    while kept and kept[-1].lower() in PREPOSITIONS | {"the", "a", "an"}:
        kept.pop()
    return " ".join(kept)


def _bare_role(words: list[str]) -> bool:
    """Words that are one person's role and nothing else, with no article: "Former
    prosecutor", "Chairman" (a title, where "the president" or "officials" are people)."""
    return (
        bool(words)
        and all(w.lower() in _NP_WORDS - DETERMINERS for w in words)
        and not words[-1].lower().endswith("s")
    )


PREPOSITIONS = frozenset("of for at from in on with by to".split())


_ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm prof rev st atty supt insp".split()
)


_FUNCTION = frozenset(
    """and but or that which who whose has have had is was were are be been to not said says
    would will could should did does do as if than then when while because after before into
    over under against about through across behind around onto up down out off went came took
    made gave got met ran left put sent""".split()
)


def _leads_to_name(word: str, following: list[str]) -> bool:
    """A lower-case word inside a title runs on to a name: "show host Robert Kilroy-Silk",
    and so does a rank's ordinal: "Air Force 1st Lt. Tyler Livingston"."""
    if ORDINAL.fullmatch(word):
        return bool(following) and following[0][:1].isupper()
    if not word[:1].islower() or word in _FUNCTION | PREPOSITIONS or word.endswith("ed"):
        return False
    for word in following:
        if word[:1].isupper():
            return word.lower() not in NOT_NAMES
        if word.lower() in _FUNCTION | PREPOSITIONS or word.endswith("ed"):
            return False
    return False


def np_word(word: str, first: bool, after: str = "", then: str = "") -> bool:
    """``word`` can be in a noun phrase, ``after`` the word before it and ``then`` the one
    after it."""
    bare = word.strip(",")
    if not bare:
        return False
    if bare[0].isupper():
        if bare.lower() in NAMES_LIKE_WORDS and _names_month(first, after, then.strip(",.")):
            return True
        return bare.lower() not in NOT_NAMES or bare.lower() in _NP_WORDS
    if "-" in bare and any(c.isupper() for c in bare):
        return True  # "ex-Tory", "Washington-based"
    return bare.lower() in _NP_WORDS or bare.endswith("-based")


def _names_month(first: bool, after: str, then: str) -> bool:
    """A month's name is a person's after a first name or a title ("Theresa May", "Mrs May"),
    or before a surname ("June Sarpong")."""
    if not first:
        return after[:1].isupper()
    return then[:1].isupper() and then.lower() not in NOT_NAMES


def is_np(phrase: str) -> bool:
    words = phrase.split()
    if not 1 <= len(words) <= 12:
        return False
    if len(words) == 1 and words[0].lower() in ("he", "she", "it", "they", "we", "i"):
        return True
    if not all(
        np_word(w, i == 0, words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "")
        for i, w in enumerate(words)
    ):
        return False
    has_name = any(w[:1].isupper() for w in words)
    return has_name or UNNAMED.match(phrase) is not None or role_key(phrase) is not None


def is_name_phrase(phrase: str) -> bool:
    words = strip_titles(phrase).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def drop_apposition(np: str) -> str:
    """ "Michael Mijatov, international division secretary of the …," -> "Michael Mijatov"."""
    np = np.strip().strip(",").strip()
    if "," not in np:
        return np
    head, _, apposition = np.partition(",")
    if is_name_phrase(apposition.strip()) and not is_name_phrase(head):
        return apposition.strip()
    return head.strip()
