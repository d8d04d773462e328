"""Checking articles where the data already is: a batch of a Ray, Dask or Spark dataset.

``PartitionChecker`` maps a batch of articles to one report row per article. Build it once per
worker and call it on every batch the worker gets: it holds one Checker, so the HTTP client,
its connections and the answer cache serve the whole run::

    ds.map_batches(PartitionChecker, fn_constructor_kwargs={...},
                   compute=ray.data.ActorPoolStrategy(size=8), batch_format="pandas")  # Ray
    ddf.map_partitions(check_partition, model=..., meta=ROW_TYPES)         # Dask
    rdd.mapPartitions(lambda rows: check_partition(rows, model=...))       # Spark

``check_partition`` is the same as a function, for engines that call a function on each
partition: it keeps one PartitionChecker per process and settings.

A batch is a pandas DataFrame, a pyarrow Table or RecordBatch, a dict of columns (Ray's
``numpy`` batches), or an iterable of rows (dicts, Spark ``Row`` objects, named tuples), each
with an id and a text column. What comes back is of the same kind, one row per article, in
the batch's order, with the columns of ``ROW_TYPES``.

Rate limits are an account's, not a worker's: give the account's requests and tokens per
minute and ``split_across``, the number of workers running at once, and each worker keeps to
its share. ``concurrency`` (requests in flight) is per worker.
"""

from __future__ import annotations

import atexit
import math
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from claimcheck.checker import Checker
from claimcheck.errors import ConfigurationError, InputError
from claimcheck.models import ArticleError, Report, Result
from claimcheck.run.batch import Item, article_error

ROW_TYPES: dict[str, str] = {
    "id": "object",  # the article's id, as a string
    "report": "object",  # the Report as JSON; null for an article that failed
    "error_type": "object",  # e.g. InputError, RateLimitError; null for a report
    "error": "object",  # what went wrong and what to do; null for a report
    "claims": "int64",
    "requests": "int64",
    "prompt_tokens": "int64",
    "completion_tokens": "int64",
    "cache_hits": "int64",
}
"""The report rows' columns and their pandas types: Dask's ``meta``."""

SPARK_SCHEMA = (
    "id string, report string, error_type string, error string, claims long, requests long, "
    "prompt_tokens long, completion_tokens long, cache_hits long"
)
"""The report rows' schema for Spark (``mapInPandas``, ``createDataFrame``)."""


class PartitionChecker:
    """One per worker: call it on each batch of articles; it returns their report rows.

    ``options`` are the Checker's (``engine``, ``model``, ``base_url``, ``api_key``,
    ``cache_dir``…). ``requests_per_minute`` and ``tokens_per_minute`` are the whole
    account's, divided by ``split_across``; ``concurrency`` bounds the requests this worker
    has in flight.
    """

    def __init__(
        self,
        *,
        id_column: str = "id",
        text_column: str = "text",
        split_across: int = 1,
        concurrency: int = 8,
        requests_per_minute: int | None = None,
        tokens_per_minute: int | None = None,
        **options: Any,
    ) -> None:
        if not isinstance(split_across, int) or split_across < 1:
            raise ConfigurationError(
                f"split_across must be the number of workers running at once, not {split_across!r}"
            )
        self.id_column = id_column
        self.text_column = text_column
        self.concurrency = concurrency
        self.checker = Checker(
            concurrency=concurrency,
            requests_per_minute=_share(requests_per_minute, split_across),
            tokens_per_minute=_share(tokens_per_minute, split_across),
            **options,
        )

    def __call__(self, batch: Any) -> Any:
        ids, texts = _columns(batch, self.id_column, self.text_column)
        results = self._check(texts)
        rows = [_row(i, result) for i, result in zip(ids, results, strict=True)]
        return _like(batch, rows)

    def close(self) -> None:
        self.checker.close()

    def _check(self, texts: list[Any]) -> list[Result]:
        results: list[Result | None] = [None] * len(texts)
        items = []
        for position, text in enumerate(texts):
            if isinstance(text, str):
                items.append(Item(id=str(position), text=text))
            else:
                results[position] = _no_text(position, text)
        # The engine around us spreads the work over processes; this one checks in itself.
        for result in self.checker.check_many(items, concurrency=self.concurrency, workers=1):
            results[int(result.source or 0)] = result
        done = [r for r in results if r is not None]
        assert len(done) == len(texts), "every article gets a result"
        return done


def check_partition(
    batch: Any,
    *,
    id_column: str = "id",
    text_column: str = "text",
    split_across: int = 1,
    concurrency: int = 8,
    **options: Any,
) -> Any:
    """``PartitionChecker(**settings)(batch)``, with one PartitionChecker per process and
    settings, made on first use and reused for every later partition."""
    checker = checker_for(
        id_column=id_column,
        text_column=text_column,
        split_across=split_across,
        concurrency=concurrency,
        **options,
    )
    return checker(batch)


