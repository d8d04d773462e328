"""The words that make an editor ask how a claim is sourced, for the gap rules to read.

Each pattern is one cue the rules in ``claimcheck.find.gaps`` look for: who is said to report,
hope or complain, which data is credited, which words judge or forecast.
"""

from __future__ import annotations

import re

from claimcheck.find.speakers import SOURCE_NOUNS
from claimcheck.read.verbs import SPEECH_VERBS

# Numbers credited to data a named body published: "figures from the industry body Apacs
# show", "research by Ovum suggests", "according to data from the Land Registry".
DATA_FROM = re.compile(
    r"\b(?P<data>figures|data|statistics|research|estimates|survey|study|poll|analysis)\s+"
    r"(?:(?:compiled|published|released|carried\s+out|commissioned)\s+)?(?:from|by)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?-i:[A-Z])[\w’'-]*",
    re.IGNORECASE,
)

# What the article states on someone's behalf without saying who told it: a hope or a fear
# ("Mr Glazer hopes this will lead to"), a duty ("the board is obliged to"), an absence
# ("there have been no sightings").
# What a trend can be a trend of: things counted or measured ("the growing popularity of
# weblogs"), not "growing pressure", "growing concerns" or "a growing party".
_MEASURED = (
    r"(?:popularity|use|usage|numbers?|demand|costs?|prices?|sales|shares?|debts?|deficits?|"
    r"unemployment|inflation|population|membership|spending|revenues?|profits?|losses|"
    r"traffic|audiences?|market|supply|imports|exports|rates?|levels?|waiting\s+lists?|"
    r"support|turnout|crime|violence|obesity|wealth|incomes?|wages|pay|bills|fees|output|"
    r"production|investment|trade|economy|industry|sector|business|workforce|emissions|"
    r"interest|appetite|reliance|dependence|gap|divide|majority|minority|lead|ranks)\b"
)

UNVOICED = (
    (
        re.compile(
            r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)(?<!\bin\s)\b(?P<cue>hopes|fears|"
            r"intends|expects)"
            r"\s+(?:to|that|this|the|it|a|an)\b",
            re.IGNORECASE,
        ),
        "reports a hope or an intention without saying who voiced it",
    ),
    (
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:legally\s+)?(?:obliged|required|compelled)\s+to\b",
            re.IGNORECASE,
        ),
        "states a duty without saying what rule imposes it or who says so",
    ),
    (
        re.compile(r"\bthere\s+(?:have|has|had)\s+been\s+no\s+[a-z]+", re.IGNORECASE),
        "states an absence without saying who reports it",
    ),
    (
        # "the growing popularity of weblogs", "prospects are improving"
        re.compile(
            rf"\b(?P<cue>(?:growing|soaring|booming|surging)\s+{_MEASURED}|increasingly\s+"
            r"(?:popular|common|expensive|costly|rare|scarce|frequent|widespread|affordable|"
            r"crowded|used|available)|(?:is|are)\s+"
            r"(?:improving|rising|falling|declining|growing|worsening)|on\s+the\s+rise|more\s+and"
            r"\s+more\s+[a-z]+)\b",
            re.IGNORECASE,
        ),
        "states a trend without the figures or the source behind it",
    ),
    (
        # "have lent their backing to", "have previously committed to sending troops"
        re.compile(
            r"\b(?:(?:lent|given|thrown)\s+(?:their|his|her|its)\s+(?:full\s+)?(?:backing|"
            r"support|weight)|(?:have|has|had)\s+(?:previously\s+|already\s+)?(?:committed|"
            r"pledged|promised|vowed)\s+to)\b",
            re.IGNORECASE,
        ),
        "states a commitment without saying who reports it",
    ),
)

# A word in marks as what something is, and no speaker to own it: 'take-up has been
# "disappointing"', 'described as "unworkable"'.
MARKED = re.compile(
    r"\b(?:is|are|was|were|been|be|seemed|looks?|remains?)\s+(?:\w+\s+)?[“\"‘]"
    r"(?P<word>[^”\"’“]{1,30}?)[”\"’]"
)

# Verbs by which the sentence gives the words in marks an owner: "opposes it as “…”".
OWNED = re.compile(
    rf"\b(?:{SPEECH_VERBS}|opposes|opposed|describes|described|calls|called|branded|dubbed|"
    r"labelled|labeled|regards|regarded|sees|saw|views|viewed|considers|considered|compared|"
    r"likened|accused|announcing|saying|calling|rated|rating|ruled|judged)\b",
    re.IGNORECASE,
)

