"""Who the article names, and the speaker field as people write it: a name, no title."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.find.analysis import analyse
from claimcheck.find.names import strip_titles
from claimcheck.read.structure import Article


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Massachusetts Sen. Elizabeth Warren", "Elizabeth Warren"),
        ("Oversight Chairman Jason Chaffetz", "Jason Chaffetz"),
        ("Assistant Attorney General Peter Kadzik", "Peter Kadzik"),
        ("Lib Dem leader Charles Kennedy", "Charles Kennedy"),
        ("Bank of England Governor Mervyn King", "Mervyn King"),
        ("Democratic Rep. Elijah Cummings", "Elijah Cummings"),
        ("Mayor Bill de Blasio", "Bill de Blasio"),
        # Bodies and plain names keep their words.
        ("the Welsh Assembly Government", "the Welsh Assembly Government"),
        ("Standard Chartered", "Standard Chartered"),
        ("Mervyn King", "Mervyn King"),
    ],
)
def test_a_title_before_a_name_comes_off_whatever_qualifies_it(written: str, name: str) -> None:
    assert strip_titles(written) == name


def test_two_people_with_one_surname_stay_two_people() -> None:
    text = (
        "Donald Trump unveiled a childcare plan on Tuesday. Ivanka Trump, his eldest daughter, "
        "said the plan would help working mothers."
    )
    names = analyse(Article(text)).names
    assert names.fullest_name("Ivanka Trump") == "Ivanka Trump"
    assert names.fullest_name("Trump") == "Donald Trump"  # the surname alone: the first named


def test_a_surname_alone_is_its_person_not_a_place_named_after_them() -> None:
    text = (
        "Donald Trump spoke at the Trump Plaza Hotel on Monday. Later, Trump said the casino "
        "had been a success."
    )
    names = analyse(Article(text)).names
    assert names.fullest_name("Trump") == "Donald Trump"


def test_a_titled_speaker_is_reported_without_the_title() -> None:
    text = (
        "Senators questioned the bank's chief executive on Tuesday.\n\n"
        "“You should resign,” Massachusetts Sen. Elizabeth Warren said.\n\n"
        "Ivanka Trump said the plan would not cover fathers."
    )
    speakers = {c.speaker for c in claimcheck.check(text, engine="rules").claims}
    assert "Elizabeth Warren" in speakers and "Ivanka Trump" in speakers
    assert not any(s and ("Sen." in s or s == "Donald Trump") for s in speakers)


JOINT = """Lawmakers demand bank records

“This was fraud, plain and simple,” Elijah Cummings and John Conyers said in a joint statement.

Sens. Ron Wyden, Mark Udall and Martin Heinrich said the program must end.

The Home Office says the fee is undecided. The union said its members would strike.

