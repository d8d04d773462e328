"""The command line as a user runs it: report on stdout, one-line notices and errors on stderr."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import ARTICLES

from claimcheck.cli import main
from claimcheck.errors import ConfigurationError, InputError

EXAMPLE = str(ARTICLES / "ukraine-troops.txt")


@pytest.fixture(autouse=True)
def no_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMCHECK_ENGINE", "CLAIMCHECK_MODEL"):
        monkeypatch.delenv(name, raising=False)


def test_check_prints_a_json_report_and_says_the_engine_on_stderr(capsys) -> None:
    assert main(["check", EXAMPLE]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["engine"] == "rules" and report["source"] == EXAMPLE
    assert report["claims"]
    notice = [line for line in err.splitlines() if line]
    assert len(notice) == 1 and "OPENAI_API_KEY" in notice[0]


def test_markdown_format_is_readable(capsys) -> None:
    assert main(["check", EXAMPLE, "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Claims in")
    assert "## Quotes" in out and "Donald Trump" in out


def test_stdin_dash_reads_the_article(monkeypatch, capsys) -> None:
    data = Path(EXAMPLE).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["check", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] is None


def test_explicit_rules_engine_prints_no_notice(capsys) -> None:
    assert main(["check", EXAMPLE, "--engine", "rules"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\xe9 cr\xe8me".encode("latin-1"), "not UTF-8"),
        (b"<!DOCTYPE html><html><body><p>Text</p></body></html>", "HTML"),
    ],
)
def test_bad_input_gets_one_line_and_the_input_exit_code(
    tmp_path: Path, capsys, content: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert main(["check", str(path)]) == InputError.exit_code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("claimcheck: error:") and message in err
    assert "Traceback" not in err


def test_missing_file_is_an_input_error(capsys) -> None:
    assert main(["check", "no/such/article.txt"]) == InputError.exit_code
    assert "no such file" in capsys.readouterr().err


def test_openai_engine_without_key_or_server_says_what_to_set(capsys) -> None:
    assert main(["check", EXAMPLE, "--engine", "openai"]) == ConfigurationError.exit_code
    err = capsys.readouterr().err
    assert "OPENAI_API_KEY" in err and "--base-url" in err


def test_out_writes_the_report_to_a_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "report.json"
    assert main(["check", EXAMPLE, "--engine", "rules", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text())["claims"]


@pytest.mark.parametrize("where", ["missing/report.json", "."])
def test_an_output_path_that_cannot_be_written_is_one_line_before_any_work(
    where: str, tmp_path: Path, capsys
) -> None:
    out = str(tmp_path / where)
    assert main(["check", EXAMPLE, "-o", out]) == ConfigurationError.exit_code
    stdout, err = capsys.readouterr()
    assert stdout == "" and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(f"claimcheck: error: -o {out}")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
def test_a_report_that_cannot_be_saved_is_printed_instead(capsys) -> None:
    assert main(["check", EXAMPLE, "-o", "/dev/full"]) == ConfigurationError.exit_code
    stdout, err = capsys.readouterr()
    assert json.loads(stdout)["claims"]
    assert "cannot write the report to /dev/full" in err and "standard output" in err


def test_escape_sequences_in_an_article_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Leaders met on Monday.\n\n"
        "“We will give them \x1b[2J\x1b]0;pwned\x07very good protection,” Donald Trump said.\n",
        encoding="utf-8",
    )
    assert main(["check", str(article), "--engine", "rules", "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert "very good protection" in out and "\\x1b[2J\\x1b]0;pwned\\x07" in out
    assert not any(ch in out + err for ch in "\x1b\x07\x9b")


def test_careless_batch_options_are_one_line_errors_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = str(ARTICLES / "ukraine-troops.txt")
    out = str(tmp_path / "o.jsonl")
    cases = [
        (
            ["batch", article, "--out", out, "--engine", "rules", "--rpm", "-1"],
            "requests_per_minute",
        ),
        (["batch", article, "--out", out, "--engine", "rules", "--tpm", "0"], "tokens_per_minute"),
        (["batch", article, "--out", str(tmp_path), "--engine", "rules"], "is a folder"),
    ]
    for argv, says in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1, err
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("damage", ["a file", "a damaged cache.db"])
def test_a_cache_folder_that_cannot_be_used_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    cache = tmp_path / "cache"
    if damage == "a file":
        cache.write_text("not a folder", encoding="utf-8")
    else:
        cache.mkdir()
        (cache / "cache.db").write_bytes(b"garbage, not SQLite" * 10)
    argv = ["check", str(ARTICLES / "ukraine-troops.txt"), "--base-url", "http://127.0.0.1:9/v1",
            "--model", "m", "--cache-dir", str(cache)]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"cannot use {cache} as the cache folder" in err and "--no-cache" in err
    assert "Traceback" not in err


def test_the_format_follows_the_output_files_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = str(ARTICLES / "ukraine-troops.txt")
    for name, opens in (("r.html", "<!doctype html>"), ("r.md", "# Claims in"), ("r.json", "{")):
        assert main(["check", article, "--engine", "rules", "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(opens), name
    argv = ["check", article, "--engine", "rules", "-o", str(tmp_path / "x.md"), "--include-text"]
    assert main(argv) == 0
    assert "--include-text keeps the text in json and html only" in capsys.readouterr().err


def test_utf16_text_is_read_and_a_nul_anywhere_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (ARTICLES / "ukraine-troops.txt").read_text(encoding="utf-8")
    for codec in ("utf-16", "utf-16-le"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        assert main(["check", str(path), "--engine", "rules", "--format", "md"]) == 0
        assert "very good protection" in capsys.readouterr().out
    path = tmp_path / "nul.txt"
    path.write_bytes((text * 4).encode() + b"\x00 and more")
    assert main(["check", str(path), "--engine", "rules"]) == 3
    assert "holds a NUL character" in capsys.readouterr().err


def test_summaries_count_in_words_and_the_rules_engine_lists_no_cost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = tmp_path / "in.jsonl"
    given.write_text(
        json.dumps({"id": "a", "text": "The council said it spent 2 million pounds."}) + "\n",
        encoding="utf-8",
    )
    assert main(["batch", str(given), "--out", str(tmp_path / "o.jsonl"), "--engine", "rules"]) == 0
    err = capsys.readouterr().err
    assert "Checked 1 article in" in err and "1 figure," in err
    assert "requests" not in err and "prompt token" not in err


def test_report_headers_count_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    article = str(ARTICLES / "ukraine-troops.txt")  # one figure claim
    assert main(["check", article, "--engine", "rules", "--format", "md"]) == 0
    assert ", 1 figure, " in capsys.readouterr().out
    assert main(["check", article, "--engine", "rules", "--format", "html"]) == 0
    assert ", 1 figure, " in capsys.readouterr().out
