"""The package is the pipeline: a folder per stage, one-way imports, short modules.

What a newcomer relies on when opening ``claimcheck/``: the stages in folders, each module
saying in its first line what it decides, no two modules importing each other (however
indirectly, and counting imports inside functions), and nothing derived stashed on the side.
"""

from __future__ import annotations

import ast
from pathlib import Path

import claimcheck

PACKAGE = Path(claimcheck.__file__).resolve().parent
STAGES = ("read", "find", "ask", "decide", "write", "run")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every claimcheck module ``name`` imports, wherever the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            for alias in node.names:
                whole = f"{module}.{alias.name}"
                found.add(whole if whole in known else module)
    return {m for m in found if m in known and m != name}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_no_module_imports_itself_through_others() -> None:
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    assert cycle(graph) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_the_stages_are_folders_and_the_top_keeps_what_a_user_meets_first() -> None:
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    assert {"__init__", "checker", "models", "errors", "config", "cli"} <= set(top)
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


def test_no_module_is_longer_than_a_reader_can_follow() -> None:
    long = {n: len(p.read_text().splitlines()) for n, p in modules().items()}
    assert {n: lines for n, lines in long.items() if lines > 700} == {}


def test_every_module_opens_with_one_line_saying_what_it_decides() -> None:
    for name, path in modules().items():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False)
        assert doc, f"{name} has no docstring"
        first = doc.strip().splitlines()[0]
        assert first.endswith((".", ":")) and len(first) <= 100, f"{name}: {first!r}"


def test_nothing_is_stashed_on_an_object_behind_its_back() -> None:
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        assert ".__dict__[" not in text and "__dict__.get(" not in text, name
        assert "cached_property" not in text, name


def test_every_public_name_is_exported_and_importable() -> None:
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None, name
    assert claimcheck.__version__
