"""No claim is a piece of a sentence: every claim's text is a statement that stands alone.

The detector is written here, from issue 13's definition, and not imported from the package: it
is the yardstick the rules are measured by. A claim's text is a fragment when

- outside quotation marks, it ends on a word that needs more after it ("… labelled as a.");
- it starts with a reporting verb, a relative word or a conjunction ("Said Avery Shenfeld, …",
  "Which …", "And have been unreliable …");
- it starts with a lowercase letter;
- it is an adverbial with no clause after it ("For suggesting such peace-keeping forces.");
- it is only an attribution ("Super PAC spokeswoman Kellyanne Conway said.");
- it has fewer than four words.

Run as a script, it counts the fragments the rules engine gives over folders of articles:

    python tests/test_fragments.py [FOLDER ...]   # default: examples/articles, PolNeAR dev, train
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
POLNEAR = ROOT.parent / "shared" / "polnear"

# Words after which an English statement cannot stop: articles, conjunctions, prepositions that
# take an object, auxiliaries and possessives.
_NEEDS_MORE = frozenset(
    """a an the and or nor but to of as with by from than very for into onto upon about at
    whether if because although whereas be is are was were been being would will could
    should must can shall might his their its my our your whose such""".split()
)
# Words a statement cannot open with: reporting verbs, relative words, conjunctions.
_CANNOT_OPEN = frozenset(
    """said says say told tells added adds saying adding stated claimed noted
    explained argued warned insisted replied continued wrote which who whom whose whereby and
    but or nor would""".split()
)
# "To" and "of" open a statement only before a comma and its main clause ("Of these, 83% …").
_OPENS_PHRASE = frozenset("to of".split())
# A preposition may end a statement after the verb it belongs to ("was being looked at", "the
# privilege to work with"); never "to", "of", "as", "than" or "by".
_STRANDED = frozenset("with at about for from on into upon".split())
_IRREGULAR = frozenset("met dealt spoke fought sat stood thought went came got put ran".split())
# An auxiliary may end a statement whose verb it stands for after a comparison or a question
# word ("than Clinton is", "who he was", "if she could"); "will" after "their" is a noun.
_AUXILIARY = frozenset("be is are was were been being will would could can should must".split())
_ELLIPSIS = re.compile(
    r"\b(?:than|as|who|whom|what|how|where|whoever|whatever|however|if|though|although|"
    r"which|whether)\b(?:\W+\w+){1,6}\W*$",
    re.IGNORECASE,
)
_REPORTING = (
    r"said|says|say|told|tells|added|adds|stated|claimed|noted|explained|argued|warned|"
    r"insisted|replied|continued|wrote|writes|announced|suggested|confirmed"
)
# What a clause needs to be more than a speaker: a finite verb other than the reporting one.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did|"
    r"do|\w+ed|rose|fell|grew|won|lost|made|took|went|came|gave|got|paid|sold|bought|left|held|"
    r"kept|met|ran|saw|set|spent|stood|thought|found|brought|began|became|cut|hit|led|put|"
    r"sent|sought|spoke|knew|struck|\w+n[’']t)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    rf"^(?P<who>[^;:]+?)\s+(?:(?:has|had|have)\s+)?(?:{_REPORTING})"
    r"(?:\s+(?:reporters|journalists|him|her|them|today|yesterday|earlier|later|\w+ly))*"
    r"(?P<adjunct>\s+(?:in|on|at|during|after|before|while|when|without|following|from)\b.*)?$"
    rf"|^according\s+to\s+[^,;:]+$",
    re.IGNORECASE,
)
# An adjunct after the reporting verb that says what was said: "said in a statement that …".
_SAYS_SOMETHING = re.compile(
    r"\b(?:that|would|will|is|are|was|were|has|have|had|could|should|must|can)\b", re.I
)
_ADVERBIAL = re.compile(r"^(?:for|by|after|before|without|while|in|on)\s+\w+ing\b[^,;:]*$", re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_QUOTED = re.compile(r"''(?:(?!'').)*(?:''|$)|“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?![a-z])")
_PRONOUN = re.compile(r"\b(?:he|she|it|they|we|i|you)\b", re.IGNORECASE)


def fragment_reason(text: str) -> str | None:
    """Why the claim's text is a fragment, or None when it is a statement that stands alone."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return "fewer than four words"
    # A text opening with a quotation opens with the speaker's words, which may start anyhow.
    if not text.strip().startswith(("“", '"', "‘", "'")):
        if text.strip().lstrip("([—–- ")[:1].islower():
            return "starts with a lowercase letter"
        if words[0].casefold() in _CANNOT_OPEN or (
            words[0].casefold() in _OPENS_PHRASE and "," not in text
        ):
            return f"starts with “{words[0]}”"
    body = text.strip().rstrip(" .!?,;:")
    if _ADVERBIAL.match(body):
        return "an adverbial with no clause"
    # A text ending inside a quotation may stop anywhere: the speaker's words.
    if not body.endswith(("”", '"', "’", "'")):
        *_, before, last = ["", "", *_WORD.findall(body)]
        if last.casefold() in _NEEDS_MORE and not _stands(before, last, body):
            return f"ends on “{last}”"
    outside = _QUOTED.sub(" ", body).strip(" ,")
    attribution = _ATTRIBUTION.match(outside)
    if attribution and not _QUOTED.search(body) and _only_speaker(attribution):
        return "only an attribution"
    return None


