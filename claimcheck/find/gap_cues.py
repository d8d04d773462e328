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

# Groups, beside the sources of SOURCE_NOUNS, that name none of their members: "Verizon
# executives", "Republican supporters", "civil rights groups".
GROUPS = (
    r"executives|supporters|members|workers|employees|staffers|leaders|lawmakers|legislators|"
    r"activists|protesters|opponents|advocates|allies|donors|strategists|operatives|advisers|"
    r"advisors|negotiators|prosecutors|regulators|academics|scholars|groups"
)

# Unnamed groups as actors or complainants: "UKIP officials began a process", "complaints from
# MPs of all parties".

UNNAMED_ACTORS = re.compile(
    # officials as the subject, not as whom someone persuades or meets
    r"(?:(?:^|(?<=, )|(?<=\bas )|(?<=\bwhen )|(?<=\bwhile )|(?<=\bafter )|(?<=\bbut )|"
    r"(?<=\band ))(?-i:[A-Z])[\w-]+\s+(?:officials|aides|insiders|executives)\b"
    r"(?=\s+(?!(?:she|he|they|we|it)\b)[a-z]+\b)|\b(?:complaints|criticism|warnings|"
    r"accusations|calls|protests|objections)\s+from\s+(?:some\s+|many\s+|local\s+|senior\s+)?"
    rf"(?:{SOURCE_NOUNS}|residents|people|members|staff|workers|parents|fans|mps)\b|"
    # a feeling credited to a crowd: "concerns among intelligence experts", "to the chagrin of
    # human rights groups"
    r"\b(?:(?:concerns?|alarm|anger|outrage|criticism|fears|worries|unease|dismay|disquiet)\s+"
    r"among|to\s+the\s+(?:chagrin|dismay|delight|anger|frustration|relief|surprise|annoyance|"
    r"irritation|alarm)\s+of)\s+(?:some\s+|many\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:{SOURCE_NOUNS}|{GROUPS})\b)",
    re.IGNORECASE,
)

# A feeling the article credits to a group as fact, nobody in it named or quoted: "Republicans
# who back the plan were irritated by", "Residents are furious about".
FELT = re.compile(
    r"(?:^|(?<=, )|(?<=\band )|(?<=\bbut ))(?:(?:some|many|most|several|other)\s+)?"
    r"(?:[\w-]+\s+){0,2}?"
    rf"(?:{SOURCE_NOUNS}|{GROUPS}|residents|parents|fans|voters|republicans|democrats)\b"
    r"(?:\s+who\s+[^,.;]{0,60}?)?\s+(?:were|are|have\s+been|had\s+been|remain|remained)\s+"
    r"(?:(?:also|still|clearly|visibly|increasingly|deeply|particularly|especially)\s+)?"
    r"(?:irritated|angry|furious|frustrated|upset|unhappy|pleased|delighted|worried|concerned|"
    r"alarmed|outraged|dismayed|disappointed|relieved|sceptical|skeptical|wary|nervous|uneasy)\b",
    re.IGNORECASE,
)

