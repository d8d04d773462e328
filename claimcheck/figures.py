"""Figures: numbers in the article, normalised so they can be compared and checked.

Finds numbers in digits and words, with thousands separators, multipliers ("m", "bn",
"million"), ranges (the multiplier carries: "5-7,000" is 5,000 to 7,000), percentages, money
with its currency, fractions ("two-thirds"), hedges ("about", "more than") and rates ("a week").

Not figures of their own: dates and years, fiscal years ("2003/4"), times of day ("0800",
"10am"), ages ("aged 60", "45-year-old", "Mr Smith, 45,"), ordinals ("21st"), model names
("3G", "MP3", "Boeing 747"), and "one" as a pronoun. A number in words counts only when it
counts something ("six months", "three million"): "the two men" is a reference, not a figure.
Vague plurals ("hundreds of", "thousands of") are left out: they carry no number to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.models import Figure

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
    "won": "KRW", "yen": "JPY", "yuan": "CNY", "rupees": "INR",
}  # fmt: skip
_PERIODS = {
    "annually": "year", "yearly": "year", "weekly": "week", "daily": "day", "monthly": "month",
    "hourly": "hour",
}  # fmt: skip
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|a\s+dozen|dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_MULT = r"(?:\s?(?:bn|tn)|(?:m|mn|k)|\s(?:million|billion|trillion|thousand|hundred))(?![\w])"
_SIGN = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|£|€|¥)"
_QUALIFIER = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|over|up\s+to|"
    r"at\s+least|less\s+than|fewer\s+than|under|as\s+many\s+as|as\s+much\s+as|an\s+estimated|"
    r"estimated|close\s+to|just\s+over|just\s+under|between|an\s+extra|another)"
)

_FIGURE = re.compile(
    rf"""(?<![\w$£€¥./,#&-])
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?:(?P<cpre>(?:australian|us|canadian|hong\s+kong|new\s+zealand)\s+dollars)\s+)?
    (?P<sign1>{_SIGN})?(?P<n1>{_NUMBER})(?P<m1>{_MULT})?
    (?:(?:(?P<dash>[-–])|\s+(?P<to>to|and)\s+)(?P<sign2>{_SIGN})?(?P<n2>{_NUMBER})(?P<m2>{_MULT})?)?
    (?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b|\s+percentage\s+points?\b)?
    (?P<pence>p\b)?
    (?P<cword>\s+(?:{"|".join(_CURRENCY_WORDS)}|pence)\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUALIFIER})\s+)?"
    r"(?P<num>one|two|three|four|a|half|(?=quarter\s))[- ]?"
    r"(?P<den>half|halves|thirds?|quarters?|fifths?|tenths?)(?P<tail>\s+(?:of\s+(?:a\s+)?)?(?:(?:percentage\s+)?points?|per\s?cent))?"
    r"(?![\w-])",
    re.IGNORECASE,
)
_UNIT_NOUN = re.compile(
    r"\s+(?:(?!(?:of|in|to|the|a|an|and|or|for|on|at|by|from|with|than|as|per|is|are|was|"
    r"were|has|have|had|will|would|more|less)\b)[a-z][\w-]*\s+){0,2}?(?P<noun>people|men|women|children|staff|police|cattle|sheep|[a-z]{2,}s|[A-Z]{2,}s)\b"
)
# "the two men", "her three sons": a number in words after these refers, it does not count.
_REFERENCE = re.compile(
    r"\b(?:the|these|those|his|her|their|its|our|my|your|both|all|of)\s+$", re.IGNORECASE
)
_DURATION = re.compile(r"-(?P<unit>year|month|week|day|hour|minute)\b(?!-old|s?\s+old)")
_NOT_NOUNS = frozenset(
    "was has does this his its is as us yes plus less across always perhaps thus whereas "
    "unless various previous serious its ours yours theirs hers whereas towards afterwards "
    "besides sometimes halves thirds quarters fifths tenths".split()
)
_RATE = re.compile(
    r"(?:\s+of\s+[a-z]+)?\s+(?:(?:a|an|per|each|every)\s+(?P<per>week|day|year|month|hour|minute|quarter)\b|"
    r"(?P<adverb>annually|yearly|weekly|daily|monthly|hourly)\b)",
    re.IGNORECASE,
)
_AFTER_TIME = re.compile(r"(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|hrs|hours\s+gmt)\b", re.I)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r"-?\s?years?-old\b|-year\b(?=-old)", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'-]+|\b(?:No|Number|Article|Section|Page|Flight))\s$")


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
    found: list[FigureMention] = []
    pos = start
    while (match := _FIGURE.search(text, pos, end)) is not None:
        mention = _mention(text, match, end)
        if mention is not None:
            found.append(mention)
        # A range read as one number leaves its second number to be read on its own.
        pos = mention.end if mention is not None else match.end()
        pos = max(pos, match.start() + 1)
    fractions = (_fraction(text, match, end) for match in _FRACTION.finditer(text, start, end))
    found += [m for m in fractions if m is not None]
    found.sort(key=lambda m: m.start)
    kept: list[FigureMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _mention(text: str, match: re.Match[str], limit: int) -> FigureMention | None:
    g = match.groupdict()
    if g["to"] and g["to"].lower() == "and" and (g["qual"] or "").lower() != "between":
        return _mention_without_range(text, match, limit)
    if not _is_quantity(text, match, limit):
        return None
    currency = _currency(g)
    pct = g["pct"]
    low = _value(g["n1"], g["m1"])
    high = low
    if g["n2"]:
        high = _value(g["n2"], g["m2"])
        low = _carry(g["n1"], low, high, g["m1"], g["m2"])
        if high < low:
            return _mention_without_range(text, match, limit)
    if g["pence"] or (g["cword"] and "pence" in g["cword"].lower()):
        low, high = low / 100, high / 100
    end = match.end()
    unit: str | None
    duration = _DURATION.match(text, end, limit)
    if duration and not (pct or currency):
        return _mention_at(
            match, text, end + duration.end() - end, low, high, duration["unit"] + "s"
        )
    if pct:
        unit = "percentage points" if "point" in pct.lower() else "percent"
    elif currency:
        unit = currency
    else:
        noun = _UNIT_NOUN.match(text, end, limit)
        unit = noun.group("noun") if noun and noun.group("noun").lower() not in _NOT_NOUNS else None
        if (unit is None and not _digits(g["n1"])) or (
            not g["qual"] and _NAME_BEFORE.search(_before(text, match))
        ):
            return None  # "Boeing 747 parts": a name, not a figure
        if (
            not _digits(g["n1"])
            and not (g["m1"] or g["qual"])
            and _REFERENCE.search(_before(text, match))
        ):
            return None  # "the two men", "his three sons": references, not amounts
        if unit and noun:
            end = noun.end()
    rate = _RATE.match(text, end, limit)
    per = None
    if rate:
        per = rate.group("per") or _PERIODS[rate.group("adverb").lower()]
        end = rate.end()
    return _mention_at(match, text, end, low, high, unit, per.lower() if per else None)


def _mention_at(
    match: re.Match[str],
    text: str,
    end: int,
    low: float,
    high: float,
    unit: str | None,
    per: str | None = None,
) -> FigureMention:
    start = match.start()
    qualifier = (match.group("qual") or "").lower()
    return FigureMention(
        start=start,
        end=end,
        raw=text[start:end],
        low=low,
        high=high,
        unit=unit,
        per=per,
        # "an extra £1bn" is exact; "about", "more than" and ranges are not.
        approximate=(bool(qualifier) and qualifier not in ("an extra", "another")) or low != high,
    )


def _mention_without_range(text: str, match: re.Match[str], limit: int) -> FigureMention | None:
    """Re-read the match's first number alone ("3 and 4" is two numbers, "£35bn-£2bn" too)."""
    cut = match.start("dash") if match.group("dash") else match.start("to") - 1
    single = _FIGURE.match(text, match.start(), cut)
    if single is None or single.group("n2"):
        return None
    return _mention(text, single, limit)


def _is_quantity(text: str, match: re.Match[str], limit: int) -> bool:
    g = match.groupdict()
    n1 = g["n1"]
    before = _before(text, match)
    after = text[match.end() : min(limit, match.end() + 16)]
    money_or_pct = bool(
        g["sign1"] or g["sign2"] or g["pct"] or g["cword"] or g["pence"] or g["cpre"]
    )
    if n1.lower() == "one" and not (g["m1"] or money_or_pct):
        return False
    if _DURATION.match(after):
        return True  # "a 10-year strategy": a duration
    if re.match(r"[\w/]|-(?!\d)", after) and not re.match(r"-(?:strong|odd|plus)", after):
        return False  # "3G", "2003/4", "ten-pin" as part of a word
    if re.match(r"(?:st|nd|rd|th)\b", after, re.I) or _AGE_AFTER.match(after):
        return False
    if re.search(r"(?:\bnumbers?|\bNo\.?|#)\s*$", before, re.IGNORECASE):
        return False  # chart positions, house numbers, HTML entities
    if g["sign1"] or g["m1"] or g["pct"]:
        return True
    if _AFTER_TIME.match(after) or (_digits(n1) and n1.startswith("0") and len(n1) > 1):
        return False
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return False
    if re.search(r"\baged\s+$", before, re.I) or (
        re.search(r"[A-Z][a-z]+,\s$", before) and after.startswith(",")
    ):
        return False
    if _digits(n1) and re.fullmatch(r"(?:19|20)\d\d", n1) and not g["n2"]:
        return False  # a year
    return not (_digits(n1) and re.match(r"s\b", after))  # "the 1990s"


def _before(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 12) : match.start()]


