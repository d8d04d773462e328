"""The command line. It owns stdout and stderr; the library itself never prints."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from claimcheck import __version__
from claimcheck.cache import AnswerCache, default_directory
from claimcheck.checker import Checker
from claimcheck.errors import ClaimcheckError
from claimcheck.inputs import MAX_CHARS, read_source, validate
from claimcheck.jsonl import ResultsFile
from claimcheck.progress import Progress
from claimcheck.render import RENDERERS
from claimcheck.sources import items_from

RULES_NOTICE = (
    "claimcheck: using the offline rules engine (no LLM configured); to use a model, set "
    "OPENAI_API_KEY, or pass --base-url URL for an OpenAI-compatible server"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="claimcheck: %(levelname)s %(name)s: %(message)s",
    )
    command: Callable[[argparse.Namespace], int] = args.run
    try:
        return command(args)
    except ClaimcheckError as error:
        if args.debug:
            raise
        print(f"claimcheck: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Find every checkable claim in a news article.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    parser.set_defaults(run=lambda _: _usage(parser), debug=False)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check one article and print its report", description=_CHECK_HELP
    )
    check.add_argument("source", help="a text file, or - for standard input")
    check.add_argument("--format", choices=sorted(RENDERERS), default="json", help="default: json")
    check.add_argument("-o", "--out", help="write the report to this file instead of stdout")
    add_engine_options(check)
    check.set_defaults(run=_check)

    batch = commands.add_parser(
        "batch", help="check many articles into a JSONL file", description=_BATCH_HELP
    )
    batch.add_argument(
        "sources", nargs="+", help="files, folders (.txt/.md, recursively), .jsonl files, or -"
    )
    batch.add_argument("--out", required=True, help="the JSONL file to write (and resume)")
    batch.add_argument(
        "--concurrency", type=int, default=16, help="requests in flight at once (default 16)"
    )
    batch.add_argument(
        "--openai-batch",
        action="store_true",
        help="send the work through the OpenAI Batch API (half the price, within 24 hours); "
        "rerun the same command to pick an interrupted job up",
    )
    batch.add_argument(
        "--poll", type=float, default=30.0, help="seconds between Batch API status checks"
    )
    batch.add_argument(
        "--workers",
        type=int,
        help="processes that parse and check the articles (default: one per core); "
        "requests are bounded by --concurrency however many there are",
    )
    batch.add_argument("--rpm", type=int, help="at most this many requests per minute")
    batch.add_argument("--tpm", type=int, help="at most this many tokens per minute")
    add_engine_options(batch)
    batch.set_defaults(run=_batch)

    evaluate = commands.add_parser(
        "eval", help="score an engine against hand-labelled gold articles"
    )
    evaluate.add_argument("gold", help="a folder of gold files (see tests/gold/README.md)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_engine_options(evaluate)
    evaluate.set_defaults(run=_eval)

    cache = commands.add_parser("cache", help="show or clear the answer cache")
    cache.add_argument("action", choices=["info", "clear"])
    cache.add_argument(
        "--cache-dir", help="default: $CLAIMCHECK_CACHE_DIR or the user cache folder"
    )
    cache.set_defaults(run=_cache)
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


_CHECK_HELP = """Check one article. With no LLM configured (no OPENAI_API_KEY, no
OPENAI_BASE_URL, no --base-url) the offline rules engine runs; otherwise the openai engine."""


_BATCH_HELP = """Check many articles. Each article's report is one JSON line in --out, written as
soon as it is done; an article that fails gets a line {"source": …, "error": {…}}. Rerunning
the same command skips the articles already done and retries the failed ones. Exits 1 if any
article failed."""


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """The engine options every command that checks articles shares."""
    group = parser.add_argument_group("engine")
    group.add_argument(
        "--engine",
        choices=["auto", "rules", "openai"],
        help="auto (default): openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else rules",
    )
    group.add_argument("--model", help="model name (default: $CLAIMCHECK_MODEL or gpt-4o-mini)")
    group.add_argument("--base-url", help="an OpenAI-compatible server (default: $OPENAI_BASE_URL)")
    group.add_argument(
        "--response-format",
        choices=["auto", "json_schema", "json_object"],
        help="structured output mode (default auto: json_schema, falling back to json_object)",
    )
    group.add_argument(
        "--keep-ungrounded",
        action="store_true",
        default=None,
        help="keep claims whose excerpt is not in the article, marked in warnings",
    )
    group.add_argument(
        "--cache-dir", help="answer cache folder (default: $CLAIMCHECK_CACHE_DIR or user cache)"
    )
    group.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        default=None,
        help="neither read nor write the cache",
    )
    group.add_argument(
        "--timeout", type=float, help="seconds to wait for one model answer (default 600)"
    )
    group.add_argument(
        "--max-chars",
        type=int,
        help=f"refuse articles longer than this many characters (default {MAX_CHARS:,})",
    )
    parser.add_argument("--debug", action="store_true", help="log details and show tracebacks")


def checker_from(args: argparse.Namespace, **options: Any) -> Checker:
    checker = Checker(
        **options,
        engine=args.engine,
        model=args.model,
        base_url=args.base_url,
        response_format=args.response_format,
        keep_ungrounded=args.keep_ungrounded,
        cache=args.cache,
        cache_dir=args.cache_dir,
        max_chars=args.max_chars,
        timeout=args.timeout,
    )
    if checker.settings.engine == "rules" and args.engine in (None, "auto"):
        print(RULES_NOTICE, file=sys.stderr)
    return checker


def _check(args: argparse.Namespace) -> int:
    text = validate(read_source(args.source), max_chars=args.max_chars or MAX_CHARS)
    source = None if args.source == "-" else args.source
    with checker_from(args) as checker:
        report = checker.check(text, source=source)
    output = RENDERERS[args.format](report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as sink:
            sink.write(output if output.endswith("\n") else output + "\n")
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    for warning in report.warnings:
        print(f"claimcheck: warning: {warning}", file=sys.stderr)
    return 0


def _batch(args: argparse.Namespace) -> int:
    if args.openai_batch:
        return _openai_batch(args)
    total = None if "-" in args.sources else sum(1 for _ in items_from(args.sources))
    progress = Progress(total, sys.stderr, live=sys.stderr.isatty())
    with (
        ResultsFile(args.out) as results,
        checker_from(
            args,
            concurrency=args.concurrency,
            requests_per_minute=args.rpm,
            tokens_per_minute=args.tpm,
        ) as checker,
    ):
        todo = (item for item in items_from(args.sources) if item.id not in results.done)
        progress.skipped = len(results.done)
        if total is not None:
            progress.total = total - progress.skipped
        from claimcheck.workers import default_workers

        workers = default_workers() if args.workers is None else args.workers
        if progress.total is not None and workers > 1:  # no more workers than articles left
            workers = max(1, min(workers, progress.total))
        for result in checker.check_many(todo, concurrency=args.concurrency, workers=workers):
            results.write(result)
            progress.add(result)
    print(progress.summary(args.out), file=sys.stderr)
    return 1 if progress.errors else 0


def _openai_batch(args: argparse.Namespace) -> int:
    from claimcheck.openai_batch import run_job

    progress = Progress(None, sys.stderr, live=False)
    with ResultsFile(args.out) as results, checker_from(args) as checker:
        progress.skipped = len(results.done)
        written = run_job(
            checker,
            lambda: items_from(args.sources),
            results,
            poll=args.poll,
            say=lambda line: print(f"claimcheck: {line}", file=sys.stderr),
        )
        for result in written:
            progress.add(result)
    print(progress.summary(args.out), file=sys.stderr)
    return 1 if progress.errors else 0


def _eval(args: argparse.Namespace) -> int:
    from claimcheck.evaluation import Score, as_json, evaluate, load_gold, table

    gold = load_gold(args.gold)
    with checker_from(args) as checker:
        # A model may take minutes an article: say how far the evaluation has got.
        done = 0

        def report_progress(score: Score) -> None:
            nonlocal done
            done += 1
            m = score.metrics()
            seconds, requests = m["seconds_per_article"] or 0, m["requests_per_article"] or 0
            state = (
                "failed" if m["failed_articles"] else f"{seconds:.0f} s, {requests:.0f} requests"
            )
            print(f"claimcheck: eval [{done}/{len(gold)}] {score.name}: {state}", file=sys.stderr)

        slow = checker.settings.engine == "openai"
        scores, overall = evaluate(checker, gold, on_article=report_progress if slow else None)
        engine = checker.settings.engine
        model = checker.settings.model
    if args.json:
        print(json.dumps({"engine": engine, "model": model, **as_json(scores, overall)}, indent=2))
    else:
        print(f"engine: {engine}" + (f", model: {model}" if model else ""))
        print(table(scores, overall))
    return 0


def _cache(args: argparse.Namespace) -> int:
    store = AnswerCache(args.cache_dir or default_directory())
    try:
        if args.action == "clear":
            removed = store.clear()
            print(f"removed {removed} cached answers from {store.directory}")
        else:
            info = store.info()
            print(f"cache folder: {info.directory}")
            print(f"entries: {info.entries}")
            print(f"size: {info.bytes / 1e6:.1f} MB of {info.size_limit / 1e6:.0f} MB")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
