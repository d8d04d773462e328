"""Sourcing gaps and follow-up questions, decided by rules from the article's own words.

Each rule looks at one claim and the sentence it sits in, and names the specifics: which figure,
which speaker, which document. A claim with nothing to flag gets no filler question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.find.figure_words import named
from claimcheck.find.gap_cues import (
    DATA_FROM,
    DOCUMENT,
    FELT,
    GROUP_SPEAKER,
    IF_SO,
    IN_THEIR_EYES,
    IT_SAID,
    MARKED,
    NOT_CHARGED,
    NOT_PLANNERS,
    OWN_JUDGEMENT,
    OWN_PLAN,
    OWNED,
    PASSIVE,
    PLAN,
    REPORTED,
    SAID,
    SOME_ROLE,
    TARGET,
    THEIR_CLAUSE,
    UNDERSTOOD,
    UNNAMED_ACTORS,
    UNNAMED_BESIDE,
    UNVOICED,
    VOICED_BEFORE,
    WORRIES,
)
from claimcheck.find.speakers import SOURCE_NOUNS
from claimcheck.models import Figure, GapKind, SourcingGap
from claimcheck.read.verbs import SPEECH_VERBS

_UNNAMED = re.compile(
    r"\b(?:(?:some|many|several|other|senior|unnamed|anonymous|financial|female|male|"
    rf"leading)\s+)?(?:{SOURCE_NOUNS}|a\s+spokes(?:man|woman|person)|people\s+familiar)\b"
    rf"(?=[^.]{{0,100}}\b(?:{SPEECH_VERBS}|believe|think|estimate|welcomed|reacted|feel|felt|"
    r"criticised|criticized|queried|questioned|note|applaud|applauded|agree|agreed|fear|feared|"
    r"railed|praised)\b)",
    re.IGNORECASE,
)
# Reports and rumours from nobody in particular, whoever relays them.
_HEARSAY = re.compile(
    r"\b(?:according\s+to\s+(?:\w+\s+)?reports|(?:media|newspaper|press)\s+reports|reportedly|"
    r"(?<![a-z] )reports\s+(?:of|that)|rumours|suggestions\s+that)\b",
    re.IGNORECASE,
)
_SCOPE = re.compile(
    r"\b(?:without\s+(?:specifying|saying|clarifying|explaining|making\s+clear)|"
    r"(?:did|does|do)\s+not\s+(?:say|specify|clarify|make\s+clear)|it\s+(?:is|was)\s+"
    r"(?:not\s+clear|unclear))\s+(?P<what>(?:if|whether|who|which|what|how|where)\b[^.]*)",
    re.IGNORECASE,
)
_TIMEFRAME = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|today|yesterday|tomorrow|week|month|year|years|quarter|annual|annually|"
    r"spring|summer|autumn|winter|weekend|tonight|midnight|christmas|easter|"
    r"(?:next|last|coming)\s+(?:general\s+)?election|"
    r"daily|weekly|monthly|since|by|until|decade|now|currently|so\s+far)\b",
    re.IGNORECASE,
)
# A time the reader cannot pin down: "previously", "in the last decade or so".
_VAGUE_TIME = re.compile(
    r"\b(?:previously|recently|in\s+recent\s+(?:years|months|weeks|days)|(?:over|in|during)\s+"
    r"the\s+(?:coming|next|last|past)\s+(?:few\s+)?(?:years|decades?|months|weeks)"
    r"(?:\s+or\s+so)?|some\s+time\s+ago|at\s+some\s+point|"
    # an event the reader cannot date: "in a recent Fox News interview"
    r"(?:in|at|during|from)\s+(?:a|an|his|her|their|its)\s+recent\s+(?:[\w-]+\s+){0,3}?"
    r"(?:interview|speech|poll|survey|statement|visit|meeting|article|op-ed|letter|post|tweet|"
    r"rally|debate|appearance|hearing|briefing|study)|"
    # "said earlier", but not "said earlier this week" or "earlier on Monday"
    rf"(?:{SPEECH_VERBS})\s+earlier(?!\s+(?:this|that|today|on|in|last|yesterday|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)\b))\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:ridiculous|disgraceful|shameful|outrageous|excellent|terrible|brilliant|"
    r"best|worst|great(?:est)?|wishful|pointed|upbeat|shocking|absurd|unacceptable|"
    r"deserve[sd]?|mesmeric|unlikely|seemingly|hit\s+out|lashed\s+out|blasted|slammed|"
    r"amazing|incredible|fantastic|wonderful|superb|stunning|spectacular|extraordinary|"
    r"magnificent|phenomenal|tremendous|appalling|awful|dreadful|abject|non-?starter|"
    r"(?:disgraceful|shameful|outrageous|appalling|absurd|ridiculous|shocking)ly|"
    r"(?:the|one\s+of\s+the(?:\s+\w+[’']s)?)\s+most\s+(?!(?:of|recent|recently|likely|common|"
    r"popular)\b|\w+ly\b)\w+)\b",  # not "the most widely seen": a ranking, not a judgement
    re.IGNORECASE,
)
# Sweeping statements of fact that need a source: records, superlatives, what a whole people
# believes, what "evidence" shows.
_SWEEPING = re.compile(
    r"\b(?:the\s+(?:biggest|largest|greatest|highest|lowest|fastest|first|only)\s+\w+"
    r"(?:\s+\w+)?\s+(?:in|of)\s+(?:the\s+)?(?:world|country|history|europe|uk|us)|"
    r"more\s+\w+\s+than\s+(?:at\s+any\s+(?:time|point)|ever)|"
    r"most\s+(?-i:[A-Z])\w+s\s+(?:believe|think|say|feel|want|support|oppose)|"
    r"(?:recent\s+)?evidence\s+(?:has\s+|had\s+)?(?:shows?|showed|shown|pointed|points|"
    r"suggests?|suggested)|"
    # a comparison only data can make: "spend a greater proportion of their income than"
    r"(?:greater|higher|larger|smaller|lower|bigger)\s+(?:proportion|share|percentage|"
    r"fraction)\s+of\s+[^.]{0,60}?\bthan)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Context:
    """What the rules see of one claim."""

    kind: str
    excerpt: str
    sentence: str  # the sentence (or quotation's paragraph) the claim sits in
    speaker: str | None
    figure: Figure | None
    unnamed_speaker: bool = False  # the speaker is a group the article does not name
    body_speaker: bool = False  # the speaker is an organisation: its words are a statement's
    quoted: str | None = None  # a quote's words in their marks, when the excerpt holds more
    setting: str = ""  # the sentence before, in the same paragraph: where a quote was said


def review(ctx: Context) -> tuple[list[SourcingGap], list[str]]:
    """The sourcing gaps of one claim, and a question for each that names its specifics."""
    gaps: list[SourcingGap] = []
    questions: list[str] = []
    for rule in _RULES:
        found = rule(ctx)
        if found is not None:
            kind, explanation, question = found
            gaps.append(SourcingGap(kind=kind, explanation=explanation))
            questions.append(question)
    return gaps, _unique(questions)


_Finding = tuple[GapKind, str, str] | None


def _no_source(ctx: Context) -> _Finding:
    if ctx.kind == "quote" or (ctx.speaker and not _before_their_words(ctx)):
        return _said_sweeping(ctx)
    if ctx.figure is None:
        match = _SWEEPING.search(ctx.excerpt)
        if match is None:
            return _marked_judgement(ctx) or _unvoiced(ctx)
        return (
            "no_source",
            f"“{match.group(0)}” is stated as fact without saying who established it.",
            f"Who established that {_clause(ctx.excerpt)}, and on what evidence?",
        )
    if DATA_FROM.search(ctx.sentence):
        return None  # who produced it is said; the data itself is asked for
    value = named(ctx.figure, ctx.sentence)
    return (
        "no_source",
        f"The figure {value} is given without saying who produced it.",
        f"Who produced the figure of {value}, and from what data?",
    )


def _unvoiced(ctx: Context) -> _Finding:
    if ctx.kind != "assertion" or VOICED_BEFORE.search(ctx.setting):
        return None
    for pattern, what in UNVOICED:
        match = pattern.search(ctx.excerpt)
        if match is not None and not IF_SO.search(ctx.excerpt[: match.start()]):
            return (
                "no_source",
                f"“{match.groupdict().get('cue') or match.group(0)}” {what}.",
                f"On whose word does the article report “{opening(ctx.excerpt)}”?",
            )
    return None


def _marked_judgement(ctx: Context) -> _Finding:
    match = MARKED.search(ctx.excerpt)
    if (
        match is None
        or len(match.group("word").split()) > 3
        or OWNED.search(ctx.excerpt[: match.start("word")])  # 'whose party opposes it as "…"'
        or IN_THEIR_EYES.match(ctx.excerpt, match.end())
    ):
        return None
    word = match.group("word").strip(" ,.")
    return (
        "no_source",
        f"“{word}” is put in quotation marks, but the article does not say whose word it is.",
        f"Whose word is “{word}” in “{opening(ctx.excerpt)}”, and on what evidence?",
    )


def _before_their_words(ctx: Context) -> bool:
    """The figure is the article's own, stated before a clause in which someone else speaks:
    "There are 1.7m people needing care in England and ministers suggest the number could
    quadruple by 2050"."""
    if ctx.figure is None or ctx.kind == "quote":
        return False
    at = ctx.sentence.find(ctx.figure.raw)
    before = ctx.sentence[:at]
    if at < 0 or SAID.search(before) or before.count("“") > before.count("”"):
        return False  # said before it, or inside the speaker's marks: theirs
    return bool(THEIR_CLAUSE.search(ctx.sentence, at + len(ctx.figure.raw)))