# A speaker's clause joined on after the article's own: "… in England and ministers suggest".
THEIR_CLAUSE = re.compile(
    # not another answer to the same poll: "52 percent agreed …, while 73 percent said"
    rf"(?:;|\band\b|\bbut\b|\bwhile\b|\bwhereas\b)\s+(?!\d)(?:[\w’'-]+\s+){{1,4}}?"
    rf"(?:{SPEECH_VERBS})\b",
    re.IGNORECASE,
)

# Unnamed groups as actors or complainants: "UKIP officials began a process", "complaints from
# MPs of all parties".
UNNAMED_ACTORS = re.compile(
    # officials as the subject, not as whom someone persuades or meets
    r"(?:(?:^|(?<=, )|(?<=\bas )|(?<=\bwhen )|(?<=\bwhile )|(?<=\bafter )|(?<=\bbut )|"
    r"(?<=\band ))(?-i:[A-Z])[\w-]+\s+(?:officials|aides|insiders)\b"
    r"(?=\s+(?!(?:she|he|they|we|it)\b)[a-z]+\b)|\b(?:complaints|criticism|warnings|"
    r"accusations|calls|protests|objections)\s+from\s+(?:some\s+|many\s+|local\s+|senior\s+)?"
    rf"(?:{SOURCE_NOUNS}|residents|people|members|staff|workers|parents|fans|mps)\b)",
    re.IGNORECASE,
)

# What someone was given to understand, by whom it does not say: "we understand from the
# executive that", "the BBC understands that", "the paper has learned".
UNDERSTOOD = re.compile(
    r"\b(?:(?:we|i)\s+(?:understand|have\s+been\s+told|are\s+told|am\s+told)\s+from\s+"
    r"(?:the\s+|a\s+)?[\w’'-]+(?:\s+(?!that\b)[\w’'-]+){0,3}|(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])"
    r"\w*)?\s+(?:understands|has\s+learned|has\s+learnt)(?=\s+that\b))",
    re.IGNORECASE,
)

# Worries nobody is said to have: "there are growing worries about", "there have been fears".
WORRIES = re.compile(
    r"\bthere\s+(?:(?:are|were|is|was|remain|have\s+been|has\s+been)\s+)?(?:(?:growing|"
    r"mounting|widespread|serious|some|renewed|increasing)\s+)?(?P<what>worries|concerns|fears|"
    r"doubts)\b(?!\s+(?:\w+\s+)?(?:among|from|by|of)\b)",
    re.IGNORECASE,
)

# News that nobody is said to report or expect: "it is hoped", "it emerged", "those reported
# to have", "7.9% growth expected in 2004".
REPORTED = re.compile(
    r"\b(?:it\s+(?:is|was|has\s+been|had\s+been)\s+(?:hoped|estimated|suggested|rumoured|"
    r"rumored|assumed|reported|claimed|alleged)|it\s+(?:has\s+|had\s+)?emerged|"
    r"reported\s+to\s+(?:have|be)|(?:growth|inflation|rise|fall|increase|decline|losses|"
    r"profits?)\s+(?:expected|forecast|predicted|projected)\s+(?:in|for|this|next)|"
    # criticism from nobody in particular: "has been widely criticised", "came under fire"
    r"(?:has|have|had)\s+been\s+(?:widely\s+|heavily\s+|strongly\s+|roundly\s+)?(?:criticised|"
    r"criticized|condemned|attacked|blamed)|(?:came|come|comes|coming)\s+under\s+(?:fire|"
    r"criticism|attack)|(?:faced?|faces|facing)\s+(?:criticism|calls))"
    r"\b(?![^.]{0,40}\b(?:by|from)\s+(?:the\s+)?(?-i:[A-Z]))",
    re.IGNORECASE,
)

# A part played, left unsaid: "may have had some role in", "some kind of involvement".
SOME_ROLE = re.compile(
    r"\bsome\s+(?:sort\s+of\s+|kind\s+of\s+|form\s+of\s+)?(?:role|part|involvement|"
    r"influence|say(?=\s+(?:in|over|on)\b)|input|responsibility)\b"
    r"(?!\s+of\s+(?:the|its|their|his|her)\b)",
    re.IGNORECASE,
)

# An organisation as the speaker of a quote the article does not say how it got: "…, it has
# confirmed."
IT_SAID = re.compile(
    r"\bit\s+(?:has\s+|had\s+)?(?:said|confirmed|announced|stated)\s*[.,]", re.IGNORECASE
)

SAID = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)

