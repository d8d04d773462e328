"""benchmarks/quality_local.sh: a model server must answer one chat completion before scoring.

A stand-in for llama-cpp-python's server (``python -m llama_cpp.server``) is put first on
PYTHONPATH and the script is pointed at it with LLAMA_PYTHON, so no model is loaded and nothing
is built: one stand-in answers like a model, the other dies at its first prompt, as a llama.cpp
built for another CPU does.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "quality_local.sh"

STAND_IN = """
import argparse, json, os
from http.server import BaseHTTPRequestHandler, HTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int)
parser.add_argument("--model_alias")
args, _ = parser.parse_known_args()
dies = os.environ["STAND_IN"] == "dies"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.send({"object": "list", "data": [{"id": args.model_alias, "object": "model"}]})

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        if dies:
            os._exit(139)  # a segmentation fault at the first prompt
        message = {"role": "assistant", "content": json.dumps({"claims": []})}
        self.send({
            "id": "x", "object": "chat.completion", "created": 0, "model": args.model_alias,
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        })


HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_script(tmp_path: Path, behaviour: str) -> subprocess.CompletedProcess[str]:
    server = tmp_path / "stand-in" / "llama_cpp" / "server"
    server.mkdir(parents=True)
    (server.parent / "__init__.py").write_text("")
    (server / "__init__.py").write_text("")
    (server / "__main__.py").write_text(STAND_IN)
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("ukraine-troops.txt", "ukraine-troops.json"):
        shutil.copy(ROOT / "tests" / "gold" / name, gold / name)
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF")
    env = {
        **os.environ,
        "LLAMA_PYTHON": sys.executable,
        "PYTHONPATH": str(tmp_path / "stand-in"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PORT": str(free_port()),
        "STAND_IN": behaviour,
    }
    return subprocess.run(
        ["bash", str(SCRIPT), str(model), str(gold)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )  # fmt: skip


@pytest.mark.skipif(shutil.which("bash") is None, reason="the script needs bash")
def test_a_server_that_answers_is_scored_with_both_engines(tmp_path: Path) -> None:
    done = run_script(tmp_path, "answers")
    assert done.returncode == 0, done.stderr
    assert "## offline rules engine" in done.stdout
    assert "## openai engine, tiny" in done.stdout
    assert done.stdout.count("ukraine-troops") == 2


@pytest.mark.skipif(shutil.which("bash") is None, reason="the script needs bash")
def test_a_server_that_dies_at_its_first_prompt_stops_the_script_before_scoring(
    tmp_path: Path,
) -> None:
    done = run_script(tmp_path, "dies")
    assert done.returncode == 1
    assert "did not answer a chat completion" in done.stderr
    assert "rm -rf benchmarks/.llama-venv" in done.stderr
    assert "## offline rules engine" not in done.stdout
