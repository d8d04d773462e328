"""The wheel carries the prompts, and the installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_prompts_load_from_the_source_tree() -> None:
    from claimcheck.ask.prompts import PROMPT_VERSION, load

    prompt = load("extract")
    assert prompt.version == PROMPT_VERSION
    assert "<article>" in prompt.text and len(prompt.sha256) == 64


def test_wheel_ships_the_prompts_and_loads_them_installed(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("claimcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "claimcheck/prompts/extract-v1.txt" in names
    assert "claimcheck/py.typed" in names
    assert {"claimcheck/write/assets/page.css", "claimcheck/write/assets/page.js"} <= set(names)

    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = (
        "import claimcheck, claimcheck.ask.prompts as p, claimcheck.write.render_html as h; "
        f"assert claimcheck.__file__.startswith({str(target)!r}), claimcheck.__file__; "
        "page = h.to_html(claimcheck.Report(engine='rules')); "
        "assert '<style>:root' in page and '<script>(function' in page; "
        "print(p.load('extract').sha256)"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    from claimcheck.ask.prompts import load

    assert ran.stdout.strip() == load("extract").sha256
