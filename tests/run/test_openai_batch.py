"""The OpenAI Batch API round trip, offline: upload, create, poll, download, assemble."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from conftest import all_articles, assert_pinned

import claimcheck
from claimcheck.cli import main
from claimcheck.errors import ConfigurationError
from claimcheck.run.batch import Item
from claimcheck.run.jsonl import ResultsFile
from claimcheck.run.openai_batch import run_job
from claimcheck.run.sources import items_from

BASE = "https://api.openai.test/v1"


def completion(claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-b",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-test",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": json.dumps({"claims": claims})},
            }
        ],
        "usage": {"prompt_tokens": 800, "completion_tokens": 150, "total_tokens": 950},
    }


class FakeBatchAPI:
    """Files and batches endpoints, answering each request with the quotes it was shown."""

    def __init__(self, router: respx.MockRouter) -> None:
        self.uploaded: list[dict[str, Any]] = []
        self.polls = 0
        router.post("/files").mock(side_effect=self.upload)
        router.post("/batches").mock(side_effect=self.create)
        router.get("/batches/batch_1").mock(side_effect=self.retrieve)
        router.get("/files/file-out/content").mock(side_effect=self.download)

    def upload(self, request: httpx.Request) -> httpx.Response:
        for line in request.content.split(b"\n"):
            if line.startswith(b'{"custom_id"'):
                self.uploaded.append(json.loads(line))
        return httpx.Response(200, json={
            "id": "file-in", "object": "file", "bytes": len(request.content), "created_at": 0,
            "filename": "claimcheck-requests.jsonl", "purpose": "batch", "status": "processed",
        })  # fmt: skip

    def create(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        assert body["endpoint"] == "/v1/chat/completions"
        assert body["completion_window"] == "24h" and body["input_file_id"] == "file-in"
        return httpx.Response(200, json=self.batch("validating"))

    def retrieve(self, request: httpx.Request) -> httpx.Response:
        self.polls += 1
        return httpx.Response(
            200, json=self.batch("in_progress" if self.polls < 2 else "completed")
        )

    def download(self, request: httpx.Request) -> httpx.Response:
        lines = []
        for entry in self.uploaded:
            shown = entry["body"]["messages"][-1]["content"]
            quotes = [q for q in shown.split("“")[1:] if "”" in q]
            claims = [
                {"sentence": None, "excerpt": "“" + q.split("”")[0] + "”", "kind": "quote",
                 "text": q.split("”")[0], "speaker": None, "figure": None,
                 "follow_up_questions": [], "sourcing_gaps": []}
                for q in quotes
            ]  # fmt: skip
            response = {"status_code": 200, "request_id": "r", "body": completion(claims)}
            lines.append(
                json.dumps(
                    {
                        "id": "x",
                        "custom_id": entry["custom_id"],
                        "response": response,
                        "error": None,
                    }
                )
            )
        return httpx.Response(200, content="\n".join(lines).encode())

    def batch(self, status: str) -> dict[str, Any]:
        return {
            "id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions",
            "input_file_id": "file-in", "completion_window": "24h", "status": status,
            "created_at": 0, "output_file_id": "file-out" if status == "completed" else None,
        }  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    target.mkdir()
    for path in all_articles()[-3:]:  # includes ukraine-troops.txt
        shutil.copy(path, target / path.name)
    return target


def test_batch_api_round_trip_assembles_grounded_reports(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    said: list[str] = []
    with respx.mock(base_url=BASE) as router:
        api = FakeBatchAPI(router)
        checker = claimcheck.Checker(
            engine="openai", base_url=BASE, api_key="sk-test", model="gpt-test",
            http_client=httpx.AsyncClient(),
        )  # fmt: skip
        with ResultsFile(out) as results, checker:
            written = run_job(
                checker, lambda: items_from([str(folder)]), results, poll=0, say=said.append
            )
    assert len(written) == 3
    assert all(isinstance(r, claimcheck.Report) for r in written)
    assert {e["body"]["model"] for e in api.uploaded} == {"gpt-test"}
    assert all(e["url"] == "/v1/chat/completions" for e in api.uploaded)
    assert all(e["body"]["response_format"]["type"] == "json_schema" for e in api.uploaded)
    ukraine = next(r for r in written if r.source.endswith("ukraine-troops.txt"))
    assert isinstance(ukraine, claimcheck.Report)
    text = (folder / "ukraine-troops.txt").read_text(encoding="utf-8")
    assert_pinned(text, ukraine)
    assert any(c.kind == "quote" and c.speaker == "Donald Trump" for c in ukraine.claims)
    assert ukraine.usage.requests >= 1 and ukraine.usage.prompt_tokens >= 800
    assert len(out.read_text().splitlines()) == 3
    assert not (tmp_path / "claims.jsonl.openai-batch.json").exists()
    assert any("submitted batch batch_1" in line for line in said)


def test_an_interrupted_job_is_picked_up_not_paid_twice(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    state = tmp_path / "claims.jsonl.openai-batch.json"
    with respx.mock(base_url=BASE) as router:
        api = FakeBatchAPI(router)

        def make() -> claimcheck.Checker:
            return claimcheck.Checker(
                engine="openai", base_url=BASE, api_key="sk-test", model="gpt-test",
                http_client=httpx.AsyncClient(),
            )  # fmt: skip

        with ResultsFile(out) as results, make() as checker:
            from claimcheck.run.openai_batch import OpenAIBatch

            batch_api = OpenAIBatch(checker._openai())
            job, _ = checker._run(batch_api.submit(list(items_from([str(folder)]))))
            job.save(state)  # ... and the process dies here
        uploads = len(api.uploaded)
        with ResultsFile(out) as results, make() as checker:
            written = run_job(
                checker, lambda: items_from([str(folder)]), results, poll=0, say=lambda s: None
            )
        assert len(api.uploaded) == uploads  # nothing submitted again
    assert len(written) == 3


def test_openai_batch_needs_the_openai_engine(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    out = str(tmp_path / "o.jsonl")
    code = main(["batch", str(folder), "--out", out, "--openai-batch", "--engine", "rules"])
    assert code == ConfigurationError.exit_code


def test_a_lone_surrogate_in_a_text_or_an_id_is_read_as_the_per_article_path_reads_it(
    tmp_path: Path,
) -> None:
    # A JSONL line with a broken escape: "\ud800" in its id and in its text.
    text = "The mayor said: “We will build the bridge\ud800 by May.” It costs £5m."
    out = tmp_path / "claims.jsonl"
    with respx.mock(base_url=BASE) as router:
        FakeBatchAPI(router)
        checker = claimcheck.Checker(
            engine="openai", base_url=BASE, api_key="sk-test", model="gpt-test",
            http_client=httpx.AsyncClient(),
        )  # fmt: skip
        with ResultsFile(out) as results, checker:
            (report,) = run_job(
                checker, lambda: [Item(id="wire\ud800.txt", text=text)], results, poll=0,
                say=lambda s: None,
            )  # fmt: skip
    assert isinstance(report, claimcheck.Report)
    assert report.source == "wire\ufffd.txt"
    assert any("lone surrogate" in w for w in report.warnings)
    assert any(c.kind == "quote" and "bridge\ufffd by May" in c.text for c in report.claims)
    assert json.loads(out.read_text(encoding="utf-8"))["source"] == "wire\ufffd.txt"
