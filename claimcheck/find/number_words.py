"""Numbers written in words, read to their values: compounds, dozens, halves.

Examples: "one hundred and six", "two thousand two hundred", "three dozen", "half a million",
"two and a half", "one point five million".

``PHRASE`` finds a run of number words; ``read`` cuts the run into the numbers it holds, since
a run may hold several ("fifty sixty thirty", "one two three"): a word that cannot continue
the number before it ("thousand" after "thousand", a unit after a unit) starts a new one.

Written here rather than taken from text2num or number-parser: both turn text into text, and
claimcheck needs each number's offsets in the article; both are also slower per sentence than
this one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
    "quintillion": 1e18, "sextillion": 1e21,
}  # fmt: skip

_SCALE = r"(?:thousand|(?:m|b|tr|quadr|quint|sext)illion)s?"
_WORD = (
    r"(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety|zero|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|hundreds?|{_SCALE}|dozen)(?![a-z])"
)
# "and" joins only after a hundred or a scale: "one hundred and six", not "three and four".
_JOIN = r"(?:[ \t-]+|(?:(?<=hundred)|(?<=thousand)|(?<=illion))\s+(?:and|&)\s+)"
_HALF = rf"(?:[\s-]+and[\s-]+a[\s-]+half(?:\s+{_SCALE}|\s+dozen)?)"  # "one-and-a-half"
# "one point five million", "two point three per cent", "point o five": digits, one word each,
# after a point.
_POINT = (
    r"(?:\s+point(?:\s+(?:zero|o|oh|one|two|three|four|five|six|seven|eight|nine)\b)+"
    rf"(?:\s+{_SCALE})?)"
)
PHRASE = (
    rf"(?:(?:half\s+)?an?\s+(?=(?:hundred|{_SCALE}|dozen)\b)|half\s+(?={_SCALE}\b))?"
    rf"{_WORD}(?:{_JOIN}{_WORD})*(?:{_HALF}|(?<!illion)(?<!thousand){_POINT})?"
)
_TOKEN = re.compile(rf"\b(?:{_WORD}|and|&|an?|half|point|o|oh)\b", re.IGNORECASE)
_DIGIT_WORDS = {**UNITS, "o": 0, "oh": 0}  # after a point


@dataclass(frozen=True)
class Number:
    """One number of a run: ``run[start:end]`` reads ``value``."""

    start: int
    end: int
    value: float


def read(run: str) -> list[Number]:
    """The numbers a run of number words holds, in order."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(run)]
    found: list[Number] = []
    i = 0
    while i < len(tokens):
        number, i = _one(tokens, i)
        if number is not None:
            found.append(number)
    return found


def plainly_a_number(run: str) -> bool:
    """Is the run's first number plainly a number: written in several number words ("one
    hundred and twelve", "forty-one", "one point five") or with a scale ("a million")? A single
    word ("two") may refer to a thing."""
    numbers = read(run)
    if not numbers:
        return False
    words = [w.lower() for w in _TOKEN.findall(run[numbers[0].start : numbers[0].end])]
    if any(w.rstrip("s") in SCALES for w in words):
        return True
    return sum(w not in ("a", "an", "and", "&", "half") for w in words) > 1


# Scientific notation: "4e14", "1e-3", "2.48×10−5", "1.5 x 10^8" (a power of ten written
# after "×10", its superscript lost, as much copied text has it).
SCIENTIFIC = (
    r"\d+(?:\.\d+)?(?:[eE][-+−]?\d{1,3}|\s?[×x]\s?10(?:(?:\^|\*\*)[-+−]?|[-−])\d{1,3})(?![\d.])"
)
_POWER = re.compile(r"(?P<m>\d+(?:\.\d+)?)\s?(?:[eE]|[×x]\s?10(?:\^|\*\*)?)(?P<e>[-+−]?\d{1,3})$")


def number_value(number: str) -> float:
    """A number as written, in digits ("12,000", "12 000", "4e14") or words ("twelve
    thousand")."""
    if number[0].isdigit():
        power = _POWER.match(number)
        if power:
            return float(power["m"]) * 10.0 ** int(power["e"].replace("−", "-"))
        if re.fullmatch(r"\d{1,3},\d{1,2}", number):
            return float(number.replace(",", "."))  # "2,5 million": a decimal comma
        return float(re.sub(r"[,\s]", "", number))
    return value(number)


def value(run: str) -> float:
    """The value of the run's first number (0 when it holds none)."""
    numbers = read(run)
    return numbers[0].value if numbers else 0.0


