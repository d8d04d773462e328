"""Cues: which words of a sentence attribute speech, and the speaker phrase they give.

Pure text: given a sentence (its quotations blanked, offsets kept), find the speech verb and the
noun phrase it goes with, as the article writes it ("he", "the ministry", "Mr Letwin",
"Michael Mijatov"). Making that phrase a name is claimcheck.find.resolution's work.

    …,” he said / …,” said Mr Ingram / …,” the newspaper quoted X as saying   (after a quote)
    Mr Letwin told MPs: “… / X said the plan was “… / …, saying: “…            (before it)
    according to X / Observes Mr Hadi: “…                                    (anywhere)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.find.names import (
    BODY_ROLES,
    NOT_NAMES,
    PRONOUNS,
    SOURCE_NOUNS,
    capital,
    is_unnamed_source,
)
from claimcheck.find.phrases import (
    DETERMINERS,
    PREPOSITIONS,
    drop_apposition,
    group_noun,
    group_subject,
    is_name_phrase,
    is_np,
    np_prefix,
    np_suffix,
)
from claimcheck.read.verbs import SPEECH_VERBS

SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")

_PARTICIPLE = re.compile(
    r"\b(?:saying|adding|telling|insisting|warning|arguing|noting|describing|accusing|"
    r"explaining|tweeting|writing|asking|responding|replying|declaring|claiming|calling|"
    r"labell?ing|branding|dubbing|interjecting)\b"
)
# Verbs that give words a speaker when a quotation follows them: "X called Y “…”" (not the
# noun: "Trump’s call with Putin").
_NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|his|her|their|its|our|phone))\s+$", re.I)
CALLING = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dubb(?:ed|ing)|labell?(?:ed|ing)|brand(?:ed|ing)|interjecting)\b"
)

QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|''[^\n]*?''|‘[^’\n]*’(?![a-z])")


PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)

_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|had|have|also|then|later|earlier|previously|again|would|will|did|does|do|"
    r"further|recently|reportedly|quickly|immediately|only|has\s+since|is|was|were|are|"
    r"publicly|repeatedly|originally|once|now|may|might|could|should|must|long|often|always|"
    r"never|sometimes|already|still|just|twice|even|soon|both|[a-z]+ly))+\s*$"
)

# Between a subject and its verb: "Gowdy earlier Thursday said", "Reid (D-Nev.) last week told".
_DAYS = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|"
    r"afternoon|evening|weekend|today|yesterday|tonight"
)
_BETWEEN_SUBJECT_AND_VERB = re.compile(
    rf"(?:\s*\([^()]{{1,150}}\)|\s+(?:itself|himself|herself|themselves|however)|,\s+however,|"
    # "Mrs. Clinton herself, as well as her campaign, has maintained"
    r",\s+(?:as\s+well\s+as|along\s+with|together\s+with)\s+[^,]{1,60},|"
    r"\s+at\s+the\s+time|"  # "Trump at the time said"
    # "Trump in his announcement speech called", "Clinton in a statement said"
    r"\s+in\s+(?:his|her|their|its|an?|the)\s+(?:[\w-]+\s+){0,2}(?:speech|statement|interview|"
    r"remarks|address|letter|post|tweet|testimony|announcement|op-ed|column|book|memo)|"
    rf"\s+(?:on\s+|in\s+|at\s+)?(?:(?:last|this|next|earlier|later|"
    rf"early|late|on)\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?)+\s*$"
)

_INTRO = re.compile(
    r"(?:(?:But|And|So|Yet|Also|Earlier|Later|Meanwhile|However|Now|Then|Still|Even|"
    r"Instead|Moreover|Nonetheless|Indeed|Likewise|Besides|Otherwise|Overall|Thus|Hence|Therefore|"
    r"then|now|also|later|still|even)\b,?\s+|"
    r"(?:(?:Last|Next|This|Earlier|Later|Early|Late)\s+(?:on\s+|in\s+the\s+)?|on\s+)?"
    r"(?:week|month|year|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b,?\s+|"
    r"(?:On|In|At|After|Before|While|When|If|Unless|Once|Whether|Because|Despite|Although|Though|Unlike|Regarding|Since|"
    r"Through|For|With|During|Following|As|A\s+day|Hours|Days|Weeks|Months|Years|"
    r"By|Amid|Under|Ahead|Across|Throughout|Without|Inside|Outside|Among|Here|Beyond|Behind|Around|"
    r"Coincidentally|Originally|Consequently|Furthermore|Nevertheless|Observes|"
    # a question put to the speaker: "Asked whether he would …, Reid said"
    r"Asked|Pressed|Questioned|Challenged|Reminded|Confronted|Contacted|Reached|Interviewed|"
    r"[Aa]\s+(?:few|couple\s+of)\s+(?:hours|days|weeks|months|years)|"
    # not a name in -ing or -ly with its verb: "Carly Fiorina", "Ebeling reminisced"
    r"(?:[A-Z][a-z]+ing|[A-Z][a-z]+ly)(?!\s+(?:[A-Z]|[a-z]+ed\b|said\b|says\b|told\b|wrote\b))"
    r"|Back\s+(?:in|then|when))\b[^,]{0,160},"
    # the state after a town: "In Portsmouth, N.H., on Tuesday,", "At a rally in Dayton, Ohio,"
    r"(?:\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z][a-z]{0,4}\.(?:[A-Z]\.)?),)?\s+|"
    # a dateline: "WASHINGTON — ", "LA CROSSE, Wisc. — ", "Washington (AFP) – "
    r"(?:[A-Z][A-Z.'’ -]{2,30}(?:,\s+[A-Z][\w.]*(?:\s(?:[A-Z][\w.]*|\d{1,2}))?)?|[A-Z][a-z]+)"
    r"(?:\s*\((?:AP|AFP|Reuters|UPI|CNN)\))?(?<=[A-Z.)])\s+[—–-]{1,2}\s+)"
)

# A title's or an initial's full stop does not end a speaker's phrase: "said Mr. Brown",
# "said J. Michael Pearson".
_ABBREVIATION = r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|[A-Z])\."
_VERB_FIRST = re.compile(
    rf"^[\s,.!?…—–-]*(?P<verb>{SPEECH_VERBS})\s+(?P<np>(?:{_ABBREVIATION}|[^,.;:!?]){{1,120}})",
    re.DOTALL,
)

_VERB_NEXT = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does)\b"
)
_LEADING_PUNCTUATION = re.compile(r"^[\s,.!?…—–-]*")
_ROLE_ONLY = re.compile(
    r"(?:(?:the|a|an|its|his|her|their)\s+)?(?:[A-Za-z][\w.-]*(?:[’']s|s[’'])\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*"
)
_NAMED_APPOSITION = re.compile(
    # "…, the senator's introducer, actress Jamie Lee Curtis.": the role may lead the name
    r"\s*,\s+(?:[a-z][\w-]*\s+){0,2}(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)\s*(?:[,.]|$)"
)

QUOTED_AS = re.compile(r"\bquoted\s+(?!by\b)(?P<np>.{1,80}?)\s+as\s+saying\b")

# A title's or an initial's stop ("according to Mr. Rhodes", "J. Smith") does not end the name.
_STOPPED = r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|[A-Z])\."
# A name's run of words up to the clause's end, its title's or initial's stop kept.
_NAME_RUN = rf"(?=[A-Z])(?:\b{_STOPPED}|[^,.;:]){{1,80}}"
# A document an "according to" names by who wrote it: "according to a recent report from X".
_DOCUMENTS = (
    r"report|post|blog\s+post|study|survey|analysis|statement|review|estimate|poll|tally|count|"
    r"letter|memo|filing|tweet|article|release|press\s+release"
)
_DOCUMENT_FROM = re.compile(
    rf"(?:an?|the|its|their)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_DOCUMENTS})\s+(?:from|by)\s+(?=[A-Z])"
)
_RECORDS = re.compile(r"\s+(?:records|data|figures|documents|filings|statistics|estimates)\b")
# "was first reported by Politico", "As reported by Reuters", "a fact first revealed by X".
_PASSIVE_LEAD = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|as|As)\s+|\b(?:first|originally|initially|also)\s+)"
    r"(?:(?:first|originally|initially|also|\w+ly)\s+)?$"
)
_BY_AGENT = re.compile(rf"\s+by\s+(?P<np>(?:the\s+)?{_NAME_RUN})")
ACCORDING = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?P<np>{_DOCUMENT_FROM.pattern}{_NAME_RUN}|(?:the\s+)?{_NAME_RUN}|"
    # "according to senior officials at the Treasury", "according to two people familiar"
    r"(?:the\s+|some\s+|several\s+|two\s+|three\s+)?(?:[a-z][\w-]*\s+){0,3}?"
    rf"(?!(?:reports?|polls?|newspapers?|media)\b)(?:{SOURCE_NOUNS})\b(?:\s+(?:at|in|of|for|with|close\s+to|familiar\s+with)\s+[^,.;:]{{1,60}})?|"
    # "according to the company", "according to its ministry": a body the article names
    rf"(?:the|its|their)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{BODY_ROLES})\b(?![\w-]))"
)


# Where someone works, their roles (joined by "and" too), then their name.
_ROLE_THEN_NAME = re.compile(
    r"(?:[A-Z][\w.’'&-]*\s+){1,4}(?:[a-z][\w-]*\s+){1,6}"
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)"
)


def according_speaker(np: str) -> str:
    """Who "according to …" names: a group whole ("Democratic and independent analysts",
    "senior officials at the Treasury"), whoever a document is from ("a new report from
    Zillow" -> "Zillow"), a body's records whole ("F.A.A. records"), else the name its phrase
    opens with."""
    np = " ".join(np.split())
    document = _DOCUMENT_FROM.match(np)
    if document is not None:
        np = np[document.end() :]
    if is_unnamed_source(np) or not np[:1].isupper():
        return np
    role = _ROLE_THEN_NAME.fullmatch(np)
    if role is not None:
        return role.group("name")  # "USA TODAY contributor and monetary historian David Marsh"
    name = np_prefix(np)
    records = _RECORDS.match(np, len(name))
    return np[: records.end()] if name and np.startswith(name) and records else name


# '“…,” Hannity pressed.', '“…,” reacted Trump.': after a quotation that ends in a comma, a
# name and one verb that close the clause are its attribution, whatever the verb.
_NAME_THEN_VERB = re.compile(
    r",?[ \t]+(?:(?P<np>(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w.’'-]*|he|she)[ \t]+[a-z]+(?:ed|s)|"
    r"[a-z]+(?:ed|s)[ \t]+(?P<np2>(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w.’'-]*))"
    r"(?:[ \t]+(?:on|in|at|to|during|after|later|earlier|last|this|[A-Z]\w+day)\b[^.,;\n]{0,40})?"
    r"[ \t]*(?:[.,;]|$)"
)


def name_then_verb(text: str) -> tuple[str, int] | None:
    """(name, its offset) when ``text``, what follows a quotation ending in a comma, is only a
    name and one verb: '“…,” Hannity pressed.', '“…,” reacted Trump.'"""
    short = _NAME_THEN_VERB.match(text)
    if short is None:
        return None
    group = "np" if short.group("np") else "np2"
    return short.group(group).rstrip("."), short.start(group)


def after_match(text: str) -> tuple[str, int] | None:
    """(noun phrase, its offset in ``text``) of an attribution opening ``text``."""
    text = text[:200]
    quoted = QUOTED_AS.search(text[:160])
    if quoted and not re.search(r"[.!?]\s", text[: quoted.start()]):
        return quoted.group("np"), quoted.start("np")
    first = _VERB_FIRST.match(text)
    if first is not None and not first.group("verb").endswith("ing"):
        # "said Trump" names the speaker; "saying Trump was wrong" names whom they spoke of
        # "said Rubio’s deputy campaign manager, Rich Beeson, who …": the role's name
        if _ROLE_ONLY.fullmatch(first.group("np").strip()):
            named = _NAMED_APPOSITION.match(text, first.end("np"))
            if named is not None:
                return named.group("name"), named.start("name")
        np = np_prefix(first.group("np"))
        if np and _VERB_NEXT.match(text, first.start("np") + len(np)):
            return None  # "said the candidate could be …": what was said, not who said it
        if np:
            return np, first.start("np")
    # "…,” the newspaper quoted …", "…,” Michael Mijatov, …, told": the first speech verb,
    # with nothing but a noun phrase before it.
    verb = SPEECH.search(text)
    start = _LEADING_PUNCTUATION.match(text)
    if verb is None or start is None or re.search(r"[;:!?]", text[: verb.start()]):
        return None
    np = drop_apposition(_AUXILIARIES.sub("", text[start.end() : verb.start()]))
    lone = re.fullmatch(r"[A-Z][a-z]+", np) is not None  # '…,” From said.': a surname
    opens = bool(np) and (lone or np.split()[0].lower() not in PREPOSITIONS)
    if np and (is_np(np) or JOINT.match(np)) and opens:
        return np, start.end()
    return None


def inverted_cue(text: str) -> tuple[str, int] | None:
    """(noun phrase, its offset) of a cue set off by a comma after the clause it reports: "…,
    said Larry Sabato, director of …", "…, BFM TV reported.", "There is no need, Kennedy wrote
    Linick." Not a subject's own verb after its apposition ("Jeff Sessions, a Trump supporter,
    said Clinton …", "Ivanka Trump, who is …, told the New York Times that …")."""
    for comma in _SET_OFF.finditer(text):
        rest = text[comma.start() : comma.start() + 200]  # all after_match reads
        found = after_match(rest)
        if found is None or not _speaker_like(found[0]):
            continue
        first = _VERB_FIRST.match(rest)
        set_off = rest[found[1] + len(found[0]) :].lstrip().startswith(",")
        if first is None and set_off:
            continue  # "…, South Africa, Portuguese newspaper X reports.": X, further on
        if first is not None and _TELLING.fullmatch(first.group("verb")):
            continue  # "…, told the Times that …": whom the subject told
        if first is not None and set_off:
            return found  # "The paradox of Nancy, says Carl Anthony, historian at …, is"
        # the clause before it, no further back than a clause is long: a sentence of a
        # thousand commas would cost the square of its length
        before = text[max(0, comma.start() - 300) : comma.start()]
        if _CLAUSE_VERB.search(_RELATIVE.sub("", before)) or re.search(r"[”\"]", before):
            return found  # a quotation before it is what was said
    return None


_SET_OFF = re.compile(r",\s+(?=\S)")
# A finite verb: what the words before an inverted cue have and a subject with its apposition
# has not.
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|does|did|must|may|might|should|"
    r"[a-z]{2,}ed)\b"
    # a verb in -s after a name or an adverb: "Cruz also lacks", "Trump wants"
    r"|\b(?:also|still|now|never|always|often|already|only)\s+[a-z]{3,}s\b"
    r"|\b[A-Z][\w’'-]+\s+[a-z]{3,}s\s+(?:the|a|an|his|her|their|its|that|to|no)\b"
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b[^,]*")
_TELLING = re.compile(r"told|tells|tell|asked|asks|ask|urged|urges|warned|warns")


def _speaker_like(np: str) -> bool:
    """A name, or a noun phrase with its article: not a pronoun ("…, he said", read with its
    antecedent elsewhere) nor a time ("…, last week said")."""
    words = np.split()
    if words[0].lower() in _NOT_SPEAKER_WORDS:
        return False
    if words[0].lower() in ("the", "a", "an"):
        return is_np(np)
    return len(words) <= 5 and all(w[:1].isupper() or w in ("of", "and", "de") for w in words)


_NOT_SPEAKER_WORDS = frozenset(
    """he she they we i you it and but or so yet while when as after before because since if
    although though whereas who which that where""".split()
)


def cue_before(lead: str, main: bool = False) -> str | None:
    """The speaker phrase of the last speech cue in ``lead`` (a sentence up to a quotation, its
    quotations blanked), or with ``main`` of the first: "Mr Clarke said he had … when Mr
    Blunkett argued" is Mr Clarke's. None when no cue gives one."""
    # '“…,” said Mr Ingram “For what …”': an inverted cue with the full stop lost.
    inverted = re.search(
        rf"[”\"],?\s+(?:{SPEECH_VERBS})\s+(?P<np>[^,.;:”\"]{{1,60}}?)\s*:?\s*$", lead
    )
    if inverted and is_np(inverted.group("np")):
        return inverted.group("np")
    # "Observes Mr Hadi: “…”", "In other words, explained X: “…”": the verb opens the
    # sentence and the speaker follows it.
    opened = lead[_intro_end(lead) :]
    if re.match(rf"(?:{SPEECH_VERBS})\b", opened, re.IGNORECASE) and lead.rstrip().endswith(
        (":", ",")
    ):
        np = np_prefix(opened.split(None, 1)[1] if " " in opened else "")
        if np:
            return np
    quoted = QUOTED_AS.search(lead)
    if quoted:
        return quoted.group("np")
    pronoun = None
    callings = [m for m in CALLING.finditer(lead) if not _NOUN_BEFORE.search(lead, 0, m.start())]
    verbs = sorted(
        # not "Trump’s proposed wall", "her stated aim": adjectives
        [v for v in SPEECH.finditer(lead) if not _possessive_before(lead, v.start())] + callings,
        key=lambda m: m.start(),
    )
    opening = _SUBORDINATE_INTRO.match(lead)
    lead_in = opening.end() if opening else 0  # where a clause leading into the sentence ends
    if main and opening is not None:
        # "Asked whether he would counsel Clinton …, Reid said", "After Beck asked …, D’Souza
        # replied": the verbs of a clause that leads into the sentence are not its own
        verbs = [v for v in verbs if v.start() >= lead_in] or verbs
    for verb in verbs if main else verbs[::-1]:
        infinitive = re.search(r"\bto\s+$", lead[: verb.start()])
        if infinitive is not None and re.search(r"(?:[^s]s|ed|ing)$", verb.group(0)):
            continue  # "according to reports", "thanks to claims": a noun after "to"
        if infinitive is not None:
            # "leading some commentators to argue": theirs; "but only to tell": the subject's
            agent = _np_before(lead, infinitive.start())
            medium = _MEDIUM_BEFORE.search(lead, 0, infinitive.start())
            if agent and medium is not None:
                # "Clinton took to Twitter to say": Clinton's, not Twitter's
                agent = _np_before(lead, medium.start()) or agent
            if agent:
                return agent
        if _participle(verb.group(0)) or verb.group(0) == "insistence" or infinitive:
            named = _named_just_before(lead, verb.start())
            if named is not None:
                return named  # "– Ryan saying he was …", "with Trump reportedly yelling:"
            # ", Spicer said, adding “…”": the speaker of the clause it hangs on; "Carly Fiorina
            # threw her support behind Cruz, saying …": its subject (the comma is no intro's)
            earlier = [v for v in verbs if v.start() < verb.start() and SPEECH.fullmatch(v[0])]
            clause = lead[: verb.start()].rstrip(" ,")
            return (
                _main_speaker(lead, earlier)
                or _clause_subject(clause, _SET_OFF_CLAUSE)  # "…, when X interrupted …, shouting"
                or _subject_phrase(clause)
            )
        by = _BY_AGENT.match(lead, verb.end())
        if (
            by is not None
            and _PASSIVE_LEAD.search(lead, 0, verb.start())
            and not any(v.start() < verb.start() for v in verbs)
        ):
            # "was first reported by Politico": Politico's; but in "Fiorina said, as recalled
            # by Walter Hewlett", Fiorina's
            return np_prefix(by.group("np"))
        if not verb[0].endswith("ing") and PASSIVE_BEFORE.search(lead, 0, verb.start()):
            continue  # "X is believed to", "X was accused of": X is not the one speaking
        before = _np_before(lead, verb.start())
        if before is None or before.lower() in ("it", "they", "we", "i", "you"):
            continue  # "the ministry said it rejects": look further back
        if before.lower() in DETERMINERS:
            continue  # "all of the claims in …": a noun, not a verb of saying
        if before.lower() in PRONOUNS:
            pronoun = pronoun or before  # "X said he believed": X, if the sentence names one
            continue
        if before == "":
            # "When told Perez was …, Bush thought and said": not the verbs of the intro
            earlier = [
                v for v in verbs if lead_in <= v.start() < verb.start() and SPEECH.fullmatch(v[0])
            ]
            return (
                _main_speaker(lead, earlier)
                or _subject_phrase(lead[: verb.start()])
                or _clause_subject(lead[: verb.start()])  # "when Cruz knocked Rubio and called"
            )
        return before
    if pronoun is not None:
        return pronoun
    colon = _NAME_BEFORE_COLON.search(lead)
    if colon is not None and not verbs:
        return colon.group("np")  # "… doesn’t surprise Republican pollster Daron Shaw: “"
    according = ACCORDING.search(lead)
    if according:
        return according_speaker(according.group("np"))
    return None


_SUBORDINATE_INTRO = re.compile(
    r"(?:(?:But|And|So|Yet)\s+)?(?:After|Before|While|When|Whereas|Although|Though|Since|As|If|"
    r"Once|Until|Unless|Because|Asked|Pressed|Questioned|Challenged|Reminded|Confronted|"
    r"(?:Days|Weeks|Months|Years|Hours)\s+(?:after|before))\b[^,]{0,150},"
)


def _participle(verb: str) -> bool:
    """A verb of saying in -ing, which hangs on a clause: "saying", "vowing", "adding"."""
    return _PARTICIPLE.fullmatch(verb) is not None or verb.endswith("ing")


# A name with no comma between it and the participle after it, set off from the clause
# before: "– Ryan saying …", "with Trump reportedly yelling", "and Gorka noting".
_NAME_BEFORE_PARTICIPLE = re.compile(
    r"(?:^|[–—;]\s+|,\s+|\b(?:with|and)\s+)(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)"
    r"(?:\s+[a-z]+ly)?\s+$"
)


def _named_just_before(lead: str, verb: int) -> str | None:
    """The name a participle has for its own subject, when one stands right before it."""
    found = _NAME_BEFORE_PARTICIPLE.search(lead, max(0, verb - 80), verb)
    if found is None or found.group("np").split()[0].lower() in NOT_NAMES | DETERMINERS:
        return None
    return found.group("np")


def _main_speaker(lead: str, verbs: list[re.Match[str]]) -> str | None:
    """The first speaker phrase a finite speech verb among ``verbs`` gives."""
    for verb in verbs:
        if _participle(verb.group(0)) or PASSIVE_BEFORE.search(lead, 0, verb.start()):
            continue
        before = _np_before(lead, verb.start())
        if before and before.lower() not in ("it", "they", "we", "i", "you"):
            return before
        after = np_prefix(lead[verb.end() :])  # '“…,” said Joe Biden, urging …'
        if after and after[:1].isupper():
            return after
    return None


# A name right before the colon that opens a quotation, not after a preposition.
_NAME_BEFORE_COLON = re.compile(
    r"(?<!\bto )(?<!\bwith )(?<!\bfrom )(?<!\bin )(?<!\bon )(?<!\bof )"
    r"\b(?P<np>(?:[a-z]+\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*):\s*$"
)


_CLAUSE_OPENING = re.compile(
    r"\b(?:when|while|as|after|because|since|if|where|before|until|though|although|whereas)\s+"
)


# A clause set off by a comma, whose subject a participle after it hangs on.
_SET_OFF_CLAUSE = re.compile(r",\s+(?:when|while|because|since|if|although|though|whereas)\s+")


def _clause_subject(text: str, openings: re.Pattern[str] = _CLAUSE_OPENING) -> str | None:
    """The subject of the last clause ``text`` opens ("… such as when Cruz knocked Rubio")."""
    opening = last_match(openings.finditer(text))
    return _subject_phrase(text[opening.end() :]) if opening is not None else None


def _subject_phrase(text: str) -> str | None:
    found = subject(text)
    return found[0] if found else None


def _np_before(text: str, verb: int) -> str | None:
    """The subject phrase right before a verb, or "" when a conjunction or clause comes first
    ("… and jeered"), or None when nothing there can be a subject."""
    if _THEN.search(text, max(0, verb - 20), verb):
        return ""  # "Kasich offered the man a job, then says …": the subject's second verb
    chunk = _AUXILIARIES.sub("", PARTY_LABEL.sub("", text[:verb]))
    chunk = _AUXILIARIES.sub("", _BETWEEN_SUBJECT_AND_VERB.sub("", chunk))
    chunk = _DASHED_ASIDE.sub("", chunk.rstrip())  # "Gingrich — mentioned as a choice — said"
    chunk = _AUXILIARIES.sub("", chunk).rstrip()
    others = _AND_OTHERS.search(chunk)
    if others is not None:  # "Hawkins and others said": Hawkins, and others
        chunk = chunk[: others.start()]
        listed = _LISTED.search(chunk)
        if listed is not None:  # "Ms. Toretti, Mrs. Rao and other bundlers": both of them
            chunk = f"{chunk[: listed.start()]} and {chunk[listed.end() :]}"
    opened = chunk[_intro_end(chunk) :]
    if opened.split()[:1] and (opened.split()[0] in _QUANTIFIERS or group_noun(opened.split()[0])):
        opened = capital(opened)  # after an introduction: "In each state, about half of voters"
    group = group_subject(opened)
    if group is not None:
        return group  # "Most Republican voters in Alabama, Georgia and Virginia said"
    # Past the introduction, read as the chunk's start ("But Murshed Zaheed, acting …,")
    opened = chunk[_intro_end(chunk) :]
    relative = _NAME_THEN_CLAUSE.search(opened)
    if relative is not None and not _NOT_A_SUBJECT.match(relative.group("np")):
        return relative.group("np")  # "Beck, who has in the past", "Clinton, 35, the daughter …,"
    unclosed = _NAME_THEN_UNCLOSED_ROLE.search(opened)
    if unclosed is not None:
        return unclosed.group("np")  # "Anthony Anton, president and CEO of X stated"
    if chunk.endswith(","):
        comma = chunk[:-1].rfind(",")
        apposition = chunk[comma + 1 : -1].strip()
        head = np_suffix(chunk[: max(comma, 0)]) if comma >= 0 else ""
        located = _NAME_OF_PLACE.match(apposition)
        if located is not None and is_name_phrase(located[1]):
            apposition = located[1]  # "One pastor …, Darran Whiting of Liberty Baptist Church,"
        if is_name_phrase(apposition) and not is_name_phrase(head or ""):
            return apposition  # "Its director general, Gordon Lishman, said"
        if head:
            return head
        return apposition if is_np(apposition) else None
    placed = _NAME_OF_TOWN_AND_STATE.search(opened)
    if placed is not None:
        return placed.group("np")  # "Stacy Baker of Columbia, South Carolina says"
    described = _DESCRIBED_SOURCE.search(opened)
    if described is not None:
        return capital(described.group("np"))  # "But a source familiar with the inquiry said"
    share = _SHARE.search(opened)
    if share is not None:
        return capital(share.group("np"))  # "But nine in 10 Democratic voters say"
    suffix = np_suffix(chunk)
    if suffix is None:
        return None
    return joint_before(chunk, suffix)


# Words a group opens with: "about half of voters", "most of them", "all the Democrats".
_QUANTIFIERS = frozenset(
    "about nearly almost roughly over more fewer half most many some all several".split()
)
_POSSESSIVE_BEFORE = re.compile(r"(?:[’']s|\b(?:his|her|their|its|our|my|your))\s+$", re.I)


def has_speech_verb(text: str) -> bool:
    """Does ``text`` hold a verb of saying, not an adjective or noun after a possessive ("his
    claims were", "Trump’s proposed wall")?"""
    return any(not _possessive_before(text, v.start()) for v in SPEECH.finditer(text))


def _possessive_before(text: str, at: int) -> bool:
    """Does a possessive stand right before ``at`` ("Trump’s proposed", "her stated")?"""
    return _POSSESSIVE_BEFORE.search(text, max(0, at - 12), at) is not None


_THEN = re.compile(r",\s+(?:and\s+)?then\s+$")
# A verb and the place it takes a speaker to: "took to Twitter", "went on television".
_MEDIUM_BEFORE = re.compile(r"\b[a-z]+\s+(?:to|on|onto)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+$")
_NAME_OF_TOWN_AND_STATE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\band\s))(?P<np>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)\s+(?:of|from)\s+"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2},\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?$"
)
_NAME_OF_PLACE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)\s+(?:of|from|at)\s+\S")

