"""A fault-injecting OpenAI-compatible server, for tests of code that talks to one.

:class:`FaultServer` is a real HTTP server on 127.0.0.1 (a free port) in a background
thread. It speaks enough of the OpenAI API — ``GET /v1/models``, ``POST /v1/completions``
and ``POST /v1/chat/completions``, streamed or not — and misbehaves on demand: each
completion request takes the next :class:`Fault` from its script (a delay past the client's
timeout, 429 with Retry-After, 500, 401, a stream cut mid-answer, a garbage body, an empty
answer, a dropped connection), and once the script is used up it answers normally, from a
:class:`~summitry.testing.scripted.ScriptedModel`, a function, or an echo of the prompt. A
completions request with ``echo`` and ``logprobs`` gets the prompt back with a log-probability
for each of its words (``word_logprob``; by default longer words count as less likely), as a
server that can score continuations answers::

    with FaultServer(faults=[Fault.rate_limit(2), Fault.server_error()]) as server:
        model = OpenAICompatibleModel(base_url=server.url, model=server.model)
        ...
        assert len(server.requests) == 3
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from pydantic import ValidationError

from summitry.backends.base import CompletionRequest
from summitry.testing.scripted import ScriptedModel, echo

FaultKind = Literal["ok", "delay", "status", "rate_limit", "cut_stream", "garbage", "empty",
                    "disconnect"]
Responder = ScriptedModel | Callable[[CompletionRequest], str]
WordLogprob = Callable[[str], float]


def length_logprob(word: str) -> float:
    """A stand-in log-probability of an echoed word: the longer, the less likely."""
    return -float(len(word))


@dataclass(frozen=True)
class Fault:
    """What the server does with one completion request."""

    kind: FaultKind = "ok"
    seconds: float = 0.0
    status: int = 500
    after: int = 2
    text: str | None = None

    @classmethod
    def ok(cls, text: str | None = None) -> Fault:
        """Answer normally (with ``text`` if given)."""
        return cls("ok", text=text)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait this long before answering normally (past a client's timeout)."""
        return cls("delay", seconds=seconds)

    @classmethod
    def error(cls, status: int) -> Fault:
        """Answer with this HTTP status and an OpenAI-style error body."""
        return cls("status", status=status)

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        return cls("status", status=status)

    @classmethod
    def unauthorized(cls) -> Fault:
        return cls("status", status=401)

    @classmethod
    def rate_limit(cls, retry_after: float = 1.0) -> Fault:
        """429 with a Retry-After header of this many seconds."""
        return cls("rate_limit", seconds=retry_after, status=429)

    @classmethod
    def cut_stream(cls, after: int = 2) -> Fault:
        """Send ``after`` pieces of the answer, then drop the connection."""
        return cls("cut_stream", after=after)

    @classmethod
    def garbage(cls) -> Fault:
        """Answer 200 with a body that is not JSON (or not a valid event)."""
        return cls("garbage")

    @classmethod
    def empty(cls) -> Fault:
        """Answer 200 with an empty completion."""
        return cls("empty", text="")

    @classmethod
    def disconnect(cls) -> Fault:
        """Close the connection without answering."""
        return cls("disconnect")


@dataclass(frozen=True)
class ReceivedRequest:
    """A request the server received."""

    method: str
    path: str
    body: dict[str, Any] | None
    headers: dict[str, str] = field(default_factory=dict)


