"""The openai engine, with the OpenAI HTTP API mocked at the transport by respx."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from conftest import assert_pinned, read_article
from strong_model import answer, claims_for, kept

import claimcheck
from claimcheck.find.drafts import as_sentence
from claimcheck.read.structure import Article

BASE = "https://llm.test/v1"
UKRAINE = read_article("ukraine-troops.txt")
STRONG = answer("ukraine-troops")  # a careful strong model's claims, written by hand


def lost(report: claimcheck.Report) -> list[str]:
    """The strong model's claims the report does not keep whole where their words are."""
    return [c["text"] for c in STRONG if not kept(c, report, UKRAINE)]


def completion(claims: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    usage = {
        "prompt_tokens": extra.pop("prompt_tokens", 1000),
        "completion_tokens": extra.pop("completion_tokens", 200),
        "total_tokens": 1200,
        "prompt_tokens_details": {"cached_tokens": extra.pop("cached_tokens", 0)},
    }
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": extra.pop("finish_reason", "stop"),
                "message": {
                    "role": "assistant",
                    "content": extra.pop("content", None) or json.dumps({"claims": claims}),
                    "refusal": None,
                },
            }
        ],
        "usage": usage,
    }


def claim(
    excerpt: str,
    kind: str = "assertion",
    *,
    sentence: int | None = None,
    speaker: str | None = None,
    figure: str | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    return {
        "sentence": sentence,
        "excerpt": excerpt,
        "kind": kind,
        "text": text or excerpt,
        "speaker": speaker,
        "figure": figure,
        "follow_up_questions": ["What did the interview transcript say?"],
        "sourcing_gaps": [],
    }


def full_answer(text: str) -> list[dict[str, Any]]:
    """An answer that covers every quotation and figure the rules find, as a good model would."""
    report = claimcheck.check(text, engine="rules")
    return [
        claim(c.excerpt, c.kind, speaker=c.speaker, figure=c.figure.raw if c.figure else None)
        for c in report.claims
        if c.kind in ("quote", "figure")
    ]


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def make_checker() -> Iterator[Callable[..., claimcheck.Checker]]:
    checkers: list[claimcheck.Checker] = []

    def make(**options: Any) -> claimcheck.Checker:
        checker = claimcheck.Checker(
            engine="openai",
            model="test-model",
            base_url=BASE,
            api_key="sk-test-key",
            http_client=httpx.AsyncClient(),
            **options,
        )
        checkers.append(checker)
        return checker

    yield make
    for checker in checkers:
        checker.close()


def answers(*bodies: dict[str, Any]) -> list[httpx.Response]:
    return [httpx.Response(200, json=body) for body in bodies]


def sent(route: respx.Route, index: int = 0) -> dict[str, Any]:
    return json.loads(route.calls[index].request.content)  # type: ignore[no-any-return]


def test_request_carries_model_strict_schema_and_article_last(api, make_checker) -> None:
    route = api.post("/chat/completions").mock(
        side_effect=answers(completion(full_answer(UKRAINE)))
    )
    make_checker().check(UKRAINE)
    body = sent(route)
    assert body["model"] == "test-model"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    schema = body["response_format"]["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user"]
    assert "fact-checker" in body["messages"][0]["content"]
    user = body["messages"][-1]["content"]
    assert user.rstrip().endswith("</article>")
    assert "[1] President Donald Trump has said" in user
    assert "Read more" not in user  # page furniture is never offered to the model


def test_report_states_engine_model_prompt_version_and_usage(api, make_checker) -> None:
    api.post("/chat/completions").mock(
        side_effect=answers(completion(full_answer(UKRAINE), cached_tokens=300))
    )
    report = make_checker().check(UKRAINE, source="ukraine.txt")
    assert (report.engine, report.model, report.prompt_version) == ("openai", "test-model", "v1")
    assert report.source == "ukraine.txt"
    assert report.usage.requests == 1
    assert report.usage.prompt_tokens == 1000
    assert report.usage.completion_tokens == 200
    assert report.usage.cached_tokens == 300


def test_exact_excerpt_is_pinned_to_its_offsets(api, make_checker) -> None:
    excerpt = "no U.S. troops will be deployed in Ukraine"
    api.post("/chat/completions").mock(
        side_effect=answers(completion([*full_answer(UKRAINE), claim(excerpt, sentence=1)]))
    )
    report = make_checker().check(UKRAINE)
    start = UKRAINE.index(excerpt)  # where the words are, found by the test itself
    assert any((c.start, c.end) == (start, start + len(excerpt)) for c in report.claims)


def test_slightly_off_excerpt_is_grounded_to_the_real_text(api, make_checker) -> None:
    copied = 'there would be no "American boots on the ground" to defend the Ukrainian border'
    reading = "Trump said no American troops would defend the Ukrainian border."
    api.post("/chat/completions").mock(
        side_effect=answers(
            completion([*full_answer(UKRAINE), claim(copied, sentence=2, text=reading)])
        )
    )
    report = make_checker().check(UKRAINE)
    real = "there would be no “American boots on the ground” to defend the Ukrainian border"
    start = UKRAINE.index(real)
    assert any((c.start, c.end) == (start, start + len(real)) for c in report.claims)
    assert_pinned(UKRAINE, report)


def test_invented_claim_is_dropped_with_a_warning(api, make_checker) -> None:
    invented = "Trump announced that 40,000 American troops would be sent to Poland next month."
    api.post("/chat/completions").mock(
        side_effect=answers(completion([*full_answer(UKRAINE), claim(invented, sentence=3)]))
    )
    report = make_checker().check(UKRAINE)
    assert not any("Poland" in c.text or "Poland" in c.excerpt for c in report.claims)
    assert any("not found in the article" in w and "Poland" in w for w in report.warnings)


def test_invented_claim_is_kept_apart_only_when_asked(api, make_checker) -> None:
    invented = "Trump announced that 40,000 American troops would be sent to Poland next month."
    api.post("/chat/completions").mock(
        side_effect=answers(completion([*full_answer(UKRAINE), claim(invented, sentence=3)]))
    )
    report = make_checker(keep_ungrounded=True).check(UKRAINE)
    assert [u.excerpt for u in report.ungrounded] == [invented]
    assert not any("Poland" in c.excerpt for c in report.claims)


def test_quote_outside_quotation_marks_becomes_an_assertion(api, make_checker) -> None:
    reported = "no U.S. troops will be deployed in Ukraine"
    api.post("/chat/completions").mock(
        side_effect=answers(
            completion(
                [*full_answer(UKRAINE), claim(reported, "quote", sentence=1, speaker="Trump")]
            )
        )
    )
    report = make_checker().check(UKRAINE)
    (found,) = [c for c in report.claims if c.excerpt == reported]
    assert found.kind == "assertion"
    assert found.speaker == "Donald Trump"
    assert any("reclassified" in w for w in report.warnings)


def test_a_sentence_that_only_touches_the_next_quotations_mark_is_not_a_quote(
    api, make_checker
) -> None:
    """Qwen on the Marley interview: an unquoted sentence copied with the opening mark of the
    quotation after it is the article's own words, not the speaker's quote."""
    marley = read_article("bbc-entertainment-my-memories-of-marley.txt")
    excerpt = 'He had only performed in Zimbabwe and Guinea before. "'
    api.post("/chat/completions").mock(
        side_effect=answers(
            completion([claim(excerpt, "quote", speaker="Rob Partridge")]), completion([])
        )
    )
    report = make_checker().check(marley)
    (found,) = [c for c in report.claims if c.excerpt.startswith("He had only performed")]
    assert found.kind == "assertion"
    assert found.excerpt == "He had only performed in Zimbabwe and Guinea before."


def test_a_claim_cut_short_of_a_sentence_takes_in_the_unclaimed_rest_that_has_a_gap(
    api, make_checker
) -> None:
    """Qwen on the Fed article cut the lede before "in a widely anticipated move", so the
    passive view was in no claim and no gap flagged it. Where the rest of a sentence that no
    other claim holds carries a gap, the excerpt takes it in; otherwise it stays the model's."""
    fed = read_article("bbc-business-us-interest-rates-increased-to-2.txt")
    short = "US interest rates are to rise for the fourth time in five months"
    split = "US companies created twice as many jobs as expected in October"
    api.post("/chat/completions").mock(
        side_effect=answers(
            completion(
                [
                    claim(short, "figure", figure="fourth time"),
                    claim(split, "figure", figure="twice"),
                    claim("exports hit record levels in September", "assertion"),
                ]
            ),
            completion([]),
        )
    )
    report = make_checker().check(fed)
    (lede,) = [c for c in report.claims if c.excerpt.startswith(short)]
    assert lede.excerpt == short + ", in a widely anticipated move."
    assert "passive_voice" in {g.kind for g in lede.sourcing_gaps}
    # What another claim holds is that claim's: "exports hit record levels" is nothing vague.
    (jobs,) = [c for c in report.claims if c.excerpt == split]
    assert "missing_timeframe" not in {g.kind for g in jobs.sourcing_gaps}


def test_figure_values_come_from_the_parser_not_the_model(api, make_checker) -> None:
    excerpt = "they’re losing 5-7,000 people a week in that ridiculous war"
    model_claims = [c for c in full_answer(UKRAINE) if c["kind"] != "figure"] + [
        claim(excerpt, "figure", sentence=6, speaker="Trump", figure="5-7,000")
    ]
    api.post("/chat/completions").mock(side_effect=answers(completion(model_claims)))
    report = make_checker().check(UKRAINE)
    (figure,) = [c for c in report.claims if c.kind == "figure"]
    assert figure.figure is not None
    assert (figure.figure.low, figure.figure.high) == (5000, 7000)
    assert figure.figure.per == "week"
    assert figure.speaker == "Donald Trump"


def test_a_figure_value_does_not_depend_on_where_the_model_cut_its_excerpt(
    api, make_checker
) -> None:
    rates = read_article("bbc-business-us-interest-rates-increased-to-2.txt")
    cut = claim("US firms created 337,000 jobs", "figure", figure="337,000")  # "last month" cut off
    api.post("/chat/completions").mock(side_effect=answers(completion([cut]), completion([])))
    report = make_checker().check(rates)
    (jobs,) = [c for c in report.claims if c.figure and "337,000" in c.figure.raw]
    assert jobs.excerpt == "US firms created 337,000 jobs"
    assert jobs.figure is not None and (jobs.figure.low, jobs.figure.per) == (337000, "month")


def test_words_inside_a_long_quotation_are_its_speakers_quote_part_by_part(
    api, make_checker
) -> None:
    """The model files one sentence of a quote running over paragraphs as an assertion and
    never mentions the next quote's opening: kinds follow the quotation marks, and every
    paragraph of every quotation ends up with a quote claim."""
    yukos = read_article("bbc-business-yukos-unit-fetches-9bn-at-auction.txt")
    inside = "I would not exclude that the structure of the deal has slightly changed"
    api.post("/chat/completions").mock(
        side_effect=answers(completion([claim(inside, "assertion")]), completion([]))
    )
    report = make_checker().check(yukos)
    (claim_,) = [c for c in report.claims if inside in c.excerpt]  # one claim, not two
    assert (claim_.kind, claim_.speaker) == ("quote", "Kaha Kiknavelidze")
    rules = claimcheck.check(yukos, engine="rules")
    quotes = [(c.start, c.end) for c in report.claims if c.kind == "quote"]
    for q in (c for c in rules.claims if c.kind == "quote"):
        assert any(s < q.end and q.start < e for s, e in quotes)
    opening = yukos.index("I see no plausible explanation")
    assert any(s <= opening < e for s, e in quotes)


def test_what_the_model_missed_is_found_in_linear_time_on_a_long_article() -> None:
    """Kinds by quotation marks, missed quotations, figures and statements: each claim is
    looked up by bisection, not compared with every quotation, figure and statement."""
    import time
    from dataclasses import replace

    from claimcheck.decide.coverage import quoted_words, unclaimed, uncovered
    from claimcheck.find.analysis import analyse

    one = read_article("bbc-politics-escaped-prisoner-report-ordered.txt")

    def run(text: str) -> tuple[float, tuple[int, int, int]]:
        analysis = analyse(Article(text))
        best, missed = float("inf"), (0, 0, 0)
        for _ in range(7):  # the best of seven: a collector's pause is not the code's time
            drafts = [replace(d) for d in analysis.drafts]
            began = time.perf_counter()
            quoted_words(analysis, drafts, [])
            quotes, figures = uncovered(analysis, drafts, by_part=True)
            statements = unclaimed(analysis, drafts)
            best = min(best, time.perf_counter() - began)
            missed = (len(quotes), len(figures), len(statements))
        return best, missed

    once, missed = run("\n\n".join([one] * 5))
    twenty, missed_too = run("\n\n".join([one] * 100))
    assert missed == missed_too == (0, 0, 0)  # the rules' own drafts miss nothing
    # Linear: 20 times (with bisection's log, about 30); one against all: 400. The margin is
    # for a loaded machine (the suite runs on every core), where the short run is the noisier.
    assert twenty < 150 * once


def test_speaker_the_article_never_names_is_not_used(api, make_checker) -> None:
    excerpt = "His comment on Tuesday revealed a limit to any such guarantee"
    api.post("/chat/completions").mock(
        side_effect=answers(
            completion([*full_answer(UKRAINE), claim(excerpt, sentence=5, speaker="Joe Biden")])
        )
    )
    report = make_checker().check(UKRAINE)
    (found,) = [c for c in report.claims if c.excerpt == excerpt]
    assert found.speaker != "Joe Biden"
    assert any("Joe Biden" in w for w in report.warnings)


def test_no_audit_request_when_nothing_is_missing(api, make_checker) -> None:
    route = api.post("/chat/completions").mock(
        side_effect=answers(completion(full_answer(UKRAINE)))
    )
    report = make_checker().check(UKRAINE)
    assert route.call_count == 1
    assert report.usage.requests == 1


def test_audit_asks_once_for_missed_quotes_and_figures(api, make_checker) -> None:
    everything = full_answer(UKRAINE)
    missed = [c for c in everything if "tango" in c["excerpt"] or c["kind"] == "figure"]
    first = [c for c in everything if c not in missed]
    route = api.post("/chat/completions").mock(
        side_effect=answers(completion(first), completion(missed))
    )
    report = make_checker().check(UKRAINE)
    assert route.call_count == 2
    audit = sent(route, 1)["messages"][-1]["content"]
    assert "It takes two to tango" in audit and "5-7,000" in audit
    assert "You have my assurance" not in audit.split("<article>")[0]
    assert report.usage.requests == 2
    assert any("tango" in c.excerpt for c in report.claims if c.kind == "quote")
    assert not any("missed" in w for w in report.warnings)


def test_quotes_the_model_never_gives_are_added_and_listed(api, make_checker) -> None:
    route = api.post("/chat/completions").mock(side_effect=answers(completion([]), completion([])))
    report = make_checker().check(UKRAINE)
    assert route.call_count == 2
    rules = claimcheck.check(UKRAINE, engine="rules")
    rule_quotes = {(c.start, c.end) for c in rules.claims if c.kind == "quote"}
    assert rule_quotes <= {(c.start, c.end) for c in report.claims if c.kind == "quote"}
    assert any("the model missed" in w for w in report.warnings)


def test_long_article_is_split_into_concurrent_chunk_requests(api, make_checker) -> None:
    paragraphs = [p for p in UKRAINE.split("\n") if p.strip()]
    route = api.post("/chat/completions").mock(
        side_effect=lambda request: httpx.Response(200, json=completion([]))
    )
    report = make_checker(max_chunk_chars=600, audit=False).check(UKRAINE)
    chunks = route.call_count
    assert 3 <= chunks <= len(paragraphs)
    assert report.usage.requests == chunks
    assert report.usage.prompt_tokens == 1000 * chunks
    later = sent(route, chunks - 1)["messages"][-1]["content"]
    assert "<context>" in later  # headline and lede ride along for names


def test_chunks_run_concurrently(api, make_checker) -> None:
    import asyncio

    in_flight = 0
    peak = 0

    async def slow(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.05)
        in_flight -= 1
        return httpx.Response(200, json=completion([]))

    api.post("/chat/completions").mock(side_effect=slow)
    make_checker(max_chunk_chars=600, audit=False, concurrency=4).check(UKRAINE)
    assert peak > 1


def test_claims_repeated_across_chunks_are_reported_once(api, make_checker) -> None:
    everything = full_answer(UKRAINE)
    api.post("/chat/completions").mock(
        side_effect=lambda request: httpx.Response(200, json=completion(everything))
    )
    report = make_checker(max_chunk_chars=600, audit=False).check(UKRAINE)
    spans = [(c.kind, c.start, c.end, c.figure.raw if c.figure else None) for c in report.claims]
    assert len(spans) == len(set(spans))


def test_server_without_json_schema_gets_json_object_with_the_schema(api, make_checker) -> None:
    # What llama-cpp-python's server answers (measured on 2026-11-25).
    message = (
        "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', "
        "'type'), 'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"
    )
    rejection = httpx.Response(
        500, json={"error": {"message": message, "type": "internal_server_error"}}
    )
    route = api.post("/chat/completions").mock(
        side_effect=[rejection, httpx.Response(200, json=completion(full_answer(UKRAINE)))]
    )
    report = make_checker().check(UKRAINE)
    body = sent(route, 1)
    assert body["response_format"]["type"] == "json_object"
    assert body["response_format"]["schema"]["type"] == "object"
    assert "JSON schema" in body["messages"][0]["content"]
    assert report.claims


def test_malformed_answer_is_reasked_with_the_error(api, make_checker) -> None:
    route = api.post("/chat/completions").mock(
        side_effect=answers(
            completion([], content='{"claims": [{"kind": "quote"}]}'),
            completion(STRONG),
        )
    )
    report = make_checker().check(UKRAINE)
    reask = sent(route, 1)["messages"]
    assert reask[-2]["role"] == "assistant"
    assert "not valid" in reask[-1]["content"]
    assert report.usage.requests == 2
    assert lost(report) == []


def cut_off(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """An answer stopped by the length limit inside its last claim's excerpt."""
    whole = json.dumps({"claims": claims})
    cut = whole.rindex('"excerpt": ') + 30
    return completion([], content=whole[:cut], finish_reason="length")


def test_cut_off_answer_keeps_its_claims_and_asks_again_in_halves(api, make_checker) -> None:
    asked: list[dict[str, Any]] = []

    def reply(request: httpx.Request) -> httpx.Response:
        asked.append(body := json.loads(request.content))
        if len(asked) == 1:
            return httpx.Response(200, json=cut_off(STRONG))
        return httpx.Response(200, json=completion(claims_for("ukraine-troops", body)))

    route = api.post("/chat/completions").mock(side_effect=reply)
    report = make_checker(audit=False).check(UKRAINE)
    assert route.call_count == 3  # the whole chunk, then each half
    halves = [sent(route, i)["messages"][-1]["content"] for i in (1, 2)]
    assert "[1] President Donald Trump" in halves[0] and "[1] " not in halves[1]
    # The second half does not hold the lede, so it is shown as context, as in later chunks.
    assert "<context>" not in halves[0] and "<context>" in halves[1]
    assert lost(report) == []


def test_a_model_repeating_itself_until_cut_off_is_not_asked_again(api, make_checker) -> None:
    """Halving cannot help a model stuck in a loop; it would only loop again, twice."""
    looped = json.dumps({"claims": [claim("Trump said the troops would help.")] * 30})
    cut = completion([], content=looped[:-40], finish_reason="length")
    route = api.post("/chat/completions").mock(
        side_effect=lambda request: httpx.Response(200, json=cut)
    )
    report = make_checker(audit=False).check(UKRAINE)
    assert route.call_count == 1
    assert any("cut off" in w for w in report.warnings)


def test_answer_still_cut_off_when_split_keeps_what_it_has(api, make_checker) -> None:
    api.post("/chat/completions").mock(
        side_effect=lambda request: httpx.Response(200, json=cut_off(STRONG))
    )
    report = make_checker(audit=False).check(UKRAINE)
    assert any("cut off" in w for w in report.warnings)
    assert lost(report) == [STRONG[-1]["text"]]  # the one claim the limit cut in two


def test_a_half_the_model_cannot_answer_loses_no_claim_already_read(api, make_checker) -> None:
    """A cut-off chunk asked again in halves: one half's malformed answers must not throw
    away the claims already read, nor the other half's."""
    broken = completion([], content='{"claims": [{"kind": "quote"}]}')
    asked: list[str] = []

    def reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        text = " ".join(m["content"] for m in body["messages"])
        asked.append(text)
        if len(asked) == 1:
            return httpx.Response(200, json=cut_off(STRONG))
        first_half = "[1] President Donald Trump" in text
        return httpx.Response(
            200, json=broken if first_half else completion(claims_for("ukraine-troops", body))
        )

    api.post("/chat/completions").mock(side_effect=reply)
    report = make_checker(audit=False).check(UKRAINE)
    assert lost(report) == []
    assert any("half" in w and "did not match the schema" in w for w in report.warnings)


def test_every_claim_is_pinned_where_its_words_are(api, make_checker) -> None:
    api.post("/chat/completions").mock(side_effect=answers(completion(STRONG)))
    report = make_checker().check(UKRAINE)
    assert lost(report) == []  # each of the model's claims over the words of its excerpt
    assert_pinned(UKRAINE, report)


def test_async_and_sync_give_the_same_report(api, make_checker) -> None:
    import asyncio

    api.post("/chat/completions").mock(
        side_effect=lambda request: httpx.Response(200, json=completion(full_answer(UKRAINE)))
    )
    sync = make_checker().check(UKRAINE)

    async def run() -> claimcheck.Report:
        async with claimcheck.Checker(
            engine="openai",
            model="test-model",
            base_url=BASE,
            api_key="sk-test-key",
            http_client=httpx.AsyncClient(),
        ) as checker:
            return await checker.acheck(UKRAINE)

    again = asyncio.run(run())
    assert again.claims == sync.claims
    assert again.usage.requests == 0 and again.usage.cache_hits == 1  # the same answer, cached


def test_quote_given_as_its_whole_sentence_keeps_its_frame(api, make_checker) -> None:
    """A quote claim carries its frame (issue 13): the whole sentence, its attribution too."""
    start = UKRAINE.index("“It takes two to tango")
    sentence = UKRAINE[start : UKRAINE.index("said Trump.", start) + len("said Trump.")]
    model_claims = [c for c in full_answer(UKRAINE) if "tango" not in c["excerpt"]]
    model_claims.append(claim(sentence, "quote", sentence=8, speaker="Trump"))
    api.post("/chat/completions").mock(side_effect=answers(completion(model_claims)))
    report = make_checker().check(UKRAINE)
    (quote,) = [c for c in report.claims if c.kind == "quote" and "tango" in c.excerpt]
    assert quote.excerpt == sentence and quote.speaker == "Donald Trump"
    assert UKRAINE[quote.start : quote.end] == sentence


def test_a_quote_cut_inside_its_closing_mark_still_holds_its_quotation_and_frame(
    api, make_checker
) -> None:
    """Qwen on Qantas gave the whole sentence up to 'remain "all-Australian' as a quote,
    stopping before the closing mark: the quote holds the whole quotation with its frame, and
    the attribution is its speaker, never an assertion of its own (issue 13)."""
    qantas = read_article("bbc-business-qantas-considers-offshore-option.txt")
    start = qantas.index("Chief executive Geoff Dixon was quoted")
    sentence = qantas[start : qantas.index('"all-Australian"') + len('"all-Australian')]
    api.post("/chat/completions").mock(
        side_effect=answers(completion([claim(sentence, "quote", speaker="Dixon")]), completion([]))
    )
    report = make_checker().check(qantas)
    (quote,) = [c for c in report.claims if c.kind == "quote" and "all-Australian" in c.excerpt]
    whole = qantas[start : qantas.index('"all-Australian"') + len('"all-Australian"')]
    assert quote.excerpt.startswith(whole) and quote.speaker == "Geoff Dixon"
    assert not any(
        c.kind == "assertion" and c.excerpt.startswith("Chief executive Geoff Dixon was quoted")
        for c in report.claims
    )


def test_a_quote_whose_text_only_copies_its_words_says_who_said_them(api, make_checker) -> None:
    """Qwen on the women MPs article copied quotes as their text: a claim that cannot stand
    alone. The speaker the rules found is named, and the quote carries its frame, as the rules
    engine's own quotes do."""
    words = "We will give them very good protection"
    start = UKRAINE.index(words)
    excerpt = UKRAINE[start - 1 : UKRAINE.index("”", start) + 1]
    model_claims = [c for c in full_answer(UKRAINE) if words not in c["excerpt"]]
    model_claims.append(claim(excerpt, "quote", text=words))
    api.post("/chat/completions").mock(side_effect=answers(completion(model_claims)))
    report = make_checker().check(UKRAINE)
    (quote,) = [c for c in report.claims if c.kind == "quote" and words in c.excerpt]
    assert words in quote.text and "Donald Trump said" in quote.text
    assert UKRAINE[quote.start : quote.end].endswith("he said.")  # the frame, as the rules'


def test_claim_text_about_another_sentence_gives_way_to_the_articles_words(
    api, make_checker
) -> None:
    """Qwen on the Fed article gave the committee's vote as the text of the "2%" figure and a
    sentence number as the start of another: a claim's text must be about its excerpt."""
    fed = read_article("bbc-business-us-interest-rates-increased-to-2.txt")
    vote = (
        "The Fed's Open Market Committee - which sets interest rate policy in the US - voted "
        "unanimously in favour of a quarter point rise."
    )
    jobs = "US companies created twice as many jobs as expected in October"
    wrong = claim("2%", "figure", sentence=2, figure="2%", text=vote)
    wrong["follow_up_questions"] = ["Why did the Open Market Committee vote unanimously?"]
    api.post("/chat/completions").mock(
        side_effect=answers(
            completion([wrong, claim(jobs, "figure", figure="twice", text=f"[3] {jobs}.")]),
            completion([]),
        )
    )
    report = make_checker().check(fed)
    (two,) = [c for c in report.claims if c.origin == "model" and c.figure and c.figure.raw == "2%"]
    assert two.text.startswith("The Federal Reserve has raised its key federal funds rate")
    assert two.excerpt.rstrip(".") == two.text.rstrip(".")  # the article's words: its excerpt
    assert not any("Committee" in q for q in two.follow_up_questions)
    assert any("about something else" in w and "2%" in w for w in report.warnings)
    (twice,) = [c for c in report.claims if c.excerpt.startswith(jobs)]
    assert twice.text == f"{jobs}."


def test_filler_questions_are_dropped_and_specific_ones_kept(api, make_checker) -> None:
    excerpt = "Moscow’s response has been seen as Russia playing for time"
    model_claim = claim(excerpt, sentence=10)
    model_claim["follow_up_questions"] = [
        "What is the name of the person making this claim?",
        "Who in Moscow or elsewhere sees the response as playing for time?",
    ]
    api.post("/chat/completions").mock(
        side_effect=answers(completion([*full_answer(UKRAINE), model_claim]))
    )
    report = make_checker().check(UKRAINE)
    # The rest of the sentence ("as Putin seemingly brushed off…") is flagged: it joins.
    (found,) = [c for c in report.claims if c.excerpt.startswith(excerpt)]
    assert "What is the name of the person making this claim?" not in found.follow_up_questions
    assert any("playing for time" in q for q in found.follow_up_questions)


def test_speaker_phrase_with_a_date_and_titles_becomes_the_name(api, make_checker) -> None:
    excerpt = "meetings on Monday resulted in breakthroughs for security guarantees"
    model_claim = claim(
        excerpt, sentence=14, speaker="On Tuesday British Prime Minister Sir Keir Starmer"
    )
    api.post("/chat/completions").mock(
        side_effect=answers(completion([*full_answer(UKRAINE), model_claim]))
    )
    report = make_checker().check(UKRAINE)
    (found,) = [c for c in report.claims if c.excerpt == excerpt]
    assert found.speaker == "Keir Starmer"


def test_statements_the_model_passes_over_are_added_as_assertions(api, make_checker) -> None:
    rules = claimcheck.check(UKRAINE, engine="rules")
    statements = [c for c in rules.claims if c.kind == "assertion"]
    given = statements[0]
    restated = f"The article reports that {given.excerpt[0].lower()}{given.excerpt[1:]}"
    rewritten = claim(given.excerpt, text=restated)
    answer = [*full_answer(UKRAINE), rewritten]
    api.post("/chat/completions").mock(side_effect=answers(completion(answer)))
    report = make_checker().check(UKRAINE)
    for statement in statements:
        assert any(c.start < statement.end and statement.start < c.end for c in report.claims)
    # The model's own claim is kept and the rules add nothing over it.
    over_given = [c for c in report.claims if c.start < given.end and given.start < c.end]
    assert [c.text for c in over_given] == [as_sentence(restated)]
    (warning,) = [w for w in report.warnings if "made no claim of" in w]
    assert f"{len(statements) - 1} statement(s)" in warning


def test_a_copied_quote_takes_in_its_frame_as_the_rules_quote_does(api, make_checker) -> None:
    """Qwen on the women MPs article copied only the quoted word "melons" as a quote: the claim
    carries its frame ("[Male MPs] jeered "melons" as women made Commons speeches, researchers
    from Birkbeck College were told"), whose unnamed and passive sourcing an editor flags."""
    women = read_article("bbc-politics-women-mps-reveal-sexist-taunts.txt")
    start = women.index('"melons"')
    copied = claim(women[start : start + len('"melons"')], "quote", speaker="Male MPs")
    api.post("/chat/completions").mock(side_effect=answers(completion([copied]), completion([])))
    report = make_checker().check(women)
    (quote,) = [c for c in report.claims if c.kind == "quote" and '"melons"' in c.excerpt]
    frame = 'jeered "melons" as women made Commons speeches, researchers from Birkbeck College'
    assert frame in quote.excerpt and women[quote.start : quote.end] == quote.excerpt
    assert quote.text.startswith("Male MPs") and "researchers from Birkbeck College" in quote.text
    assert {"passive_voice", "unnamed_source"} <= {g.kind for g in quote.sourcing_gaps}


def test_copies_of_a_quotations_parts_are_one_quote_with_its_frame(api, make_checker) -> None:
    """Qwen on the women MPs article copied the two parts of Sarah Teather's quotation as two
    quotes: they are one statement, its frame ("Liberal Democrat Sarah Teather, the most recent
    female MP to be elected, told researchers:") included."""
    women = read_article("bbc-politics-women-mps-reveal-sexist-taunts.txt")
    first = women.index('"Lots of people say')
    second = women.index("\"I've always said to me")
    end = women.index('full of teenagers."') + len('full of teenagers."')
    parts = [claim(women[first:second], "quote"), claim(women[second:end], "quote")]
    api.post("/chat/completions").mock(side_effect=answers(completion(parts), completion([])))
    report = make_checker().check(women)
    held = [c for c in report.claims if c.start < end and first < c.end and c.kind == "quote"]
    assert len(held) == 1
    (quote,) = held
    assert quote.excerpt.startswith("Liberal Democrat Sarah Teather, the most recent female MP")
    assert women[quote.start : quote.end] == quote.excerpt and quote.end >= end - 1
    assert quote.speaker == "Sarah Teather"


@pytest.mark.parametrize(
    ("excerpt_of", "kind", "text"),
    [
        # Qwen on the Yukos article: an attribution with its quotation cut off.
        ("“It takes two", "quote", "Donald Trump said."),
        # Qwen on the Fed article: a text that stops in the middle of its clause.
        ("Moscow’s response", "assertion", "Moscow’s response has been seen as Russia playing for"),
        # A text that only opens a sentence with a conjunction keeps the rest.
        (
            "Moscow’s response",
            "assertion",
            "But Moscow’s response has been seen as Russia playing for time.",
        ),
    ],
)
def test_a_model_text_that_is_no_statement_of_its_own_gives_way(
    api, make_checker, excerpt_of: str, kind: str, text: str
) -> None:
    """Issue 13 in the openai engine: a claim's text stands alone, whoever wrote it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_fragments import is_fragment

    start = UKRAINE.index(excerpt_of)
    sentence = Article(UKRAINE).sentence_at(start)
    assert sentence is not None
    excerpt = UKRAINE[sentence.start : sentence.end]
    api.post("/chat/completions").mock(
        side_effect=answers(completion([claim(excerpt, kind, text=text)]), completion([]))
    )
    report = make_checker().check(UKRAINE)
    assert not [c.text for c in report.claims if is_fragment(c.text)]


def test_a_copied_frame_joins_its_quote_and_no_text_opens_with_but(api, make_checker) -> None:
    """Qwen on the Yukos article copied "Kaha Kiknavelidze, analyst at Troika Dialog, said" as a
    claim of its own and "But President Vladimir Putin has described …" with its "But": the
    first is the frame of the analyst's quote, the second a statement without its "But"."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_fragments import is_fragment

    yukos = read_article("bbc-business-yukos-unit-fetches-9bn-at-auction.txt")
    frame = "Kaha Kiknavelidze, analyst at Troika Dialog, said"
    but = "But President Vladimir Putin has described the affair as a crackdown on corruption"
    model = [claim(frame, "quote"), claim(but)]
    api.post("/chat/completions").mock(side_effect=answers(completion(model), completion([])))
    report = make_checker().check(yukos)
    assert not [c.text for c in report.claims if is_fragment(c.text)]
    (quote,) = [c for c in report.claims if c.excerpt.startswith(frame)]
    assert quote.kind == "quote" and "I think a decision that Yugansk" in quote.excerpt
    assert quote.speaker == "Kaha Kiknavelidze"
    (putin,) = [c for c in report.claims if "crackdown on corruption" in c.excerpt]
    assert putin.text.startswith("President Vladimir Putin has described the affair")