def _said_sweeping(ctx: Context) -> _Finding:
    """A record or what a whole people believes rests on more than one speaker's word: "he
    was the biggest touring attraction in the world", "most Russians believe"."""
    match = _SWEEPING.search(ctx.excerpt)
    if match is None:
        return None
    phrase = match.group(0)
    if "evidence" in phrase.lower():
        return (
            "no_source",
            f"“{phrase}” cites evidence without saying what it is.",
            f"What is the evidence behind “{phrase}”, and where can it be read?",
        )
    basis = "poll or survey" if re.search(r"(?i)^most\s", phrase) else "record or data"
    return (
        "no_source",
        f"“{phrase}” rests on the speaker’s word alone: no {basis} is cited.",
        f"What {basis} bears out “{phrase}”?",
    )


def _unnamed_source(ctx: Context) -> _Finding:
    if ctx.speaker and (ctx.unnamed_speaker or GROUP_SPEAKER.match(ctx.speaker)):
        who = ctx.speaker
    else:
        # a named speaker's sentence may still rest on unnamed others: "In a move ministers
        # say should keep council tax down, the chancellor said …"
        match = UNNAMED_BESIDE.search(ctx.excerpt) if ctx.speaker else _UNNAMED.search(ctx.sentence)
        if match is None:
            hearsay = _HEARSAY.search(ctx.sentence)
            if hearsay is None:
                return _understood(ctx) or _unnamed_actors(ctx)
            what = re.sub(r"\s+(?:of|that)$", "", hearsay.group(0))
            if what.lower() == "reportedly":
                return (
                    "unnamed_source",
                    "“reportedly” does not say who reported it.",
                    f"Who reported “{opening(ctx.excerpt)}”, and can the report be named?",
                )
            return (
                "unnamed_source",
                f"“{what}” are relayed without saying whose they are.",
                f"Where do the “{what}” come from, and can their source be named?",
            )
        who = match.group(0)
    one = re.match(r"(?i)(?:an?|one)\s", who) is not None
    single = not one and _singular(who)  # "the newspaper", "Newspaper"
    if one:
        asked = f"Who exactly is “{who[:1].lower()}{who[1:]}”, and can they be named or quoted?"
    elif single:
        thing = re.sub(r"(?i)^the\s+", "", who)
        asked = f"Who exactly is the “{thing}” cited here, and can they be named or quoted?"
    else:
        group = re.sub(r"(?i)^(?:the|some|many|several|other)\s+", "", who)
        asked = f"Who exactly are the “{group}” cited here, and can any of them be named or quoted?"
    return (
        "unnamed_source",
        f"Attributed to “{who}”, who {'is' if one or single else 'are'} not named.",
        asked,
    )