class _State:
    def __init__(self) -> None:
        self.total = 0.0  # the groups closed by a scale ("two million" of "two million three")
        self.group = 0.0  # the part under a thousand
        self.last = ""  # the kind of the last word read
        self.scale = float("inf")  # the last scale read; the next must be smaller
        self.factor = 1.0  # "half a million": 0.5

    @property
    def value(self) -> float:
        return (self.total + self.group) * self.factor


def _one(tokens: list[tuple[int, int, str]], i: int) -> tuple[Number | None, int]:
    """The number starting at token ``i``, and the index past it."""
    state = _State()
    first = i
    end = i
    if tokens[i][2] == "half" and i + 1 < len(tokens) and tokens[i + 1][2] in ("a", "an"):
        state.factor, i = 0.5, i + 2  # "half a million"
    elif tokens[i][2] == "half":
        state.factor, i = 0.5, i + 1
    if i < len(tokens) and tokens[i][2] in ("a", "an"):
        state.last, i = "a", i + 1  # "a hundred and two", "a dozen"
    while i < len(tokens):
        step = _step(state, tokens, i)
        if step == 0:
            break
        i += step
        end = i
    if end == first or state.last in ("a", "and", ""):
        return None, max(first + 1, end)
    start, stop = tokens[first][0], tokens[end - 1][1]
    return Number(start, stop, state.value), end


def _step(state: _State, tokens: list[tuple[int, int, str]], i: int) -> int:
    """Read token ``i`` into the number if it continues it: how many tokens it took (0 if
    none)."""
    word, last = tokens[i][2], state.last
    opening = last in ("", "a", "and", "hundred", "scale")
    if word in UNITS and (opening or (last == "tens" and state.group % 10 == 0)):
        state.group += UNITS[word]
        state.last = "unit"
    elif word in TEENS and opening:
        state.group += TEENS[word]
        state.last = "teen"
    elif word in TENS and opening:
        state.group += TENS[word]
        state.last = "tens"
    elif word.startswith("hundred") and last in ("", "a", "unit", "teen", "tens"):
        if state.group >= 100 or (word == "hundreds" and last in ("", "a")):
            return 0  # "two hundred five hundred" is two numbers
        state.group = (state.group or 1) * 100
        state.last = "hundred"
    elif word.rstrip("s") in SCALES and last != "and":
        scale = SCALES[word.rstrip("s")]
        if scale >= state.scale or (word.endswith("s") and last in ("", "a")):
            return 0
        state.total += (state.group or 1) * scale
        state.group, state.scale, state.last = 0, scale, "scale"
    elif word == "dozen" and last in ("a", "unit", "teen", "tens"):
        state.group = (state.group or 1) * 12
        state.last = "dozen"
    elif word == "and" and last == "scale" and _half_after(tokens, i):
        state.total += 0.5 * state.scale  # "a million and a half"
        state.last = "half"
        return 3
    elif word in ("and", "&") and last in ("hundred", "scale"):
        if i + 1 >= len(tokens) or tokens[i + 1][2] not in {**UNITS, **TEENS, **TENS}:
            return 0
        state.last = "and"
    elif word == "and" and last in ("unit", "teen", "tens") and _half_after(tokens, i):
        return _and_a_half(state, tokens, i)
    elif word == "point" and last in ("unit", "teen", "tens", "hundred"):
        return _decimals(state, tokens, i)
    else:
        return 0
    return 1


def _decimals(state: _State, tokens: list[tuple[int, int, str]], i: int) -> int:
    """ "one point five", "two point three", "one point five million": the digits after a point,
    and a scale after them."""
    digits = ""
    j = i + 1
    while j < len(tokens) and tokens[j][2] in _DIGIT_WORDS:
        digits += str(_DIGIT_WORDS[tokens[j][2]])
        j += 1
    if not digits:
        return 0
    state.group += float(f"0.{digits}")
    following = tokens[j][2] if j < len(tokens) else ""
    if following.rstrip("s") in SCALES and SCALES[following.rstrip("s")] < state.scale:
        state.total += state.group * SCALES[following.rstrip("s")]
        state.group, j = 0, j + 1
    state.last = "point"
    return j - i


def _half_after(tokens: list[tuple[int, int, str]], i: int) -> bool:
    words = [t[2] for t in tokens[i + 1 : i + 3]]
    return words == ["a", "half"]


def _and_a_half(state: _State, tokens: list[tuple[int, int, str]], i: int) -> int:
    """ "two and a half", "two and a half million", "two and a half dozen"."""
    state.group += 0.5
    taken = 3
    following = tokens[i + 3][2] if i + 3 < len(tokens) else ""
    if following.rstrip("s") in SCALES:
        state.total += state.group * SCALES[following.rstrip("s")]
        state.group, taken = 0, 4
    elif following == "dozen":
        state.group *= 12
        taken = 4
    state.last = "half"
    return taken
