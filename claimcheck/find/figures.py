"""Figures: numbers in the article, normalised so they can be compared and checked.

Finds numbers in digits and words, with thousands separators, multipliers ("m", "bn",
"million"), ranges (the multiplier carries: "5-7,000" is 5,000 to 7,000), percentages, money
with its currency, units of measure ("2Mbps"), fractions ("two-thirds", "half of the staff",
"one in five"), ratios ("twice", "three times"), hedges ("about", "more than") and rates
("a week").

Doubtful cases, decided:

- "from 370 to 870" is a change, so two figures, not a range; "from six months to nine" gives
  the second number the first one's unit. "between 10 and 20", "10 to 20%", "4% to 4.5%",
  "3%-3.5%" and "5-7" are ranges, one figure with its low and high and the period the sentence
  gives after it, if any. A poll's margin is two figures: "leads Clinton 50% to 40%", "44% to
  43%" (falling), "trails Trump 41% to 45%".
- A tally is one figure when a vote, a score or a ratio is named around it ("passed 31 to 12",
  "voted 31-12", "by 31 votes to 12", "a ratio of 3 to 1"): low = high = its first side, raw
  both sides. A bare "a 2-1 defeat" stays a score, no figure.
- A count after a possessive is the owner's: "UKIP's 12,000 members"; "Boeing 747" is a name.
- Vague plurals count only before "of" and are reported as approximate ranges, a plural being
  at least two of its kind: "hundreds of" 200-999, "thousands of" 2,000-9,999, "tens of
  thousands of" 20,000-99,999, "millions of" 2-9.99 million, "dozens of" 24-99.
  "billions in unpaid taxes" has no "of" and is left out.
- A fraction stands alone ("two thirds", unit None) unless followed by "of" and a counted noun
  ("half of the staff", unit "staff"). "half" and "a quarter" count only when they are plainly
  amounts: "half of the staff", "nearly a quarter", "by a quarter", "a quarter percentage point";
  "the third quarter" is a period.
- "N times" is a ratio: unit None. "one" counts only before a unit of measure ("one decade",
  "one gigabyte"), never as a pronoun ("one of the", "no one", "one day").
- A year (1900-2099) is a date unless a counted noun follows it and no date word precedes
  ("about 2000 people" counts; "in 2004 people" and "the 2004 elections" do not).

Not figures of their own: dates and years ("1 January", "6 or 7 January", "2003/4", "2005/06",
"the 1990s"), times of day ("0800", "1800GMT", "10am", "6:01 p.m."), ages ("aged 60", "45-year-old",
"36 years old", "the age of 17", "Mr Smith, 45,"), ordinals ("21st"), scores ("2-1 defeat"),
phone numbers, names and model numbers ("3G", "MP3", "Boeing 747", "Radio 4", "Chapter 11"),
and a number in words that refers rather than counts ("the two men", "his three sons").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from claimcheck.models import Figure
from claimcheck.read.structure import Article

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "hundred": 1e2, "m": 1e6, "mn": 1e6, "million": 1e6,
    "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY",
}  # fmt: skip
_CURRENCY_PREFIXES = {"australian": "AUD", "us": "USD", "canadian": "CAD", "hong": "HKD",
                      "new": "NZD"}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "pounds": "GBP", "sterling": "GBP", "euros": "EUR",
    "euro": "EUR", "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY",
    "won": "KRW", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "pence": "GBP",
}  # fmt: skip
_PERIODS = {
    "annually": "year", "yearly": "year", "weekly": "week", "daily": "day", "monthly": "month",
    "hourly": "hour",
}  # fmt: skip
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
# Vague plurals: (lowest, highest) for the plural alone; "tens of"/"hundreds of" scale both.
_VAGUE = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0),
          "millions": (2e6, 1e7 - 1), "billions": (2e9, 1e10 - 1)}  # fmt: skip
_VAGUE_SCALE = {"tens": 10, "hundreds": 100}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_SMALL_WORD = "one|two|three|four|five|six|seven|eight|nine"

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[- ](?:{_SMALL_WORD}))?|{_SMALL_WORD}|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|a\s+dozen|dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_MULT = r"(?:\s?(?:bn|tn)|(?:m|mn|k)|\s(?:million|billion|trillion|thousand|hundred))(?![\w])"
_SIGN = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|£|€|¥)"
# Units of measure written against the number; case matters ("MB" is not "mb").
_MEASURE = r"(?-i:Mbps|Gbps|kbps|Kbps|MB|GB|TB|km|kg|mph|kph|kWh|MWh|GWh|kW|MW|GW|MHz|GHz|mm|cm)"
_QUALIFIER = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|over|up\s+to|"
    r"at\s+least|less\s+than|fewer\s+than|under|as\s+many\s+as|as\s+much\s+as|an\s+estimated|"
    r"estimated\s+at|estimated|close\s+to|just\s+over|just\s+under|between|an\s+extra|another)"
)
_EXACT_QUALIFIERS = frozenset({"an extra", "another"})  # "an extra £1bn" is not a hedge

_FIGURE = re.compile(
    rf"""(?<![\w$£€¥./,#&:-])
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?P<value>
    (?:(?P<cpre>(?:australian|us|canadian|hong\s+kong|new\s+zealand)\s+dollars)\s+)?
    (?P<sign1>{_SIGN})?(?P<n1>{_NUMBER})(?P<m1>{_MULT})?
    (?:(?P<pct1>\s?%|\s?per\s?cent\b|\s?percent\b)?
       (?:(?P<dash>[-–])|\s+(?P<to>to|and)\s+)(?P<sign2>{_SIGN})?(?P<n2>{_NUMBER})(?P<m2>{_MULT})?)?
    (?P<measure>\s?{_MEASURE}(?![\w]))?
    (?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b)?
    (?P<pence>p\b)?
    (?P<cword>\s+(?:{"|".join(_CURRENCY_WORDS)})\b)?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?P<num>{_SMALL_WORD}|a)[- ]|(?=half|quarter))"
    r"(?P<den>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"(?P<tail>\s+(?:of\s+(?:a\s+)?)?(?:(?:percentage\s+)?points?|per\s?cent))?(?![\w-])",
    re.IGNORECASE,
)
_RATIO = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<a>{_SMALL_WORD}|\d{{1,2}})\s+in\s+"
    rf"(?P<b>{_SMALL_WORD}|ten|twenty|hundred|\d{{1,3}}(?:,\d{{3}})*)(?![\w-])",
    re.IGNORECASE,
)
_TIMES = re.compile(r"(?<![\w-])twice(?![\w-])", re.IGNORECASE)
_HALF_PERIOD = re.compile(
    r"(?<![\w-])half(?:-|\s+an?\s+)(?P<period>hour|day|year|month|week|century)(?![\w-])",
    re.IGNORECASE,
)
_VAGUE_PLURAL = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?P<scale>tens|hundreds)\s+of\s+)?"
    r"(?P<base>dozens|hundreds|thousands|millions|billions)(?=\s+of\b)",
    re.IGNORECASE,
)
_STOP = (
    r"of|in|to|the|a|an|and|or|for|on|at|by|from|with|than|as|per|is|are|was|were|has|have|"
    r"had|will|would|could|should|may|might|more|less|into|against|after|before|since|but|"
    r"not|who|which|that|this|it|he|she|they|we|you|i|said|says|so|if|when|where"
)
# The counted noun, perhaps after an adjective or three ("80,000 long term care places").
# A plural ends in s, but not in -ss, -us or -is ("business", "status", "crisis").
_UNIT_NOUN = re.compile(
    rf"\s+(?:(?!(?i:{_STOP})\b)[A-Za-z][\w-]*\s+){{0,3}}?"
    r"(?P<noun>people|men|women|children|staff|police|cattle|sheep|[a-z]+[a-hj-rtv-z]s|[A-Z]{2,}s)"
    r"\b(?!['’]s?\b)"
)
_NOT_NOUNS = frozenset(
    "was has does his its as yes plus always perhaps thus whereas towards afterwards besides "
    "sometimes halves thirds quarters fifths tenths news ours yours theirs hers lots".split()
)
_ONE_MEASURE = re.compile(
    r"\s+(?P<noun>hour|week|month|year|decade|minute|gigabyte|megabyte|terabyte|mile|"
    r"kilometre|kilometer|metre|meter|tonne|barrel|litre|liter)\b(?!-)",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(r"\s+of(?:\s+(?:the|its|their|his|her|our|all|these|those))?(?=\s)", re.I)
# "the two men", "her three sons": a number in words after these refers, it does not count.
_REFERENCE = re.compile(
    r"(?:\b(?:the|these|those|his|her|their|its|our|my|your|both|all|of)|\w['’]s)\s+$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"-(?P<unit>year|month|week|day|hour|minute)\b(?!-old|s?\s+old)")
_RATE = re.compile(
    r"(?:\s+of\s+[a-z]+)?\s+(?:(?:a|an|per|each|every)\s+(?P<per>week|day|year|month|hour|minute|quarter)\b|"
    r"(?P<adverb>annually|yearly|weekly|daily|monthly|hourly)\b)",
    re.IGNORECASE,
)
_GLUED = re.compile(r"[\w/]|-(?!\d|strong|odd|plus)")  # "3G", "2003/4", "ten-pin", "747-400"
_ORDINAL_OR_AGE = re.compile(
    r"(?:st|nd|rd|th)\b|[-\s]?years?[-\s]olds?\b|-year\b(?=-old)", re.IGNORECASE
)
_TIME_AFTER = re.compile(
    r":\d\d\b|(?:\.\d\d)?\s?(?:(?:am|pm|gmt|bst|hrs)\b|[ap]\.m\.)", re.IGNORECASE
)  # "10am", "6:01 p.m.", "12:50"
# A poll's margin, not a range: "leads Clinton 50% to 40%", "trails Trump 41% to 45%".
_MARGIN_BEFORE = re.compile(
    r"\b(?:leads?|led|leading|trails?|trailed|trailing|beats?|beating|edges?|edged|tops?|"
    r"topped|ahead|behind|versus|vs|margin|heat)\b\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?(?:\s*(?:or|and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?(?:{_MONTHS})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:in|since|by|of|until|till|from|after|before|during|to|and|or|between|the|mid|"
    r"early|late|for|year|summer|spring|autumn|winter)[\s-]+$",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(r"(?:\bnumbers?|\bNo\.?|#|\baged|\bage\s+of)\s*$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w’'-]*)\s$")
_POSSESSIVE = re.compile(r"(?:[’']s|s[’'])$")
_LIST_MARK = re.compile(r"[.)]\s|[ \t]*(?:\n|$)")  # after a number opening its line
_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z]+\.?,\s$")
# A tally, "31 to 12", "31-12", "31 votes to 12": one figure when a vote, a score or a ratio
# is named around it (the sides of a poll's margin, "50% to 40%", stay two figures).
TALLY = re.compile(
    r"(?<![\w$£€¥.,-])(?P<a>\d{1,3}(?:,\d{3})*)(?:\s+(?P<noun>votes|seats|points|goals))?"
    r"(?:\s*[-–]\s*|\s+to\s+)(?P<b>\d{1,3}(?:,\d{3})*)(?![\w.,]\d|[\w%-])",
)
_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|passed|approved|rejected|backed|carried|defeated|ballot|"
    r"majority|margin|ratio|won|beat|lost|score[sd]?)\b(?:\s+\S+){0,3}?\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_TALLY_AFTER = re.compile(r"\s+(?:votes?|vote\b|majority|ratio)", re.IGNORECASE)
_SCORE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:win|wins|victory|defeat|loss|draw|lead|scoreline|aggregate)\b", re.I
)
# "profit last year", "337,000 jobs last month", "grew 3.7% in the third quarter": the period an
# amount was measured over, within three words after it.
_PERIOD_AFTER = re.compile(
    r"\)?(?:\s+\(?[^\s,;.]+\)?){0,3}?\s+(?:(?:last|this|next|in\s+the\s+(?:first|second|third|"
    r"fourth|final|latest))\s+(?P<per>year|month|quarter|week)|in\s+the\s+(?P<pers>year|month)s\s+"
    r"to\s+(?:follow|come))\b",
    re.IGNORECASE,
)
_ANNUAL_BEFORE = re.compile(r"\bannual\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?$", re.IGNORECASE)
_OF_CURRENCY = re.compile(rf"\s+of\s+({'|'.join(_CURRENCY_WORDS)})\b", re.IGNORECASE)
_PACE_NOUNS = frozenset("seconds minutes hours days weeks months years games matches".split())
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# Capitalised words that start sentences rather than names: "After 14 days", "In 200 cases".
_NOT_NAMES = frozenset(
    (
        _STOP + "|after|about|around|some|only|just|nearly|almost|all|another|each|every|"
        "between|within|without|over|under|now|last|next|up|down|its|their|his|her|our|my|"
        "your|why|how|what|then|there|here|yet|also|even|again"
    ).split("|")
)