def _stands(before: str, last: str, body: str) -> bool:
    """Can the statement end on ``last`` after all?"""
    word = last.casefold()
    if word in _STRANDED:  # "was being looked at", "the privilege to work with"
        verb = before.casefold().endswith(("ed", "en", "ing")) or before.casefold() in _IRREGULAR
        return verb or bool(re.search(rf"\bto\s+{re.escape(before)}\s+{last}$", body))
    if word == "will" and before.casefold() in ("their", "his", "her", "its", "my", "at", "free"):
        return True  # the noun
    return word in _AUXILIARY and bool(_ELLIPSIS.search(body))


def _only_speaker(attribution: re.Match[str]) -> bool:
    """The words before the reporting verb name a speaker and say nothing themselves: not
    "He operates on a different principle, Jay DiPietro said"."""
    who = attribution.group("who") or ""
    adjunct = attribution.group("adjunct") or ""
    if _FINITE.search(who) or _SAYS_SOMETHING.search(adjunct) or len(adjunct.split()) > 12:
        return False
    first = who.split(",")[0]
    return not ("," in who and len(first.split()) > 1 and _PRONOUN.search(first))


def is_fragment(text: str) -> bool:
    return fragment_reason(text) is not None


# ------------------------------------------------------------------ the yardstick, on its own


@pytest.mark.parametrize(
    "text",
    [
        # issue 13's examples, as the rules engine printed them before
        "European leaders, Trump suggested.",
        "Directly criticizing the United Kingdom and.",
        "For suggesting such peace-keeping forces.",
        "The President said in reference to the European allies he later met with.",
        "Said Avery Shenfeld, senior economist at CIBC World Markets.",
        "The US economy appeared to be.",
        "Said Yukos spokesman Alexander Shadrin.",
        "Taken together, the measures would create a.",
        "The MEP said he was ashamed to have joined the party, which he labelled as a.",
        "Would be driven into the hands of extremists.",
        "Super PAC spokeswoman Kellyanne Conway said.",
        "He has also suggested the American people should deliver a.",
        "And have been unreliable in past races.",
        "hong Kong, was also in the running.",
        "Trump replied.",
        "Avery Shenfeld, senior economist at CIBC World Markets, said.",
        "According to the Federal Reserve Bank of New York.",
        "To question whether the legislation was necessary.",
        "The organisation said in a statement.",
        "He ruled out free personal care, saying it was.",
        "This was because there were more women who were not prepared to.",
        "The Welsh Assembly Government said the situation was.",
        "Bush speechwriter Noam Neusner wrote in a column this month in the Forward.",
    ],
)
def test_the_detector_finds_the_fragments_the_issue_lists(text: str) -> None:
    assert is_fragment(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Kilroy-Silk said he was ashamed to have joined the party, which he labelled as a “joke”.",
        "Nicola Sturgeon said questions must be answered about the release.",
        "Donald Trump said: “wrap it up.”",
        "The Kremlin issued a statement following Trump’s call with Putin.",
        "Growth is strong, Conway said.",
        "“We will give them very good protection, very good security,” Trump told reporters.",
        "Prices rose by 4% in the year to March, the Office for National Statistics said.",
        "The article quotes, without saying who said it: “a man of the people and”",
        "Of these, 83% were happy with the experience.",
        "To mark the anniversary, Rob Partridge remembers the man behind the legend.",
        "According to Tass news agency, Gazprom did not make a single bid.",
        "Bob was one of the most mesmeric people I've ever had the privilege to work with.",
        "Sir John Bourn said a new compensation scheme was now being looked at.",
        # from PolNeAR's train split: ellipsis, a clause before its speaker, NYT's '' marks
        "Sanders is viewed more positively by Republicans than Clinton is.",
        "She would do things differently if she could.",
        "He operates on a different principle, Jay DiPietro said.",
        "''Get a sense of that distinction,'' he said.",
        "They cannot be returned against their will.",
    ],
)
def test_the_detector_passes_whole_statements(text: str) -> None:
    assert fragment_reason(text) is None


# ------------------------------------------------------------------------------- the floors


def fragments(folder: Path) -> tuple[list[tuple[str, str, str]], int]:
    """(article, reason, text) for every fragment the rules engine gives, and the claim count."""
    found: list[tuple[str, str, str]] = []
    claims = 0
    with claimcheck.Checker(engine="rules") as checker:
        for path in sorted(folder.glob("*.txt")):
            report = checker.check(path.read_text(encoding="utf-8"), source=path.name)
            claims += len(report.claims)
            for claim in report.claims:
                reason = fragment_reason(claim.text)
                if reason is not None:
                    found.append((path.stem, reason, claim.text))
    return found, claims


def _listed(found: Iterable[tuple[str, str, str]]) -> str:
    return "\n".join(f"{name}: {reason}: {text}" for name, reason, text in found)


def test_no_claim_of_the_example_articles_is_a_fragment() -> None:
    found, claims = fragments(EXAMPLES)
    assert claims > 500
    assert not found, f"{len(found)} of {claims} claims are fragments:\n{_listed(found)}"


@pytest.mark.skipif(
    not (POLNEAR / "dev").is_dir(),
    reason="PolNeAR's dev split is not at ../shared/polnear/dev (see benchmarks/polnear.py)",
)
def test_at_most_one_claim_in_a_hundred_is_a_fragment_on_polnear_dev() -> None:
    found, claims = fragments(POLNEAR / "dev")
    assert len(found) <= 0.01 * claims, (
        f"{len(found)} of {claims} claims are fragments:\n{_listed(found[:30])}"
    )


def main(folders: list[str]) -> int:
    paths = [Path(f) for f in folders] or [EXAMPLES, POLNEAR / "dev", POLNEAR / "train"]
    for folder in paths:
        if not folder.is_dir():
            print(f"{folder}: not found", file=sys.stderr)
            continue
        found, claims = fragments(folder)
        share = len(found) / claims if claims else 0.0
        print(f"{folder}: {len(found)} fragments of {claims} claims ({share:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
