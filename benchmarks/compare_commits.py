"""Do two versions of claimcheck write the same reports? Byte for byte, on every article we have.

    python benchmarks/compare_commits.py BEFORE [AFTER]      # commits, branches or tags
    python benchmarks/compare_commits.py HEAD~1 --worktree   # HEAD~1 against the files as they are

Each version is taken out of git (``git archive``) into a temporary folder and run in a process
of its own, with that folder first on the path, over every article in ``examples/articles``,
``tests/gold`` and ``tests/gold-heldout``:

- the rules engine;
- the openai engine against the local stand-in server (``tests/stub_openai.py``), answering
  with the hand-written strong answers of ``tests/strong/`` where an article has one and with
  no claims where it has none (so the rules fill the whole report through the model's path).

The stand-in and the answers are this checkout's, the same for both versions: only claimcheck
differs. Every report is written as JSON with its article text; the two sets are compared file
by file and the differences listed. Exits 1 if any report differs.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("examples/articles", "tests/gold", "tests/gold-heldout")


def articles() -> list[Path]:
    return [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.txt"))]


def unpack(revision: str, into: Path) -> Path:
    """The tree of ``revision`` in ``into``; the files as they are for ``--worktree``."""
    if revision == "WORKTREE":
        return ROOT
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
        check=True,
        capture_output=True,
    ).stdout
    into.mkdir(parents=True)
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(into, filter="data")
    return into


def run_version(tree: Path, out: Path) -> None:
    """Reports of the claimcheck in ``tree``, written by a process that imports only it."""
    out.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CLAIMCHECK_"))}
    subprocess.run([sys.executable, __file__, "--write", str(tree), str(out)], check=True, env=env)


def write_reports(tree: Path, out: Path) -> None:
    sys.path.insert(0, str(tree))
    sys.path.insert(1, str(ROOT / "tests"))
    import claimcheck

    if not Path(claimcheck.__file__).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"imported {claimcheck.__file__}, not the claimcheck in {tree}")
    from strong_model import STRONG, answer
    from stub_openai import Reply, StubOpenAI, chat_completion

    texts = {p: p.read_text(encoding="utf-8") for p in articles()}
    strong = {p.stem: answer(p.stem) for p in STRONG.glob("*.json")}

    def respond(body: dict[str, Any]) -> Reply:
        user = body["messages"][-1]["content"]
        claims: list[dict[str, Any]] = []
        if "<items>" not in user:  # the audit of what the model missed: nothing
            for answered in strong.values():
                if answered and answered[0]["excerpt"] in user:
                    shown = {int(n) for n in _numbers(user)}
                    claims = [c for c in answered if c["sentence"] in shown]
                    break
        return Reply(json=chat_completion(json.dumps({"claims": claims}), model="strong"))

    with claimcheck.Checker(engine="rules") as rules:
        for path, text in texts.items():
            _save(out, "rules", path, rules.check(text, source=path.name), text)
    with (
        StubOpenAI(respond) as server,
        claimcheck.Checker(
            engine="openai", base_url=server.base_url, model="strong", api_key="unused", cache=False
        ) as model,
    ):
        for path, text in texts.items():
            _save(out, "openai", path, model.check(text, source=path.name), text)


def _numbers(user: str) -> list[str]:
    import re

    return re.findall(r"^\[(\d+)\] ", user.split("<article>")[-1], re.M)


def _save(out: Path, engine: str, path: Path, report: Any, text: str) -> None:
    name = f"{engine}--{path.parent.name}--{path.stem}.json"
    report = report.model_copy(update={"article_text": text})
    (out / name).write_text(report.model_dump_json(indent=1), encoding="utf-8")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--write":
        write_reports(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="HEAD")
    parser.add_argument("--worktree", action="store_true", help="AFTER is the files as they are")
    args = parser.parse_args()
    after = "WORKTREE" if args.worktree else args.after
    with tempfile.TemporaryDirectory(prefix="claimcheck-compare-") as tmp:
        base = Path(tmp)
        outs = []
        for label, revision in (("before", args.before), ("after", after)):
            tree = unpack(revision, base / f"{label}-tree")
            out = base / f"{label}-reports"
            run_version(tree, out)
            outs.append(out)
        names = sorted(p.name for p in outs[0].iterdir())
        if names != sorted(p.name for p in outs[1].iterdir()):
            print("the two versions wrote different sets of reports")
            raise SystemExit(1)
        differ = [n for n in names if not filecmp.cmp(outs[0] / n, outs[1] / n, shallow=False)]
        engines = {n.split("--")[0] for n in names}
        print(
            f"{len(names)} reports ({len(names) // len(engines)} articles x "
            f"{', '.join(sorted(engines))}): {len(names) - len(differ)} byte-identical, "
            f"{len(differ)} different ({args.before} against {after})"
        )
        for name in differ:
            print(f"  differs: {name}")
        raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