def _singular(phrase: str) -> bool:
    """Does the phrase's head noun name one ("newspaper", "the ministry"), not a group?"""
    return not _plural(phrase.split()[-1].lower().strip(".,’'") if phrase.split() else "")


def _unnamed_actors(ctx: Context) -> _Finding:
    match = UNNAMED_ACTORS.search(ctx.sentence)
    if match is None:
        return _felt(ctx)
    words = match.group(0)
    who = re.sub(r"(?i)^\w+\s+from\s+", "", words)
    return (
        "unnamed_source",
        f"“{words}” names no one.",
        f"Who exactly are the “{who}” here, and can any of them be named or quoted?",
    )


def _felt(ctx: Context) -> _Finding:
    match = FELT.search(ctx.sentence)
    if match is None or SAID.search(ctx.sentence, match.end()):
        return None  # "Parents were angry, said Ann Lee": whose word it is, is said
    words = match.group(0)
    return (
        "unnamed_source",
        f"“{words}” states a group’s feeling without saying who in it voiced it.",
        f"Who in the group described in “{opening(words)}” said so, and can they be named?",
    )


def _understood(ctx: Context) -> _Finding:
    match = UNDERSTOOD.search(ctx.sentence)
    if match is None:
        return None
    told = match.group(0)
    return (
        "unnamed_source",
        f"“{told}” relays what someone was told without saying who told it.",
        f"Who exactly gave the account behind “{told}”, and can they be named?",
    )


