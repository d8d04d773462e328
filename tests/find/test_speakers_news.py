"""Who speaks, on sentences written here in the shapes PolNeAR's train split showed the rules
getting wrong (each case its own small article; expected speakers written by hand)."""

from __future__ import annotations

import pytest

import claimcheck

CAST = (
    "Donald Trump spoke in Iowa on Monday. Ted Cruz spoke in Ohio. Hillary Clinton spoke in "
    "Texas. Barack Obama stayed in Washington."
)


def speaker_of(sentence: str, words: str | None = None) -> str:
    """The speaker of the claim holding ``words`` (default: the sentence's first 30 letters),
    "" for none."""
    report = claimcheck.check(f"{CAST}\n\n{sentence}\n", engine="rules")
    words = words or sentence[:30]
    found = [c for c in report.claims if words in c.excerpt]
    assert found, f"no claim holds {words!r}: {[c.excerpt for c in report.claims]}"
    return found[0].speaker or ""


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Cruz also lacks support from his colleagues in Congress, whom he has alienated, "
            "said Larry Sabato, director of the Center for Politics.",
            "Larry Sabato",
        ),
        (
            "Unemployment dipped to 4.9 percent in January, with the economy adding jobs, "
            "Obama said.",
            "Obama",
        ),
        ("Local authorities were treating the crash as an attack, BFM TV reported.", "BFM TV"),
        (
            "That is not good enough, said Howard Rubel, a senior analyst at Jefferies, who notes "
            "that United Technologies has vowed to cut costs.",
            "Howard Rubel",
        ),
        (
            "Silva was a civil engineer based in Johannesburg, South Africa, Portuguese newspaper "
            "Correio de Manha reports.",
            "Correio de Manha",
        ),
    ],
)
def test_a_cue_set_off_by_a_comma_after_its_clause_names_who_speaks(
    sentence: str, speaker: str
) -> None:
    assert speaker in speaker_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Alabama Sen. Jeff Sessions, a prominent Trump supporter, said Clinton’s acceptance of "
            "donations was akin to extortion.",
            "Jeff Sessions",
        ),
        (
            "Rachel Berg, a philanthropist from Monsey, New York, said Thursday's speeches have "
            "led her to count Trump out.",
            "Rachel Berg",
        ),
        (
            "Vice President Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on "
            "Wednesday, said the rules touched on a core issue.",
            "Joseph R. Biden",
        ),
        (
            "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the "
            "Khan family deserved better.",
            "John Kasich",
        ),
        (
            "Ivanka Trump, who is a vice president at her father's company, told the New York "
            "Times that she took eight days off.",
            "Ivanka Trump",
        ),
        (
            "Most Republican voters in Alabama, Georgia and Virginia said they felt betrayed by "
            "their party.",
            "Most Republican voters in Alabama, Georgia and Virginia",
        ),
    ],
)
def test_a_subjects_own_verb_after_its_apposition_is_no_inverted_cue(
    sentence: str, speaker: str
) -> None:
    assert speaker_of(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "words", "speaker"),
    [
        (  # a description, then the name it is given, then the verb
            "France’s far-right party leader, Marine Le Pen, voiced support for Trump on "
            "Wednesday, saying Clinton would bring war.",
            "would bring war",
            "Marine Le Pen",
        ),
        (
            "One of the men, Jessie Elkins, 70, had served in Vietnam and said he was convinced "
            "Trump would start a war.",
            None,
            "Jessie Elkins",
        ),
        (  # "Will" before a surname is a first name, not a headline's small word
            "Polk County GOP Chairman Will Rogers said the visit would earn the party attention.",
            None,
            "Will Rogers",
        ),
        (  # the subject's second verb, after ", then"
            "Cruz jokingly offered the man a job, then says he will welcome advice from anyone.",
            None,
            "Cruz",
        ),
        (  # "Back in 1999," opens the sentence; it is nobody
            "Back in 1999, Mr. Trump expressed admiration for Bill Clinton's skills, telling "
            "CNBC: “I wish I could be like that.”",
            "I wish I could",
            "Trump",
        ),
        (  # a verb of saying after a possessive is an adjective: "Trump’s proposed wall"
            "Phyllis Schlafly then discussed Trump’s proposed wall and explained its importance.",
            None,
            "Phyllis Schlafly",
        ),
    ],
)
def test_the_subject_is_who_the_sentence_has_speaking(
    sentence: str, words: str | None, speaker: str
) -> None:
    assert speaker in speaker_of(sentence, words)


