"""Figures in words: as a question names them, and as they normalise.

A question names a figure in the article's own words, with its period as the article gives it
("5% last year", "$3.2bn"); a report and the source check show the value it normalises to
("5,000 to 7,000 people a week").
"""

from __future__ import annotations

import re

from claimcheck.find import number_words
from claimcheck.find.periods import PERIOD_AFTER, STATED_RATE
from claimcheck.find.quantity import QUALIFIER
from claimcheck.find.shares import TALLY
from claimcheck.models import Figure


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
    if fig.per and not STATED_RATE.search(words):
        words += f" {_period(fig, sentence)}"
    return words


# Words a figure opens with that take a capital only when they open the sentence.
_PLAIN_OPENING = re.compile(
    rf"(?:{QUALIFIER}|{number_words.PHRASE}|half|an?|dozens|tens|several|a\s+few)\b",
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
