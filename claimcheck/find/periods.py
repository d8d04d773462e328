"""The period a figure is measured over, as the article gives it.

A rate the figure states ("£7m a year", "3% annually", "£1,200 pcm", "a $5m-a-year contract"), an
annual amount ("annual revenues of $44bn", "rose an annual 6%"), or the period after it
("profit last year", "grew 3.7% in the third quarter", "3.2% in the year to March", "$1.2bn in
Q3"). A time is none: "5% a year ago", "a week before the vote", "next year", "the annual
report showed 300 jobs".
"""

from __future__ import annotations

import re

_PERIODS = {
    "annually": "year", "yearly": "year", "weekly": "week", "daily": "day", "monthly": "month",
    "hourly": "hour", "per annum": "year", "pcm": "month",
}  # fmt: skip
_EACH = r"(?:a|an|per|each|every)\s+"
_UNITS = r"week|day|year|month|hour|minute|quarter"
_ADVERBS = r"annually|yearly|weekly|daily|monthly|hourly|per\s+annum|pcm"
_JOINED = r"-(?:a|an|per)-"
RATE = re.compile(
    # "5% a year ago", "a week before the vote": a time, no rate ("a year before tax" is one)
    rf"(?:\s+of\s+[a-z]+)?\s+(?:{_EACH}(?P<per>{_UNITS})\b"
    r"(?!\s+(?:ago|later|earlier|on\b|previously|before(?!\s+tax)|after(?!\s+tax)))|"
    rf"(?P<adverb>{_ADVERBS})\b)|"
    rf"{_JOINED}(?P<joined>week|day|year|month|hour)\b",  # "a $5m-a-year contract"
    re.IGNORECASE,
)
JOINED_RATE = re.compile(rf"{_JOINED}(?:week|day|year|month|hour)\b", re.IGNORECASE)
# A figure's own words that state its rate, anywhere in them: "£7m a year", "3% annually",
# "£1,200 pcm", "a $5m-a-year contract".
STATED_RATE = re.compile(
    rf"(?:\b{_EACH}(?:{_UNITS})|\b(?:{_ADVERBS})|{_JOINED}(?:{_UNITS}))\b", re.IGNORECASE
)
# "annual revenues of $44bn", "rose an annual 6%": a year's amount; "the annual report showed
# 300 jobs" counts no year's anything.
ANNUAL_BEFORE = re.compile(
    r"\bannual\s+(?:(?:[a-z]+\s+)?(?:profits?|revenues?|sales|budget|turnover|income|salary|"
    r"salaries|pay|rent|costs?|spending|growth|rate|inflation|output|fees?|earnings|loss(?:es)?|"
    r"deficit|surplus|bill|subsid(?:y|ies)|bonus(?:es)?|wages?|emissions|exports|imports|"
    r"production|investment|funding|premiums?|dividends?|interest|rise|increase|fall|drop|"
    r"decline)\s+(?:of|was|were|is|are|at)\s+)?$",
    re.IGNORECASE,
)
# "profit last year", "337,000 jobs last month", "grew 3.7% in the third quarter", "3.2% in the
# year to March", "$1.2bn in Q3": the period an amount was measured over, within three words
# after it; ``when`` is its words as written, ``per`` (or ``quarter``) the period.
PERIOD_AFTER = re.compile(
    r"\)?(?:\s+\(?[^\s,;.]+\)?){0,3}?\s+(?P<when>(?:last|this|in\s+the\s+(?:first|second|"
    r"third|fourth|final|latest))\s+(?P<per>year|month|quarter|week)|in\s+the\s+(?P<pers>year|"
    r"month)s\s+to\s+(?:follow|come)|in\s+the\s+(?P<upto>year|month|quarter|week)\s+to\s+"
    r"(?:the\s+end\s+of\s+)?(?-i:[A-Z])[a-z]+|in\s+(?P<quarter>(?-i:Q[1-4])))\b",
    re.IGNORECASE,
)


def period(text: str, start: int, end: int, limit: int) -> tuple[str | None, int]:
    """The period of the figure ``text[start:end]``, and where the figure ends: past a rate it
    states ("£7m a year"), else where it ended."""
    per, end = rate(text, end, limit)
    if per is None and ANNUAL_BEFORE.search(text[max(0, start - 40) : start]):
        per = "year"  # "annual revenues of $44bn", "rose an annual 6%"
    if per is None and (after := PERIOD_AFTER.match(text, end, limit)):
        per = (after["per"] or after["pers"] or after["upto"] or "quarter").lower()
    return per, end


def rate(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The period of a rate stated right after a figure ending at ``end``, and the rate's end."""
    found = RATE.match(text, end, limit)
    if found is None:
        return None, end
    adverb = found.group("adverb")
    per = found.group("per") or found.group("joined") or _PERIODS[" ".join(adverb.lower().split())]
    return per.lower(), found.end()
