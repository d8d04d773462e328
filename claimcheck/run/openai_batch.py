"""Very large jobs through the OpenAI Batch API: half the price, answers within 24 hours.

submit: every chunk of every article becomes one line of a JSONL file (the same request the
openai engine sends), uploaded with ``purpose="batch"``, and one batch is created for it.
collect: once the batch has ended, its output (and error) files are downloaded and each
article's answers are assembled into the same grounded report the engine gives. With no second
round of requests, what the answers miss is taken from the rules layer and listed in warnings.

A job's state (the batch id, and each article's id and text hash) is kept in a small JSON file
beside the output, so an interrupted run picks the same batch up again instead of paying twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import ValidationError

from claimcheck.ask.llm import Answer, answer_from_body
from claimcheck.config import Settings
from claimcheck.decide.engine import OpenAIEngine, extract_messages
from claimcheck.errors import ClaimcheckError, ConfigurationError, InputError, LLMError
from claimcheck.models import Result
from claimcheck.read.inputs import readable, without_surrogates
from claimcheck.read.structure import Article
from claimcheck.run.batch import Item, article_error
from claimcheck.run.jsonl import ResultsFile

log = logging.getLogger(__name__)
T = TypeVar("T")


class BatchHost(Protocol):
    """What a Batch API job needs of the checker that runs it (a ``claimcheck.Checker``):
    its settings, its openai engine, and its event loop to run the job's requests on."""

    settings: Settings

    def _openai(self) -> OpenAIEngine: ...

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T: ...


ENDED = ("completed", "failed", "expired", "cancelled")


@dataclass
class Job:
    """What must survive between submitting a batch and collecting it."""

    batch_id: str
    articles: dict[str, str] = field(default_factory=dict)  # id -> sha256 of its text

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Job | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(batch_id=data["batch_id"], articles=dict(data["articles"]))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class OpenAIBatch:
    def __init__(self, engine: OpenAIEngine) -> None:
        self.engine = engine
        self.client = engine.llm.client
        if engine.llm.mode != "json_schema" and engine.settings.response_format == "json_object":
            log.info("the Batch API is OpenAI's: json_object requests are sent as they are")

    def requests(self, items: Iterable[Item]) -> tuple[bytes, dict[str, str], list[Result]]:
        """The batch's JSONL, each article's text hash, and errors for unreadable articles."""
        lines: list[str] = []
        digests: dict[str, str] = {}
        failed: list[Result] = []
        for item in items:
            try:
                text, _ = readable(item.load(), max_chars=self.engine.settings.max_chars)
            except InputError as error:
                failed.append(article_error(item.id, error))
                continue
            article = Article(text)
            digests[item.id] = _digest(text)
            for piece in self.engine.chunks(article):
                body = self.engine.llm.request(extract_messages(article, piece))
                line = {
                    "custom_id": json.dumps([item.id, piece.index]),
                    "method": "POST",
                    "url": "/v1/chat/completions",
                    "body": body,
                }
                lines.append(json.dumps(line, ensure_ascii=False))
        return ("\n".join(lines) + "\n").encode("utf-8"), digests, failed

    async def submit(self, items: Iterable[Item]) -> tuple[Job, list[Result]]:
        data, digests, failed = self.requests(items)
        if not digests:
            raise InputError("no article in the batch could be read")
        uploaded = await self.client.files.create(
            file=("claimcheck-requests.jsonl", data), purpose="batch"
        )
        batch = await self.client.batches.create(
            input_file_id=uploaded.id,
            endpoint="/v1/chat/completions",
            completion_window="24h",
            metadata={"created_by": "claimcheck"},
        )
        log.info("submitted batch %s with %d articles", batch.id, len(digests))
        return Job(batch_id=batch.id, articles=digests), failed

    async def wait(self, job: Job, *, poll: float, on_status: Any = None) -> Any:
        """Poll until the batch has ended; returns the batch object."""
        while True:
            batch = await self.client.batches.retrieve(job.batch_id)
            if on_status is not None:
                on_status(batch)
            if batch.status in ENDED:
                return batch
            await asyncio.sleep(poll)

    async def collect(self, job: Job, batch: Any, items: Iterable[Item]) -> list[Result]:
        """Each article's report from the ended batch's files."""
        if batch.status != "completed" and not batch.output_file_id:
            raise LLMError(
                f"batch {batch.id} ended as {batch.status} with no output; see it in the "
                "provider's dashboard, then rerun to submit again"
            )
        answers = await self._answers(batch)
        results: list[Result] = []
        for item in items:
            if item.id not in job.articles:
                continue
            results.append(self._assemble(item, job, answers))
        return results

    async def _answers(self, batch: Any) -> dict[tuple[str, int], Answer | BaseException]:
        found: dict[tuple[str, int], Answer | BaseException] = {}
        for file_id in (batch.output_file_id, batch.error_file_id):
            if not file_id:
                continue
            content = await self.client.files.content(file_id)
            for line in content.text.split("\n"):  # not splitlines: U+2028 is inside a line
                if line.strip():
                    key, answer = _read_line(json.loads(line))
                    found[key] = answer
        return found

    def _assemble(
        self, item: Item, job: Job, answers: dict[tuple[str, int], Answer | BaseException]
    ) -> Result:
        try:
            text, warning = readable(item.load(), max_chars=self.engine.settings.max_chars)
            if _digest(text) != job.articles[item.id]:
                raise InputError(f"{item.id} changed since the batch was submitted")
            article = Article(text)
            chunks = self.engine.chunks(article)
            missing = LLMError("the batch has no answer for this chunk")
            gathered = [answers.get((item.id, piece.index), missing) for piece in chunks]
            report = self.engine.assemble(article, gathered, source=without_surrogates(item.id))
        except ClaimcheckError as error:
            return article_error(item.id, error)
        if warning is not None:
            report = report.model_copy(update={"warnings": [*report.warnings, warning]})
        return report


