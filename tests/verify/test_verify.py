"""Claims held against their sources: quotes verbatim or altered, figures the same or not."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import claimcheck
from claimcheck import Source
from claimcheck.models import Claim, Report

ARTICLE = (
    "Donald Trump met European leaders on Monday. "
    "“We will give them very good protection, very good security,” Donald Trump said. "
    "“I’m just trying to stop people from being killed… they’re losing 5-7,000 people a week "
    "in that ridiculous war,” Trump said. "
    "The Treasury said the scheme would cost £1.2bn over five years. "
    "Mr Brown said the plan had been agreed by every minister in the cabinet."
)


def verified(*sources: str, article: str = ARTICLE) -> Report:
    given = [Source(f"source{i}.txt", text) for i, text in enumerate(sources)]
    return claimcheck.Checker(engine="rules").verify(article, given)


def claim_with(report: Report, words: str, kind: str) -> Claim:
    (found,) = [c for c in report.claims if words in c.excerpt and c.kind == kind]
    assert found.evidence is not None
    return found


TRANSCRIPT = (
    "TRUMP: We will give them very good protection, very good security.\n\n"
    "TRUMP: I'm just trying to stop people from being killed, I really am, they're losing "
    "5-7,000 people a week in that ridiculous war.\n\n"
    "The scheme will cost £1,200m over five years, the Treasury's statement said."
)


def test_quotes_are_verbatim_whatever_their_marks_case_and_spacing() -> None:
    report = verified(TRANSCRIPT.replace("very good security", "Very  good SECURITY"))
    evidence = claim_with(report, "very good protection", "quote").evidence
    assert evidence is not None and evidence.verdict == "verbatim"
    (passage,) = evidence.passages
    assert passage.source == "source0.txt"
    assert report.sources[0].text[passage.start : passage.end] == passage.text
    assert passage.text.startswith("We will give them")


def test_an_ellipsis_stands_for_dropped_words() -> None:
    evidence = claim_with(verified(TRANSCRIPT), "just trying to stop", "quote").evidence
    assert evidence is not None and evidence.verdict == "verbatim"


def test_a_changed_word_is_altered_and_named() -> None:
    source = TRANSCRIPT.replace("very good protection", "very strong protection")
    evidence = claim_with(verified(source), "very good protection", "quote").evidence
    assert evidence is not None and evidence.verdict == "altered"
    assert evidence.differences == ["“strong” in the source, “good” in the quote"]


def test_words_in_no_source_are_not_found() -> None:
    report = verified("Le président a promis une très bonne protection à l'Ukraine.")
    evidence = claim_with(report, "very good protection", "quote").evidence
    assert evidence is not None and evidence.verdict == "not_found"


def test_words_another_person_said_are_altered() -> None:
    source = "“We will give them very good protection, very good security,” said Emmanuel Macron."
    evidence = claim_with(verified(source), "very good protection", "quote").evidence
    assert evidence is not None and evidence.verdict == "altered"
    assert "Emmanuel Macron" in evidence.differences[-1]


def figure(report: Report, raw: str) -> Claim:
    (found,) = [c for c in report.claims if c.figure is not None and c.figure.raw == raw]
    return found


STATISTICS = (
    "Losses on the front are estimated at 5,000 to 7,000 people a week.\n\n"
    "The scheme will cost £1,200m over five years, the Treasury's statement said."
)


def test_figures_are_the_same_once_both_are_read() -> None:
    report = verified(STATISTICS)
    week = figure(report, "5-7,000 people a week").evidence
    cost = figure(report, "£1.2bn").evidence
    assert week is not None and week.verdict == "same"
    assert cost is not None and cost.verdict == "same"
    assert cost.passages[0].text == "£1,200m"


def test_another_value_for_the_same_thing_is_different_and_both_are_shown() -> None:
    source = STATISTICS.replace("5,000 to 7,000 people a week", "6,000 people a week")
    evidence = figure(verified(source), "5-7,000 people a week").evidence
    assert evidence is not None and evidence.verdict == "different"
    (difference,) = evidence.differences
    assert "5,000 to 7,000 people a week" in difference and "6,000 people a week" in difference


def test_a_figure_no_source_gives_is_not_found() -> None:
    evidence = figure(verified("Nothing here counts anything."), "£1.2bn").evidence
    assert evidence is not None and evidence.verdict == "not_found"


def test_a_claim_giving_two_figures_is_held_against_the_sources_for_each() -> None:
    article = "Club bid\n\nThe tycoon's bid values the club at £800m ($1.5bn), his advisers said.\n"
    (claim,) = [c for c in verified("The bid valued the club at £800m.", article=article).claims]
    assert [f.raw for f in claim.figures] == ["£800m", "$1.5bn"]
    assert claim.evidence is not None and claim.evidence.verdict == "not_found"
    assert claim.evidence.differences == ["no source gives $1.5bn"]
    both = verified("It valued the club at £800m, or $1.5bn.", article=article).claims[0]
    assert both.evidence is not None and both.evidence.verdict == "same"


def test_assertions_offline_are_unchecked_with_the_best_passages() -> None:
    source = "Minutes. Every minister in the cabinet agreed the plan on Tuesday.\n\nOther business."
    evidence = claim_with(verified(source), "every minister", "assertion").evidence
    assert evidence is not None and evidence.verdict == "unchecked"
    assert "Every minister in the cabinet agreed the plan" in evidence.passages[0].text


def test_a_source_that_cannot_be_read_is_named_and_the_others_are_used(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"\x00\x01 not a pdf")
    report = claimcheck.Checker(engine="rules").verify(ARTICLE, [str(tmp_path)])
    assert [s.source for s in report.sources] == [str(tmp_path / "notes.txt")]
    assert any("scan.pdf" in w and "not used" in w for w in report.warnings)


def test_the_article_itself_is_no_source() -> None:
    with pytest.raises(claimcheck.InputError, match="the article itself"):
        verified(ARTICLE)


def test_the_async_twin_gives_the_same_report() -> None:
    checker = claimcheck.Checker(engine="rules")
    sources = [Source("t.txt", TRANSCRIPT)]
    assert asyncio.run(checker.averify(ARTICLE, sources)) == checker.verify(ARTICLE, sources)


def test_the_command_line_verifies_an_article_against_a_folder(tmp_path: Path) -> None:
    from claimcheck.cli import main

    article, folder = tmp_path / "article.txt", tmp_path / "sources"
    article.write_text(ARTICLE, encoding="utf-8")
    folder.mkdir()
    (folder / "transcript.md").write_text(TRANSCRIPT, encoding="utf-8")
    out = tmp_path / "report.json"
    assert main(["verify", str(article), "--against", str(folder), "-o", str(out)]) == 0
    report = Report.model_validate_json(out.read_text(encoding="utf-8"))
    assert report.sources[0].source == str(folder / "transcript.md")
    assert claim_with(report, "very good protection", "quote").evidence.verdict == "verbatim"  # type: ignore[union-attr]


def test_markdown_and_csv_show_the_verdict_and_the_passage() -> None:
    from claimcheck.write.render import to_markdown
    from claimcheck.write.render_csv import rows

    source = TRANSCRIPT.replace("very good protection", "very strong protection")
    report = verified(source)
    (row,) = [r for r in rows(report) if "very good protection" in str(r["excerpt"])]
    assert row["verdict"] == "altered" and row["evidence_source"] == "source0.txt"
    assert str(row["passage"]).startswith("We will give them very strong protection")
    assert row["differences"] == "“strong” in the source, “good” in the quote"
    assert "- **Sources:** altered" in to_markdown(report)


def test_the_page_marks_the_verdict_and_what_differs_in_the_passage() -> None:
    from claimcheck.write.render_html import to_html

    source = TRANSCRIPT.replace("very good protection", "very strong protection")
    page = to_html(verified(source))
    assert '<span class="verdict v-altered">altered</span>' in page
    assert 'very <mark class="changed">strong</mark> protection' in page


def test_a_batch_checks_every_article_against_one_collection(tmp_path: Path) -> None:
    from claimcheck.cli import main
    from claimcheck.run.jsonl import read_results

    articles, folder = tmp_path / "articles", tmp_path / "sources"
    articles.mkdir()
    folder.mkdir()
    (articles / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "two.txt").write_text(ARTICLE.replace("very good", "really good"), "utf-8")
    (folder / "transcript.txt").write_text(TRANSCRIPT, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    argv = ["batch", str(articles), "--out", str(out), "--against", str(folder), "--workers", "1"]
    assert main(argv) == 0
    verdicts = {
        Path(r.source or "").name: claim_with(r, "good protection", "quote").evidence.verdict  # type: ignore[union-attr]
        for r in read_results(str(out))
        if isinstance(r, Report)
    }
    assert verdicts == {"one.txt": "verbatim", "two.txt": "altered"}


# Each quotation and figure on its own; whose words the source says they are --------------


def test_each_quotation_of_a_claim_gets_its_own_verdict() -> None:
    article = (
        "Fraud\n\nCarl Clump said there was “no doubt” that chip and pin would “greatly reduce "
        "card fraud”.\n"
    )
    source = 'Carl Clump said there was "no doubt" that chip and pin would "reduce card fraud".'
    (claim,) = [c for c in verified(source, article=article).claims if c.kind == "quote"]
    assert claim.evidence is not None and claim.evidence.verdict == "altered"
    parts = [(p.text, p.verdict) for p in claim.evidence.parts]
    assert parts == [("no doubt", "verbatim"), ("greatly reduce card fraud", "altered")]


def test_each_figure_of_a_claim_gets_its_own_verdict() -> None:
    article = "Poll\n\nA poll gave her a slimmer lead, 46 percent to 44 percent, the paper said.\n"
    source = "The poll gave Clinton 46 percent of the vote and Trump 41 percent, the paper said."
    (claim,) = [c for c in verified(source, article=article).claims if c.figures]
    assert claim.evidence is not None
    assert [(p.text, p.verdict) for p in claim.evidence.parts] == [
        ("46 percent", "same"),
        ("44 percent", "different"),
    ]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # The source names Trump beside the words, but they are Clinton's.
        (
            "Clinton said Sunday that “we know there are frustrated people here at home too,” "
            "in a swipe at Trump.",
            "altered",
        ),
        # The offline reading of the source may credit the agency; the sentence names him.
        (
            "“We know there are frustrated people here at home too,” shop owner Donald Trump, "
            "told Associated Press.",
            "verbatim",
        ),
        (
            "“We know there are frustrated people here at home too,” he said. Mr Trump spoke last.",
            "verbatim",
        ),
    ],
)
def test_words_are_altered_only_when_the_source_credits_someone_else(
    source: str, verdict: str
) -> None:
    article = (
        "Rally\n\n“We know there are frustrated people here at home too,” Donald Trump said.\n"
    )
    (claim,) = [c for c in verified(source, article=article).claims if c.kind == "quote"]
    assert claim.evidence is not None and claim.evidence.verdict == verdict
    if verdict == "altered":
        assert "Clinton’s words, not Donald Trump’s" in claim.evidence.differences[-1]


def test_an_unnamed_speaker_matches_the_sources_description_of_them() -> None:
    article = "Report\n\n“We welcome the report,” a spokesman said.\n"
    source = "“We welcome the report,” a Defra spokesman said on Tuesday."
    (claim,) = [c for c in verified(source, article=article).claims if c.kind == "quote"]
    assert claim.evidence is not None and claim.evidence.verdict == "verbatim"


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Why were 10,000 Hearts fans incensed?", "not_found"),  # fans of another story
        ("About 60,000 fans are expected at the match on Sunday.", "different"),
    ],
)
def test_a_different_value_must_count_the_same_thing(source: str, verdict: str) -> None:
    article = "Match\n\nSome 68,000 fans are expected at Old Trafford for the match.\n"
    (claim,) = [c for c in verified(source, article=article).claims if c.figures]
    assert claim.evidence is not None and claim.evidence.verdict == verdict


def test_a_vague_amount_is_no_other_value() -> None:
    article = "Care\n\nCouncils already make direct payments to about 25,000 people.\n"
    source = "Councils already make direct payments to thousands of people."
    (claim,) = [c for c in verified(source, article=article).claims if c.figures]
    assert claim.evidence is not None and claim.evidence.verdict == "not_found"


def test_a_long_sentence_about_the_same_money_is_a_different_value() -> None:
    article = (
        "Grant\n\nThe European Commission granted just £249m towards the cost of the slaughter, "
        "far less than ministers had hoped for, because the UK had valued the culled animals "
        "well above the commission's own assessment.\n"
    )
    source = (
        "Ministers had hoped to get £900m from the European Union Vet Fund to help with animal "
        "slaughter and other costs but in the end was granted £349m."
    )
    (claim,) = [c for c in verified(source, article=article).claims if c.figures]
    assert claim.evidence is not None and claim.evidence.verdict == "different"


def test_a_different_value_is_the_one_the_source_gives_for_that_figure() -> None:
    article = (
        "Poll\n\nRepublican voters trusted him most on terrorism: 42 percent preferred Trump, "
        "with Jeb Bush second on 28 percent.\n"
    )
    source = (
        "Republican voters trust him most to deal with terrorism, with 42% preferring the "
        "front-runner. Bush was second with 18%."
    )
    (claim,) = [c for c in verified(source, article=article).claims if c.figures]
    assert claim.evidence is not None
    second = claim.evidence.parts[1]
    assert (second.text, second.verdict) == ("28 percent", "different")
    assert [p.text for p in second.passages] == ["18%"]
