"""A batch's JSONL file read back: streamed, last line wins, in file or source order."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import claimcheck
from claimcheck.cli import main
from claimcheck.run.jsonl import ResultsFile, iter_results, read_results


@pytest.fixture(scope="module")
def line(ukraine_report: claimcheck.Report) -> str:
    return ukraine_report.model_dump_json() + "\n"


@pytest.fixture(scope="module")
def ukraine_report() -> claimcheck.Report:
    from conftest import read_article

    text = read_article("ukraine-troops.txt")
    report = claimcheck.check(text, source="@", engine="rules")
    return report.model_copy(update={"article_text": text})


def write(path: Path, line: str, ids: list[str]) -> Path:
    path.write_text("".join(line.replace('"source":"@"', f'"source":"{i}"') for i in ids))
    return path


def test_results_come_in_file_order_or_by_source_and_the_last_line_wins(
    tmp_path: Path, line: str
) -> None:
    path = write(tmp_path / "out.jsonl", line, ["c", "a", "b"])
    error = '{"source": "a", "error": {"type": "LLMError", "message": "down"}}\n'
    with path.open("a", encoding="utf-8") as sink:
        sink.write(error + "not json\n")
    assert [r.source for r in iter_results(path)] == ["c", "b", "a"]
    assert [r.source for r in iter_results(path, by_source=True)] == ["a", "b", "c"]
    results = read_results(path)
    assert isinstance(results[-1], claimcheck.ArticleError)
    assert all(isinstance(r, claimcheck.Report) and r.claims for r in results[:2])


def test_a_line_separator_inside_a_report_keeps_it_whole(tmp_path: Path, line: str) -> None:
    # JSON leaves U+2028 and U+2029 as they are; only "\n" ends a line of the file.
    text = "The mayor said\u2028it was over.\u2029Then she left."
    report = claimcheck.check(text, source="sep", engine="rules")
    path = tmp_path / "out.jsonl"
    path.write_text(report.model_copy(update={"article_text": text}).model_dump_json() + "\n")
    (result,) = read_results(path)
    assert isinstance(result, claimcheck.Report) and result.article_text == text
    with ResultsFile(path) as results:
        assert results.done == {"sep"}


def test_a_file_is_read_in_the_memory_of_one_report_whatever_its_length(
    tmp_path: Path, line: str
) -> None:
    def peak(count: int) -> int:
        path = write(tmp_path / f"out-{count}.jsonl", line, [f"a{n}" for n in range(count)])
        tracemalloc.start()
        try:
            for _ in iter_results(path, by_source=True):
                pass
            with ResultsFile(path) as results:
                assert len(results.done) == count
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    assert peak(200) < 2 * peak(10)


def test_report_writes_pages_and_a_sheet_of_a_file_it_streams(
    tmp_path: Path, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "out.jsonl", line, ["wire/b.txt", "wire/a.txt"])
    pages, sheet = tmp_path / "pages", tmp_path / "claims.csv"
    assert main(["report", str(path), "--html", str(pages), "--csv", str(sheet)]) == 0
    assert sorted(p.name for p in pages.iterdir()) == ["0001-a.html", "0002-b.html", "index.html"]
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) > 2 and rows[1].startswith("wire/b.txt")
    assert "2 pages" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("not json\n")
    assert main(["report", str(empty), "--html", str(tmp_path / "none")]) == 3
    assert "holds no results" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