The Man Utd supporters club urged the club to reject the deal.
"""


@pytest.fixture(scope="module")
def joint_report() -> claimcheck.Report:
    return claimcheck.check(JOINT, engine="rules")


def speaker_of(report: claimcheck.Report, words: str) -> str | None:
    (found,) = [c for c in report.claims if words in c.excerpt]
    return found.speaker


def test_a_quote_two_people_give_together_is_theirs_and_one_claim(joint_report) -> None:
    quotes = [c for c in joint_report.claims if "plain and simple" in c.excerpt]
    assert [(q.kind, q.speaker) for q in quotes] == [("quote", "Elijah Cummings and John Conyers")]
    assert quotes[0].text.endswith("said in a joint statement.")


def test_senators_named_together_speak_together_without_their_title(joint_report) -> None:
    speaker = speaker_of(joint_report, "the program must end")
    assert speaker == "Ron Wyden, Mark Udall and Martin Heinrich"


def test_a_body_named_by_its_kind_is_never_another_kind_of_body(joint_report) -> None:
    """ "The union" is not the Home Office named before it; a supporters club that the article
    names is not the football club."""
    assert speaker_of(joint_report, "The union said") == "The union"
    assert speaker_of(joint_report, "supporters club urged") == "The Man Utd supporters club"


@pytest.mark.parametrize("written", ["Home Office", "Lib Dems", "Lib Dem MPs"])
def test_a_qualifier_is_no_title_on_its_own(written: str) -> None:
    """ "Home" and "Lib" are stripped from "Home Secretary Charles Clarke" and "Lib Dem leader
    Charles Kennedy", and are part of a body's name elsewhere."""
    assert strip_titles(written) == written


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The visit became ''the high-water mark in their relationship,'' according to "
            "Mr. Rhodes.",
            "Rhodes",
        ),
        (
            "Sanders must outperform projections in large states, according to Democratic "
            "and independent analysts.",
            "Democratic and independent analysts",
        ),
        (
            "Rates will rise again, according to senior officials at the Treasury.",
            "Senior officials at the Treasury",
        ),
        (
            '"You would not have had Bundy Ranch if not for Santilli," says J.J. MacNab, an '
            "expert on militias.",
            "J.J. MacNab",
        ),
        (
            "Carly Fiorina threw her support behind Sen. Ted Cruz (R-Texas) Wednesday, saying it "
            "is time to have a “real constitutional conservative in the White House.”",
            "Carly Fiorina",
        ),
        (
            "Sen. Marco Rubio, R-Fla., appearing on Fox News right after the speech, said Obama "
            "failed to address public concerns.",
            "Marco Rubio",
        ),
        (
            "Vice President Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on "
            "Wednesday, said the rules touched on a core issue.",
            "Joseph R. Biden",
        ),
        (
            "Florida election officials say Trump’s name was not left off the ballots.",
            "Florida election officials",
        ),
        (
            "American law enforcement officials said they recently discovered the postings.",
            "American law enforcement officials",
        ),
        ("U.S. officials say the group is tied to Russian intelligence.", "U.S. officials"),
        ("But election officials said the count was over.", "Officials"),
        ("Trump at the time said he’d asked his “people” to “look into” the fees.", "Trump"),
        ("Clinton in a statement said the plan was “a disaster for working families”.", "Clinton"),
        (
            "It was complete when Trump in his announcement speech called immigrants “rapists”.",
            "Trump",
        ),
    ],
)
def test_speakers_news_writes_with_stops_groups_and_participles(text: str, speaker: str) -> None:
    claim = claimcheck.check(text, engine="rules").claims[-1]
    assert claim.speaker == speaker


@pytest.mark.parametrize("name", ["Shelly Marsh", "Irving Cole"])
def test_a_name_ending_like_an_adverb_or_a_participle_opens_no_introduction(name: str) -> None:
    text = f"{name} toured the plant on Friday, and she said it would never close."
    last = claimcheck.check(text, engine="rules").claims[-1]
    assert (last.speaker, last.text) == (name, f"{name} said it would never close.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will leave the EU in March,” Theresa May said on Tuesday.", "Theresa May"),
        ("“We will leave the EU in March,” Mrs May said.", "May"),
        ("“It is a good deal,” said Mrs May.", "May"),
        ("Mrs May said the deal was good for Britain.", "May"),
        ("“We are ready,” said June Sarpong, the host.", "June Sarpong"),
        ("“It rained,” the mayor said in May.", "The mayor"),
        ("In May, the mayor said the bridge would cost £5m.", "The mayor"),
        ("On a call on Monday, chief executive Ian Read said sales would rise.", "Ian Read"),
        ("Read the full statement, the minister said.", "The minister"),
        ("“We held the line,” said Army 2nd Lt. Maria Ortega.", "Maria Ortega"),
    ],
)
def test_a_month_or_word_after_a_first_name_or_title_is_a_surname(text: str, speaker: str) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    "text", ["Sales fell, according to reports.", "Prices rose last year, thanks to claims."]
)
def test_a_verb_of_saying_after_to_that_is_no_infinitive_is_a_noun(text: str) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker is None  # not the sentence's subject ("Sales")


def test_a_title_alone_is_no_speaker() -> None:
    """A title is never a speaker by itself: better none than "Mrs"."""
    text = "Talks\n\nMrs May spoke. “We will win in May,” she said.\n\nLabour said it would fail."
    speakers = [c.speaker for c in claimcheck.check(text, engine="rules").claims]
    assert "Mrs" not in speakers and "Labour" in speakers