def test_a_named_speakers_sentence_resting_on_unnamed_others_has_its_gap() -> None:
    # the speaker is the chancellor, but "officials say" is still nobody named
    text = (
        "Chancellor Gordon Brown spoke in London on Monday.\n\n"
        "In a move officials say should keep rents down, Brown said he was giving councils "
        "an extra £2bn.\n"
    )
    claim = next(c for c in claimcheck.check(text, engine="rules").claims if "£2bn" in c.excerpt)
    assert "Brown" in (claim.speaker or "")
    assert "unnamed_source" in [g.kind for g in claim.sourcing_gaps]


@pytest.mark.parametrize(
    ("sentence", "words", "speaker"),
    [
        (  # a surname that is also a preposition
            'Many voters now see the party as "out of touch with workers," From said.',
            None,
            "From",
        ),
        (  # a question, then whom it was told: one sentence
            "“It looks like we will not get on, who knows?” Trump told a British television "
            "station.",
            None,
            "Trump",
        ),
        (  # a quotation holding a full stop, with its cue after it
            'Nominees John McCain and Mitt Romney "were stiff. They were not fun" in comparison '
            "to Obama, Gingrich said.",
            None,
            "Gingrich",
        ),
        (
            '"Campaigns cannot raise money. They don\'t have a choice" but to lean on outside '
            "groups, says Evan Tracey, a consultant in Alexandria.",
            None,
            "Evan Tracey",
        ),
        (  # the verbs of the clause that leads into the sentence are not its own
            'When told Perez was in the cabinet, Bush thought for a moment and said that, "I '
            'think it is an advantage not to be famous."',
            None,
            "Bush",
        ),
        (  # a role, then its name led by another role word
            '"It is about time a woman ran this country," said the senator\'s introducer, '
            "actress Jamie Lee Curtis.",
            None,
            "Jamie Lee Curtis",
        ),
    ],
)
def test_a_quotations_cue_names_its_speaker(sentence: str, words: str | None, speaker: str) -> None:
    assert speaker in speaker_of(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (  # "Sens." ends no sentence; each senator keeps their name past their state
            "Sens. Johnny Isakson of Georgia and John Boozman of Arkansas also said they would "
            "be happy to have Cruz on the trail.",
            "Johnny Isakson and John Boozman",
        ),
        (  # a sentence set in parentheses is read as one
            "(Trump writes that he would raise fees for border crossing cards.)",
            "Trump",
        ),
        (  # authorities are a group, wherever they are
            "Authorities in North-Rhine Westphalia, the German state next to Belgium, announced "
            "tighter controls on the border.",
            "Authorities in North-Rhine Westphalia",
        ),
    ],
)
def test_who_a_sentence_has_speaking_is_read_whole(sentence: str, speaker: str) -> None:
    assert speaker_of(sentence) == speaker


def test_a_sentence_set_in_parentheses_is_a_claim_without_them() -> None:
    report = claimcheck.check(
        f"{CAST}\n\n(Trump writes that he would raise fees for border crossing cards.)\n",
        engine="rules",
    )
    texts = [c.text for c in report.claims if "border crossing" in c.excerpt]
    assert texts == ["Trump writes that he would raise fees for border crossing cards."]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (  # two phrases lead into the sentence, the second in lower case
            'Moreover, as part of the exchange with Clinton, Trey Gowdy cited a report that "less '
            'than one percent of emails" were captured.',
            "Trey Gowdy",
        ),
        (  # "his claims" is a noun: the subject's quoted word is still the subject's
            "Trump did post on Twitter on Friday that his claims were “sarcasm” but that took a "
            "long time.",
            "Trump",
        ),
    ],
)
def test_a_partial_quote_is_its_sentences_subjects(sentence: str, speaker: str) -> None:
    assert speaker in speaker_of(sentence)