# A source the article describes and does not name: "A source familiar with the FDIC’s internal
# investigation", "two people close to the talks".
_DESCRIBED_SOURCE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s))(?P<np>(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|"
    r"[Ss]everal|[Ss]ome|[Mm]any)\s+)?(?:[a-z]+\s+)?(?:[Ss]ources?|[Pp]eople|[Pp]ersons?|"
    r"[Oo]fficials?|[Aa]ides?|[Ii]nsiders?)\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|"
    r"briefed\s+on|involved\s+in)\s+[^,;:]{1,80})$"
)
# A share of a group as a clause's subject: "Six in 10", "About 4 in 10 Democrats", "More than
# six out of 10 registered voters".
_SHARE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s))(?P<np>(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|"
    r"[Rr]oughly|[Mm]ore\s+than|[Ff]ewer\s+than|[Oo]ver|[Jj]ust|[Oo]nly)\s+)?"
    r"(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)\s+"
    r"(?:in|out\s+of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+(?!(?:and|or|but|then|who|that)\b)[\w.’'-]+){0,4})$"
)


# Names that speak together: "Elijah Cummings and John Conyers", "Sens. Ron Wyden, Mark
# Udall and Martin Heinrich". Each part is capitalised words (a title's stop allowed), its
# state or town allowed ("Johnny Isakson of Georgia").
_NAME_PART = (
    r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*(?:\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
)
_JOINT_LEAD = re.compile(rf"(?:{_NAME_PART},\s+)*{_NAME_PART}\s+and\s+$")
JOINT = re.compile(rf"^(?:{_NAME_PART},\s+)*{_NAME_PART},?\s+and\s+{_NAME_PART}$")


def joint_before(chunk: str, suffix: str) -> str:
    """The speaker phrase ``suffix`` with the names joined to it before ("… and John
    Conyers"), when it is a name too."""
    if not all(w[:1].isupper() or w == "of" for w in suffix.split()):
        return suffix  # "White House and Pentagon spokesmen": the spokesmen
    lead = _JOINT_LEAD.search(chunk, 0, len(chunk) - len(suffix))
    if lead is None or lead.end() != len(chunk) - len(suffix):
        return suffix
    joint = chunk[lead.start() :]
    parts = split_joint(joint)
    return joint if all(p.split()[0].lower() not in NOT_NAMES for p in parts) else suffix


def split_joint(phrase: str) -> list[str]:
    """The names of a joint speaker phrase, or the phrase alone."""
    if not JOINT.match(phrase):
        return [phrase]
    return [p.strip() for p in re.split(r",\s+and\s+|,\s+|\s+and\s+", phrase) if p.strip()]


# "Matthew Prince, chief executive of CloudFlare, a San Francisco company, said": the name
# before one to three asides set off by commas.
_NAME_THEN_CLAUSE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s))"
    r"(?P<np>(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]*(?:(?<=Jr|Sr)\.)?),"
    r"(?:(?:\s+(?:(?:who\b|which\b|\d{1,3}\b|(?:the|a|an)\s|[a-z]|[\"“])[^,]*|"
    r"[A-Z][\w.’']*(?:\s[A-Z][\w.’']*)?),){1,3}|\s+who\b[^,]*)$"  # "…, from Jackson, Miss.,"
)