# Words that judge or forecast, flagged in the article's own voice: "remarkable change",
# "dominated by rancour", "is likely to be welcomed", "is certain to come down hard".
OWN_JUDGEMENT = re.compile(
    r"\b(?:iconic|remarkable|remarkably|rancour|rancor|acrimon(?:y|ious)|fiasco|debacle|"
    r"shambles|draconian|notorious|infamous|staggering|whopping|spectacular|stunning|"
    r"disastrous|catastrophic|devastat(?:ed|ing)|dizzyingly|(?:is|are|was|were)\s+(?:almost\s+)?"
    r"(?:likely|certain|sure|bound)\s+to|"
    # what someone felt or meant, inferred: "his aim seemed to be", "fuelled apparently by"
    r"(?:seem|seemed|seems|appear|appeared|appears)\s+to|apparently|evidently|ostensibly|"
    # how much an event counts: "a modest boost for", "a huge barrier", "a major blow"
    r"an?\s+(?:huge|major|modest|big|massive|significant|serious|severe|crushing|stinging|"
    r"welcome|rare|key|crucial)\s+(?:boost|blow|setback|victory|win|defeat|barrier|obstacle|"
    r"hurdle|step|rebuke|embarrassment|coup)|"
    # a sweeping verdict on a crowd: "virtually no one is impressed"
    r"(?:virtually|almost|practically)\s+(?:no\s+one|nobody|everyone|everybody)|"
    # controversy as the article's verdict: "controversy dogged the convention"
    r"(?:mired|embroiled)\s+in\s+controversy|(?:dogged|plagued|beset|marred)\s+by\s+"
    r"controversy|controversy\s+(?:has\s+)?(?:dogged|engulfed|plagued)|"
    # a forecast: "it's likely that the deal", "may eventually embrace"
    r"it(?:[’']s|\s+is|\s+was|\s+seems)\s+(?:(?:very|highly|quite)\s+)?likely\s+that|"
    r"(?:may|might|could|will|would)\s+(?:eventually|ultimately|one\s+day|someday)\s+[a-z]+)\b",
    re.IGNORECASE,
)

# A plan announced, a verb and not the noun: "they also plan a supremo", "intend to close",
# "will launch"; the word before tells the noun ("suspended plans to", "its plans to").
PLAN = re.compile(
    r"(?P<before>[\w’'-]+)\s+(?P<cue>(?:also\s+)?(?:plans?|intends?)\s+(?:to|a|an)\b|"
    r"will\s+(?:launch|introduce|open|close|build|unveil|roll\s+out|set\s+up|scrap|abolish)\b)",
    re.IGNORECASE,
)
NOT_PLANNERS = frozenset(
    """the a an its their his her our your my of with for new suspended announced unveiled
    dropped scrapped shelved who that which has have had unveil announce outline detail
    publish present propose drop scrap shelve best no any own detailed back made make making
    """.split()
)


# The sentence before has its subject voice it: "Clinton laid out her proposals. She wants to".
VOICED_BEFORE = re.compile(
    r"\b(?:(?:laid|set|spelled|spelt)\s+out|outlined|unveiled)\s+(?:his|her|their|its)\s+"
    r"(?:\w+\s+)?(?:proposals|plans?|policies|agenda|vision)\b",
    re.IGNORECASE,
)


# A wish supposed, not reported: "unless it wants to release all its investigations".
IF_SO = re.compile(r"\b(?:unless|if|whether)\s+[\w’'-]+\s+$", re.IGNORECASE)


# The owner named after the words: "are “safe” in his eyes".
IN_THEIR_EYES = re.compile(
    r"\s+(?:in|to)\s+(?:his|her|their|its)\s+(?:eyes|view|words|mind|opinion)\b", re.I
)


# A number someone aims to reach, not a crowd someone counted: "wants to sign up 5 million".
TARGET = re.compile(
    r"\bto\s+(?:sign\s+up|recruit|reach|hire|enrol|enroll|train|register|vaccinate|attract|"
    r"create|lift|help|insure|house)\s+(?:an?\s+(?:extra|further|additional)\s+|another\s+)?$",
    re.IGNORECASE,
)


# A plan its holder is reported to state ("Scott said he plans to", "voters say they plan to"):
# their own word on their intent, with no timetable to ask for.
OWN_PLAN = re.compile(rf"\b(?:{SPEECH_VERBS})\s+(?:that\s+)?(?:he|she|they|we|it)$", re.I)


# Charges nobody brought: "has not been charged with", "neither … nor … have been charged".
NOT_CHARGED = re.compile(r"\b(?:not|never|neither|nor|no\s+one|nobody)\b", re.IGNORECASE)
