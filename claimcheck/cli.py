"""The command line. It owns stdout and stderr; the library itself never prints."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from claimcheck.ask.cache import AnswerCache, default_directory
from claimcheck.checker import Checker
from claimcheck.config import __version__
from claimcheck.errors import ClaimcheckError, ConfigurationError, InputError, redact
from claimcheck.models import Report, Result
from claimcheck.read.inputs import MAX_CHARS, read_source, validate
from claimcheck.read.webpages import is_page, read_page
from claimcheck.run.batch import Item
from claimcheck.run.jsonl import ResultsFile, holds_results, iter_results
from claimcheck.run.progress import Progress
from claimcheck.run.sources import count, items_from
from claimcheck.verify.evidence import Verifier
from claimcheck.verify.sources import read_sources
from claimcheck.write.render import RENDERERS, printable
from claimcheck.write.words import counted

if TYPE_CHECKING:  # eval's scorers are imported when eval runs, not on every command
    from claimcheck.evaluation import Scored

S = TypeVar("S", bound="Scored")

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
        print(f"claimcheck: error: {printable(redact(str(error)))}", file=sys.stderr)
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
    check.add_argument(
        "source", help="a text file, a web page (.html file or http(s):// URL), or - for stdin"
    )
    check.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        help="json, md, csv (a row per claim), or html (the article, claims in place); "
        "default: from -o's suffix (.md, .csv, .html), else json",
    )
    check.add_argument("-o", "--out", help="write the report to this file instead of stdout")
    check.add_argument(
        "--include-text",
        action="store_true",
        help="put the article's text in the report (article_text); always done for web pages",
    )
    add_engine_options(check)
    check.set_defaults(run=_check)

    verify = commands.add_parser(
        "verify",
        help="check one article's claims against their sources",
        description=_VERIFY_HELP,
    )
    verify.add_argument("source", help="the article: a text file, a web page, or - for stdin")
    verify.add_argument(
        "--against",
        nargs="+",
        required=True,
        metavar="SOURCE",
        help="what the article drew on: text or Markdown files, HTML pages or URLs, PDFs "
        "(the pdf extra), or folders of them",
    )
    verify.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        help="json, md, csv or html; default: from -o's suffix, else json",
    )
    verify.add_argument("-o", "--out", help="write the report to this file instead of stdout")
    add_engine_options(verify)
    verify.set_defaults(run=_verify)

    batch = commands.add_parser(
        "batch", help="check many articles into a JSONL file", description=_BATCH_HELP
    )
    batch.add_argument(
        "sources",
        nargs="+",
        help="files, folders (.txt, .md and saved .html pages, recursively), .jsonl files of "
        '{"id", "text"} lines, or - to read standard input (JSONL lines, or one path a line)',
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
        "--csv",
        nargs="?",
        const="",
        metavar="FILE",
        help="also write one CSV row per claim (default FILE: --out with .csv)",
    )
    batch.add_argument(
        "--include-text",
        action="store_true",
        help="put each article's text in its report (for claimcheck report --html)",
    )
    batch.add_argument(
        "--workers",
        type=int,
        help="processes that parse and check the articles (default: one per core); "
        "requests are bounded by --concurrency however many there are",
    )
    batch.add_argument(
        "--against",
        nargs="+",
        metavar="SOURCE",
        help="check every article's claims against these sources (files, URLs, folders), "
        "read and indexed once for the batch",
    )
    batch.add_argument(
        "--article-timeout",
        type=float,
        metavar="SECONDS",
        help="give each article at most this long from its start; one past it is an error "
        "line (ArticleTimeoutError) and the batch goes on (default: no limit)",
    )
    batch.add_argument("--rpm", type=int, help="at most this many requests per minute")
    batch.add_argument("--tpm", type=int, help="at most this many tokens per minute")
    add_engine_options(batch)
    batch.set_defaults(run=_batch)

    evaluate = commands.add_parser(
        "eval",
        help="score an engine against hand-labelled gold articles",
        description="Score an engine against hand-labelled articles: the claims it finds "
        "(GOLD, a folder in the format of tests/gold/README.md), or with --verify the verdicts "
        "it gives them against their sources (tests/verify-eval/README.md).",
    )
    evaluate.add_argument(
        "gold", nargs="?", help="a folder of gold files (see tests/gold/README.md)"
    )
    evaluate.add_argument(
        "--verify",
        metavar="DIR",
        help="score verify's verdicts on a folder of labelled cases instead "
        "(see tests/verify-eval/README.md)",
    )
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_engine_options(evaluate)
    evaluate.set_defaults(run=_eval)

    report = commands.add_parser(
        "report",
        help="turn a batch's JSONL into HTML pages or a CSV",
        description=_REPORT_HELP,
    )
    report.add_argument("results", help="the JSONL file a batch wrote (finished or not)")
    report.add_argument("--html", metavar="DIR", help="write one page per article and index.html")
    report.add_argument("--csv", metavar="FILE", help="write one row per claim")
    report.add_argument("--debug", action="store_true", help="show tracebacks")
    report.set_defaults(run=_report)

    cache = commands.add_parser(
        "cache",
        help="show or clear the answer cache",
        description="The model's answers are cached on disk, keyed by everything that shapes "
        "them (model, prompt version, schema, the text, generation settings), so a rerun "
        "costs nothing. 'info' shows the folder, its entries and size; 'clear' empties it.",
    )
    cache.add_argument("action", choices=["info", "clear"])
    cache.add_argument(
        "--cache-dir", help="default: $CLAIMCHECK_CACHE_DIR or the user cache folder"
    )
    cache.set_defaults(run=_cache)
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


_VERIFY_HELP = """Check one article's claims against what it drew on. Each claim gains an
evidence object: quotes are verbatim, altered (with the words changed, dropped or added) or
not_found; figures the same, different (both values shown) or not_found; assertions get the
best passages of the sources, unchecked. Offsets of passages index each source's text as read,
which the report keeps in sources. A source that cannot be read is named in a warning and left
out; the others are still used."""

_CHECK_HELP = """Check one article. With no LLM configured (no OPENAI_API_KEY, no
OPENAI_BASE_URL, no --base-url) the offline rules engine runs; otherwise the openai engine."""


_BATCH_HELP = """Check many articles. Each article's report is one JSON line in --out, written as
soon as it is done; an article that fails gets a line {"source": …, "error": {…}}. Rerunning
the same command skips the articles already done and retries the failed ones. Exits 1 if any
article failed."""


_REPORT_HELP = """Read a batch's JSONL file (a finished or a half-finished batch) and write, with
--html DIR, one page per article and an index page (articles, claims by kind, gaps, errors),
and with --csv FILE, one row per claim. An article's page shows its text when the report holds
it (batch --include-text); no file named by a report is ever read."""


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
    text, page = _article(args)
    with checker_from(args) as checker:
        report = checker.check(text, source=_source_name(args))
    if page or args.include_text or args.format == "html":
        report = report.model_copy(update={"article_text": text})
    _write_report(report, args)
    if page and args.format in ("csv", "md"):
        _keep_page_text(text, args.out)
    _warn(report.warnings)
    return 0


def _verify(args: argparse.Namespace) -> int:
    text, _ = _article(args)
    with checker_from(args) as checker:
        report = checker.verify(text, args.against, source=_source_name(args))
    _write_report(report.model_copy(update={"article_text": text}), args)
    _warn(report.warnings)
    return 0


def _article(args: argparse.Namespace) -> tuple[str, bool]:
    """The article's text as checked, and whether it was taken out of a web page."""
    _writable(args.out)  # before the work, so that no answer is paid for and then lost
    args.format = args.format or _SUFFIX_FORMATS.get(Path(args.out or "").suffix.lower(), "json")
    if getattr(args, "include_text", False) and args.format in ("md", "csv"):
        kind = {"md": "Markdown", "csv": "CSV"}[args.format]
        print(
            f"claimcheck: warning: --include-text keeps the text in json and html only; a "
            f"{kind} report has no place for it",
            file=sys.stderr,
        )
    page = args.source != "-" and is_page(args.source)
    raw = read_page(args.source) if page else read_source(args.source)
    return validate(raw, max_chars=args.max_chars or MAX_CHARS), page


_SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".csv": "csv", ".html": "html", ".htm": "html"}


def _source_name(args: argparse.Namespace) -> str | None:
    return None if args.source == "-" else str(args.source)


def _write_report(report: Report, args: argparse.Namespace) -> None:
    """The report in ``--format``, to ``-o`` or standard output, ending with a newline."""
    output = RENDERERS[args.format](report)
    output = output if output.endswith("\n") else output + "\n"
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as sink:
                sink.write(output)
            return
        except OSError as error:
            sys.stdout.write(output)  # the work is kept: on standard output
            raise ConfigurationError(
                f"cannot write the report to {args.out}: {error.strerror or error}; it was "
                "printed to standard output instead"
            ) from None
    sys.stdout.write(output)


def _writable(out: str | None) -> None:
    """``-o`` names a file that can be written: not a folder, in a folder that exists."""
    if out is None:
        return
    path = Path(out)
    if path.is_dir():
        raise ConfigurationError(
            f"-o {out} is a folder; give a file's path, e.g. {path / 'report.json'}"
        )
    if not path.parent.is_dir():
        raise ConfigurationError(
            f"-o {out}: the folder {path.parent} does not exist; create it or give another path"
        )


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"claimcheck: warning: {printable(redact(warning))}", file=sys.stderr)