@dataclass(frozen=True)
class FigureMention:
    """One figure in the text: ``text[start:end] == raw``."""

    start: int
    end: int
    raw: str
    low: float
    high: float
    unit: str | None
    per: str | None
    approximate: bool

    def to_model(self) -> Figure:
        return Figure(
            raw=self.raw,
            low=self.low,
            high=self.high,
            unit=self.unit,
            per=self.per,
            approximate=self.approximate,
        )


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[FigureMention]:
    """Every figure in ``text[start:end]``, in order, with offsets into ``text``."""
    end = len(text) if end is None else end
    found = _tallies(text, start, end)  # first: a tally wins over a range read the same
    found += _numbers(text, start, end)
    found += _fractions(text, start, end)
    found += _ratios(text, start, end)
    found += _vague_plurals(text, start, end)
    found += _twice_and_halves(text, start, end)
    # Where two readings overlap, the one starting first wins, then the longer one.
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[FigureMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


# Numbers in digits and words -------------------------------------------------------------


def _numbers(text: str, start: int, end: int) -> list[FigureMention]:
    found: list[FigureMention] = []
    pos = start
    while (match := _FIGURE.search(text, pos, end)) is not None:
        mentions, pos = _read(text, match, end, _inherited_unit(text, found, match))
        found.extend(mentions)
    return found


def _read(
    text: str, match: re.Match[str], limit: int, inherit: str | None = None
) -> tuple[list[FigureMention], int]:
    """The figures in one match, and where to look next (always past the match's start)."""
    if not _is_quantity(text, match, limit):
        return [], match.end()
    if match.group("n2") and not _is_range(text, match):
        return _first_alone(text, match, limit)
    mention = _mention(text, match, limit, inherit)
    return ([], match.end()) if mention is None else ([mention], mention.end)


def _first_alone(text: str, match: re.Match[str], limit: int) -> tuple[list[FigureMention], int]:
    """Read the first number on its own ("3 and 4", "from 370 to 870"); the search resumes
    before the second, so it is read on its own too."""
    cut = max(match.end("n1"), match.end("m1"), match.end("pct1"))
    single = _FIGURE.match(text, match.start(), cut)
    if single is None:
        return [], cut
    mentions, _ = _read(text, single, limit)
    return mentions, cut


def _inherited_unit(text: str, found: list[FigureMention], match: re.Match[str]) -> str | None:
    """In "from six months to nine" the second number is in the first one's unit."""
    if not found or found[-1].unit is None:
        return None
    previous = found[-1]
    between = text[previous.end : match.start()]
    before = text[max(0, previous.start - 6) : previous.start]
    if re.fullmatch(r"\s+to\s+", between) and _FROM_BEFORE.search(before):
        return previous.unit
    return None


def _is_range(text: str, match: re.Match[str]) -> bool:
    joiner = (match.group("to") or "").lower()
    qualifier = (match.group("qual") or "").lower()
    if match.group("pct1") and (
        not match.group("pct")
        or _MARGIN_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
    ):
        return False  # "4% to 5 points"; a poll's margin "50% to 40%"
    if joiner == "and" and qualifier != "between":
        return False  # "numbers 19 and 10", "three and four": two numbers
    if joiner == "to" and _FROM_BEFORE.search(text[max(0, match.start() - 6) : match.start()]):
        return False  # "from 370 to 870" is a change, not a range
    low, high = _bounds(match)
    return low <= high


def _is_quantity(text: str, match: re.Match[str], limit: int) -> bool:
    """False when the number is part of something else: a date, a time, an age, a code."""
    before = text[max(0, match.start() - 16) : match.start()]
    after = text[match.end() : min(limit, match.end() + 20)]
    if _DURATION.match(after):
        return True  # "a 10-year strategy"
    if _GLUED.match(after) or _ORDINAL_OR_AGE.match(after) or _LABEL_BEFORE.search(before):
        return False
    if _is_score(match, after):
        return False
    if _is_money_or_measure(match):
        return True
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return False  # "March 2005", "6 or 7 January"
    if _AGE_AFTER_NAME.search(before) and after.startswith((",", ";", ".")):
        return False  # "Mr Smith, 45, said", "Ivanka, 34; Eric Trump, 32;", "Pascal Hess, 50."
    if after.startswith(".)") or (_LIST_MARK.match(after) and _opens_line(text, match)):
        return False  # a list's "1. Donald Trump" or "1" on its own line, a rank "(3.)"
    n1 = match.group("n1")
    if n1[0].isdigit() and (re.search(r"\d\s$", before) or re.match(r"\s\d", after)):
        return False  # a phone number or a code: groups of digits
    if _TIME_AFTER.match(after) or re.fullmatch(r"0\d+", n1) or re.match(r"s\b", after):
        return False  # "10am", "0800", "the 1990s"
    return not _is_year(text, match, before, limit)


def _opens_line(text: str, match: re.Match[str]) -> bool:
    """Does the number open its line (after some indentation at most)?"""
    start = match.start()
    window = text[max(0, start - 8) : start]
    cut = window.rfind("\n")
    if cut < 0 and start > 8:
        return False
    return not window[cut + 1 :].strip()


def _is_money_or_measure(match: re.Match[str]) -> bool:
    return any(
        match.group(g) for g in ("sign1", "sign2", "m1", "pct", "measure", "pence", "cword", "cpre")
    )


def _is_score(match: re.Match[str], after: str) -> bool:
    """A dash between plain whole numbers that do not rise: "a 2-1 defeat", "3-0"."""
    n1, n2 = match.group("n1"), match.group("n2")
    if not (match.group("dash") and n2 and n1.isdigit() and n2.isdigit()):
        return False
    if _is_money_or_measure(match):
        return False
    return int(n2) <= int(n1) or bool(_SCORE_AFTER.match(after))


def _is_year(text: str, match: re.Match[str], before: str, limit: int) -> bool:
    n1, n2 = match.group("n1"), match.group("n2")
    if not _YEAR.fullmatch(n1):
        return False
    if n2 and (_YEAR.fullmatch(n2) or len(n2) <= 2):
        return True  # "2004-2006", "between 2004 and 2006", "2004-05"
    # "about 2000 people" counts; "the 2004 debut reached numbers" names a year.
    noun = _UNIT_NOUN.match(text, match.end(), limit)
    direct = noun is not None and not text[match.end() : noun.start("noun")].strip()
    return not direct or bool(_YEAR_WORD_BEFORE.search(before))


def _mention(
    text: str, match: re.Match[str], limit: int, inherit: str | None = None
) -> FigureMention | None:
    low, high = _bounds(match)
    unit, end = _unit(text, match, limit)
    if unit is None and end == match.end() and inherit:
        unit = inherit
    elif not _counts(text, match, unit, end):
        return None
    if match.group("pence") or (match.group("cword") or "").strip().lower() == "pence":
        low, high = low / 100, high / 100
    per, end = _rate(text, end, limit)
    if per is None and _ANNUAL_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
        per = "year"  # "annual revenues of $44bn", "rose an annual 6%"
    if per is None and (period := _PERIOD_AFTER.match(text, end, limit)):
        per = (period.group("per") or period.group("pers")).lower()
    start = match.start()
    if (match.group("qual") or "").lower() == "between" and not match.group("n2"):
        start = match.start("value")  # "between one gigabyte and 30 gigabytes": two figures
    return _build(text, start, end, low, high, unit, per, _hedged(match))


def _hedged(match: re.Match[str]) -> bool:
    if match.group("n2"):
        return True  # a range
    qualifier = " ".join((match.group("qual") or "").lower().split())
    return bool(qualifier) and qualifier not in _EXACT_QUALIFIERS and qualifier != "between"


def _unit(text: str, match: re.Match[str], limit: int) -> tuple[str | None, int]:
    """The unit and where the figure ends (past a counted noun, if there is one)."""
    end = match.end()
    if match.group("measure"):
        return match.group("measure").strip(), end
    if match.group("pct"):
        return ("percentage points" if "point" in match.group("pct").lower() else "percent"), end
    currency = _currency(match)
    if currency:
        return currency, end
    if duration := _DURATION.match(text, end, limit):
        return duration.group("unit") + "s", duration.end()
    if match.group("n1").lower() == "one" and (measure := _ONE_MEASURE.match(text, end, limit)):
        return measure.group("noun").lower() + "s", measure.end()
    noun = _UNIT_NOUN.match(text, end, limit)
    if noun is None or noun.group("noun").lower() in _NOT_NOUNS:
        return None, end
    if noun.group("noun").lower() == "times":
        return None, noun.end()  # "three times the size": a ratio, not a count of times
    return noun.group("noun"), noun.end()


def _counts(text: str, match: re.Match[str], unit: str | None, end: int) -> bool:
    """Does this number count something, rather than name or refer to it?"""
    if _is_money_or_measure(match):
        return True
    n1 = match.group("n1")
    before = text[max(0, match.start() - 16) : match.start()]
    if n1.lower() == "one" and not unit:
        return False  # "one of the", "no one", "one day"
    if n1[0].isdigit():
        name = _NAME_BEFORE.search(before)
        # "Boeing 747", "Radio 4", "Chapter 11": a name, unless a hedge makes it an amount;
        # "UKIP's 12,000 members" counts what is theirs.
        return (
            bool(match.group("qual"))
            or name is None
            or name["word"].lower() in _NOT_NAMES
            or bool(_POSSESSIVE.search(name["word"]))
        )
    if end == match.end() and not match.group("m1"):
        return False  # a number in words with nothing counted: "two to tango"
    return bool(match.group("qual")) or not _REFERENCE.search(before)


def _rate(text: str, end: int, limit: int) -> tuple[str | None, int]:
    rate = _RATE.match(text, end, limit)
    if rate is None:
        return None, end
    per = rate.group("per") or _PERIODS[rate.group("adverb").lower()]
    return per.lower(), rate.end()


def _currency(match: re.Match[str]) -> str | None:
    if match.group("cpre"):
        return _CURRENCY_PREFIXES[match.group("cpre").split()[0].lower()]
    sign = match.group("sign1") or match.group("sign2")
    if sign:
        return _CURRENCY_SIGNS[sign.lower()]
    if match.group("cword"):
        return _CURRENCY_WORDS.get(match.group("cword").strip().lower())
    return "GBP" if match.group("pence") else None


def _bounds(match: re.Match[str]) -> tuple[float, float]:
    low = _value(match.group("n1"), match.group("m1"))
    if not match.group("n2"):
        return low, low
    high = _value(match.group("n2"), match.group("m2"))
    return _carry(match.group("n1"), low, high, match.group("m1"), match.group("m2")), high


def _value(number: str, multiplier: str | None) -> float:
    base = float(number.replace(",", "")) if number[0].isdigit() else _words(number)
    if multiplier:
        base *= _MULTIPLIERS[multiplier.strip().lower()]
    return base


def _words(number: str) -> float:
    words = re.split(r"[\s-]+", number.lower())
    if words[-1] == "dozen":
        return 12
    if words[-1] in _MULTIPLIERS:
        return _MULTIPLIERS[words[-1]]  # "a thousand", "a million"
    return float(sum(_TENS.get(w, 0) + _UNITS.get(w, 0) for w in words))


def _carry(n1: str, low: float, high: float, m1: str | None, m2: str | None) -> float:
    """In "5-7,000" and "$2-3bn" the second number's magnitude carries to the first."""
    if m1 or (not m2 and "," in n1):
        return low
    if m2:
        return low * _MULTIPLIERS[m2.strip().lower()]
    scale = 1.0
    while low * scale * 1000 <= high and low * scale < high / 10:
        scale *= 1000
    return low * scale


# Fractions, ratios and vague amounts -------------------------------------------------------


def _fractions(text: str, start: int, end: int) -> list[FigureMention]:
    found = (_fraction(text, m, end) for m in _FRACTION.finditer(text, start, end))
    return [m for m in found if m is not None]


def _fraction(text: str, match: re.Match[str], limit: int) -> FigureMention | None:
    num = (match.group("num") or "").lower()
    den = match.group("den").lower()
    tail = (match.group("tail") or "").lower()
    unit, end = _whole(text, match.end(), limit) if not tail else (None, match.end())
    if tail:
        unit = "percentage points" if "point" in tail else "percent"
    elif not _plainly_a_fraction(text, match, num, den, end):
        return None
    count = _UNITS.get(num, 1)
    value = round(count / _FRACTIONS[den], 4)
    return _build(text, match.start(), end, value, value, unit, None, bool(match.group("qual")))


def _plainly_a_fraction(text: str, match: re.Match[str], num: str, den: str, end: int) -> bool:
    """Is this plainly an amount? "two thirds" is; "half" and "a quarter" often are not
    ("half-way", "a quarter" of a year), so those need an "of", a hedge or "by" to count."""
    if num in _UNITS and num != "one":
        return True
    if den.startswith("half") or not num:
        return end > match.end()  # "half of the staff"
    before = text[max(0, match.start() - 4) : match.start()]
    has_of = text[match.end() : match.end() + 4].lower() == " of "
    return has_of or bool(match.group("qual")) or bool(re.search(r"\bby\s$", before, re.I))


def _whole(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after "of" ("two thirds of the staff"), and where it ends."""
    of = _OF_WHOLE.match(text, pos, limit)
    noun = _UNIT_NOUN.match(text, of.end(), limit) if of else None
    if noun is None or noun.group("noun").lower() in _NOT_NOUNS:
        return None, pos
    return noun.group("noun"), noun.end()


def _ratios(text: str, start: int, end: int) -> list[FigureMention]:
    """Shares such as "one in five European workers": 0.2 of the workers."""
    found = []
    for match in _RATIO.finditer(text, start, end):
        a, b = (_value(match.group(g), None) for g in ("a", "b"))
        unit, stop = None, match.end()
        noun = _UNIT_NOUN.match(text, match.end(), end)
        if noun and noun.group("noun").lower() not in _NOT_NOUNS:
            unit, stop = noun.group("noun"), noun.end()
        if not 0 < a < b or (unit or "").lower() in _PACE_NOUNS:
            continue  # "2 in 10 minutes" is a pace, not a share
        value = round(a / b, 4)
        hedged = bool(match.group("qual"))
        found.append(_build(text, match.start(), stop, value, value, unit, None, hedged))
    return found


def _vague_plurals(text: str, start: int, end: int) -> list[FigureMention]:
    found = []
    for match in _VAGUE_PLURAL.finditer(text, start, end):
        low, high = _VAGUE[match.group("base").lower()]
        if match.group("scale") and match.group("base").lower() != "dozens":
            scale = _VAGUE_SCALE[match.group("scale").lower()]
            low, high = low * scale, (high + 1) * scale - 1
        unit, stop = _vague_unit(text, match.end(), end)
        found.append(_build(text, match.start(), stop, low, high, unit, None, True))
    return found


def _vague_unit(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The unit of a vague plural: "thousands of pounds" is money, "of people" a count."""
    currency = _OF_CURRENCY.match(text, pos, limit)
    if currency:
        return _CURRENCY_WORDS[currency.group(1).lower()], currency.end()
    return _whole(text, pos, limit)


def _tallies(text: str, start: int, end: int) -> list[FigureMention]:
    """A vote's, a score's or a ratio's two sides: one figure, low = high = the first side."""
    found = []
    for match in TALLY.finditer(text, start, end):
        before = text[max(start, match.start() - 60) : match.start()]
        after = text[match.end() : min(end, match.end() + 12)]
        noun = match.group("noun")
        if not (noun or _TALLY_BEFORE.search(before) or _TALLY_AFTER.match(after)):
            continue  # "from 370 to 870", "a 2-1 defeat": a change, a bare score
        if _GLUED.match(after) or after.startswith("%"):
            continue
        first = float(match.group("a").replace(",", ""))
        unit = noun.lower() if noun else None
        found.append(_build(text, match.start(), match.end(), first, first, unit, None, False))
    return found


def _twice_and_halves(text: str, start: int, end: int) -> list[FigureMention]:
    found = [
        _build(text, m.start(), m.end(), 2, 2, None, None, False)
        for m in _TIMES.finditer(text, start, end)
    ]
    for m in _HALF_PERIOD.finditer(text, start, end):
        unit = m.group("period").lower()
        unit = "centuries" if unit == "century" else unit + "s"
        found.append(_build(text, m.start(), m.end(), 0.5, 0.5, unit, None, False))
    return found


def _build(
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    unit: str | None,
    per: str | None,
    approximate: bool,
) -> FigureMention:
    return FigureMention(start, end, text[start:end], low, high, unit, per, approximate)


class FigureIndex:
    """Every figure of the article's body, in article order (the figures stage's output),
    looked up by span."""

    def __init__(self, mentions: list[FigureMention]) -> None:
        self.mentions = tuple(mentions)
        self._starts = [m.start for m in mentions]

    def within(self, start: int, end: int) -> list[FigureMention]:
        """The figures lying wholly inside ``start:end``, in order."""
        i = bisect_left(self._starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found


def body_figures(article: Article) -> FigureIndex:
    """Every figure in the article's body sentences, each read within its sentence."""
    text = article.text
    return FigureIndex(
        [m for s in article.body_sentences for m in find_figures(text, s.start, s.end)]
    )