class FaultServer:
    """An OpenAI-compatible HTTP server on loopback that fails as scripted."""

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        faults: Iterable[Fault] = (),
        model: str = "fault-model",
        api_key: str | None = None,
        word_logprob: WordLogprob = length_logprob,
    ) -> None:
        self.responder: Responder = responder if responder is not None else echo
        self.word_logprob = word_logprob
        self.model = model
        self.api_key = api_key
        self.requests: list[ReceivedRequest] = []
        self._faults: deque[Fault] = deque(faults)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> FaultServer:
        handler = type("FaultHandler", (_Handler,), {"owner": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True,
                                        name="fault-server")
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the fault server is not running; use it as a context manager")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL of the API, ending in /v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- script -----------------------------------------------------------------------------

    def enqueue(self, *faults: Fault) -> FaultServer:
        """Add faults for the next completion requests, in order."""
        with self._lock:
            self._faults.extend(faults)
        return self

    @property
    def pending(self) -> int:
        return len(self._faults)

    @property
    def completion_requests(self) -> list[ReceivedRequest]:
        return [r for r in self.requests if r.method == "POST"]

    def _next_fault(self) -> Fault:
        with self._lock:
            return self._faults.popleft() if self._faults else Fault.ok()

    def _record(self, request: ReceivedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def answers(self, request: CompletionRequest, fault: Fault) -> list[str]:
        """The texts of a normal answer (the fault may fix them)."""
        if fault.text is not None:
            return [fault.text] * request.n
        if isinstance(self.responder, ScriptedModel):
            return self.responder.complete(request).texts
        return [str(self.responder(request)) for _ in range(request.n)]


def to_request(body: dict[str, Any]) -> CompletionRequest:
    """The completion request an OpenAI-style body stands for."""
    names = ("prompt", "messages", "max_tokens", "temperature", "top_p", "top_k",
             "repeat_penalty", "seed", "n")
    fields = {k: body[k] for k in names if body.get(k) is not None}
    stop = body.get("stop")
    if stop:
        fields["stop"] = [stop] if isinstance(stop, str) else list(stop)
    return CompletionRequest(**fields)


class _Handler(BaseHTTPRequestHandler):
    owner: FaultServer
    server_version = "FaultServer/1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet by design
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.owner._record(ReceivedRequest("GET", self.path, None, dict(self.headers)))
        if not self._authorized():
            return
        if self.path.rstrip("/") == "/v1/models":
            self._json(200, {"object": "list",
                             "data": [{"id": self.owner.model, "object": "model"}]})
        else:
            self._error(404, f"no route {self.path}")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            body = None
        self.owner._record(ReceivedRequest("POST", self.path, body, dict(self.headers)))
        if not self._authorized():
            return
        style = {"/v1/completions": "completion", "/v1/chat/completions": "chat"}.get(
            self.path.rstrip("/"))
        if style is None:
            return self._error(404, f"no route {self.path}")
        if not isinstance(body, dict):
            return self._error(400, "the body is not a JSON object")
        if body.get("model") != self.owner.model:
            return self._error(404, f"model '{body.get('model')}' not found")
        prompts = body.get("prompt") if isinstance(body.get("prompt"), list) else None  # a batch of prompts
        try:
            request = to_request(body | {"prompt": prompts[0]} if prompts else body)
        except (ValidationError, IndexError) as exc:
            return self._error(400, f"invalid request: {exc}")
        echoed = None
        if body.get("echo") and body.get("logprobs") is not None and style == "completion":
            echoed = [str(p) for p in prompts] if prompts else [request.prompt or ""]
        self._serve(request, style, bool(body.get("stream")), self.owner._next_fault(), echoed)

    # -- answers ----------------------------------------------------------------------------

    def _serve(self, request: CompletionRequest, style: str, stream: bool, fault: Fault,
               echoed: list[str] | None = None) -> None:
        if fault.kind == "disconnect":
            self.close_connection = True
            return
        if fault.kind == "status":
            return self._error(fault.status, f"injected failure {fault.status}")
        if fault.kind == "rate_limit":
            return self._error(429, "rate limit reached", {"Retry-After": f"{fault.seconds:g}"})
        if fault.kind == "delay" and self.owner._stopping.wait(fault.seconds):
            return
        if fault.kind == "garbage":
            return self._raw(200, "text/event-stream" if stream else "application/json",
                             b"data: {not json\n\n" if stream else b"<html>Bad Gateway</html>")
        try:
            texts = self.owner.answers(request, fault)
        except Exception as exc:  # a responder's failure becomes the server's 500
            return self._error(500, f"the responder failed: {exc}")
        if stream:
            return self._stream(texts, style, fault)
        if fault.kind == "cut_stream":  # promise more bytes than are sent
            payload = json.dumps(_answer(texts, style, self.owner.model, request)).encode()
            return self._raw(200, "application/json", payload[: len(payload) // 2],
                             length=len(payload))
        answer = _answer(texts, style, self.owner.model, request)
        if echoed is not None:
            answer["choices"] = [_echoed(i, prompt, texts[0], self.owner.word_logprob)
                                 for i, prompt in enumerate(echoed)]
        self._json(200, answer)

    def _stream(self, texts: list[str], style: str, fault: Fault) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        sent = 0
        for index, text in enumerate(texts):
            for piece in _pieces(text):
                if fault.kind == "cut_stream" and sent >= fault.after:
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self._event(_chunk(style, self.owner.model, index, piece, None))
                sent += 1
            self._event(_chunk(style, self.owner.model, index, "", "stop"))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _event(self, payload: dict[str, Any]) -> None:
        self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
        self.wfile.flush()

    def _authorized(self) -> bool:
        key = self.owner.api_key
        if key is None or self.headers.get("Authorization") == f"Bearer {key}":
            return True
        self._error(401, "invalid API key")
        return False

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        kind = "rate_limit_error" if status == 429 else "server_error" if status >= 500 else \
            "invalid_request_error"
        self._json(status, {"error": {"message": message, "type": kind}}, headers)

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._raw(status, "application/json", json.dumps(payload).encode(), headers=headers)

    def _raw(self, status: int, content_type: str, data: bytes, *, length: int | None = None,
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True


def _pieces(text: str) -> list[str]:
    words = text.split(" ")
    return [w if i == 0 else " " + w for i, w in enumerate(words) if w or i == 0]


def _chunk(style: str, model: str, index: int, piece: str, finish: str | None) -> dict[str, Any]:
    if style == "chat":
        choice: dict[str, Any] = {"index": index, "delta": {"content": piece} if piece else {},
                                  "finish_reason": finish}
        kind = "chat.completion.chunk"
    else:
        choice = {"index": index, "text": piece, "finish_reason": finish}
        kind = "text_completion"
    return {"id": "fault-1", "object": kind, "created": int(time.time()), "model": model,
            "choices": [choice]}


def _answer(texts: list[str], style: str, model: str, request: CompletionRequest
            ) -> dict[str, Any]:
    if style == "chat":
        choices = [{"index": i, "message": {"role": "assistant", "content": t},
                    "finish_reason": "stop"} for i, t in enumerate(texts)]
    else:
        choices = [{"index": i, "text": t, "finish_reason": "stop", "logprobs": None}
                   for i, t in enumerate(texts)]
    prompt_tokens = len(request.text_of_prompt().split())
    completion_tokens = sum(len(t.split()) for t in texts)
    return {"id": "fault-1", "object": "chat.completion" if style == "chat" else "text_completion",
            "created": int(time.time()), "model": model, "choices": choices,
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens}}


def _echoed(index: int, prompt: str, text: str, word_logprob: WordLogprob) -> dict[str, Any]:
    """A completions choice that echoes the prompt, with each word's offset and log-probability
    (the first has none, as no text comes before it)."""
    whole = prompt + text
    found = [(m.start(), m.group()) for m in re.finditer(r"\s*\S+", prompt)]
    found += [(len(prompt) + m.start(), m.group()) for m in re.finditer(r"\s*\S+", text)]  # words of its own
    return {"index": index, "text": whole, "finish_reason": "length",
            "logprobs": {"tokens": [w for _, w in found], "text_offset": [o for o, _ in found],
                         "token_logprobs": [None if i == 0 else word_logprob(w.strip())
                                            for i, (_, w) in enumerate(found)]}}