# The same with a role no comma closes: "Anthony Anton, president and CEO of Washington
# Restaurant Association stated": a person's name, then a lower-case role of a body.
_NAME_THEN_UNCLOSED_ROLE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s))"
    r"(?P<np>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*),\s+(?:(?:the|a|an)\s+)?"
    r"[a-z][\w-]*(?:\s+(?:and|&)\s+[\w-]+)?(?:\s+[a-z][\w-]*){0,2}\s+(?:of|at|for)\s+"
    r"(?:the\s+)?[A-Z][^,]{0,80}$"
)
# A party label after a name: "Rep. Bobby Scott (D-Va.)", "Ed Rendell (D)".
# "(D-Calif.)", "(R)", and the wire style ", R-Fla.," after a name.
PARTY_LABEL = re.compile(r"\s*\([DRI](?:-[A-Z][\w. ]*)?\)|,\s+[DRI]-[A-Z][A-Za-z.]*(?=,)")
# Those who speak with a named speaker: "Doyle and others", "Trump and his attorneys".
_AND_OTHERS = re.compile(
    r"(?<=[A-Za-z.])\s+and\s+(?:others|(?:other|his|her|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"(?:\s+(?:in|of|at|from|on|across)\s+[^,;:]{1,40})?$"  # "and other bundlers in both parties"
)
_LISTED = re.compile(rf",\s+(?={_NAME_PART}$)")
_DASHED_ASIDE = re.compile(
    r"\s+[—–]\s[^—–]{1,150}\s[—–]$|\s+--\s[^-]{1,150}\s--$|\s+-\s(?:(?!\s-\s).){1,150}\s-$"
)
_NOT_A_SUBJECT = re.compile(r"(?:In|On|At|For|By|From|With|After|Before|Since|As|When)\b")