def _fraction(text: str, match: re.Match[str], limit: int) -> FigureMention | None:
    num = match.group("num").lower()
    den = _FRACTIONS[match.group("den").lower()]
    if num == "half":
        return None
    tail = (match.group("tail") or "").lower()
    if num in ("a", "") and not tail and text[match.end() : match.end() + 4].lower() != " of ":
        return None  # "a quarter" alone is often a period of three months
    count = 1 if num in ("a", "one", "") else _UNITS[num]
    value = round(count / den, 4)
    unit = "percentage points" if "point" in tail else ("percent" if tail else None)
    return FigureMention(
        start=match.start(),
        end=match.end(),
        raw=match.group(0),
        low=value,
        high=value,
        unit=unit,
        per=None,
        approximate=bool(match.group("qual")),
    )


def _currency(g: dict[str, str | None]) -> str | None:
    sign = g["sign1"] or g["sign2"]
    if g["cpre"]:
        return _CURRENCY_PREFIXES[g["cpre"].split()[0].lower()]
    if sign:
        return _CURRENCY_SIGNS[sign.lower()]
    if g["cword"]:
        word = g["cword"].strip().lower()
        return "GBP" if word == "pence" else _CURRENCY_WORDS.get(word)
    if g["pence"]:
        return "GBP"
    return None


def _digits(number: str) -> bool:
    return number[:1].isdigit()


def _value(number: str, multiplier: str | None) -> float:
    base = float(number.replace(",", "")) if _digits(number) else _words(number)
    if multiplier:
        base *= _MULTIPLIERS[multiplier.strip().lower()]
    return base


def _words(number: str) -> float:
    words = re.split(r"[\s-]+", number.lower())
    if words[-1] == "dozen":
        return 12
    if words[-1] in ("hundred", "thousand", "million", "billion"):
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
