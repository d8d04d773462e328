"""The verbs that report speech, shared by the sentence splitter and the speaker cues."""

# Verbs that report speech. "called" is left out: it names as often as it quotes (see
# claimcheck.find.quotations, which tells "X called Y “…”" from "a show called “…”").
# Words that are nouns as often as verbs ("tweets", "remarks", "questions") come only in the
# forms that are verbs ("tweeted", "remarked", "questioned").
# "states" is a noun after a determiner or an adjective of place: "many Asian states",
# "the United States", "swing states"; a verb after a subject: "the report states".
_STATES_NOUN_BEFORE = """the The many some all both other these those several few most member
    swing key early battleground southern northern western eastern red blue neighbouring
    neighboring Asian African European American Arab Gulf Baltic Balkan Nordic Southern
    Northern Western Eastern Midwestern United Member Pacific Caribbean German Mexican two
    three four five six seven eight nine ten eleven twelve fifty""".split()
_STATES_VERB = "states" + "".join(
    [*(rf"(?<!\b{w}\sstates)" for w in _STATES_NOUN_BEFORE), r"(?<!\d\sstates)"]
)  # the look-behinds run only where "states" has matched

SPEECH_VERBS = (
    r"said|says|say|told|tells|tell|added|adds|continued|continues|replied|replies|explained|"
    r"explains|warned|warns|argued|argues|insisted|insists|claimed|claims|stated|"
    rf"{_STATES_VERB}|"
    r"announced|announces|declared|declares|noted|notes|suggested|suggests|admitted|admits|"
    r"acknowledged|acknowledges|conceded|concedes|stressed|urged|urges|confirmed|confirms|"
    r"denied|denies|predicted|predicts|forecast|believes|believed|thinks|recalled|recalls|"
    r"remembered|wrote|writes|asked|asks|jeered|described|describes|labelled|labeled|branded|"
    r"rejected|rejects|promised|pledged|vowed|maintained|maintains|revealed|reported|reports|"
    r"estimated|estimates|accused|accuses|criticized|criticised|observes|observed|queried|"
    r"complained|complains|ruled\s+out|pointed\s+out|points\s+out|tweeted|posted|emailed|"
    r"texted|questioned|responded|responds|answered|charged|joked|jokes|quipped|quips|"
    r"shouted|yelled|chanted|exclaimed|remarked|commented|testified|alleged|alleges|asserted|"
    r"asserts|contended|contends|emphasized|emphasised|emphasizes|cautioned|cautions|"
    r"countered|counters|retorted|snapped|scoffed|boasted|boasts|bragged|brags|lamented|"
    r"laments|mocked|touted|touts|echoed|wondered|speculated|mused|protested|objected|"
    r"interjected|opined|reasoned|reiterated|reiterates|repeated|reminded|reassured|"
    r"whispered|muttered|pleaded|demanded|confided|advised|assured|assures|concluded|"
    r"concludes|decried|decries|derided|blasted|slammed|recounted|recounts|reflected|"
    r"characterized|characterised|characterizes|defended|defends|dismissed|dismisses|"
    r"referred\s+to|refers\s+to|referring\s+to|bemoaned|predicting|promising|credited|"
    r"mentioned|mentions|portrayed|portrays|portraying|blamed|blames|praised|praises|"
    r"touting|mocking|slamming|blasting|lamenting|hailed|hails|"
    r"argue|insist|warn|suggest|explain|admit|deny|predict|acknowledge|contend|maintain|"
    r"assert|complain|concede|urge|respond|reply|write|ask|caution|allege|"
    r"note(?=\s+that\b)|"  # "Advocacy groups note that …"; not "a note from …"
    r"proposed|proposes|reacted|vented|barked|beamed|blogged|gushed|thundered|proclaimed|"
    r"proclaims|exhorted|implored|"
    r"fired\s+back|shot\s+back|went\s+on\s+to\s+say|put\s+it|"
    r"saying|adding|telling|insisting|warning|arguing|noting|describing|accusing|explaining|"
    r"tweeting|writing|asking|responding|replying|declaring|claiming|predicting|"
    r"suggesting|promising|vowing|pledging|urging|denying|admitting|acknowledging|"
    r"yelling|shouting|joking|quipping|boasting|bragging|complaining|recalling|stressing|"
    r"countering|chanting|exclaiming|remarking|"
    r"insistence|did\s+say|does\s+say"
)