_CHECKERS: dict[tuple[tuple[str, Any], ...], PartitionChecker] = {}
_GUARD = threading.Lock()


def checker_for(**settings: Any) -> PartitionChecker:
    """This process's PartitionChecker for these settings."""
    key = tuple(sorted((k, v if _hashable(v) else id(v)) for k, v in settings.items()))
    with _GUARD:
        if key not in _CHECKERS:
            if not _CHECKERS:
                atexit.register(_close_all)
            _CHECKERS[key] = PartitionChecker(**settings)
        return _CHECKERS[key]


def _close_all() -> None:
    with _GUARD:
        for checker in _CHECKERS.values():
            checker.close()
        _CHECKERS.clear()


def _share(limit: int | None, workers: int) -> int | None:
    return None if limit is None else max(1, math.floor(limit / workers))


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _columns(batch: Any, id_column: str, text_column: str) -> tuple[list[str], list[Any]]:
    """The batch's ids (as strings) and texts, whatever its kind."""
    if hasattr(batch, "iloc") and hasattr(batch, "columns"):  # pandas
        names = list(batch.columns)
        _require(names, id_column, text_column)
        return _ids(batch[id_column].tolist()), batch[text_column].tolist()
    if hasattr(batch, "column_names") and hasattr(batch, "schema"):  # pyarrow
        names = list(batch.column_names)
        _require(names, id_column, text_column)
        return _ids(batch.column(id_column).to_pylist()), batch.column(text_column).to_pylist()
    if isinstance(batch, Mapping):  # columns, as Ray's numpy batches
        _require(list(batch), id_column, text_column)
        return _ids(list(batch[id_column])), list(batch[text_column])
    ids, texts = [], []
    for row in batch:
        record = _record(row)
        _require(list(record), id_column, text_column)
        ids.append(record[id_column])
        texts.append(record[text_column])
    return _ids(ids), texts


def _record(row: Any) -> Mapping[str, Any]:
    if isinstance(row, Mapping):
        return row
    if hasattr(row, "asDict"):  # a Spark Row
        return row.asDict()  # type: ignore[no-any-return]
    if hasattr(row, "_asdict"):  # a named tuple, as pandas' itertuples
        return row._asdict()  # type: ignore[no-any-return]
    raise InputError(
        f"a row of the batch is a {type(row).__name__}; expected a dict, a Spark Row or a "
        "named tuple with the id and text columns"
    )


def _require(names: list[str], *wanted: str) -> None:
    missing = [name for name in wanted if name not in names]
    if missing:
        raise InputError(
            f"the batch has no column {', '.join(repr(m) for m in missing)} (it has "
            f"{', '.join(repr(n) for n in names) or 'none'}); name the columns with "
            "id_column= and text_column="
        )


def _ids(values: Iterable[Any]) -> list[str]:
    return [str(value.item() if hasattr(value, "item") else value) for value in values]


def _no_text(position: int, text: Any) -> ArticleError:
    what = "no text" if text is None else f"a {type(text).__name__}, not text"
    return article_error(str(position), InputError(f"the article has {what}"))


def _row(article_id: str, result: Result) -> dict[str, Any]:
    if isinstance(result, Report):
        usage = result.usage
        return {
            "id": article_id,
            "report": result.model_copy(update={"source": article_id}).model_dump_json(),
            "error_type": None,
            "error": None,
            "claims": len(result.claims),
            "requests": usage.requests,
            "prompt_tokens": usage.prompt_tokens,
            "completion_tokens": usage.completion_tokens,
            "cache_hits": usage.cache_hits,
        }
    return {
        "id": article_id,
        "report": None,
        "error_type": result.error.type,
        "error": result.error.message,
        **{column: 0 for column, kind in ROW_TYPES.items() if kind == "int64"},
    }


def _like(batch: Any, rows: list[dict[str, Any]]) -> Any:
    """The rows, as the same kind of batch as the one given."""
    if hasattr(batch, "iloc") and hasattr(batch, "columns"):
        import pandas

        return pandas.DataFrame(
            {c: pandas.Series([r[c] for r in rows], dtype=t) for c, t in ROW_TYPES.items()}
        )
    if hasattr(batch, "column_names") and hasattr(batch, "schema"):
        import pyarrow

        return pyarrow.Table.from_pylist(rows, schema=_arrow_schema(pyarrow))
    if isinstance(batch, Mapping):
        return {column: [row[column] for row in rows] for column in ROW_TYPES}
    return rows


def _arrow_schema(pyarrow: Any) -> Any:
    kinds = {"object": pyarrow.string(), "int64": pyarrow.int64()}
    return pyarrow.schema([(column, kinds[kind]) for column, kind in ROW_TYPES.items()])
