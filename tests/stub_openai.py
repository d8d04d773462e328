"""A small OpenAI-compatible HTTP server on 127.0.0.1, for end-to-end and fault tests.

    with StubOpenAI(lambda body: Reply(json=chat_completion('{"claims": []}'))) as server:
        OpenAI(base_url=server.base_url, api_key="sk-test").chat.completions.create(...)
        server.requests  # the JSON bodies received, in order

    with StubOpenAI.scripted([Reply(status=429, headers={"retry-after": "0"}), Reply()]):
        ...  # a 429, then the default answer for every later request

It serves ``POST /v1/chat/completions`` (answered by the responder), ``GET /v1/models`` and
``GET /v1/stats`` (how many requests so far). Standard library only; leaving the block stops
the server, closes every connection still open and joins every thread it started.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Reply", "Responder", "StubOpenAI", "chat_completion"]


@dataclass
class Reply:
    """What the server answers to one request."""

    status: int = 200
    json: dict[str, Any] | None = None  # the body; ``chat_completion(...)`` for a normal answer
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None  # a body that is not JSON, for fault injection
    drop: bool = False  # close the connection without answering
    delay: float = 0.0  # seconds to wait before answering (for timeouts)
    dribble: float = 0.0  # seconds between the body's bytes (every read fast, the whole slow)


def chat_completion(
    content: str,
    *,
    model: str = "stub",
    finish_reason: str = "stop",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    cached_tokens: int = 0,
    refusal: str | None = None,
) -> dict[str, Any]:
    """A valid ``chat.completion`` body whose one choice says ``content``."""
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "logprobs": None,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": cached_tokens},
        },
    }


Responder = Callable[[dict[str, Any]], Reply]


def _empty(body: dict[str, Any]) -> Reply:
    return Reply(json=chat_completion('{"claims": []}'))


class _Server(ThreadingHTTPServer):
    """Keeps track of its connections and their threads, so that it can end them all."""

    request_queue_size = 256  # a batch opens many connections at once
    daemon_threads = True
    block_on_close = False  # we join our own threads, with a time limit

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.closing = threading.Event()
        self._guard = threading.Lock()
        self._open: dict[socket.socket, threading.Thread] = {}

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self.process_request_thread, args=(request, client_address), daemon=True
        )
        with self._guard:
            self._open[request] = thread
        thread.start()

    def shutdown_request(self, request: Any) -> None:
        with self._guard:
            self._open.pop(request, None)
        super().shutdown_request(request)

    def close_all(self, timeout: float) -> None:
        """Wake every handler (waiting to answer, or for the next request on a kept-alive
        connection) and wait for its thread to end."""
        self.closing.set()
        with self._guard:
            open_now = list(self._open.items())
        for sock, _ in open_now:
            with contextlib.suppress(OSError):  # already closed by the client
                sock.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for _, thread in open_now:
            thread.join(max(0.0, deadline - time.monotonic()))


class StubOpenAI:
    """An OpenAI-compatible server answering with ``responder(body)`` for each request."""

    def __init__(
        self, responder: Responder | None = None, latency: float = 0.0, *, record: bool = True
    ) -> None:
        self.responder = responder or _empty
        self.latency = latency  # seconds added before every answer
        self.record = record  # keep request bodies (tests) or only count them (benchmarks)
        self.count = 0
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = _Server(self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @classmethod
    def scripted(cls, replies: list[Reply], latency: float = 0.0) -> StubOpenAI:
        """Answers with ``replies`` in order, repeating the last one when they run out."""
        if not replies:
            raise ValueError("scripted() needs at least one Reply")
        queue = list(replies)

        def next_reply(body: dict[str, Any]) -> Reply:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        return cls(next_reply, latency)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> StubOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.close_all(timeout=5)
        self._server.server_close()
        self._thread.join(timeout=5)

    def _answer(self, body: dict[str, Any]) -> Reply:
        with self._lock:  # responders need not be thread-safe
            self.count += 1
            if self.record:
                self.requests.append(body)
            return self.responder(body)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass  # tests read the requests from stub.requests, not from stderr

            def do_GET(self) -> None:
                path = self.path.split("?")[0].rstrip("/")
                if path.endswith("/stats"):
                    self._send(Reply(json={"requests": stub.count}))
                elif path.endswith("/models"):
                    models = [{"id": "stub", "object": "model", "created": 0, "owned_by": "stub"}]
                    self._send(Reply(json={"object": "list", "data": models}))
                else:
                    self._send(_error(404, f"no route for GET {path}"))

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                data = self.rfile.read(length)
                path = self.path.split("?")[0].rstrip("/")
                if not path.endswith("/chat/completions"):
                    self._send(_error(404, f"no route for POST {path}"))
                    return
                try:
                    body = json.loads(data or b"{}")
                except ValueError:
                    self._send(_error(400, "the request body is not JSON"))
                    return
                reply = stub._answer(body)
                if stub._server.closing.wait(stub.latency + reply.delay):
                    reply = Reply(drop=True)  # the server is stopping: answer nothing
                if reply.drop:
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                data = reply.raw if reply.raw is not None else json.dumps(reply.json or {}).encode()
                given = {name.lower() for name in reply.headers}
                try:
                    self.send_response(reply.status)
                    if "content-type" not in given:
                        self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if not reply.dribble:
                        self.wfile.write(data)
                    for i in range(len(data) if reply.dribble else 0):
                        if stub._server.closing.wait(reply.dribble):
                            break
                        self.wfile.write(data[i : i + 1])
                        self.wfile.flush()
                except OSError:
                    self.close_connection = True  # the client went away

        return Handler


def _error(status: int, message: str) -> Reply:
    return Reply(status=status, json={"error": {"message": message, "type": "stub_error"}})


if __name__ == "__main__":
    # A stand-in in its own process, for benchmarks: prints its base URL, serves until its
    # stdin is closed.
    import sys

    stub = StubOpenAI(latency=float(sys.argv[1]) if len(sys.argv) > 1 else 0.0, record=False)
    with stub:
        print(stub.base_url, flush=True)
        sys.stdin.read()