def _passive(ctx: Context) -> _Finding:
    match = PASSIVE.search(ctx.excerpt)
    if match is None:
        return _reported(ctx) or _worries(ctx)
    return (
        "passive_voice",
        f"“{match.group(0)}” gives no agent: the article does not say by whom.",
        f"Who holds the view that {_clause(ctx.excerpt)}, and on what evidence?",
    )


def _reported(ctx: Context) -> _Finding:
    match = REPORTED.search(ctx.excerpt)
    if match is None:
        return None
    phrase = re.sub(r"(?i)\s+(?:in|for|this|next)$", "", match.group(0))  # "growth expected"
    words = opening(ctx.excerpt)
    asked = f"“{words}”" if words.lower().startswith(phrase.lower()) else f"“{phrase}” in “{words}”"
    return (
        "passive_voice",
        f"“{phrase}” gives no agent: the article does not say by whom.",
        f"Who is the source of {asked}?",
    )


def _worries(ctx: Context) -> _Finding:
    match = WORRIES.search(ctx.excerpt)
    if match is None:
        return None
    return (
        "passive_voice",
        f"“{match.group(0)}” does not say whose {match.group('what').lower()} they are.",
        f"Who has the {match.group('what').lower()} in “{opening(ctx.excerpt)}”, and can they "
        "be named?",
    )


def _vague(ctx: Context) -> _Finding:
    fig = ctx.figure
    if fig is None:
        return _vague_amount(ctx)
    if _round_crowd(fig) and not TARGET.search(ctx.sentence[: max(0, ctx.sentence.find(fig.raw))]):
        return (
            "vague_figure",
            f"“{fig.raw}” is a round number for a crowd nobody counts exactly; how it was "
            "estimated is not given.",
            f"Who estimated “{fig.raw}”, and how?",
        )
    if not (fig.approximate or fig.low != fig.high):
        return _vague_amount(ctx)  # "two thirds of its business in Asia, and much of the rest"
    what = "a range" if fig.low != fig.high else "an approximate number"
    return (
        "vague_figure",
        f"“{fig.raw}” is {what}; the exact number and how it was estimated are not given.",
        f"What exact number lies behind “{fig.raw}”, and how was it estimated?",
    )


