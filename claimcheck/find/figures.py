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
- A single number word counts only before what it counts ("two to tango" is none); a
  compound ("one hundred and twelve", "forty-one") or a word after "minus" is plainly a
  number and counts alone.
- "35C" glued to its number is a temperature (°C), unless a name comes before ("Apartment
  3C"); "1800 hrs" is a time, "3 hrs" hours; "m^2" and "W/m^2" hold a power, not a figure.
- A count joined to its noun by a hyphen is a count of it when the noun is one news counts
  that way ("a 3-point lead", "a 1,000-page report", "a 50-seat majority"); "ten-pin",
  "one-off" and "3G-based" are not.
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

from claimcheck.find import number_words, periods
from claimcheck.find.quantity import (
    CURRENCY_COUNTRY,
    CURRENCY_WORDS,
    EXACT_QUALIFIERS,
    GLUED,
    HEDGE_SIGN,
    MEASURE,
    NOT_NOUNS,
    QUALIFIER,
    STOP,
    UNIT_NOUN,
    FigureMention,
    build,
)
from claimcheck.find.shares import shares
from claimcheck.read.structure import Article

_MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3, "hundred": 1e2, "lakh": 1e5, "lakhs": 1e5,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mm": 1e6, "million": 1e6, "millions": 1e6,
    "crore": 1e7, "crores": 1e7, "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9,
    "billions": 1e9, "tn": 1e12, "trn": 1e12, "tr": 1e12, "trillion": 1e12, "trillions": 1e12,
    "lakh crore": 1e12, "lakh crores": 1e12,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "rs": "INR", "s$": "SGD", "₦": "NGN",
}  # fmt: skip
# ISO 4217 codes written next to a number ("USD 200 million", "500 EUR"); capitals only.
_ISO = (
    "USD|EUR|GBP|JPY|CNY|INR|AUD|CAD|CHF|RUB|HKD|NZD|KRW|TRY|SEK|NOK|DKK|BRL|MXN|ZAR|SGD|PLN|"
    "AED|SAR|QAR|ILS|NGN|KES|EGP|PKR|THB|IDR|MYR|TWD|VND|UAH|CZK|HUF|ARS"
)
_CURRENCY_PREFIXES = {
    "australian": "AUD", "us": "USD", "canadian": "CAD", "hong": "HKD", "new": "NZD",
    "american": "USD", "singapore": "SGD", "taiwan": "TWD",
}  # fmt: skip
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_WORD_NUMBER = number_words.PHRASE
# Thousands grouped by commas, or by spaces as much of the world writes them ("10 000").
_DIGITS = (
    rf"{number_words.SCIENTIFIC}|"  # "4e14", "2.48×10−5", "1.5 x 10^8"
    # "2,5 million": a decimal comma, as much of Europe writes it, before a scale
    r"\d{1,3},\d{1,2}(?=\s(?:million|billion|trillion|mln|mn|bn)\b|(?:mn|bn|m)\b)|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,.]\d))+(?![\d,.]\d)"
    r"|\d+(?:\.\d+)?"
)
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
# "5m", "1.2bn", "2.3k", "1.2b", "2mil", "10 bln", "$1MM", "2 million", "500 crore".
_MULT = (
    r"(?:\s?(?:bn|tn|trn|bln|mln)|(?:m|mn|k|b|mil|tr|(?-i:MM))|"
    r"\s(?:(?:m|b|tr)illions?|thousands?|hundred|lakh\s+crores?|lakhs?|crores?))(?![\w^])"
)
_SIGN = rf"(?:(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|\$|£|€|¥|₹|₦)[ \u00a0]?|(?-i:Rs)\.?\s?|(?-i:{_ISO})\s?)"