# A speaker that is a group with nobody in it named: "Republican supporters", "company
# executives" (its last word, lower case).
GROUP_SPEAKER = re.compile(
    rf"^(?:(?:the|some|many|several)\s+)?(?:[\w-]+\s+){{0,3}}(?-i:{GROUPS})$"
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


# Views with no agent: "has been seen as", "it is believed", "is considered the largest".
PASSIVE = re.compile(
    r"\b(?:(?:has|have|had)\s+been\s+(?:seen|viewed|regarded|described|criticised|criticized|"
    r"blamed|called|considered)\s+as|it\s+is\s+(?:believed|thought|understood|said|feared|"
    r"expected|claimed|reported|alleged)|(?:is|are|was|were)\s+(?:believed|thought|said|"
    r"understood|reported|alleged|feared|expected|tipped|estimated|widely\s+\w+)\s+to|"
    r"(?:is|are|was|were)\s+widely\s+(?:seen|viewed|regarded|considered)|"
    # "he has been linked with", "is rumoured to", "thought likely to be", "often thought of"
    r"(?:has|have|had)\s+been\s+(?:linked|tipped|touted|rumoured|rumored)|"
    r"(?:is|are|was|were)\s+(?:linked|rumoured|rumored|touted)\s+(?:with|to)|"
    r"thought\s+(?:un)?likely\s+to|(?:often|widely|generally|commonly)\s+(?:thought|seen|"
    r"regarded|considered|viewed)\s+(?:of|as)|widely\s+(?:anticipated|expected|predicted|"
    r"tipped|reported|believed)|(?:was|were)\s+told|"
    # "is considered one of the largest", "who are deemed too dangerous", "Considered toxic",
    # but not "is being considered" or "was considered for the post": under review, no view;
    # nor "the chance to be considered": a hope
    r"(?:(?:is|are|was|were|(?<!\bto\s)be|been)\s+(?:(?:long|widely|generally|often|still|"
    r"once|now|also|largely|already)\s+)?|^)(?:considered|deemed)"
    r"(?=\s+(?!(?:for|by|in|at|on|and|or|but|before|after|during|when|while|under|"
    r"with)\b)[a-z]))"
    r"\b(?![^.]{0,40}\bby\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)


# The last word of a paper's or an agency's name: "The New York Times", "Reuters".
_PAPERS = "Times|Post|Journal|Guardian|Telegraph|Herald|Tribune|Chronicle|Gazette|Reuters|Bloomberg"

# Documents referred to and not given: a statement, a report, charges, records, an outlet's
# report; each kind of document is a named group the rule reads.
DOCUMENT = re.compile(
    r"\b(?:issued|released|published|according\s+to|in)\s+(?:a|an|the|its|their|his|her)\s+"
    r"(?:\w+\s+){0,2}?(?P<doc>statement|report|study|survey|poll|letter|memo|review|"
    r"analysis|document|filing|ruling|figures|data|research|paper|audit|inquiry)\b|"
    # "a new study shows", "the newspaper reported", "under the mental health legislation",
    # "Fifa regulations allow", "a formal complaint to"
    r"\b(?:a|an|the)\s+(?:new|recent|latest|\w+)?\s*(?P<finding>study|report|survey|poll|"
    r"review|audit|inquiry)\s+(?:shows|showed|found|finds|says|said|suggests|suggested|"
    r"reveals|revealed)\b|"
    r"\bthe\s+(?P<paper>newspaper|paper|magazine)\s+(?:reported|said|says)\b|"
    r"\bunder\s+the\s+(?:[\w-]+\s+){0,3}?(?P<law>legislation|law|act|rules|regulations)\b|"
    r"\b(?-i:[A-Z])\w*\s+(?P<rules>regulations|rules)\s+(?:allow|require|say|state|prevent|forbid)|"
    r"\bformal\s+(?P<complaint>complaint)\b|"
    # remarks referred to, not given: "a rebuttal of a warning from Commissioner Peter Mandelson"
    r"\b(?:a|an|his|her|their)\s+(?:recent\s+|earlier\s+|latest\s+)?(?P<remarks>warning|speech|"
    r"remarks|article)\s+(?:from|by)\s+(?!\w+ing\b)(?:the\s+)?(?:[\w-]+\s+){0,4}?(?-i:[A-Z])\w*"
    r"(?:\s+(?-i:[A-Z])[\w-]*)*|"
    # charges brought: "accused him of a string of crimes", "was charged with"
    r"\baccused\s+(?:[\w’'-]+\s+){1,4}?of\s+(?:a\s+(?:string|series|number)\s+of\s+|several\s+)?"
    r"(?P<charges>crimes|offences|offenses|charges)\b|"
    r"\b(?P<charged>charged)\s+with\b|"
    # "was charged in the United States in 2014", "has been indicted"; not "charged £50"
    r"\b(?:(?:was|were|been|is|are|be)\s+(?:formally\s+)?(?P<charged_in>charged)(?=\s+(?:in|"
    r"on|over|after|last|this|and|by)\b|[.,;])|(?P<indicted>indicted))\b|"
    # "according to court documents", "according to public records"
    r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?P<records>documents|records|"
    r"filings|papers|transcripts)\b|"
    # "official figures show", "figures released on Tuesday showed", "a survey of 1,500 drivers"
    r"\b(?P<shown>figures|data|statistics|estimates)\s+(?:(?:released|published|issued|out)\s+"
    r"(?:[\w-]+\s+){0,3}?)?(?:show|shows|showed|shown|suggest|suggests|suggested|reveal|"
    r"reveals|revealed|indicate|indicates|indicated)\b|"
    r"\b(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?(?P<surveyof>survey|poll|study)\s+of\b|"
    r"\b(?:on|in)\s+(?:its|their|his|her)\s+(?P<site>website|web\s+site|blog)\b|"
    # "a report by a government watchdog", "the study from the university"
    r"\b(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+)?(?P<by>report|study|survey|review|audit)"
    r"\s+(?:by|from)\s+(?:a|an|the)(?:\s+[\w-]+){1,2}|"
    # "a consultation paper", "the white paper"
    r"\b(?:consultation|green|white|policy|discussion|research|briefing)\s+(?P<white>paper)\b|"
    # "according to the Financial Times", "the Wall Street Journal reported": a report
    r"\baccording\s+to\s+(?:the\s+)?(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*)*\s+"
    rf"(?P<outlet>(?-i:{_PAPERS}|Mail|Express|Independent|Observer|Economist|Standard))\b|"
    # "The New York Times later reported that": the outlet's report
    rf"\b(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*)*\s+(?P<reported>(?-i:{_PAPERS}))\s+"
    r"(?:(?:later|first|also|"
    r"previously|has|had|was)\s+)?(?:reported|revealed|disclosed|reporting)\b",
    re.IGNORECASE,
)


# Unnamed sources speaking inside a claim someone named is credited with: "a strike that company
# executives said could hurt earnings, according to the Labor Department".
UNNAMED_BESIDE = re.compile(
    r"\b(?<!’s\s)(?<!'s\s)(?:(?:the|a|an|another)\s+)?(?:(?:some|many|several|other|senior|"
    r"unnamed|anonymous|company|party|"
    r"campaign|government|administration|industry|military|intelligence|federal|state|local)\s+)?"
    # people, not the polls, reports or media SOURCE_NOUNS also holds ("when the poll asked")
    r"(?-i:officials|sources?|analysts|economists|experts|observers|insiders|critics|diplomats|"
    r"aides|spokes(?:man|woman|person|people|men|women)|investigators|executives|ministers|"
    r"campaigners|witnesses|lawyers|residents)"
    rf"(?=\s+(?:{SPEECH_VERBS})\b)",
    re.IGNORECASE,
)