def _intro_end(text: str) -> int:
    """Where a sentence's introduction ("But on Monday, ", "Speaking in Iowa, ") ends."""
    start = 0
    for _ in range(3):
        intro = _INTRO.match(text, start)
        if intro is None and start:
            intro = _LATER_INTRO.match(text, start)  # "Moreover, as part of the exchange, "
        if intro is None:
            break
        start = intro.end()
    return start


# A phrase that leads into the sentence after another: "Moreover, as part of the exchange, ".
_LATER_INTRO = re.compile(
    r"(?:as|in|on|at|after|before|while|when|during|despite|since|with|amid|under|unlike)\b"
    r"[^,]{0,120},\s+"
)


def subject(text: str) -> tuple[str, int] | None:
    """The noun phrase a sentence (or its masked text) opens with, after any introduction."""
    start = _intro_end(text)
    named = _DESCRIBED_THEN_NAMED.match(text, start)
    if named is not None and not _CLAUSE_VERB.search(named.group("description")):
        # "France’s far-right party leader, Marine Le Pen, voiced …", "One of the men, Jessie
        # Elkins, 70, had served …": the name the description is given
        return named.group("name"), named.start("name")
    np = np_prefix(text[start:])
    np = drop_apposition(np)
    if not np or np.lower() in ("it", "they", "we", "i", "you", "there", "this", "that"):
        return None
    if _ADVERB_THEN_PARTICIPLE.match(text, start):
        return None  # "Hastily politicizing the tragedy ― … ― Trump cast": no subject yet
    return np, start


# A description of someone, then their name set off by commas (an age allowed), then the verb.
_DESCRIBED_THEN_NAMED = re.compile(
    r"(?P<description>[A-Z][^,;:]{2,80}?\s[a-z][\w-]*),\s+"
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)(?:,\s+\d{1,3})?,\s+(?=[a-z])"
)
_ADVERB_THEN_PARTICIPLE = re.compile(r"[A-Z][a-z]+ly\s+[a-z]+ing\b")


def masked(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the words inside quotation marks blanked, offsets kept."""

    def blank(match: re.Match[str]) -> str:
        quoted = match.group(0)
        return quoted[0] + " " * (len(quoted) - 2) + quoted[-1]

    return QUOTED.sub(blank, text[start:end])


def last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found
