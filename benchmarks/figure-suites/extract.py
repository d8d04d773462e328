"""Rebuild the number-parser and text2num suites from their projects' own test files.

    pip download --no-deps --no-binary :all: number-parser==0.3.2 -d /tmp/np && tar xzf ...
    git clone https://github.com/allo-media/text2num-rs   (the Rust core of text2num; the
    Python package's wheel and repository ship no English tests of their own)

    python benchmarks/figure-suites/extract.py NUMBER_PARSER_SDIST_DIR TEXT2NUM_RS_DIR

Each case is {"text", "values", "source"}: the text as the suite gives it and the numbers the
suite's own expected answer holds, in order. Left out: ordinals ("twenty-first" is a rank, not
a figure), digit strings with leading zeros ("zero eight" -> "08", a code), and number-parser's
tests of separators and of digit sequences ("one two three four").
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w])")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)s?\b")


def _values(expected: str) -> list[float] | None:
    if _ORDINAL.search(expected) or re.search(r"(?<![\d.])0\d", expected):
        return None
    return [float(n) for n in _NUMBER.findall(expected)]


def number_parser(root: Path) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = []
    tree = ast.parse((root / "tests" / "test_language_en.py").read_text())
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or fn.name not in (
            "test_parse_number",
            "test_parse_basic_sentences",
        ):
            continue
        (deco,) = fn.decorator_list
        assert isinstance(deco, ast.Call)
        for text, expected in ast.literal_eval(deco.args[1]):
            values = [float(expected)] if isinstance(expected, int) else _values(expected)
            if values is not None:
                text = " ".join(text.split())
                cases.append({"text": text, "values": values, "source": f"number-parser {fn.name}"})
    for folder in ("hundreds", "permutations"):
        for path in sorted((root / "tests" / "data" / folder).glob("en_*.csv")):
            with path.open(encoding="utf8") as f:
                for row in csv.DictReader(f):
                    cases.append(
                        {"text": row["text"], "values": [float(row["number"])],
                         "source": f"number-parser {folder}/{path.name}"}
                    )  # fmt: skip
    return cases


_MACRO = re.compile(
    r"assert_(text2digits|replace_numbers|replace_all_numbers)!\(\s*"
    r'"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*,?\s*\)',
    re.S,
)


def _unescape(rust: str) -> str:
    return re.sub(r"\\\n\s*", "", rust).replace('\\"', '"')


def text2num(root: Path) -> list[dict[str, object]]:
    source = (root / "src" / "lang" / "en" / "mod.rs").read_text()
    cases: list[dict[str, object]] = []
    for kind, text, expected in _MACRO.findall(source[source.index("mod tests") :]):
        values = _values(_unescape(expected))
        if values is None or kind == "replace_all_numbers":
            continue
        cases.append({"text": _unescape(text), "values": values, "source": f"text2num {kind}"})
    return cases


def main() -> None:
    np_root, t2n_root = Path(sys.argv[1]), Path(sys.argv[2])
    for name, cases in (
        ("number_parser_en", number_parser(np_root)),
        ("text2num_en", text2num(t2n_root)),
    ):
        (HERE / f"{name}.json").write_text(json.dumps(cases, indent=0, ensure_ascii=False) + "\n")
        print(name, len(cases))


if __name__ == "__main__":
    main()
