"""Sourcing gaps and follow-up questions, decided by rules from the article's own words.

Each rule looks at one claim and the sentence it sits in, and names the specifics: which figure,
which speaker, which document. A claim with nothing to flag gets no filler question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.find import number_words
from claimcheck.find.periods import PERIOD_AFTER
from claimcheck.find.quantity import QUALIFIER
from claimcheck.find.shares import TALLY
from claimcheck.find.speakers import SOURCE_NOUNS
from claimcheck.models import Figure, GapKind, SourcingGap
from claimcheck.read.verbs import SPEECH_VERBS

_PASSIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+been\s+(?:seen|viewed|regarded|described|criticised|criticized|"
    r"blamed|called|considered)\s+as|it\s+is\s+(?:believed|thought|understood|said|feared|"
    r"expected|claimed|reported|alleged)|(?:is|are|was|were)\s+(?:believed|thought|said|"
    r"understood|reported|alleged|feared|expected|tipped|estimated|widely\s+\w+)\s+to|"
    r"(?:is|are|was|were)\s+widely\s+(?:seen|viewed|regarded|considered)|"
    # "he has been linked with", "is rumoured to", "thought likely to be", "often thought of"
    r"(?:has|have|had)\s+been\s+(?:linked|tipped|touted|rumoured|rumored)|"
    r"(?:is|are|was|were)\s+(?:linked|rumoured|rumored|touted)\s+(?:with|to)|"
    r"thought\s+(?:un)?likely\s+to|(?:often|widely|generally|commonly)\s+(?:thought|seen|"
    r"regarded|considered|viewed)\s+(?:of|as)|widely\s+(?:anticipated|expected|predicted|"
    r"tipped|reported|believed)|(?:was|were)\s+told)"
    r"\b(?![^.]{0,40}\bby\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
_UNNAMED = re.compile(
    r"\b(?:(?:some|many|several|other|senior|unnamed|anonymous|financial|female|male|"
    rf"leading)\s+)?(?:{SOURCE_NOUNS}|a\s+spokes(?:man|woman|person)|people\s+familiar)\b"
    rf"(?=[^.]{{0,100}}\b(?:{SPEECH_VERBS}|believe|think|estimate|welcomed|reacted|feel|felt|"
    r"criticised|criticized|queried|questioned)\b)",
    re.IGNORECASE,
)
# Reports and rumours from nobody in particular, whoever relays them.
_HEARSAY = re.compile(
    r"\b(?:according\s+to\s+(?:\w+\s+)?reports|(?:media|newspaper|press)\s+reports|"
    r"(?<![a-z] )reports\s+(?:of|that)|rumours|suggestions\s+that)\b",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(
    r"\b(?:issued|released|published|according\s+to|in)\s+(?:a|an|the|its|their|his|her)\s+"
    r"(?:\w+\s+){0,2}?(?P<doc>statement|report|study|survey|poll|letter|memo|review|"
    r"analysis|document|filing|ruling|figures|data|research|paper|audit|inquiry)\b|"
    # "a new study shows", "the newspaper reported", "under the mental health legislation",
    # "Fifa regulations allow", "a formal complaint to"
    r"\b(?:a|an|the)\s+(?:new|recent|latest|\w+)?\s*(?P<finding>study|report|survey|poll|"
    r"review|audit|inquiry)\s+(?:shows|showed|found|finds|says|said|suggests|suggested|"
    r"reveals|revealed)\b|"
    r"\bthe\s+(?P<paper>newspaper|paper|magazine)\s+(?:reported|said|says)\b|"
    r"\bunder\s+the\s+(?:[\w-]+\s+){0,3}?(?P<law>legislation|law|act|rules|regulations)\b|"
    r"\b(?-i:[A-Z])\w*\s+(?P<rules>regulations|rules)\s+(?:allow|require|say|state|prevent|forbid)|"
    r"\bformal\s+(?P<complaint>complaint)\b|"
    # "a consultation paper", "the white paper"
    r"\b(?:consultation|green|white|policy|discussion|research|briefing)\s+(?P<white>paper)\b|"
    # "according to the Financial Times", "the Wall Street Journal reported": a report
    r"\baccording\s+to\s+(?:the\s+)?(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*)*\s+"
    r"(?P<outlet>(?-i:Times|Post|Journal|Guardian|Telegraph|Herald|Mail|Express|Independent|"
    r"Observer|Economist|Tribune|Chronicle|Gazette|Standard|Reuters|Bloomberg))\b",
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
    r"daily|weekly|monthly|since|by|until|decade|now|currently|so\s+far)\b",
    re.IGNORECASE,
)
# A time the reader cannot pin down: "previously", "in the last decade or so".
_VAGUE_TIME = re.compile(
    r"\b(?:previously|recently|in\s+recent\s+(?:years|months|weeks|days)|(?:over|in|during)\s+"
    r"the\s+(?:coming|next|last|past)\s+(?:few\s+)?(?:years|decades?|months|weeks)"
    r"(?:\s+or\s+so)?|some\s+time\s+ago|at\s+some\s+point)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:ridiculous|disgraceful|shameful|outrageous|excellent|terrible|brilliant|"
    r"best|worst|great(?:est)?|wishful|pointed|upbeat|shocking|absurd|unacceptable|"
    r"deserve[sd]?|mesmeric|unlikely|seemingly|hit\s+out|lashed\s+out|blasted|slammed|"
    r"(?:the|one\s+of\s+the)\s+most\s+(?!(?:of|recent|recently|likely|common|popular)\b)\w+)\b",
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
    r"suggests?|suggested))\b",
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
    if ctx.speaker or ctx.kind == "quote":
        return None
    if ctx.figure is None:
        match = _SWEEPING.search(ctx.excerpt)
        if match is None:
            return None
        return (
            "no_source",
            f"“{match.group(0)}” is stated as fact without saying who established it.",
            f"Who established that {_clause(ctx.excerpt)}, and on what evidence?",
        )
    value = named(ctx.figure, ctx.sentence)
    return (
        "no_source",
        f"The figure {value} is given without saying who produced it.",
        f"Who produced the figure of {value}, and from what data?",
    )


def _unnamed_source(ctx: Context) -> _Finding:
    if ctx.unnamed_speaker and ctx.speaker:
        who = ctx.speaker
    else:
        match = None if ctx.speaker else _UNNAMED.search(ctx.sentence)
        if match is None:
            hearsay = _HEARSAY.search(ctx.sentence)
            if hearsay is None:
                return None
            what = re.sub(r"\s+(?:of|that)$", "", hearsay.group(0))
            return (
                "unnamed_source",
                f"“{what}” are relayed without saying whose they are.",
                f"Where do the “{what}” come from, and can their source be named?",
            )
        who = match.group(0)
    one = re.match(r"(?i)(?:an?|one)\s", who) is not None
    if one:
        asked = f"Who exactly is “{who[:1].lower()}{who[1:]}”, and can they be named or quoted?"
    else:
        group = re.sub(r"(?i)^(?:the|some|many|several|other)\s+", "", who)
        asked = f"Who exactly are the “{group}” cited here, and can any of them be named or quoted?"
    return (
        "unnamed_source",
        f"Attributed to “{who}”, who {'is' if one else 'are'} not named.",
        asked,
    )


def _passive(ctx: Context) -> _Finding:
    match = _PASSIVE.search(ctx.excerpt)
    if match is None:
        return None
    return (
        "passive_voice",
        f"“{match.group(0)}” gives no agent: the article does not say by whom.",
        f"Who holds the view that {_clause(ctx.excerpt)}, and on what evidence?",
    )


def _vague(ctx: Context) -> _Finding:
    fig = ctx.figure
    if fig is None:
        return _vague_amount(ctx)
    if not (fig.approximate or fig.low != fig.high):
        return None
    what = "a range" if fig.low != fig.high else "an approximate number"
    return (
        "vague_figure",
        f"“{fig.raw}” is {what}; the exact number and how it was estimated are not given.",
        f"What exact number lies behind “{fig.raw}”, and how was it estimated?",
    )


# An amount with no number: "billions in unpaid taxes", "much of the rest", "by how much".
_VAGUE_AMOUNT = re.compile(
    r"\b(?:(?:tens\s+of\s+|hundreds\s+of\s+)?(?:billions|millions|thousands|hundreds|dozens)"
    r"(?=\s+(?:of|in|more|fewer|less)\b)|much\s+of\s+the\s+\w+|(?:not\s+clear|unclear|"
    r"not\s+known|undisclosed)\s+(?:by\s+)?how\s+(?:much|many)|an?\s+undisclosed\s+(?:sum|"
    r"amount|fee|number))\b",
    re.IGNORECASE,
)


def _vague_amount(ctx: Context) -> _Finding:
    match = _VAGUE_AMOUNT.search(ctx.excerpt)
    if match is None:
        return None
    words = match.group(0)
    return (
        "vague_figure",
        f"“{words}” is an amount with no number.",
        f"What is the number behind “{words}” in “{opening(ctx.excerpt)}”?",
    )


# A part left unnamed: "in some local councils", "in certain areas": which ones?
_SOME = re.compile(
    r"\b(?:in|at|among|across|for|from|of|by)\s+(?P<part>(?:some|certain|several|a\s+few|"
    r"a\s+number\s+of)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<what>[a-z][\w-]*s))\b",
    re.IGNORECASE,
)


def _some(ctx: Context) -> _Finding:
    match = _SOME.search(ctx.excerpt)
    if match is None or re.fullmatch(SOURCE_NOUNS, match.group("what"), re.IGNORECASE):
        return None
    part = match.group("part")
    return (
        "unclear_scope",
        f"“{part}” does not say which.",
        f"Which {match.group('what')} are meant by “{part}”, and how many are they?",
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
    match = _DOCUMENT.search(ctx.sentence) or _DOCUMENT.search(ctx.excerpt)
    if match is None or re.search(r"https?://|www\.", ctx.sentence):
        return None
    group, doc = next((k, v.lower()) for k, v in match.groupdict().items() if v)
    if group == "outlet":
        doc = "report"  # "according to the Financial Times": the paper's report
    elif group != "white":
        doc = {"paper": "report", "newspaper": "report", "magazine": "report"}.get(doc, doc)
    return (
        "missing_primary_document",
        f"The {doc} {'are' if doc.endswith('s') else 'is'} referred to but neither linked nor "
        "named precisely enough to find.",
        f"Where can the full {doc} referred to here (“{opening(match.group(0))}”) be read?",
    )


def _opinion(ctx: Context) -> _Finding:
    if ctx.kind == "figure":
        return None
    match = _OPINION.search(ctx.excerpt)
    if match is None:
        return None
    word = match.group(0)
    return (
        "opinion",
        f"“{word}” is a judgement, not a checkable fact.",
        f"What facts support calling it “{word}” in “{opening(ctx.excerpt)}”?",
    )


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


def describe(fig: Figure) -> str:
    """A figure in words a question can use: '5,000 to 7,000 people a week'; a tally and a
    share of a whole as the article gives them: '31 to 12', 'half of older residents'."""
    if TALLY.fullmatch(fig.raw):
        return fig.raw
    if (
        0 < fig.low == fig.high < 1
        and fig.unit
        and fig.unit not in ("percent", "percentage points")
    ):
        return fig.raw[:1].lower() + fig.raw[1:]  # a share of a whole: "half of older residents"
    value = (
        _number(fig.low) if fig.low == fig.high else f"{_number(fig.low)} to {_number(fig.high)}"
    )
    if fig.unit == "percent":
        value += "%"
    elif fig.unit and len(fig.unit) == 3 and fig.unit.isupper():
        value = f"{fig.unit} {value}"
    elif fig.unit:
        value += f" {fig.unit}"
    if fig.per:
        value += f" a {fig.per}"
    return value


def named(fig: Figure, sentence: str = "") -> str:
    """A figure as a question names it: in the article's words ("$3.2bn", "about 7%", "31 to
    12", "almost half of older residents"), with its period as the article gives it ("5% last
    year", "3.7% in the third quarter", "£7m a year"). ``describe`` gives the value a figure
    normalises to; a reader reads the article's words, and "5% a year" for "5% last year"
    says what the article did not (a yearly rate)."""
    words = " ".join(fig.raw.split())
    if _PLAIN_OPENING.match(words):
        words = words[:1].lower() + words[1:]
    if fig.per and not _RATE_WORDS.search(words):
        words += f" {_period(fig, sentence)}"
    return words


# Words a figure opens with that take a capital only when they open the sentence.
_PLAIN_OPENING = re.compile(
    rf"(?:{QUALIFIER}|{number_words.PHRASE}|half|an?|dozens|tens|several|a\s+few)\b",
    re.IGNORECASE,
)
# A figure's own words that give its rate: "£7m a year", "3% annually", "5,000 barrels per day".
_RATE_WORDS = re.compile(
    r"\b(?:(?:a|an|per|each|every)\s+(?:week|day|year|month|hour|minute|quarter)|"
    r"annually|yearly|weekly|daily|monthly|hourly)\b",
    re.IGNORECASE,
)


def _period(fig: Figure, sentence: str) -> str:
    """The words after the figure in its sentence that give its period ("last year"); a rate
    when they are not there ("annual revenues of $44bn": "a year")."""
    at = sentence.find(fig.raw)
    found = PERIOD_AFTER.match(sentence, at + len(fig.raw)) if at >= 0 else None
    return " ".join(found["when"].split()) if found else f"a {fig.per}"


def _number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


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
