"""Figures that are no plain number: fractions, shares, vague plurals, tallies, "twice".

Fractions ("two thirds of the staff"), shares ("one in five"), vague plurals ("thousands of"),
tallies ("passed 31 to 12"), "twice" and half periods ("half an hour").
``claimcheck.find.figures`` says how each doubtful case is decided."""

from __future__ import annotations

import re

from claimcheck.find import number_words
from claimcheck.find.quantity import (
    CURRENCY_WORDS,
    GLUED,
    MEASURE,
    NOT_NOUNS,
    QUALIFIER,
    SMALL_WORD,
    STOP,
    UNIT_NOUN,
    FigureMention,
    build,
)

_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
              "twelfth": 12, "hundredth": 100}  # fmt: skip
_FRACTIONS |= {word + "s": den for word, den in _FRACTIONS.items() if word != "half"}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# "a quarter of a million people", "three quarters of a billion dollars"
_OF_SCALE = re.compile(rf"\s+of\s+an?\s+({'|'.join(_SCALES)})\b", re.IGNORECASE)
# Vague plurals: (lowest, highest) for the plural alone; "tens of"/"hundreds of" scale both.
_VAGUE = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0),
          "millions": (2e6, 1e7 - 1), "billions": (2e9, 1e10 - 1),
          "scores": (40.0, 99.0)}  # fmt: skip
_VAGUE_DIGITS = {"100s": "hundreds", "1000s": "thousands", "1,000s": "thousands"}  # "100s of"
_VAGUE_SCALE = {"tens": 10, "hundreds": 100}
# "a six-figure salary", "a seven-figure sum": an amount of that many digits.
_DIGITS_LONG = re.compile(
    r"(?<![\w-])(?P<n>four|five|six|seven|eight|nine|ten|[4-9])-figure(?![\w-])", re.IGNORECASE
)
# "several thousand protesters", "a few hundred people", "a couple of million pounds":
# (lowest, highest) of the count of hundreds, thousands, ….
_FEW = {"several": (3.0, 9.0), "a few": (2.0, 9.0), "a couple of": (2.0, 2.0)}
_FEW_SCALE = re.compile(
    rf"(?<![\w-])(?P<few>several|a\s+few|a\s+couple\s+of)\s+(?P<scale>{'|'.join(_SCALES)})\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{QUALIFIER})\s+)?"
    rf"(?:(?P<num>{SMALL_WORD}|a)[- ]|(?=half|quarter))"
    r"(?P<den>half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
    r"twelfths?|hundredths?)"
    r"(?P<tail>\s+(?:of\s+)?(?:a\s+)?(?:(?:percentage\s+)?points?|per\s?cent))?(?![\w-])",
    re.IGNORECASE,
)
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
           "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
           "⅞": 7 / 8}  # fmt: skip
_WRITTEN_FRACTION = re.compile(
    rf"(?<![\w/.,$£€¥-])(?:(?P<qual>{QUALIFIER})\s+)?(?:(?P<whole>\d{{1,3}})(?:\s+|(?=[{''.join(_VULGAR)}])))?"
    rf"(?:(?P<num>\d{{1,2}})/(?P<den>\d{{1,3}})|(?P<vulgar>[{''.join(_VULGAR)}]))(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_MEASURE_AFTER = re.compile(rf"[\s-]?({MEASURE})(?![\w])", re.IGNORECASE)
# "one-half miles", "a quarter mile", "three-quarters of a mile", "half a mile"
_FRACTION_OF_MEASURE = re.compile(
    rf"(?:(?:\s+of)?\s+an?\s+|[\s-])({MEASURE})(?![\w])", re.IGNORECASE
)
_RATIO = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{QUALIFIER})\s+)?(?P<a>{SMALL_WORD}|\d{{1,2}})\s+(?:in|out\s+of)\s+"
    rf"(?P<b>{SMALL_WORD}|ten|twenty|hundred|\d{{1,3}}(?:,\d{{3}})*)(?![\w-])",
    re.IGNORECASE,
)
_TIMES = re.compile(r"(?<![\w-])twice(?![\w-])", re.IGNORECASE)
# "fivefold", "a 10-fold rise", "three-fold": a ratio, as "three times" is.
_FOLD = re.compile(
    rf"(?<![\w.-])(?:(?P<word>{SMALL_WORD}|ten|twenty|thirty|forty|fifty|hundred|thousand)-?|"
    r"(?P<digits>\d+(?:\.\d+)?)-?)fold(?![\w-])",
    re.IGNORECASE,
)
# "think twice", "nobody looked twice": an idiom, no count and no ratio.
_IDIOM_BEFORE = re.compile(r"\b(?:think|thinks|thought|thinking|look|looks|looked|looking)\s+$",
                           re.IGNORECASE)  # fmt: skip