def test_a_figure_inside_a_partial_quote_is_claimed_with_its_whole_sentence() -> None:
    # '“less than one percent of emails”' alone is a piece of a sentence, not a claim
    sentence = (
        'Trey Gowdy cited a report that "less than one percent of emails" were captured by the '
        "department."
    )
    report = claimcheck.check(f"{CAST}\n\n{sentence}\n", engine="rules")
    figures = [c for c in report.claims if c.kind == "figure" and "percent" in c.excerpt]
    assert [c.excerpt for c in figures] == [sentence]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (  # a group after an introduction opens in lower case
            "In each of the five states, about half of voters say they prefer a candidate who is "
            "an outsider.",
            "About half of voters",
        ),
        (
            "About one in five say they would not vote at all if Trump is the nominee.",
            "About one in five",
        ),
        (
            "All the Democrats insisted that cooperation will be necessary to win.",
            "All the Democrats",
        ),
        ("Patient advocacy groups note that Trump backed both bans.", "Patient advocacy groups"),
        (  # a capitalised group after names alone, past "Nonetheless,"
            "Nonetheless, House Republicans supporting the earlier bill have said they think "
            "they will have the votes.",
            "House Republicans supporting the earlier bill",
        ),
    ],
)
def test_a_group_that_says_something_is_its_speaker(sentence: str, speaker: str) -> None:
    assert speaker_of(sentence) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a question, then a long tail of whom it was told: one sentence
            "Prime Minister David Cameron said Trump would unite Britain against him.\n"
            "“It looks like we will not get on, who knows?” Trump told Britain’s ITV television "
            "station in an interview aired on Monday when asked how ties would fare.",
            "who knows",
            "Trump",
        ),
        (  # a tail that quotes a title is still the tail
            '"A bear?" Maddow repeated.\n\n"I am not sure the actor is free, but we will see, '
            'right?" Clinton remarked, alluding to the actor\'s latest turn in "The Revenant."',
            "actor is free",
            "Clinton",
        ),
        (  # "But a few days later," opens the sentence in lower case after "But"
            "But a few days later, Trump reversed himself yet again, telling CBS that the laws "
            "on abortion “are set… And I think we have to leave it that way.”",
            "are set",
            "Trump",
        ),
    ],
)
def test_a_question_or_aside_before_its_cue_keeps_the_cues_speaker(
    text: str, words: str, speaker: str
) -> None:
    assert speaker in speaker_of(text, words)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a cue set off by commas inside the sentence it reports
            '"Few can match her," says Myra Gutin, a professor at Rider University in '
            "Lawrenceville, N.J.\n\n"
            "The paradox of the senator, says Carl Anthony, historian at the National First "
            'Ladies Library, is that she was "one of the most powerful senators in the era," not '
            "for her policy influence but for her personal influence.",
            "paradox",
            "Carl Anthony",
        ),
        (  # a question whose cue the sentences were cut before
            "The sketch aired on Saturday.\n\n“Who can remember how many states I have lost? Is "
            "it two? Three?” Clinton asks as a porter walks in front of her, saying he is “here "
            "to fix the holes in your wall.”",
            "Who can remember",
            "Clinton",
        ),
        (  # "exhorted" is a verb of saying
            '"It is about time a woman ran this country," exhorted the senator\'s introducer, '
            "actress Jamie Lee Curtis.",
            None,
            "Jamie Lee Curtis",
        ),
        (  # an introduction longer than 120 letters
            "When told Perez was in President Obama's Cabinet and in the running for an even "
            "bigger job in a potential Clinton White House, Bush thought for a moment and said "
            'that in the current climate, "I think it is an advantage not to be famous."',
            None,
            "Bush",
        ),
    ],
)
def test_a_cue_inside_or_after_its_sentence_names_the_speaker(
    text: str, words: str | None, speaker: str
) -> None:
    assert speaker in speaker_of(text, words)


def test_a_name_before_a_cue_set_off_by_commas_is_not_who_speaks() -> None:
    sentence = "Trump, said Louise Sunshine, who remains friendly with her old boss, never forgets."
    assert speaker_of(sentence) == "Louise Sunshine"


def test_according_to_a_workplace_and_roles_is_the_name_they_lead_to() -> None:
    sentence = (
        "According to USA TODAY contributor and monetary historian David Marsh, rates have "
        "moved apart seven times since the war."
    )
    assert speaker_of(sentence) == "David Marsh"


def test_names_with_abbreviated_titles_speak_together() -> None:
    # "Mrs." ends no noun phrase: both bundlers speak, not the last one alone
    sentence = "Ms. Toretti, Mrs. Rao and other prominent bundlers said their networks had grown."
    speaker = speaker_of(sentence)
    assert "Toretti" in speaker and "Rao" in speaker