def _keep_page_text(text: str, out: str | None) -> None:
    """Offsets index the text taken out of the page: keep it where a CSV or Markdown can't."""
    if out is None:
        print(
            "claimcheck: offsets index the text taken out of the page; to keep it, use "
            "--format json (article_text) or -o FILE (it is saved beside FILE)",
            file=sys.stderr,
        )
        return
    path = Path(out).with_suffix(".article.txt")
    path.write_text(text, encoding="utf-8")
    print(f"claimcheck: the page's text, which the offsets index, is in {path}", file=sys.stderr)


def _batch(args: argparse.Namespace) -> int:
    if args.openai_batch:
        if args.against:
            raise ConfigurationError(
                "--against does not work with --openai-batch; run the batch without "
                "--openai-batch to check the claims against sources"
            )
        if args.article_timeout is not None:
            raise ConfigurationError(
                "--article-timeout does not work with --openai-batch, whose requests the "
                "Batch API answers within its own window; leave it out, or run without "
                "--openai-batch"
            )
        return _openai_batch(args)
    total = None if "-" in args.sources else count(args.sources)
    progress = Progress(total, sys.stderr, live=sys.stderr.isatty())
    with (
        checker_from(  # first: a wrong setting is told before the output file is touched
            args,
            concurrency=args.concurrency,
            requests_per_minute=args.rpm,
            tokens_per_minute=args.tpm,
            article_timeout=args.article_timeout,
        ) as checker,
        ResultsFile(args.out) as results,
    ):
        todo = (item for item in items_from(args.sources) if item.id not in results.done)
        texts = _Texts(keep=args.include_text)
        progress.skipped = len(results.done)
        if total is not None:
            progress.total = total - progress.skipped
        from claimcheck.run.workers import default_workers

        workers = default_workers() if args.workers is None else args.workers
        if progress.total is not None and workers > 1:  # no more workers than articles left
            workers = max(1, min(workers, progress.total))
        verifier = _verifier(args.against) if args.against else None
        try:
            for result in checker.check_many(
                texts.track(todo), concurrency=args.concurrency, workers=workers
            ):
                if verifier is not None and isinstance(result, Report):
                    result = verifier.apply(result)
                results.write(texts.attach(result))
                progress.add(result)
        finally:
            if verifier is not None:
                verifier.close()
    print(progress.summary(args.out), file=sys.stderr)
    if args.csv is not None:
        _write_csv(iter_results(args.out), args.csv or str(Path(args.out).with_suffix(".csv")))
    return 1 if progress.errors else 0


def _verifier(given: list[str]) -> Verifier:
    """One collection of sources, read and indexed once for the whole batch."""
    sources, warnings = read_sources(given, article="")
    _warn(warnings)
    if not sources:
        raise InputError("none of the --against sources could be used; see the warnings above")
    return Verifier(sources)