_PERCENT_AFTER = re.compile(r"\s?%|\s?per\s?cent\b|\s?percent\b", re.IGNORECASE)
_HALF_PERIOD = re.compile(
    r"(?<![\w-])half(?:-|\s+an?\s+)(?P<period>hour|day|year|month|week|century)(?![\w-])",
    re.IGNORECASE,
)
_VAGUE_PLURAL = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{QUALIFIER})\s+)?(?:(?P<scale>tens|hundreds)\s+of\s+)?"
    r"(?P<base>dozens|hundreds|thousands|millions|billions|scores|100s|1,?000s)(?=\s+of\b)",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(
    r"\s+of(?:\s+(?P<det>the|its|their|his|her|our|all|these|those))?(?=\s)", re.IGNORECASE
)
_HALF_WHOLE = re.compile(
    r"\s+(?P<det>the|its|their|his|her|our)(?=\s)", re.IGNORECASE
)  # "half the"
# A whole named in one word after "the": "half of the population", "half the electorate".
_SINGULAR = re.compile(rf"\s+(?!(?:{STOP})\b)(?P<noun>[a-z][a-z-]*)\b(?![’'-])")
_NO_WHOLE = frozenset("time way battle story fun truth".split())  # "half the time": an idiom
# "three-quarters of an hour", "a quarter of a century"
_OF_PERIOD = re.compile(
    r"\s+of\s+an?\s+(?P<period>hour|day|week|month|year|decade|century|minute|second)\b",
    re.IGNORECASE,
)
# A tally, "31 to 12", "31-12", "31 votes to 12": one figure when a vote, a score or a ratio
# is named around it (the sides of a poll's margin, "50% to 40%", stay two figures).
TALLY = re.compile(
    r"(?<![\w$£€¥.,-])(?P<a>\d{1,3}(?:,\d{3})*)(?:\s+(?P<noun>votes|seats|points|goals))?"
    r"(?:\s*[-–]\s*|:|\s+to\s+)(?P<b>\d{1,3}(?:,\d{3})*)(?![\w.,:]\d|[\w%-])",
)
_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|passed|approved|rejected|backed|carried|defeated|ballot|"
    r"majority|margin|ratio|won|beat|lost|score[sd]?)\b(?:\s+\S+){0,3}?\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_TALLY_AFTER = re.compile(r"\s+(?:votes?|vote\b|majority|ratio|split)", re.IGNORECASE)