# People nobody counts one by one: a round number of them is an estimate ("8 million bloggers").
_CROWDS = frozenset(
    "people users bloggers fans viewers listeners readers visitors residents voters children "
    "adults followers refugees speakers".split()
)


def _round_crowd(fig: Figure) -> bool:
    """'8 million bloggers', '2 million viewers': a million or more, one significant figure."""
    if fig.approximate or fig.low != fig.high or fig.low < 1_000_000 or fig.unit not in _CROWDS:
        return False
    scale = 10 ** (len(str(int(fig.low))) - 1)
    return bool(fig.low % scale == 0)


# An amount with no number: "billions in unpaid taxes", "much of the rest", "by how much".
_VAGUE_AMOUNT = re.compile(
    r"\b(?:(?:just\s+)?a\s+handful\s+of(?!\s+[$£€\d])|scores\s+of|countless|numerous|"
    # things or people counted, not topics: not "a host of other challenges"
    r"an?\s+(?:whole\s+)?(?:host|slew|raft|spate|myriad)\s+of(?!\s+(?:other|issues|problems|"
    r"challenges|questions|reasons|topics|concerns|factors|things|ideas)\b)|"
    r"(?:a\s+)?(?:growing|increasing|large|"
    r"small|significant|record|rising)\s+number\s+of|the\s+(?:vast\s+)?majority\s+of|"
    r"a\s+minority\s+of|a\s+fraction\s+of|"
    r"(?:tens\s+of\s+|hundreds\s+of\s+)?(?:billions|millions|thousands|hundreds|dozens)"
    r"(?=\s+(?:of|in|more|fewer|less)\b)|much\s+of\s+the\s+\w+|(?:not\s+clear|unclear|"
    r"not\s+known|undisclosed)\s+(?:by\s+)?how\s+(?:much|many)|an?\s+undisclosed\s+(?:sum|"
    r"amount|fee|number)|(?:could|would|will|can|may|might)\s+(?:\w+\s+)?(?:deliver|make|bring|"
    r"produce|achieve|generate|yield|mean)\s+(?:\w+\s+)?savings)\b",
    re.IGNORECASE,
)


def _vague_amount(ctx: Context) -> _Finding:
    match = _VAGUE_AMOUNT.search(ctx.excerpt)
    if match is None:
        return None
    words = match.group(0)
    asked = f"What is the number behind “{words}” in “{opening(ctx.excerpt)}”?"
    if words.lower().endswith("savings"):
        asked = f"How much would be saved, by whose estimate, in “{opening(ctx.excerpt)}”?"
    return ("vague_figure", f"“{words}” is an amount with no number.", asked)


# A part left unnamed: "in some local councils", "in certain areas": which ones?
_SOME = re.compile(
    r"\b(?:in|at|among|across|for|from|of|by)\s+(?P<part>(?:some|certain|several|various|"
    r"selected|a\s+few|a\s+number\s+of)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<what>[a-z][\w-]*s))\b",
    re.IGNORECASE,
)


def _some(ctx: Context) -> _Finding:
    match = _SOME.search(ctx.excerpt)
    if match is None or re.fullmatch(SOURCE_NOUNS, match.group("what"), re.IGNORECASE):
        return _some_role(ctx)
    part = match.group("part")
    return (
        "unclear_scope",
        f"“{part}” does not say which.",
        f"Which {match.group('what')} are meant by “{part}”, and how many are they?",
    )


def _some_role(ctx: Context) -> _Finding:
    match = SOME_ROLE.search(ctx.excerpt)
    if match is None:
        return None
    words = match.group(0)
    return (
        "unclear_scope",
        f"“{words}” does not say what it was.",
        f"What exactly is meant by “{words}” in “{opening(ctx.excerpt)}”?",
    )


def _scope(ctx: Context) -> _Finding:
    match = _SCOPE.search(ctx.sentence)
    if match is None or (ctx.figure is None and ctx.kind != "assertion" and not _framed(ctx)):
        return None
    doubt = match.group("what").strip().rstrip(",;:")
    subject = f"the figure of {named(ctx.figure, ctx.sentence)}" if ctx.figure else "this claim"
    return (
        "unclear_scope",
        f"The article itself says it is unclear {doubt}.",
        f"The article does not say {doubt}: what exactly does {subject} cover, and what "
        "is its source?",
    )