class _Texts:
    """With --include-text, holds each article until its report is written, to add its text."""

    def __init__(self, *, keep: bool) -> None:
        self.keep = keep
        self._items: dict[str, Item] = {}

    def track(self, items: Iterator[Item]) -> Iterator[Item]:
        for item in items:
            if self.keep:
                self._items[item.id] = item
            yield item

    def attach(self, result: Result) -> Result:
        item = self._items.pop(result.source or "", None)
        if item is None or not isinstance(result, Report):
            return result
        return result.model_copy(update={"article_text": item.load()})


def _openai_batch(args: argparse.Namespace) -> int:
    from claimcheck.run.openai_batch import run_job

    if args.include_text:
        raise ConfigurationError(
            "--include-text does not work with --openai-batch yet: leave it out "
            "(claimcheck report --html then lists each article's claims without its text)"
        )

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
    if args.csv is not None:
        _write_csv(iter_results(args.out), args.csv or str(Path(args.out).with_suffix(".csv")))
    return 1 if progress.errors else 0


def _report(args: argparse.Namespace) -> int:
    if not (args.html or args.csv):
        raise ConfigurationError("say what to write: --html DIR, --csv FILE, or both")
    # The file is streamed, once for each output: its reports are never all in memory.
    if not holds_results(args.results):
        raise InputError(f"{args.results} holds no results: is it the JSONL a batch wrote?")
    if args.csv:
        _write_csv(iter_results(args.results), args.csv)
    if args.html:
        from claimcheck.write.html_pages import write_pages

        written = write_pages(iter_results(args.results, by_source=True), args.html)
        note = (
            f"; {written.without_text} without their article's text (rerun the batch with "
            "--include-text)"
            if written.without_text
            else ""
        )
        print(
            f"claimcheck: {counted(written.pages, 'page')} and {written.index} "
            f"({counted(written.errors, 'error')})" + note,
            file=sys.stderr,
        )
    return 0


def _write_csv(results: Iterable[Result], csv_path: str) -> None:
    from claimcheck.write.render_csv import write_csv

    reports = (r for r in results if isinstance(r, Report))
    try:
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as sink:
            rows = write_csv(reports, sink)
    except OSError as error:
        raise ConfigurationError(f"{csv_path}: cannot be written ({error.strerror})") from None
    print(f"claimcheck: {rows} claims in {csv_path}", file=sys.stderr)


def _eval(args: argparse.Namespace) -> int:
    if (args.gold is None) == (args.verify is None):
        raise ConfigurationError(
            "eval needs one folder: GOLD to score claims, or --verify DIR to score verdicts"
        )
    if args.verify is not None:
        from claimcheck.verify import evaluation as verdicts

        cases = verdicts.load_cases(args.verify)
        return _scored(args, cases, verdicts.evaluate, verdicts.table, verdicts.as_json)
    from claimcheck import evaluation

    gold = evaluation.load_gold(args.gold)
    return _scored(args, gold, evaluation.evaluate, evaluation.table, evaluation.as_json)


def _scored(
    args: argparse.Namespace,
    items: list[Any],
    evaluate: Callable[..., tuple[list[S], S]],
    table: Callable[[list[S], S], str],
    as_json: Callable[[list[S], S], dict[str, Any]],
) -> int:
    """Run one of eval's scorers over ``items`` and print its table (or JSON)."""
    with checker_from(args) as checker:
        scores, overall = evaluate(checker, items, on_article=_eval_progress(checker, len(items)))
        engine, model = checker.settings.engine, checker.settings.model
    if args.json:
        print(json.dumps({"engine": engine, "model": model, **as_json(scores, overall)}, indent=2))
    else:
        print(f"engine: {engine}" + (f", model: {model}" if model else ""))
        print(table(scores, overall))
    return 0


def _eval_progress(checker: Checker, total: int) -> Callable[[Scored], None] | None:
    """A model may take minutes an article: say how far the evaluation has got."""
    if checker.settings.engine != "openai":
        return None
    done = 0

    def report_progress(score: Scored) -> None:
        nonlocal done
        done += 1
        m = score.metrics()
        state = f"{m['seconds_per_article'] or 0:.0f} s"
        if "requests_per_article" in m:
            state += f", {m['requests_per_article'] or 0:.0f} requests"
        state = "failed" if m["failed_articles"] else state
        print(f"claimcheck: eval [{done}/{total}] {score.name}: {state}", file=sys.stderr)

    return report_progress


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
