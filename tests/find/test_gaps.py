"""Sourcing gaps an editor would flag, decided by rules from the article's own words."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.models import Claim


def claim_with(text: str, words: str) -> Claim:
    report = claimcheck.check(text, engine="rules")
    found = [c for c in report.claims if words in c.excerpt]
    assert found, f"no claim holds {words!r}: {[c.excerpt for c in report.claims]}"
    return found[0]


def gaps_of(text: str, words: str) -> dict[str, str]:
    return {g.kind: g.explanation for g in claim_with(text, words).sourcing_gaps}


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Standard Chartered is believed to have gained the initiative by putting in a bid.",
            "is believed to",
        ),
        (
            "The next bank to be sold is thought likely to be Korea Exchange Bank.",
            "thought likely to",
        ),
        ("The midfielder has been linked with Real Madrid and Barcelona.", "has been linked"),
        ("Rates rose for the fourth time in a widely anticipated move.", "widely anticipated"),
        ("Male MPs jeered as women spoke, researchers were told.", "were told"),
    ],
)
def test_views_with_no_agent_are_passive_voice(sentence: str, phrase: str) -> None:
    gaps = gaps_of(sentence, sentence.split()[1])
    assert phrase in gaps["passive_voice"]


def test_an_agent_after_by_is_not_passive_voice() -> None:
    text = "The bank is believed to have won, by Korean Finance Minister Lee Hun-jai."
    assert "passive_voice" not in gaps_of(text, "believed")


def test_the_subject_of_a_passive_view_is_not_its_speaker() -> None:
    text = "Standard Chartered is believed to have gained the initiative by putting in a bid."
    assert claim_with(text, "initiative").speaker is None


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Financial analysts broadly welcomed the Fed's move.", "Financial analysts"),
        ("Unions reacted angrily to the disclosure.", "Unions"),
        ("Business groups have welcomed efforts to cut red tape.", "Business groups"),
    ],
)
def test_groups_that_nobody_names_are_unnamed_sources(sentence: str, who: str) -> None:
    assert who in gaps_of(sentence, sentence.split()[1])["unnamed_source"]


def test_reports_and_rumours_are_unnamed_sources_even_when_someone_relays_them() -> None:
    text = "Mr Knapman queried why he had failed to confirm rumours he was starting a new party."
    claim = claim_with(text, "queried")
    assert claim.speaker is not None
    assert "rumours" in {g.kind: g.explanation for g in claim.sourcing_gaps}["unnamed_source"]


@pytest.mark.parametrize(
    ("sentence", "document"),
    [
        ("Women MPs endure abuse from male colleagues, a new study shows.", "study"),
        ("Players may talk to other clubs because Fifa regulations allow it.", "regulations are"),
        ("Leave would have needed approval under the mental health legislation.", "legislation"),
        ("His plans prompted a formal complaint to the party's committee.", "complaint"),
    ],
)
def test_documents_referred_to_but_not_given(sentence: str, document: str) -> None:
    explanation = gaps_of(sentence, sentence.split()[1])["missing_primary_document"]
    assert document in explanation


def test_a_vague_time_is_a_missing_timeframe() -> None:
    text = "The service sector has overtaken manufacturing in the last decade or so."
    assert "in the last decade or so" in gaps_of(text, "service")["missing_timeframe"]


def test_sweeping_facts_without_a_source_are_flagged() -> None:
    text = "Recent evidence has pointed to an upturn in the economy."
    assert "evidence has pointed" in gaps_of(text, "upturn")["no_source"]


def test_judgements_in_quotes_are_opinions_but_time_words_are_not() -> None:
    text = (
        "His manager said: “Bob is the greatest music star there has ever been.”\n\n"
        "The most recent figures were published on Monday."
    )
    assert "greatest" in gaps_of(text, "greatest")["opinion"]
    assert "opinion" not in gaps_of(text, "most recent")


def test_a_quote_whose_frame_says_its_scope_is_unclear_has_that_gap() -> None:
    text = (
        "“They are losing 5,000 people a week,” the President said, without specifying if "
        "these figures referred to Ukraine, Russia, or both."
    )
    (quote,) = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "quote"]
    assert "unclear_scope" in {g.kind for g in quote.sourcing_gaps}


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The state is trying to recover billions in unpaid taxes from the firm.", "billions"),
        ("The firm does much of the rest of its business in Africa.", "much of the rest"),
        ("He raised his offer, though it is not clear by how much.", "by how much"),
    ],
)
def test_an_amount_with_no_number_is_a_vague_figure(sentence: str, words: str) -> None:
    gaps = gaps_of(sentence, sentence.split()[2])
    assert words in gaps["vague_figure"]


def test_a_part_left_unnamed_is_an_unclear_scope() -> None:
    sentence = "There has been reluctance in some local councils to use direct payments."
    assert "some local councils" in gaps_of(sentence, "reluctance")["unclear_scope"]


def test_some_sources_are_unnamed_not_an_unclear_scope() -> None:
    sentence = "The plan was criticised by some economists for its cost to taxpayers."
    assert "unclear_scope" not in gaps_of(sentence, "criticised")


@pytest.mark.parametrize(
    ("sentence", "document"),
    [
        ("NM Rothschild is advising Mr Glazer, according to the Financial Times.", "report"),
        ("The plans are set out in Monday's consultation paper on social care.", "paper"),
    ],
)
def test_a_newspaper_or_paper_relied_on_is_a_missing_document(sentence: str, document: str) -> None:
    gap = gaps_of(sentence, sentence.split()[1])["missing_primary_document"]
    assert gap.startswith(f"The {document} is referred to")


@pytest.mark.parametrize(
    ("text", "words", "phrase"),
    [
        (
            "“By 1985 the festival was the largest music event in Europe,” said its founder, "
            "Anna Weber.",
            "largest",
            "the largest music event in Europe",
        ),
        (
            "The band’s manager, Tom Reid, said they sold more tickets than ever before.",
            "tickets",
            "more tickets than ever",
        ),
        (
            "Our correspondent Jane Hill says most Germans think the tax is unfair.",
            "unfair",
            "most Germans think",
        ),
    ],
)
def test_a_sweeping_fact_needs_a_source_even_when_someone_says_it(
    text: str, words: str, phrase: str
) -> None:
    claim = claim_with(text, words)
    assert claim.speaker is not None
    gap = {g.kind: g.explanation for g in claim.sourcing_gaps}["no_source"]
    assert phrase in gap
    assert any(phrase in q for q in claim.follow_up_questions)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("But there are growing worries about the cost of the new stadium.", "growing worries"),
        ("There have been fears that the plant will close.", "fears"),
        ("But there concerns about the safety of the bridge.", "concerns"),
    ],
)
def test_worries_that_nobody_has_are_passive_voice(sentence: str, words: str) -> None:
    claim = claim_with(sentence, "about" if "about" in sentence else "plant")
    gap = {g.kind: g.explanation for g in claim.sourcing_gaps}["passive_voice"]
    assert words in gap
    assert any(words.split()[-1] in q for q in claim.follow_up_questions)


def test_worries_with_their_holders_named_are_not_passive_voice() -> None:
    sentence = "There are worries among farmers in Devon about the new rules."
    assert "passive_voice" not in gaps_of(sentence, "farmers")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The councillor said: “We understand from the department that no money was "
            "set aside for the scheme.”",
            "understand from the department",
        ),
        ("The BBC understands that the chairman will resign on Friday.", "BBC understands"),
    ],
)
def test_what_someone_was_given_to_understand_is_an_unnamed_source(text: str, words: str) -> None:
    claim = claim_with(text, "understand")
    assert words in {g.kind: g.explanation for g in claim.sourcing_gaps}["unnamed_source"]


def test_said_earlier_is_a_missing_timeframe() -> None:
    text = "The party’s leader, Ruth Mayer, said earlier it was “a sad day for the town”."
    assert "said earlier" in gaps_of(text, "sad day")["missing_timeframe"]


def test_said_earlier_this_week_has_its_timeframe() -> None:
    text = "The party’s leader, Ruth Mayer, said earlier this week it was “a sad day”."
    assert "missing_timeframe" not in gaps_of(text, "sad day")


def test_a_judgement_in_marks_that_nobody_owns_has_no_source() -> None:
    text = "Sales of the new ticket rose in March, but demand has been “patchy”."
    gap = gaps_of(text, "patchy")["no_source"]
    assert "patchy" in gap


def test_a_judgement_in_marks_with_its_speaker_is_sourced() -> None:
    text = "The mayor said demand for the new ticket had been “patchy”."
    assert "no_source" not in gaps_of(text, "patchy")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The minister said the reforms would deliver savings across the region.", "savings"),
        (
            "The bank makes a third of its profit in Europe and much of the rest in Asia.",
            "much of the rest",
        ),
    ],
)
def test_an_amount_with_no_number_beside_one_with_a_number(sentence: str, words: str) -> None:
    assert words in gaps_of(sentence, sentence.split()[2])["vague_figure"]


def test_a_role_left_unsaid_is_an_unclear_scope() -> None:
    text = "The paper said the adviser may have played some role in drafting Mr Lee’s offer."
    claim = claim_with(text, "some role")
    assert "some role" in {g.kind: g.explanation for g in claim.sourcing_gaps}["unclear_scope"]
    assert any("some role" in q for q in claim.follow_up_questions)


def test_a_judgement_in_marks_owned_earlier_in_its_sentence_is_not_unsourced() -> None:
    text = "Mr Hale, whose group opposes the bypass as “badly planned” met the council."
    assert "no_source" not in gaps_of(text, "badly planned")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Northwind Airways said the merger was “a natural fit for both carriers”.", "merger"),
        (
            "The Transport Ministry said it opposed “any plan to close the line”.",
            "close the line",
        ),
        (
            "The developer, which has been buying land in the town for a decade, has submitted "
            "“revised plans” to the council, it has confirmed.",
            "revised plans",
        ),
    ],
)
def test_words_quoted_from_an_organisation_need_their_statement(text: str, words: str) -> None:
    claim = claim_with(text, words)
    gap = {g.kind: g.explanation for g in claim.sourcing_gaps}["missing_primary_document"]
    assert "statement" in gap
    assert any("statement" in q for q in claim.follow_up_questions)


def test_words_quoted_from_a_country_need_its_government_s_statement() -> None:
    text = (
        "The launch alarmed Korea watchers. South Korea said the test showed “reckless "
        "provocation” by the North."
    )
    gaps = gaps_of(text, "reckless")
    assert "statement" in gaps["missing_primary_document"]


def test_words_quoted_from_a_person_need_no_statement() -> None:
    text = "Its chief executive, Maria Lund, said the merger was “a natural fit for both carriers”."
    assert "missing_primary_document" not in gaps_of(text, "merger")


@pytest.mark.parametrize(
    "text",
    [
        "The airline said so in a statement on Monday. “We see the merger as a natural fit.”",
        "Northwind Airways sees “a natural fit for both carriers” in the merger.",
        "“Prices will go up,” a baker, Ana Ruiz, told Reuters in the market.",
    ],
)
def test_an_organisation_quoted_with_its_statement_given_or_no_statement_made(text: str) -> None:
    quotes = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "quote"]
    assert quotes
    assert all(
        "statement they come from" not in g.explanation for c in quotes for g in c.sourcing_gaps
    )


def test_a_figure_before_someone_else_s_clause_is_the_article_s_own() -> None:
    text = (
        "There are 4,200 families on the housing list in Leeds and officials say the number "
        "could double by 2030."
    )
    claim = claim_with(text, "4,200")
    assert "4,200" in {g.kind: g.explanation for g in claim.sourcing_gaps}["no_source"]


def test_a_figure_inside_the_speaker_s_clause_is_theirs() -> None:
    text = "Councillors say there are 4,200 families on the housing list and more are coming."
    claim = claim_with(text, "4,200")
    assert "no_source" not in {g.kind for g in claim.sourcing_gaps}


def test_a_figure_followed_by_its_speaker_after_a_comma_is_theirs() -> None:
    text = "Inflation will be 3.5% next year, the finance minister, Ines Cole, forecast."
    claim = claim_with(text, "3.5%")
    assert claim.speaker
    assert "no_source" not in {g.kind for g in claim.sourcing_gaps}


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Ms Okafor, who runs the bakery chain, hopes the sale will close by spring.", "hopes"),
        ("The committee is obliged to publish its findings.", "is obliged to"),
        ("Roads were closed, but there have been no reports of injuries.", "no reports"),
    ],
)
def test_what_the_article_states_for_someone_it_does_not_quote_has_no_source(
    sentence: str, words: str
) -> None:
    claim = claim_with(sentence, words.split()[-1])
    assert claim.speaker is None
    assert words in {g.kind: g.explanation for g in claim.sourcing_gaps}["no_source"]


def test_a_hope_someone_voices_is_sourced() -> None:
    text = "Ms Okafor said she hopes the sale will close by spring."
    assert "no_source" not in gaps_of(text, "hopes")


@pytest.mark.parametrize(
    ("sentence", "document"),
    [
        ("Fraud on cards fell 8% in 2004, figures from the trade body Cardwatch show.", "figures"),
        ("Statistics from the Home Office show burglary fell 5% in 2004.", "statistics"),
        ("Research by the consultancy Telewise suggests sales will rise 20% in 2006.", "research"),
        ("Prices rose 3% in 2004, according to data from the Land Registry.", "data"),
    ],
)
def test_numbers_credited_to_data_someone_published_need_that_data(
    sentence: str, document: str
) -> None:
    gaps = gaps_of(sentence, "%")
    assert document in gaps["missing_primary_document"]
    assert "no_source" not in gaps  # who produced the figure is said


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("It is hoped the new bridge will ease traffic in the town centre.", "It is hoped"),
        ("Last month it emerged the council had sold the land at a loss.", "it emerged"),
        ("Among those reported to have doubts about the plan is the mayor.", "reported to have"),
        ("The economy is steady, with 4.1% growth expected in 2006.", "growth expected"),
    ],
)
def test_what_nobody_is_said_to_report_or_expect_is_passive_voice(
    sentence: str, phrase: str
) -> None:
    claim = claim_with(sentence, sentence.split()[3])
    gap = {g.kind: g.explanation for g in claim.sourcing_gaps}["passive_voice"]
    assert phrase in gap
    assert any(phrase in q for q in claim.follow_up_questions)


def test_growth_expected_by_a_named_body_is_not_passive_voice() -> None:
    sentence = "The economy is steady, with 4.1% growth expected in 2006 by the Treasury."
    assert "passive_voice" not in gaps_of(sentence, "growth")


def test_an_organisation_named_with_the_before_it_is_still_one() -> None:
    text = (
        "The Irish Rugby Union fined two players on Monday. The IRU said: “We will not "
        "tolerate this behaviour from anyone.”"
    )
    gaps = gaps_of(text, "tolerate")
    assert "the IRU’s statement" in gaps["missing_primary_document"]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Nokia, one of the industry's most famous names, opened a shop in Leeds.", "most famous"),
        ("The club has seen remarkable change since it moved to the new ground.", "remarkable"),
        ("The merger talks ended in rancour as both chairmen walked out.", "rancour"),
        ("The new rules are likely to be welcomed by small shops.", "likely to"),
        ("The league is certain to punish the club for the pitch invasion.", "certain to"),
    ],
)
def test_judgements_and_forecasts_in_the_article_s_own_voice_are_opinion(
    sentence: str, word: str
) -> None:
    claim = claim_with(sentence, sentence.split()[2])
    assert claim.speaker is None
    assert word in {g.kind: g.explanation for g in claim.sourcing_gaps}["opinion"]


def test_a_forecast_someone_makes_is_theirs_not_an_opinion_of_the_article() -> None:
    text = "The shop owners’ federation said the new rules are likely to be welcomed."
    assert "opinion" not in gaps_of(text, "welcomed")


def test_a_handful_is_an_amount_with_no_number() -> None:
    text = "It is one of just a handful of firms still making cameras in Britain."
    assert "a handful of" in gaps_of(text, "cameras")["vague_figure"]


def test_a_report_by_a_body_is_a_missing_document() -> None:
    text = "The minister was responding to a report by a parliamentary committee on prisons."
    assert "report" in gaps_of(text, "responding")["missing_primary_document"]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Council officials began an inquiry into the missing funds.", "Council officials"),
        ("What followed was complaints from residents of both estates about noise.", "residents"),
    ],
)
def test_unnamed_groups_that_act_or_complain_are_unnamed_sources(sentence: str, who: str) -> None:
    assert who in gaps_of(sentence, sentence.split()[2])["unnamed_source"]


def test_a_figure_in_the_summer_has_its_timeframe() -> None:
    text = "The company will cut 300 jobs in the summer."
    assert "missing_timeframe" not in gaps_of(text, "300")


def test_officials_someone_else_acts_on_are_no_source_of_the_claim() -> None:
    text = "Ms Lane said she found it hard to persuade council officials she was a minister."
    assert "unnamed_source" not in gaps_of(text, "persuade")


@pytest.mark.parametrize(
    ("sentence", "document"),
    [
        ("Official figures show sales of vinyl records rose 12% in 2005.", "figures"),
        ("Figures released on Tuesday showed output fell 2% in March.", "figures"),
        ("A survey of 1,500 drivers found that 40% never check their tyres.", "survey"),
        ("The prices are listed on its website, the company said in 2004.", "website"),
    ],
)
def test_data_and_pages_the_figures_come_from_are_missing_documents(
    sentence: str, document: str
) -> None:
    assert (
        document
        in gaps_of(sentence, "%" if "%" in sentence else "prices")["missing_primary_document"]
    )


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("The scheme has been widely criticised for its cost.", "has been widely criticised"),
        ("The chain has come under fire for closing rural branches.", "come under fire"),
        ("The minister faced criticism over the delays.", "faced criticism"),
    ],
)
def test_criticism_from_nobody_in_particular_is_passive_voice(sentence: str, phrase: str) -> None:
    assert phrase in gaps_of(sentence, sentence.split()[2])["passive_voice"]


def test_criticism_by_someone_named_is_not_passive_voice() -> None:
    text = "The scheme has been criticised by the Consumers' Association for its cost."
    assert "passive_voice" not in gaps_of(text, "scheme")


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("A growing number of shoppers are buying online.", "A growing number of"),
        ("The majority of the new homes will be sold privately.", "The majority of"),
    ],
)
def test_a_count_with_no_number_is_a_vague_figure(sentence: str, words: str) -> None:
    assert words in gaps_of(sentence, sentence.split()[3])["vague_figure"]


def test_selected_stores_are_an_unclear_scope() -> None:
    text = "The phones will go on sale in selected stores from next week."
    assert "selected stores" in gaps_of(text, "phones")["unclear_scope"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The singer said: “It was a fantastic night for everyone in the band.”", "fantastic"),
        ("The inspector said the conditions in the kitchen were appalling.", "appalling"),
    ],
)
def test_praise_and_blame_are_opinion(text: str, word: str) -> None:
    assert word in gaps_of(text, word)["opinion"]


@pytest.mark.parametrize(
    ("sentence", "raw"),
    [
        ("“The eyes of 3 million fans will be on the final,” the coach said.", "3 million fans"),
        ("Some 40,000 tickets were sold, and 2 million viewers watched at home.", "2 million"),
    ],
)
def test_a_round_count_of_a_crowd_is_a_vague_figure(sentence: str, raw: str) -> None:
    claims = claimcheck.check(sentence, engine="rules").claims
    assert any(
        g.kind == "vague_figure" and raw in g.explanation for c in claims for g in c.sourcing_gaps
    )


def test_a_counted_number_of_customers_is_not_vague() -> None:
    text = "The bank has 3 million customers in Korea, it said in 2004."
    assert "vague_figure" not in gaps_of(text, "3 million")


@pytest.mark.parametrize(
    "sentence",
    [
        "Prosecutors accused the two men of a series of offences against the state.",
        "The driver was charged with causing death by dangerous driving.",
    ],
)
def test_charges_need_the_charge_sheet(sentence: str) -> None:
    assert "charges" in gaps_of(sentence, sentence.split()[2])["missing_primary_document"]


def test_a_political_accusation_is_no_charge() -> None:
    text = "Ms Patel accused the government of ignoring the north."
    assert "missing_primary_document" not in gaps_of(text, "ignoring")


def test_a_warning_referred_to_but_not_given_is_a_missing_document() -> None:
    text = "Her reply was a rebuttal of a warning from the former governor Sam Ellis."
    assert "warning" in gaps_of(text, "rebuttal")["missing_primary_document"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The council also plans a new cycle lane along the river.", "also plans"),
        ("Ministers intend to close three prisons in the north.", "intend"),
        ("The firm will launch a cheaper tablet aimed at students.", "will launch"),
    ],
)
def test_a_plan_with_no_date_is_a_missing_timeframe(sentence: str, cue: str) -> None:
    claim = claim_with(sentence, sentence.split()[-2])
    assert cue in {g.kind: g.explanation for g in claim.sourcing_gaps}["missing_timeframe"]


def test_a_plan_with_its_date_has_its_timeframe() -> None:
    text = "The firm will launch a cheaper tablet in March."
    assert "missing_timeframe" not in gaps_of(text, "tablet")


def test_plans_as_a_noun_are_no_plan_announced() -> None:
    text = "The hospital has suspended plans to stop treating patients from Wales."
    assert "missing_timeframe" not in gaps_of(text, "suspended")


def test_a_plan_for_the_next_election_has_its_timeframe() -> None:
    text = "She plans to stand in the next general election as an independent."
    assert "missing_timeframe" not in gaps_of(text, "independent")


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Police have cracked down on the growing use of drones near airports.", "growing use"),
        ("Rural bus services are declining across the county.", "are declining"),
    ],
)
def test_a_trend_the_article_states_has_no_source(sentence: str, cue: str) -> None:
    assert cue in gaps_of(sentence, sentence.split()[1])["no_source"]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The mayor faced growing pressure from landlords to drop the tax.", "pressure"),
        ("The talks were held amid growing concerns that the deal would collapse.", "talks"),
        ("The Greens are a small but growing party in the north.", "Greens"),
        ("Over the weekend the minister increasingly signaled that she would resign.", "signaled"),
        ("At this point the driver becomes increasingly upset, shouting at the police.", "upset"),
    ],
)
def test_growing_what_nobody_can_measure_is_no_trend(sentence: str, words: str) -> None:
    gap = gaps_of(sentence, words).get("no_source", "")
    assert "trend" not in gap


def test_a_trend_someone_reports_is_theirs() -> None:
    text = "The union said rural bus services are declining across the county."
    assert "no_source" not in gaps_of(text, "declining")


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (
            "Former captains Tom Reid and Ian Park have lent their backing to the fans’ campaign.",
            "lent their backing",
        ),
        ("The two councils have already committed to funding the new bridge.", "committed to"),
    ],
)
def test_a_commitment_the_article_states_for_others_has_no_source(sentence: str, cue: str) -> None:
    assert cue in gaps_of(sentence, cue.split()[0])["no_source"]


@pytest.mark.parametrize(
    ("sentence", "words", "asked"),
    [
        (
            "The minister was responding to a report by a parliamentary committee on prisons.",
            "responding",
            "“a report by a parliamentary committee”",
        ),
        (
            "The new rules are likely to be welcomed by small shops across the county.",
            "welcomed",
            "On what evidence does the article forecast “The new rules are likely",
        ),
        (
            "The minister said the reforms would deliver savings across the region.",
            "savings",
            "How much would be saved, by whose estimate,",
        ),
    ],
)
def test_questions_quote_the_whole_cue_and_stay_short(
    sentence: str, words: str, asked: str
) -> None:
    questions = claim_with(sentence, words).follow_up_questions
    assert any(asked in q and len(q) < 140 for q in questions), questions


@pytest.mark.parametrize(
    "text",
    [
        "Rep. Jorge A. Mendes (D-Ore.) spoke first. “We will not back down,” Mendes said.",
        "House Speaker Tom Ridley said the bill would pass. “It has the votes,” Ridley said.",
        "“Nobody has asked me,” O'Malley said after the vote.",
        "Lamenting their luck, Texans often say, “Rain in May brings hay.”",
        "The Daily Herald reported that the mayor was “not in a hurry to decide.”",
        '"People say it does not matter," said Charlie King, a prominent Queens Democrat. '
        '"Turnout makes a difference," Mr. King said.',
        "“The impact of the debate is still being felt,” said Cameron Easley for Morning Consult.",
        "Readers Tell Us What They Think Of The Mayor.\n\n“The buses are late and the parks "
        "are dirty, and he blames everyone else.” ― Andrés Villa\n",
    ],
)
def test_words_quoted_from_people_places_and_papers_need_no_statement(text: str) -> None:
    quotes = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "quote"]
    assert quotes
    assert all(
        "statement they come from" not in g.explanation for c in quotes for g in c.sourcing_gaps
    )


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The senator has spent weeks attacking the governor as a “career politician”.", "weeks"),
        ("Mr Okoro openly praises the mayor as a “strong leader” in his speeches.", "praises"),
        ("She cited his old references to the judge as “Judge Nobody” in the debate.", "cited"),
    ],
)
def test_words_in_marks_after_a_verb_and_as_are_its_subject_s(sentence: str, words: str) -> None:
    assert "no_source" not in gaps_of(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "When the fact-checkers examined the senator’s claim, it was labeled “Mostly True.”",
            "claim",
        ),
        ("Only farmers are “safe” in his eyes.", "farmers"),
        ("The professor compared the coach to a referee who is “working the crowd”.", "coach"),
    ],
)
def test_words_in_marks_whose_owner_the_sentence_gives_are_owned(sentence: str, words: str) -> None:
    assert "no_source" not in gaps_of(sentence, words)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor, who has not been charged with any offence, denies wrongdoing.",
        "Neither the mayor nor his aides have been charged with a crime over the contracts.",
    ],
)
def test_charges_nobody_brought_need_no_charge_sheet(sentence: str) -> None:
    gap = gaps_of(sentence, "charged").get("missing_primary_document", "")
    assert "charges" not in gap


def test_said_earlier_on_a_named_day_says_when() -> None:
    text = "The league announced earlier Tuesday that the final would be moved to Lisbon."
    assert "missing_timeframe" not in gaps_of(text, "Lisbon")


def test_some_say_is_a_view_not_a_part_left_unsaid() -> None:
    text = "The council approved an ambitious - some say reckless - plan to rebuild the pier."
    gap = gaps_of(text, "pier").get("unclear_scope", "")
    assert "some say" not in gap


def test_a_document_named_with_a_singular_noun_takes_is() -> None:
    text = "A 30-page analysis published by the Transport Department last week shows delays."
    gaps = gaps_of(text, "analysis")
    assert "The analysis is referred to" in gaps["missing_primary_document"]


def test_a_figure_beside_another_answer_to_the_same_poll_is_not_the_article_s_own() -> None:
    text = (
        'Only 41 percent of voters agreed that the mayor was "honest enough to lead the '
        'city," while 62 percent said the same of his rival.'
    )
    figures = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "figure"]
    assert figures
    assert all("41%" not in g.explanation for c in figures for g in c.sourcing_gaps)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The council leader said he plans to hire more wardens for the parks.", "wardens"),
        ("Most tenants say they plan to stay in the flats after the repairs.", "tenants"),
    ],
)
def test_a_plan_someone_says_they_have_needs_no_timetable(sentence: str, words: str) -> None:
    assert "missing_timeframe" not in gaps_of(sentence, words)


def test_a_target_to_reach_is_no_crowd_estimate() -> None:
    text = "The charity wants to sign up 2 million people, most of them students."
    gap = gaps_of(text, "2 million").get("vague_figure", "")
    assert "crowd" not in gap


def test_a_wish_voiced_in_the_sentence_before_is_voiced() -> None:
    text = (
        "At a rally in Leeds on Monday, Ms Ward set out her proposals for the railways. She "
        "wants to bring the northern lines back into public hands."
    )
    gap = gaps_of(text, "northern lines").get("no_source", "")
    assert "wants" not in gap


def test_an_aim_is_a_direction_not_a_plan_with_a_date() -> None:
    text = "After the floods, the province aims to rely less on imported grain."
    assert "missing_timeframe" not in gaps_of(text, "grain")


def test_a_figure_inside_a_speaker_s_quote_is_theirs() -> None:
    text = (
        "The candidate went after her rival's record on Monday night. “He built the firm with "
        "$3 million lent by his uncle, and he really believes that the more you give the rich, "
        "the better off we all are,” Hale said."
    )
    figures = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "figure"]
    assert figures
    assert figures[0].speaker
    assert "no_source" not in {g.kind for g in figures[0].sourcing_gaps}


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The minister did not unveil plans to pay for the new bridge.", "bridge"),
        ("Voters think the mayor has the best plan to fix the city's roads.", "roads"),
        ("The council backed off, dialing back plans to close the library.", "library"),
        ("The villagers made plans to build a new bridge.", "bridge"),
    ],
)
def test_plans_as_a_thing_shown_or_judged_need_no_timetable(sentence: str, words: str) -> None:
    assert "missing_timeframe" not in gaps_of(sentence, words)


def test_a_wish_supposed_is_not_reported() -> None:
    text = "The regulator should stay out of the merger unless it wants to block it outright."
    gap = gaps_of(text, "merger").get("no_source", "")
    assert "wants" not in gap


def test_words_a_magazine_printed_are_its_report_not_a_statement() -> None:
    text = "The surgeon has long been seen, as The New Yorker put it in a profile, “the showman.”"
    quotes = [c for c in claimcheck.check(text, engine="rules").claims if c.kind == "quote"]
    assert quotes
    assert all("statement" not in g.explanation for c in quotes for g in c.sourcing_gaps)


def test_an_intent_in_a_speaker_s_own_words_needs_no_timetable() -> None:
    text = "Dana Moss, its director, said: “The fund intends to help every family in the valley.”"
    assert "missing_timeframe" not in gaps_of(text, "intends")


def test_in_hopes_that_is_the_subject_s_hope() -> None:
    text = "The striker was compared to a gambler who keeps playing in hopes that luck will turn."
    gap = gaps_of(text, "gambler").get("no_source", "")
    assert "hopes" not in gap


@pytest.mark.parametrize(
    "sentence",
    [
        "The valley is one of the country's most economically deprived areas.",
        "The clip became the most widely seen video of the protest.",
    ],
)
def test_a_ranking_by_an_adverb_is_not_a_judgement(sentence: str) -> None:
    assert "opinion" not in gaps_of(sentence, sentence.split()[1])


def test_a_public_aim_stated_as_wanted_needs_no_voice() -> None:
    text = "The mayor wants to scrap the parking levy and cut bus fares."
    gap = gaps_of(text, "levy").get("no_source", "")
    assert "wants" not in gap


def test_a_handful_of_notes_is_a_thing_held_not_a_vague_count() -> None:
    text = "A waiter who pockets a handful of $10 bills is sacked on the spot."
    gap = gaps_of(text, "waiter").get("vague_figure", "")
    assert "handful" not in gap


def test_a_speech_begun_by_doing_something_is_not_one_by_someone() -> None:
    text = "The senator opened his speech by thanking the crowd in Denver for waiting."
    gap = gaps_of(text, "Denver").get("missing_primary_document", "")
    assert "speech" not in gap


def test_words_quoted_from_a_one_word_body_written_like_one_need_its_statement() -> None:
    text = (
        "The fact-checking site CheckWise reviewed the claim. CheckWise said the figure was "
        "“badly out of date” and rated it false."
    )
    assert "statement" in gaps_of(text, "out of date")["missing_primary_document"]