def _framed(ctx: Context) -> bool:
    """The doubt is in a quote's frame, not in the speaker's words: "“…,” Trump continued,
    without specifying if these figures referred to Ukraine, Russia, or both."."""
    return (
        bool(ctx.quoted)
        and bool(_SCOPE.search(ctx.excerpt))
        and not _SCOPE.search(ctx.quoted or "")
    )


def _timeframe(ctx: Context) -> _Finding:
    vague = _VAGUE_TIME.search(ctx.excerpt)
    if vague is not None:
        when = vague.group(0)
        return (
            "missing_timeframe",
            f"“{when}” does not say when.",
            f"When exactly is “{when}” in “{opening(ctx.excerpt)}”?",
        )
    if _TIMEFRAME.search(ctx.sentence):
        return None
    plan = next(
        (
            m
            for m in PLAN.finditer(ctx.excerpt)
            if ctx.kind != "quote"  # a speaker's own word on their intent: "“… intends to …”"
            and m.group("before").lower() not in NOT_PLANNERS
            and not OWN_PLAN.search(ctx.excerpt[: m.end("before")])
        ),
        None,
    )
    if plan is not None:
        cue = re.sub(r"(?i)\s+(?:to|a|an)$", "", plan.group("cue"))
        return (
            "missing_timeframe",
            f"“{cue}” announces a plan but gives no date or timetable.",
            f"When is “{opening(ctx.excerpt)}” due to happen?",
        )
    fig = ctx.figure
    if fig is None or fig.per or fig.unit in ("percent", "years", "months", "days"):
        return None
    if _TIMEFRAME.search(ctx.sentence):
        return None
    value = named(fig, ctx.sentence)
    return (
        "missing_timeframe",
        f"No date or period is given for {value}.",
        f"What date or period does the figure of {value} refer to?",
    )


def _document(ctx: Context) -> _Finding:
    # A quotation may run past its first sentence: its own words count too.
    match = (
        DOCUMENT.search(ctx.sentence)
        or DOCUMENT.search(ctx.excerpt)
        or DATA_FROM.search(ctx.sentence)
    )
    if re.search(r"https?://|www\.", ctx.sentence):
        return None
    if match is None:
        return _statement(ctx)
    group, doc = next((k, v.lower()) for k, v in match.groupdict().items() if v)
    if group in ("charged", "charged_in", "indicted") and NOT_CHARGED.search(
        ctx.sentence[: ctx.sentence.lower().find(doc) + 1]
    ):
        return None  # "has not been charged with", "neither … nor … have been charged"
    if group in ("outlet", "reported"):
        doc = "report"  # "according to the Financial Times": the paper's report
    elif group in ("charges", "charged", "charged_in", "indicted"):
        doc = "charges"  # the charge sheet or indictment
    elif group != "white":
        doc = {"paper": "report", "newspaper": "report", "magazine": "report"}.get(doc, doc)
    return (
        "missing_primary_document",
        f"The {doc} {'are' if _plural(doc) else 'is'} referred to but neither linked nor "
        "named precisely enough to find.",
        f"Where can the full {doc} referred to here (“{opening(match.group(0))}”) be read?",
    )


def _plural(noun: str) -> bool:
    """ "charges", "remarks", "people", "police"; not "analysis", "address" or "news"."""
    if noun in _PLURAL_HEADS:
        return True
    return noun.endswith("s") and not re.search(r"(?:is|ss|us|news)$", noun)


_PLURAL_HEADS = frozenset("people police staff media personnel men women folk".split())


