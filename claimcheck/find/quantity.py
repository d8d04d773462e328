"""What a figure is, and the words around a number that every reader of figures shares.

``FigureMention`` is one figure; the hedges, counted nouns and currency names here are read by
``claimcheck.find.figures`` and ``claimcheck.find.shares`` alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.models import Figure

QUALIFIER = (
    r"(?:about|around|approximately|roughly|circa|nearly|almost|some|more\s+than|over|up\s+to|"
    r"at\s+least|less\s+than|fewer\s+than|under|as\s+many\s+as|as\s+much\s+as|an\s+estimated|"
    r"estimated\s+at|estimated|close\s+to|just\s+over|just\s+under|between|an\s+extra|another|"
    r"no\s+(?:less|more|fewer)\s+than|not\s+(?:less|more|fewer)\s+than|at\s+most|upwards\s+of|"
    r"in\s+excess\s+of|a\s+(?:maximum|minimum)\s+of|well\s+over|well\s+under|approx\.?|"
    r"an\s+est\.|est\.|as\s+few\s+as|close\s+on|getting\s+on\s+for|the\s+best\s+part\s+of)"
)
# A hedge written as a sign against its number: "~300", "≈£5m", ">60%", "<5%", "c.300".
HEDGE_SIGN = r"(?:[~≈<>]|c\.(?=\d))"
EXACT_QUALIFIERS = frozenset({"an extra", "another"})  # "an extra £1bn" is not a hedge
SMALL_WORD = "one|two|three|four|five|six|seven|eight|nine"
STOP = (
    r"of|in|to|the|a|an|and|or|for|on|at|by|from|with|than|as|per|is|are|was|were|has|have|"
    r"had|will|would|could|should|may|might|more|less|into|against|after|before|since|but|"
    r"not|who|which|that|this|it|he|she|they|we|you|i|said|says|so|if|when|where"
)
# The counted noun, perhaps after an adjective or three ("80,000 long term care places").
# A plural ends in s, but not in -ss, -us or -is ("business", "status", "crisis").
UNIT_NOUN = re.compile(
    rf"\s+(?:(?!(?i:{STOP})\b)[A-Za-z][\w-]*\s+){{0,3}}?"
    r"(?P<noun>people|men|women|children|staff|police|cattle|sheep|[a-z]+[a-hj-rtv-z]s|[A-Z]{2,}s)"
    r"\b(?!['’]s?\b)"
)
NOT_NOUNS = frozenset(
    "was has does his its as yes plus always perhaps thus whereas towards afterwards besides "
    "sometimes halves thirds quarters fifths tenths news ours yours theirs hers lots".split()
)
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "pounds": "GBP", "sterling": "GBP", "euros": "EUR",
    "euro": "EUR", "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY",
    "won": "KRW", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "pence": "GBP",
    "rupee": "INR", "renminbi": "CNY", "francs": "CHF", "franc": "CHF", "rand": "ZAR",
    "zloty": "PLN", "zlotys": "PLN", "shekels": "ILS", "shekel": "ILS", "naira": "NGN",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "hryvnias": "UAH", "hryvnia": "UAH",
    "dirhams": "AED", "dirham": "AED", "riyals": "SAR", "riyal": "SAR", "quid": "GBP",
}  # fmt: skip
# The country named before a currency's name: "450,000 Swiss francs", "20m South African rand".
CURRENCY_COUNTRY = (
    r"(?:us|american|australian|canadian|hong\s+kong|new\s+zealand|singapore|taiwan|"
    r"swiss|south\s+african|indian|japanese|chinese|russian|turkish|israeli|polish|"
    r"nigerian|thai|saudi|emirati|malaysian|indonesian|ukrainian|korean|south\s+korean)"
)
GLUED = re.compile(r"[\w/]|-(?!\d|strong|odd|plus)")  # "3G", "2003/4", "ten-pin", "747-400"

# Units of measure: symbols written against the number, where case matters ("MB" is not
# "mb"; "m" is a million, never a metre, but "m²" and "m^2" are square metres; "35C" glued to
# its number is a temperature), and words, singular after a hyphen ("a 3-inch
# nail", "a six-mile walk"). "in", "g", "ft" and "hrs" are left out: a preposition, 5G, a
# height in a description ("5ft 9ins tall"), a time.
MEASURE = (
    r"(?:(?-i:Mbps|Gbps|kbps|Kbps|MB|GB|TB|km/h|km|kg|mph|kph|kWh|MWh|GWh|kW|MW|GW|MHz|"
    r"GHz|mm|cm|ml|mg|lbs?|oz|L|bps?|°[CF]?|(?:c|k)?m(?:\^[23]|[²³])|(?<=\d)[CF])|"
    r"sq\.?\s?(?:ft|feet|m|km|mi|miles|yards?)\b|inch(?:es)?|feet|foot|yards?|miles?|"
    r"(?:kilo|centi|milli)?(?:metre|meter)s?|kilos?|(?:kilo|milli)?grams?|tonnes?|tons?|"
    r"litres?|liters?|gallons?|degrees?(?:\s+(?:celsius|fahrenheit|centigrade))?|acres?|"
    r"hectares?|square\s+(?:feet|foot|miles?|kilomet(?:re|er)s?|met(?:re|er)s?)|knots?|"
    r"barrels?|watts?|volts?)"
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


def build(
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    unit: str | None,
    per: str | None,
    approximate: bool,
) -> FigureMention:
    """The figure ``text[start:end]``."""
    return FigureMention(start, end, text[start:end], low, high, unit, per, approximate)