_FIGURE = re.compile(
    rf"""(?<![\w$£€¥./,#&:^-])
    (?:(?P<qual>{QUALIFIER})\s+|(?P<qsign>{HEDGE_SIGN})\s?)?
    (?P<value>
    (?:(?P<cpre>(?:australian|us|canadian|hong\s+kong|new\s+zealand)\s+dollars)\s+)?
    (?P<neg>[-−](?=[\d$£€¥₹])|minus\s+|negative\s+(?=[\d$£€¥₹]))?(?P<sign1>{_SIGN})?(?P<neg2>[-−](?=\d))?
    (?P<n1>{_NUMBER})(?P<m1>{_MULT})?(?P<plus>-odd\b|-plus\b|\+(?![\d+]))?
    (?:(?P<pct1>\s?%|\s?per\s?cent\b|\s?percent\b|\s?pct\b|pc\b|\s?{MEASURE}(?![\w]))?
       (?:(?P<dash>\s[-–]\s|[-–])|[-–]?\s+(?P<to>to|and|or|through|thru)\s+)
       (?P<neg3>[-−](?=[\d$£€¥₹]))?(?P<sign2>{_SIGN})?(?P<n2>{_NUMBER})(?P<m2>{_MULT})?)?
    (?P<measure>(?:\s?|-){MEASURE}(?![\w]))?
    (?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s?pct\b|pc\b|\s+percentage\s+points?\b|
       pp\b|\s?ppts?\b|\s+of\s+a\s+(?:percentage\s+point|per\s?cent)\b)?
    (?P<pence>p\b)?
    (?P<cword>\s+(?:{CURRENCY_COUNTRY}\s+)?(?:{"|".join(CURRENCY_WORDS)})\b|\s?[€£$¥₹]|
       \s(?-i:{_ISO})\b)?
    (?P<cents>\s+(?:and\s+)?(?P<cn>\d{{1,2}})\s+(?:cents|pence)\b)?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ONE_MEASURE = re.compile(
    r"\s+(?P<noun>hour|week|month|year|decade|minute|gigabyte|megabyte|terabyte|mile|"
    r"kilometre|kilometer|metre|meter|tonne|barrel|litre|liter)\b(?!-)",
    re.IGNORECASE,
)
# "the two men", "her three sons": a number in words after these refers, it does not count.
_REFERENCE = re.compile(
    r"(?:\b(?:the|these|those|this|that|which|each|every|any|his|her|their|its|our|my|your|"
    r"both|all|of)|\w['’]s)\s+$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"-(?P<unit>year|month|week|day|hour|minute|second)\b(?!-old|s?\s+old)")
# "a 3-point lead", "a 1,000-page report", "a 50-seat majority": a count of the noun after the
# hyphen, singular as English writes it there.
_COUNT_HYPHEN = re.compile(
    r"-(?P<noun>point|page|seat|member|bed|bedroom|room|storey|nation|country|game|match|lane|"
    r"car|vote)\b(?!-)"
)
_PLURALS = {"country": "countries", "match": "matches"}
_ORDINAL_OR_AGE = re.compile(
    r"(?:st|nd|rd|th)\b|[-\s]?years?[-\s]olds?\b|-year\b(?=-old)", re.IGNORECASE
)
_TIME_AFTER = re.compile(
    r":\d\d\b|(?:\.\d\d)?\s?(?:(?:am|pm|gmt|bst)\b|[ap]\.m\.)", re.IGNORECASE
)  # "10am", "6:01 p.m.", "12:50"
_CLOCK_HOURS = re.compile(r"\s?hrs\b", re.IGNORECASE)  # "1800 hrs" is a time, "3 hrs" hours
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
_SCORE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:win|wins|victory|defeat|loss|draw|lead|scoreline|aggregate)\b", re.I
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# A verb of change before "from X to Y" makes it two values, before and after.
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|ing|en)|rose|f[ae]ll(?:s|ing|en)?|(?:in|de)creas(?:e|es|ed|ing)|"
    r"reduc(?:e|es|ed|ing)|cut(?:s|ting)?|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|gr[eo]w(?:s|n|ing)?|"
    r"drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|slip(?:s|ped|ping)?|"
    r"slump(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|went|gone|go(?:es)?|"
    r"mov(?:e|es|ed|ing)|chang(?:e|es|ed|ing)|boost(?:s|ed|ing)?|shr[ai]nk(?:s|ing)?|"
    r"doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|revis(?:e|es|ed|ing)|"
    r"expand(?:s|ed|ing)?|widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|up|down|hike[sd]?|"
    r"switch(?:es|ed|ing)?|shift(?:s|ed|ing)?|extend(?:s|ed|ing)?|adjust(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
# Capitalised words that start sentences rather than names: "After 14 days", "In 200 cases".
_NOT_NAMES = frozenset(
    (
        STOP + "|after|about|around|some|only|just|nearly|almost|all|another|each|every|"
        "between|within|without|over|under|now|last|next|up|down|its|their|his|her|our|my|"
        "your|why|how|what|then|there|here|yet|also|even|again|top|circa|"
        # adverbs and prepositions that open sentences: "Exactly 300 people", "Today 40 …"
        "exactly|precisely|fully|perhaps|maybe|possibly|probably|barely|roughly|altogether|"
        "overall|currently|today|yesterday|tomorrow|tonight|until|till|among|including|"
        "excluding|like|unlike|plus|besides|despite|meanwhile|still|already|recently|"
        "previously|earlier|later|finally|together|combined|officially|reportedly|allegedly|"
        "apparently|typically|usually|generally|worldwide|nationwide|altogether|instead"
    ).split("|")
)


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[FigureMention]:
    """Every figure in ``text[start:end]``, in order, with offsets into ``text``."""
    end = len(text) if end is None else end
    found = shares(text, start, end) + _numbers(text, start, end)  # tallies first
    # Where two readings overlap, the one starting first wins, then the longer one.
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[FigureMention] = []
    for mention in found:
        if kept and _span_of(text, kept[-1], mention):
            continue  # "£3bn over three years": the time the amount is spread over
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


_TIME_UNITS = frozenset("years months weeks days quarters decades hours".split())
_SPREAD = re.compile(r"(?:over|across|spread\s+over)\s", re.IGNORECASE)


def _span_of(text: str, amount: FigureMention, mention: FigureMention) -> bool:
    """Is ``mention`` the time the ``amount`` right before it is spread over ("$5bn over five
    years", "5% over two quarters"), no figure of its own ("over three years" alone is more
    than three years)?"""
    between = text[amount.end : mention.start]
    spread = (not between.strip() and _SPREAD.match(mention.raw) is not None) or (
        _SPREAD.fullmatch(between.strip() + " ") is not None
    )
    return mention.unit in _TIME_UNITS and amount.unit not in _TIME_UNITS and spread


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
    n1 = match.group("n1")
    if _verb_not_money(match):  # "which one won": a verb, not Korean money
        match = _FIGURE.match(text, match.start(), match.start("cword")) or match
    if not n1[0].isdigit():
        numbers = number_words.read(n1)
        if not numbers:
            return [], match.end("n1")
        if len(numbers) > 1:
            return _each_alone(text, match, limit, numbers)
    if not _is_quantity(text, match, limit):
        if match.group("to"):  # "1.2bn and 2mil": the second's trouble is not the first's
            mentions, cut = _first_alone(text, match, limit)
            if mentions:  # but "numbers 19 and 10" are both labels
                return mentions, cut
        return [], match.end()
    if match.group("n2") and not _is_range(text, match):
        return _first_alone(text, match, limit)
    mention = _mention(text, match, limit, inherit)
    return ([], match.end()) if mention is None else ([mention], mention.end)


def _verb_not_money(match: re.Match[str]) -> bool:
    """ "which one won", "all three won": a small number in words before "won" is a count of
    winners; Korean money is written in digits or with a scale ("five billion won")."""
    cword = (match.group("cword") or "").strip().lower()
    n1 = match.group("n1")
    if cword != "won" or n1[0].isdigit() or match.group("m1"):
        return False
    return number_words.number_value(n1) < 100


def _first_alone(
    text: str, match: re.Match[str], limit: int, cut: int | None = None
) -> tuple[list[FigureMention], int]:
    """Read the first number on its own ("3 and 4", "from 370 to 870"); the search resumes
    before the second, so it is read on its own too."""
    if cut is None:
        cut = max(match.end("n1"), match.end("m1"), match.end("pct1"))
    single = _FIGURE.match(text, match.start(), cut)
    if single is None or single.group("n2"):
        return [], cut
    mentions, _ = _read(text, single, limit)
    return mentions, cut


def _each_alone(
    text: str, match: re.Match[str], limit: int, numbers: list[number_words.Number]
) -> tuple[list[FigureMention], int]:
    """A run of number words holding several numbers ("fifty sixty thirty", "one two three"):
    a list of numbers, each one a figure; what follows the run ("thirty tickets") is counted
    by its last number only, which is read as any number is."""
    base = match.start("n1")
    if _REFERENCE.search(text[max(0, match.start() - 16) : match.start()]):
        return [], base + numbers[1].start  # "the two three-year deals": the first refers
    mentions = [
        build(text, base + n.start, base + n.end, n.value, n.value, None, None, False)
        for n in numbers[:-1]
    ]
    last = _FIGURE.match(text, base + numbers[-1].start, limit)
    read = _read(text, last, limit)[0] if last is not None else []
    if not read:
        n = numbers[-1]
        read = [build(text, base + n.start, base + n.end, n.value, n.value, None, None, False)]
    return mentions + read, read[-1].end


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
    first = (match.group("pct1") or "").strip()
    if first:
        percent = re.search(r"%|cent|pc", first, re.IGNORECASE) is not None
        second = match.group("pct") if percent else match.group("measure")
        if not second or _MARGIN_BEFORE.search(text[max(0, match.start() - 60) : match.start()]):
            return False  # "4% to 5 points", "44 mg to 5%"; a poll's margin "50% to 40%"
        if not percent and second.strip(" -").lower() != first.strip(" -").lower():
            return False  # "from 44 ml to 50 mg": two amounts of two things
    if joiner == "and" and qualifier != "between":
        return False  # "numbers 19 and 10", "three and four": two numbers
    if joiner == "or":  # "two or three people"; "7 or 3" is a choice of two
        return _value(match.group("n1"), match.group("m1")) < _value(
            match.group("n2"), match.group("m2")
        )
    from_before = _FROM_BEFORE.search(text[max(0, match.start() - 6) : match.start()])
    if joiner == "to" and from_before and _changes_before(text, match.start()):
        return False  # "increased … from 370 to 870" is a change; "ages from 18 to 25" a range
    low, high = _bounds(match)
    return low <= high


def _changes_before(text: str, start: int) -> bool:
    """Does a verb of change come before ``start`` in its clause ("Qantas increased the number
    of flight attendants based in London from …")?"""
    clause = text[max(0, start - 120) : start]
    cut = max(clause.rfind(". "), clause.rfind(";"), clause.rfind("\n"))
    return _CHANGE.search(clause[cut + 1 :]) is not None


def _is_quantity(text: str, match: re.Match[str], limit: int) -> bool:
    """False when the number is part of something else: a date, a time, an age, a code."""
    before = text[max(0, match.start() - 16) : match.start()]
    after = text[match.end() : min(limit, match.end() + 20)]
    n1 = match.group("n1")
    if n1.split()[0].lower().rstrip("s") in number_words.SCALES and re.search(r"\d\s$", before):
        return False  # "R50 million": the scale is the glued number's
    if _DURATION.match(after) or _COUNT_HYPHEN.match(after) or periods.JOINED_RATE.match(after):
        return True  # "a 10-year strategy", "a 3-point lead", "a £30,000-a-year job"
    if GLUED.match(after) or _ORDINAL_OR_AGE.match(after) or _LABEL_BEFORE.search(before):
        return False
    if _is_score(match, after):
        return False
    if _is_temperature(match) and _is_name(before):
        return False  # "Apartment 3C", "Form 10F": a label, no temperature
    if _is_money_or_measure(match):
        return True
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return False  # "March 2005", "6 or 7 January"
    if _AGE_AFTER_NAME.search(before) and after.startswith((",", ";", ".")):
        return False  # "Mr Smith, 45, said", "Ivanka, 34; Eric Trump, 32;", "Pascal Hess, 50."
    if after.startswith(".)") or (_LIST_MARK.match(after) and _opens_line(text, match)):
        return False  # a list's "1. Donald Trump" or "1" on its own line, a rank "(3.)"
    if n1[0].isdigit() and (re.search(r"\d\s$", before) or re.match(r"\s\d", after)):
        return False  # a phone number or a code: groups of digits
    if _TIME_AFTER.match(after) or re.fullmatch(r"0\d+", n1) or re.match(r"s\b", after):
        return False  # "10am", "0800", "the 1990s"
    if _CLOCK_HOURS.match(after) and re.fullmatch(r"[012]\d[0-5]\d", n1):
        return False  # "1800 hrs"
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
        match.group(g)
        for g in ("sign1", "sign2", "m1", "pct", "pct1", "measure", "pence", "cword", "cpre")
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
    noun = UNIT_NOUN.match(text, match.end(), limit)
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
    per, end = periods.period(text, match.start(), end, limit)
    start = match.start()
    if (match.group("qual") or "").lower() == "between" and not match.group("n2"):
        start = match.start("value")  # "between one gigabyte and 30 gigabytes": two figures
    return build(text, start, end, low, high, unit, per, _hedged(match))


def _hedged(match: re.Match[str]) -> bool:
    if match.group("n2") or match.group("plus") or match.group("qsign"):
        return True  # a range; "20-odd", "50,000-plus", "1,000+"; "~300", ">60%"
    qualifier = " ".join((match.group("qual") or "").lower().split())
    return bool(qualifier) and qualifier not in EXACT_QUALIFIERS and qualifier != "between"


def _unit(text: str, match: re.Match[str], limit: int) -> tuple[str | None, int]:
    """The unit and where the figure ends (past a counted noun, if there is one)."""
    end = match.end()
    if _is_temperature(match):
        return "°" + match.group("measure"), end
    if match.group("measure"):
        return " ".join(match.group("measure").strip(" -").split()), end
    if match.group("pct"):
        points = re.search(r"point|pp", match.group("pct"), re.IGNORECASE)
        return ("percentage points" if points else "percent"), end
    currency = _currency(match)
    if currency:
        return currency, end
    if duration := _DURATION.match(text, end, limit):
        return duration.group("unit") + "s", duration.end()
    if counted := _COUNT_HYPHEN.match(text, end, limit):
        noun = counted.group("noun")
        return _PLURALS.get(noun, noun + "s"), counted.end()
    if match.group("n1").lower() == "one" and (measure := _ONE_MEASURE.match(text, end, limit)):
        return measure.group("noun").lower() + "s", measure.end()
    noun = UNIT_NOUN.match(text, end, limit)
    if noun is None or noun.group("noun").lower() in NOT_NOUNS:
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
        # "Boeing 747", "Radio 4", "Chapter 11": a name, unless a hedge makes it an amount
        return bool(match.group("qual") or match.group("qsign")) or not _is_name(before)
    plain = bool(match.group("m1") or match.group("neg")) or number_words.plainly_a_number(n1)
    if end == match.end() and not plain:
        return False  # a single number word with nothing counted: "two to tango"
    return bool(match.group("qual")) or not _REFERENCE.search(before)


def _is_name(before: str) -> bool:
    """Does a name end right before the number ("Boeing 747")? "UKIP's 12,000 members" counts
    what is theirs; a capitalised word that opens sentences is no name ("After 14 days")."""
    name = _NAME_BEFORE.search(before)
    return not (
        name is None or name["word"].lower() in _NOT_NAMES or _POSSESSIVE.search(name["word"])
    )


def _is_temperature(match: re.Match[str]) -> bool:
    """ "35C", "-10C": a temperature written against its number, without the degree sign."""
    return (match.group("measure") or "") in ("C", "F")


def _currency(match: re.Match[str]) -> str | None:
    if match.group("cpre"):
        return _CURRENCY_PREFIXES[match.group("cpre").split()[0].lower()]
    sign = match.group("sign1") or match.group("sign2") or match.group("cword")
    words = (match.group("cword") or "").lower().split()
    if words[-1:] in (["dollars"], ["dollar"]) and words[0] in _CURRENCY_PREFIXES:
        return _CURRENCY_PREFIXES[words[0]]  # "5 million US dollars", "2bn Australian dollars"
    if sign:
        sign = sign.split()[-1].rstrip(".")  # "Swiss francs": francs
        return _CURRENCY_SIGNS.get(sign.lower()) or CURRENCY_WORDS.get(sign.lower()) or sign
    return "GBP" if match.group("pence") else None


def _bounds(match: re.Match[str]) -> tuple[float, float]:
    low = _value(match.group("n1"), match.group("m1"))
    if match.group("neg") or match.group("neg2"):
        low = -low  # "-9.2%", "minus five", "$-99.99"
    if match.group("cn"):  # "3 dollars 50 cents"
        low += float(match.group("cn")) / 100 * (-1 if low < 0 else 1)
    if not match.group("n2"):
        return low, low
    high = _value(match.group("n2"), match.group("m2")) * (-1 if match.group("neg3") else 1)
    low = _carry(match.group("n1"), low, high, match.group("m1"), match.group("m2"))
    if min(low, high) < 0:  # "-5% to -10%", "5 to -3 degrees": from the lowest
        return min(low, high), max(low, high)
    return low, high


def _value(number: str, multiplier: str | None) -> float:
    base = number_words.number_value(number)
    if multiplier:
        base *= _MULTIPLIERS[" ".join(multiplier.lower().split())]
    return base


def _carry(n1: str, low: float, high: float, m1: str | None, m2: str | None) -> float:
    """In "5-7,000" and "$2-3bn" the second number's magnitude carries to the first."""
    if m1 or (not m2 and "," in n1) or low <= 0:
        return low
    if m2:
        return low * _MULTIPLIERS[" ".join(m2.lower().split())]
    scale = 1.0
    while low * scale * 1000 <= high and low * scale < high / 10:
        scale *= 1000
    return low * scale


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