def _statement(ctx: Context) -> _Finding:
    """Words quoted from an organisation come from a statement, a release or a spokesperson:
    the article should say which."""
    if ctx.kind != "quote" or not (
        ctx.body_speaker or (ctx.speaker is None and IT_SAID.search(ctx.sentence))
    ):
        return None
    if (
        not SAID.search(ctx.sentence)  # "Standard Chartered sees “…”": a view, not a statement
        or DOCUMENT.search(ctx.setting)  # "… said in a statement. “…”": named just before
        or (
            ctx.speaker
            and re.search(rf"\btold\s+(?:the\s+)?{re.escape(ctx.speaker)}", ctx.sentence)
        )
    ):
        return None
    who = "the"
    if ctx.speaker:
        who = re.sub(r"^The\b", "the", ctx.speaker) + ("’" if ctx.speaker.endswith("s") else "’s")
    return (
        "missing_primary_document",
        f"The words are quoted from an organisation, but {who} statement they come from is "
        "neither linked nor named.",
        "Where can the statement be read in full, to confirm the words "
        f"“{opening(ctx.quoted or ctx.excerpt)}”?",
    )


def _opinion(ctx: Context) -> _Finding:
    if ctx.kind == "figure":
        return None
    judged = _OPINION.search(ctx.excerpt)
    own = None if judged else OWN_JUDGEMENT.search(_own_voice(ctx))
    match = judged or own
    if match is None:
        return None
    word = match.group(0)
    if own is not None and _FORECAST.search(word):
        # "is likely to", "may eventually": a forecast, and nobody is said to make it
        return (
            "opinion",
            f"“{word}” is a forecast in the article’s own voice: it does not say who expects it.",
            f"On what evidence does the article forecast “{opening(ctx.excerpt)}”?",
        )
    if own is not None and re.match(r"(?i)seem|appear|apparently|evidently|ostensibly", word):
        return (
            "opinion",
            f"“{word}” infers what someone meant or felt, in the article’s own voice.",
            f"On what evidence does the article say “{opening(ctx.excerpt)}”?",
        )
    return (
        "opinion",
        f"“{word}” is a judgement, not a checkable fact.",
        f"What facts support calling it “{word}” in “{opening(ctx.excerpt)}”?",
    )


# Which of the article's own judgements forecast: "is likely to", "may eventually".
_FORECAST = re.compile(
    r"\b(?:likely|certain|sure|bound)\s+(?:to|that)\b|\b(?:eventually|ultimately|one\s+day|"
    r"someday)\b",
    re.IGNORECASE,
)


def _own_voice(ctx: Context) -> str:
    """What the article says in its own voice: an unattributed assertion, or the frame of a
    quote up to its first verb of saying ("Fuelled apparently by anger, Trump said “…”"), the
    quoted words taken out. What follows "said" or "according to" is someone else's."""
    if ctx.kind == "assertion" and not ctx.speaker:
        frame = ctx.excerpt
    elif ctx.kind == "quote" and ctx.quoted:
        frame = ctx.excerpt
        for words in ctx.quoted.split(" … "):
            frame = frame.replace(words, " … ")
    else:
        return ""
    if re.search(r"(?i)\baccording\s+to\b", ctx.sentence):
        return ""
    said = SAID.search(frame)
    return frame[: said.start()] if said else frame


_RULES = (
    _no_source,
    _unnamed_source,
    _passive,
    _vague,
    _scope,
    _some,
    _timeframe,
    _document,
    _opinion,
)


def opening(text: str, words: int = 8) -> str:
    """The first words of a text, for a question to quote."""
    parts = text.strip("“”\"‘’' ").split()
    if len(parts) > words:
        return " ".join(parts[:words]) + "…"
    return re.sub(r"(?<![A-Z.])[.,;:]$", "", " ".join(parts))  # “Rule of law, then …,” whole


def _clause(text: str) -> str:
    """A sentence made a clause ("… that the move was seen as …"): its first letter is
    lowered only for a word that is no name ("The", "It"), never for "Moscow"."""
    text = text.strip().rstrip(".")
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return text[:1].lower() + text[1:] if first.lower() in _LOWERED else text


# Words that open a sentence with a capital only because they open it.
_LOWERED = frozenset(
    "the a an it its this that these those there their they he she his her we our some many "
    "most more much few several all any each every such one two three no not in on at for by "
    "with after before since while when if as although though despite unlike under over "
    "because".split()
)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