def _read_line(line: dict[str, Any]) -> tuple[tuple[str, int], Answer | BaseException]:
    article_id, index = json.loads(line["custom_id"])
    key = (str(article_id), int(index))
    response = line.get("response") or {}
    if line.get("error") or response.get("status_code", 200) >= 400:
        detail = line.get("error") or response.get("body", {}).get("error") or {}
        message = detail.get("message", "unknown error") if isinstance(detail, dict) else detail
        return key, LLMError(f"the batch request failed: {message}")
    try:
        return key, answer_from_body(response["body"])
    except (ValidationError, KeyError, ClaimcheckError) as error:
        if isinstance(error, ClaimcheckError):
            return key, error
        return key, LLMError(f"the batch answer could not be read: {type(error).__name__}")


def require_openai(engine: str) -> None:
    if engine != "openai":
        raise ConfigurationError(
            "--openai-batch needs the openai engine: set OPENAI_API_KEY (the Batch API is "
            "OpenAI's), or pass --engine openai"
        )


def run_job(
    checker: BatchHost,
    sources: Callable[[], Iterable[Item]],
    results: ResultsFile,
    *,
    poll: float,
    say: Callable[[str], None],
) -> list[Result]:
    """Submit (or pick up) the job for ``results``, wait for it, and write its reports."""
    require_openai(checker.settings.engine)
    state = results.path.with_name(results.path.name + ".openai-batch.json")
    batch_api = OpenAIBatch(checker._openai())
    written: list[Result] = []
    job = Job.load(state)
    if job is None:
        todo = [item for item in sources() if item.id not in results.done]
        if not todo:
            say("nothing to do: every article already has a report")
            return written
        job, failed = checker._run(batch_api.submit(todo))
        job.save(state)
        for result in failed:
            results.write(result)
            written.append(result)
        say(f"submitted batch {job.batch_id} ({len(job.articles)} articles); state in {state}")
    else:
        say(f"picking up batch {job.batch_id} from {state}")
    batch = checker._run(
        batch_api.wait(job, poll=poll, on_status=lambda b: say(f"batch {b.id}: {b.status}"))
    )
    for result in checker._run(batch_api.collect(job, batch, sources())):
        results.write(result)
        written.append(result)
    state.unlink()
    return written