@pytest.mark.parametrize(
    ("text", "opener"),
    [
        (
            "Indeed, while Trump and Ryan have spent the last week trying to tell the country "
            "that there’s nothing to see here, there is, in fact, a problem.",
            "Indeed",
        ),
        (
            "Perhaps not coincidentally, Mr. Trump has lately started asking his supporters to "
            "raise their right hands.",
            "Perhaps",
        ),
    ],
)
def test_a_sentence_adverb_is_no_speaker(text: str, opener: str) -> None:
    speakers = [c.speaker for c in claimcheck.check("Talks\n\n" + text, engine="rules").claims]
    assert opener not in speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an adverb between the auxiliary and the verb
        ("Mr. Ryan has long said that he will support the party's nominee.", "Ryan"),
        # a role after the name that no comma closes
        (
            "Anthony Anton, president and CEO of Washington Restaurant Association stated, "
            "“It’s not a political problem; it’s a math problem.”",
            "Anthony Anton",
        ),
        # a name of several words after "says", then the body it works for
        (
            "“It’s a question of fairness,” says Stu Rothenberg of the non-partisan "
            "Rothenberg-Gonzales Political Report.",
            "Stu Rothenberg",
        ),
        # a group named for the body it serves is the group, not the place the body is about
        (
            "Staff for the House Select Committee on Benghazi said the panel has the full email.",
            "Staff for the House Select Committee on Benghazi",
        ),
        # a question put to the speaker first: whoever answers speaks
        (
            "Asked whether he would counsel Clinton to ask Sanders to join her ticket, Reid "
            "said he would not give her advice.",
            "Reid",
        ),
        (
            "After BlazeTV’s Glenn Beck asked the conservative who he thought would win, "
            "D’Souza replied, “I would bet on Hillary.”",
            "D’Souza",
        ),
        # an aside in brackets between the speaker and the verb
        (
            "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a "
            "junior staffer) says he was unfocused in his first weeks.",
            "Chris Murphy",
        ),
        # "telling X that …": X is who hears it; the clause's subject speaks
        (
            "A few days later, Trump reversed himself yet again, telling CBS that the laws on "
            "abortion “are set.”",
            "Trump",
        ),
        # a role joined to a titled name is the title of that name
        (
            "Former prosecutor and New York City Mayor Rudy Giuliani, who backs Trump, trashed "
            "Comey on MSNBC, calling it a “no-brainer” to prosecute.",
            "Rudy Giuliani",
        ),
        # a share of a group that says something is who says it
        (
            "Nine in 10 Democratic registered voters say they think she could win a general "
            "election.",
            "Nine in 10 Democratic registered voters",
        ),
    ],
)
def test_the_speaker_is_whoever_the_verb_of_saying_has_for_subject(text: str, speaker: str) -> None:
    speakers = {c.speaker for c in claimcheck.check(text, engine="rules").claims}
    assert speaker in speakers and speakers <= {speaker, None}  # the outlet's own, or theirs


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Senior campaign advisers who have run the numbers argue that Clinton will have 90 "
            "percent of the delegates.",
            "Senior campaign advisers who have run the numbers",
        ),
        (
            "Most Republican voters in Alabama, Georgia and Virginia said they felt betrayed by "
            "their party.",
            "Most Republican voters in Alabama, Georgia and Virginia",
        ),
        (
            "Large majorities of Republican primary voters going to the polls in six states "
            "said they support the proposal.",
            "Large majorities of Republican primary voters going to the polls in six states",
        ),
        ("All three candidates have said they would expand the policy.", "All three candidates"),
        (
            "Fact-checkers soon noted that Clinton may have been referring to a hypothetical.",
            "Fact-checkers",
        ),
        (
            "Friends of Mr. Clinton's who have seen him on the trail recently say that his "
            "energy has matured.",
            "Friends of Mr. Clinton's who have seen him on the trail",
        ),
    ],
)
def test_a_group_that_says_something_is_the_speaker_whole(text: str, speaker: str) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Rolls-Royce Motors opened a plant in March. Sales fell 5% last year, according to "
            "the company.",
            "Rolls-Royce Motors",
        ),
        (
            "The ministry said talks would resume. Exports rose in May, according to the ministry.",
            "The ministry",
        ),
    ],
)
def test_according_to_a_body_the_article_names_is_that_bodys_claim(text: str, speaker: str) -> None:
    last = claimcheck.check(text, engine="rules").claims[-1]
    assert last.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Giovanni Maria Vian, the editor in chief of the Vatican's official newspaper, "
            "L'Osservatore Romano, said every pope was both religious and political.",
            "Giovanni Maria Vian",
        ),
        (
            "Mrs. Clinton herself, as well as her campaign, has always maintained that the server "
            "was secure.",
            "Clinton",
        ),
        (
            "Donald J. Trump and Senator Bernie Sanders have both argued that workers have lost "
            "jobs because of skewed trading rules.",
            "Donald J. Trump and Bernie Sanders",
        ),
        (
            "Mayor Lena Ortiz - who once said the stadium would never be built - said on Friday "
            "that the city would pay for it.",
            "Lena Ortiz",
        ),
        (
            "A lawyer for Mr. Grant, Helen Marsh of Marsh Partners, said the case would be "
            "dropped.",
            "Helen Marsh",
        ),
        (
            "By the end of the week, Mr. Osei was forced to apologise and said that his words "
            "had been misread.",
            "Osei",
        ),
        (
            "But Rosa Diaz, policy director of Fair Rent Now, which organised the march, said "
            "the law was weak.",
            "Rosa Diaz",
        ),
        ("Jane Okafor of Dayton, Ohio says she will vote for the first time.", "Jane Okafor"),
        (
            "But a person familiar with the board’s review said the chief executive would stay.",
            "A person familiar with the board’s review",
        ),
        ("But nine in 10 local voters say the bridge must be rebuilt.", "Nine in 10 local voters"),
        (
            "Ana Costa, Tom Weir and other senior figures in the union said the offer was poor.",
            "Ana Costa and Tom Weir",
        ),
    ],
)
def test_the_speaker_past_asides_and_adverbs(text: str, speaker: str) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The takeover was first reported by the Financial Times.", "The Financial Times"),
        ("As reported by Reuters, the mill closed after 140 years.", "Reuters"),
        (
            "The mayor is not licensed to practise, a fact first revealed by Sarah Okafor, a "
            "reporter for KTVU.",
            "Sarah Okafor",
        ),
        (
            "Rents rose 9 percent last year, according to a new report from Apex New Energy "
            "Partners.",
            "Apex New Energy Partners",
        ),
        (
            "The plant will shut in June, according to a blog post by Marta Ruiz.",
            "Marta Ruiz",
        ),
        ("The jet has flown 333 hours since May, according to F.A.A. records.", "F.A.A. records"),
    ],
)
def test_whoever_a_report_is_by_gives_its_claim(text: str, speaker: str) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker == speaker


