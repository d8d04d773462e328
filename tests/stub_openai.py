"""A small OpenAI-compatible HTTP server on 127.0.0.1, for end-to-end and fault tests.

    with StubOpenAI(lambda body: Reply(json=chat_completion('{"claims": []}'))) as server:
        ... server.base_url ...

Standard library only; the server thread stops when the block ends.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    json: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None  # a body that is not JSON, for fault injection
    drop: bool = False  # close the connection without answering
    delay: float = 0.0  # seconds to wait before answering


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
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
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


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # a batch opens many connections at once


def _empty(body: dict[str, Any]) -> Reply:
    return Reply(json=chat_completion('{"claims": []}'))


class StubOpenAI:
    def __init__(
        self, responder: Responder | None = None, latency: float = 0.0, *, record: bool = True
    ) -> None:
        self.responder = responder or _empty
        self.latency = latency
        self.record = record  # keep request bodies (tests) or only count them (benchmarks)
        self.count = 0
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @classmethod
    def scripted(cls, replies: list[Reply], latency: float = 0.0) -> StubOpenAI:
        """Answers with ``replies`` in order, repeating the last one when they run out."""
        queue = list(replies)

        def next_reply(body: dict[str, Any]) -> Reply:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        return cls(next_reply, latency)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> StubOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/stats"):
                    self._send(Reply(json={"requests": stub.count}))
                elif self.path.rstrip("/").endswith("/models"):
                    self._send(
                        Reply(json={"object": "list", "data": [{"id": "stub", "object": "model"}]})
                    )
                else:
                    self._send(Reply(status=404, json={"error": {"message": "not found"}}))

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with stub._lock:
                    stub.count += 1
                    if stub.record:
                        stub.requests.append(body)
                    reply = stub.responder(body)
                time.sleep(stub.latency + reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                data = reply.raw if reply.raw is not None else json.dumps(reply.json or {}).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


if __name__ == "__main__":
    # A stand-in in its own process, for benchmarks: prints its base URL, serves until killed.
    import sys

    stub = StubOpenAI(latency=float(sys.argv[1]) if len(sys.argv) > 1 else 0.0, record=False)
    with stub:
        print(stub.base_url, flush=True)
        sys.stdin.read()  # until the parent closes our stdin