_OF_CURRENCY = re.compile(rf"\s+of\s+({'|'.join(CURRENCY_WORDS)})\b", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(rf"\s+({'|'.join(CURRENCY_WORDS)})\b", re.IGNORECASE)
_PACE_NOUNS = frozenset("seconds minutes hours days weeks months years games matches".split())


def shares(text: str, start: int, end: int) -> list[FigureMention]:
    """Every fraction, share, vague plural, tally and "twice" in ``text[start:end]``, tallies
    first (a tally wins over a range read the same)."""
    return (
        _tallies(text, start, end)
        + _fractions(text, start, end)
        + _ratios(text, start, end)
        + _vague_plurals(text, start, end)
        + _twice_and_halves(text, start, end)
    )


def _fractions(text: str, start: int, end: int) -> list[FigureMention]:
    found = [_fraction(text, m, end) for m in _FRACTION.finditer(text, start, end)]
    found += [_written_fraction(text, m, end) for m in _WRITTEN_FRACTION.finditer(text, start, end)]
    return [m for m in found if m is not None]


def _written_fraction(text: str, match: re.Match[str], limit: int) -> FigureMention | None:
    """ "3/4 of voters", "2 1/2 hours", "a 1/4 inch gap", "½ tbsp": a proper fraction, perhaps
    after a whole number. A bare "9/11" or "24/7" names something: a slash counts only before
    a unit of measure or "of", or after a whole number."""
    if match.group("vulgar"):
        value = _VULGAR[match.group("vulgar")]
    else:
        num, den = int(match.group("num")), int(match.group("den"))
        if not 0 < num < den:
            return None
        value = num / den
    whole = match.group("whole")
    value += int(whole) if whole else 0
    end = match.end()
    unit: str | None = None
    if percent := _PERCENT_AFTER.match(text, end, limit):
        unit, end = "percent", percent.end()  # "2½%", "2 1/2 per cent"
    elif measure := _MEASURE_AFTER.match(text, end, limit):
        unit, end = " ".join(measure.group(1).split()), measure.end()
    elif text.startswith(" of ", end):
        unit, end = _whole(text, end, limit)
    elif not (whole or match.group("vulgar")):
        return None  # "after 9/11 flights stopped"
    elif (noun := UNIT_NOUN.match(text, end, limit)) and noun["noun"].lower() not in NOT_NOUNS:
        unit, end = noun.group("noun"), noun.end()
    hedged = bool(match.group("qual"))
    return build(text, match.start(), end, value, value, unit, None, hedged)


def _fraction(text: str, match: re.Match[str], limit: int) -> FigureMention | None:
    num = (match.group("num") or "").lower()
    den = match.group("den").lower()
    tail = (match.group("tail") or "").lower()
    count = number_words.UNITS.get(num, 1)
    value = count / _FRACTIONS[den]
    if not tail and (scale := _OF_SCALE.match(text, match.end(), limit)):
        value *= _SCALES[scale.group(1).lower()]  # "a quarter of a million people": a number
        unit, end = _scaled_unit(text, scale.end(), limit)
        return build(text, match.start(), end, value, value, unit, None, bool(match.group("qual")))
    if not tail and (period := _OF_PERIOD.match(text, match.end(), limit)):
        unit = period.group("period").lower()
        unit = "centuries" if unit == "century" else unit + "s"
        return build(text, match.start(), period.end(), value, value, unit, None,
                     bool(match.group("qual")))  # fmt: skip
    if not tail and (measure := _FRACTION_OF_MEASURE.match(text, match.end(), limit)):
        unit = " ".join(measure.group(1).split())  # a measure: plainly an amount
        return build(text, match.start(), measure.end(), value, value, unit, None,
                     bool(match.group("qual")))  # fmt: skip
    half = den.startswith("half") and not num
    unit, end = _whole(text, match.end(), limit, half) if not tail else (None, match.end())
    if tail:
        unit = "percentage points" if "point" in tail else "percent"
    elif not _plainly_a_fraction(text, match, num, den, end):
        return None
    return build(text, match.start(), end, value, value, unit, None, bool(match.group("qual")))


def _scaled_unit(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """What "a quarter of a million" counts: a currency ("pounds") or a noun ("people")."""
    currency = _CURRENCY_AFTER.match(text, pos, limit)
    if currency:
        return CURRENCY_WORDS[currency.group(1).lower()], currency.end()
    noun = UNIT_NOUN.match(text, pos, limit)
    if noun is None or noun.group("noun").lower() in NOT_NOUNS:
        return None, pos
    return noun.group("noun"), noun.end()


def _plainly_a_fraction(text: str, match: re.Match[str], num: str, den: str, end: int) -> bool:
    """Is this plainly an amount? "two thirds" is; "half" and "a quarter" often are not
    ("half-way", "a quarter" of a year), so those need an "of", a hedge or "by" to count."""
    if num in number_words.UNITS and (num != "one" or _FRACTIONS[den] > 4):
        # "two thirds", "one sixth", "three quarters"; but "one quarter" and "two quarters"
        # are as often a year's
        return not den.startswith("quarter") or num == "three" or _plainly_of(text, match)
    before = text[max(0, match.start() - 4) : match.start()]
    if den.startswith("half") or not num:  # "half of the staff", "cut by a half"
        return end > match.end() or (num == "a" and bool(re.search(r"\bby\s$", before, re.I)))
    has_of = text[match.end() : match.end() + 4].lower() == " of "
    return has_of or bool(match.group("qual")) or bool(re.search(r"\bby\s$", before, re.I))


def _plainly_of(text: str, match: re.Match[str]) -> bool:
    """ "two quarters of the budget": a share, not a count of quarters."""
    return text[match.end() : match.end() + 4].lower() == " of "


def _whole(text: str, pos: int, limit: int, half: bool = False) -> tuple[str | None, int]:
    """What a share is of, after "of" ("two thirds of the staff": "staff"; "half of older
    residents": "older residents"; "half of the population"), or after "half" and "the"
    ("half the staff"), and where it ends."""
    of = _OF_WHOLE.match(text, pos, limit) or (
        _HALF_WHOLE.match(text, pos, limit) if half else None
    )
    if of is None:
        return None, pos
    noun = UNIT_NOUN.match(text, of.end(), limit)
    if noun is not None and noun.group("noun").lower() not in NOT_NOUNS:
        return " ".join(text[of.end() : noun.end()].split()), noun.end()
    # one word names the whole only for half: "two thirds of its business" is two thirds
    single = _SINGULAR.match(text, of.end(), limit) if half and of.group("det") else None
    if single is None or single.group("noun").lower() in NOT_NOUNS | _NO_WHOLE:
        return None, pos
    return single.group("noun"), single.end()


def _ratios(text: str, start: int, end: int) -> list[FigureMention]:
    """Shares such as "one in five European workers": 0.2 of the workers."""
    found = []
    for match in _RATIO.finditer(text, start, end):
        a, b = (number_words.number_value(match.group(g)) for g in ("a", "b"))
        unit, stop = None, match.end()
        noun = UNIT_NOUN.match(text, match.end(), end)
        if noun and noun.group("noun").lower() not in NOT_NOUNS:
            unit, stop = noun.group("noun"), noun.end()
        if not 0 < a < b or (unit or "").lower() in _PACE_NOUNS:
            continue  # "2 in 10 minutes" is a pace, not a share
        value = a / b
        hedged = bool(match.group("qual"))
        found.append(build(text, match.start(), stop, value, value, unit, None, hedged))
    return found


def _vague_plurals(text: str, start: int, end: int) -> list[FigureMention]:
    found = []
    for match in _VAGUE_PLURAL.finditer(text, start, end):
        base = match.group("base").lower()
        low, high = _VAGUE[_VAGUE_DIGITS.get(base, base)]
        if match.group("scale") and match.group("base").lower() != "dozens":
            scale = _VAGUE_SCALE[match.group("scale").lower()]
            low, high = low * scale, (high + 1) * scale - 1
        unit, stop = _vague_unit(text, match.end(), end)
        found.append(build(text, match.start(), stop, low, high, unit, None, True))
    for match in _DIGITS_LONG.finditer(text, start, end):
        n = match.group("n")
        digits = int(n) if n.isdigit() else int(number_words.value(n))
        found.append(build(text, match.start(), match.end(), 10.0 ** (digits - 1),
                           10.0**digits - 1, None, None, True))  # fmt: skip
    for match in _FEW_SCALE.finditer(text, start, end):
        low, high = _FEW[" ".join(match.group("few").lower().split())]
        times = _SCALES[match.group("scale").lower()]
        unit, stop = _scaled_unit(text, match.end(), end)
        found.append(build(text, match.start(), stop, low * times, high * times, unit, None, True))
    return found


def _vague_unit(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The unit of a vague plural: "thousands of pounds" is money, "of people" a count."""
    currency = _OF_CURRENCY.match(text, pos, limit)
    if currency:
        return CURRENCY_WORDS[currency.group(1).lower()], currency.end()
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
        if GLUED.match(after) or after.startswith("%"):
            continue
        first = float(match.group("a").replace(",", ""))
        if ":" in match.group() and first < 24 and len(match.group("b")) == 2:
            continue  # "held at 3:15": a time; "a ratio of 3:1", "a 50:50 split" are tallies
        unit = noun.lower() if noun else None
        found.append(build(text, match.start(), match.end(), first, first, unit, None, False))
    return found


def _twice_and_halves(text: str, start: int, end: int) -> list[FigureMention]:
    found = [
        build(text, m.start(), m.end(), 2, 2, None, None, False)
        for m in _TIMES.finditer(text, start, end)
        if not _IDIOM_BEFORE.search(text[max(start, m.start() - 12) : m.start()])
    ]
    for m in _FOLD.finditer(text, start, end):
        times = float(m["digits"]) if m["digits"] else number_words.value(m["word"])
        found.append(build(text, m.start(), m.end(), times, times, None, None, False))
    for m in _HALF_PERIOD.finditer(text, start, end):
        unit = m.group("period").lower()
        unit = "centuries" if unit == "century" else unit + "s"
        found.append(build(text, m.start(), m.end(), 0.5, 0.5, unit, None, False))
    return found