def test_she_said_after_a_quote_is_the_woman_the_sentence_opens_with() -> None:
    text = (
        "Maria Lopez runs the fund. Hillary Clinton spoke on Monday. Asked about the fund, "
        'Lopez said "I know nothing about its emails," she said.'
    )
    last = claimcheck.check(text, engine="rules").claims[-1]
    assert (last.kind, last.speaker) == ("quote", "Maria Lopez")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ruling led some commentators to argue that the law was dead.", "Some commentators"),
        ("The decision prompted the minister to say the plan was on hold.", "The minister"),
        (
            "As fans waited, Maria Silva took to Twitter to say thanks to the volunteers.",
            "Maria Silva",
        ),
        ("The mayor went on television to say the curfew would end.", "The mayor"),
    ],
)
def test_whoever_the_infinitive_of_saying_belongs_to_is_the_speaker(
    text: str, speaker: str
) -> None:
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "claim_text"),
    [
        (
            "In Dayton, the mayor said the bridge would reopen.",
            "The mayor",
            "In Dayton, the mayor said the bridge would reopen.",
        ),
        (
            "In Dayton, Ohio, the mayor said the bridge would reopen.",
            "The mayor",
            "In Dayton, Ohio, the mayor said the bridge would reopen.",
        ),
    ],
)
def test_a_place_opening_a_sentence_is_no_person_and_no_role(
    text: str, speaker: str, claim_text: str
) -> None:
    """'In Dayton, the mayor said' became 'In Dayton, Dayton said': the place was read as a
    person and 'the mayor' as its role."""
    (claim,) = claimcheck.check(text, engine="rules").claims
    assert (claim.speaker, claim.text) == (speaker, claim_text)


def test_a_state_written_short_after_a_town_is_part_of_the_introduction() -> None:
    text = (
        "At a rally in Portsmouth, N.H., on Tuesday, Senator Ann Hale endorsed the mayor, "
        "saying that her old rival would “make an outstanding governor.”"
    )
    last = claimcheck.check(text, engine="rules").claims[-1]
    assert last.speaker == "Ann Hale"
    assert last.text.startswith("Ann Hale said")
