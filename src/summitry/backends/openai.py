"""The ``openai`` backend: any server speaking the OpenAI API (completions or chat).

Works with llama.cpp's server, Ollama, vLLM, SGLang, LM Studio and OpenAI itself.
``style="auto"`` sends document prompts to ``/completions`` and messages to
``/chat/completions``; ``"chat"`` sends a document prompt as one user message;
``"completion"`` refuses messages. With ``stream=True`` answers are read as server-sent
events (so a long answer cannot hit a read timeout as long as pieces keep coming, and a cut
stream is detected). At most ``max_concurrency`` requests are in flight at once.

Every failure is translated where it crosses the boundary (see :mod:`.http_errors`); retries
are not done here but by :class:`~summitry.backends.retry.RetryingModel`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from summitry.backends.base import (
    Completion,
    CompletionRequest,
    ScoreRequest,
    Scores,
    check_scoring,
    estimate_tokens,
)
from summitry.backends.http_errors import error_for_status, error_for_transport, read_json
from summitry.backends.sse import StreamResult, follow, piece_of
from summitry.errors import BackendError, EmptyResponseError, ModelNotFoundError, ServerError

Style = Literal["completion", "chat", "auto"]
DEFAULT_BASE_URL = "http://127.0.0.1:8080/v1"
KEY_VARIABLES = ("SUMMITRY_API_KEY", "OPENAI_API_KEY")
BASE_URL_VARIABLES = ("SUMMITRY_BASE_URL", "OPENAI_BASE_URL")


def normalize_base_url(url: str) -> str:
    """Strip the trailing slash; a bare ``http://host:port`` gets the usual ``/v1``."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BackendError(f"invalid server URL {url!r}",
                           hint="give a URL like http://127.0.0.1:8080/v1")
    return url if parts.path else url + "/v1"


def _from_env(names: tuple[str, ...]) -> str | None:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


class OpenAICompatibleModel:
    """A language model behind an OpenAI-compatible HTTP API."""

    can_stream = True
    needs_key = False  # local servers need none; a server that does answers 401
    supports_completion = True

    def __init__(
        self,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        style: Style = "auto",
        timeout: float = 120.0,
        connect_timeout: float = 5.0,
        max_concurrency: int = 4,
        stream: bool = False,
        context_size: int | None = None,
        extra_body: dict[str, Any] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if style not in ("completion", "chat", "auto"):
            raise BackendError(f"invalid style {style!r}",
                               hint='expected "completion", "chat" or "auto"')
        if max_concurrency < 1:
            raise BackendError(f"max_concurrency must be at least 1 (not {max_concurrency})")
        self.base_url = normalize_base_url(base_url or _from_env(BASE_URL_VARIABLES)
                                           or DEFAULT_BASE_URL)
        self.api_key = api_key or _from_env(KEY_VARIABLES)
        self.style: Style = style
        self.timeout = timeout
        self.streaming = stream
        self.context_size = context_size
        self.extra_body = dict(extra_body or {})
        self._model = model
        self._slots = threading.Semaphore(max_concurrency)
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            headers=headers, transport=transport,
        )

    # -- identity and capabilities ------------------------------------------------------

    @property
    def supports_chat(self) -> bool:
        return self.style != "completion"

    @property
    def can_score(self) -> bool:
        """Scoring needs the completions endpoint (``echo`` with ``logprobs``); a chat-only server has none."""
        return self.style != "chat"

    @property
    def model(self) -> str:
        """The served model's name (asked from ``/models`` when none was given)."""
        if self._model is None:
            self._model = self._first_served_model()
        return self._model

    @property
    def name(self) -> str:
        return f"openai:{self._model or '?'}"

    def count_tokens(self, text: str) -> int:
        """An estimate: the API has no standard tokenizer endpoint."""
        return estimate_tokens(text)

    def list_models(self) -> list[str]:
        """Names of the models the server serves."""
        body = self._send("GET", "/models", None)
        data = body.get("data") if isinstance(body, dict) else None
        return [str(m.get("id")) for m in data or [] if isinstance(m, dict) and m.get("id")]

    def _first_served_model(self) -> str:
        models = self.list_models()
        if not models:
            raise ModelNotFoundError(f"{self.base_url} serves no model",
                                     hint="name one with --model")
        return models[0]

    # -- requests -------------------------------------------------------------------------

    def complete(self, request: CompletionRequest) -> Completion:
        started = time.perf_counter()
        style = self._style_for(request)
        texts: dict[int, str] = {}
        finish: dict[int, str] = {}
        usage = {"prompt_tokens": 0, "completion_tokens": 0, "cached": 0}
        first_piece_at: float | None = None
        for attempt in range(request.n):  # servers that ignore n answer one at a time
            missing = request.n - len(texts)
            if missing <= 0:
                break
            body = self._body(request, style, n=missing, attempt=attempt)
            got, reasons, used, first = self._exchange(body, style)
            for text, reason in zip(got, reasons, strict=True):
                finish[len(texts)] = reason
                texts[len(texts)] = text
            for key in usage:
                usage[key] += used.get(key, 0)
            first_piece_at = first_piece_at or first
        return self._completion(request, texts, finish, usage, started, first_piece_at)

    def score(self, request: ScoreRequest) -> Scores:
        """Each continuation's mean log-probability per token, read from the completions
        endpoint's echo of the prompt with ``logprobs`` (one request, one prompt per continuation)."""
        check_scoring(self)
        started = time.perf_counter()
        texts = [request.prompt + c for c in request.continuations]
        body = {"model": self.model, "prompt": texts, "max_tokens": 1, "temperature": 0.0,
                "echo": True, "logprobs": 1} | self.extra_body
        with self._slots:
            answer = self._send("POST", self._path("completion"), body)
        choices = answer.get("choices") if isinstance(answer, dict) else None
        by_index = {int(c.get("index", i)): c for i, c in enumerate(choices or []) if isinstance(c, dict)}
        picked = [_continuation_logprobs(by_index.get(i), len(request.prompt), len(t)) for i, t in enumerate(texts)]
        if not all(picked):
            raise BackendError(
                f"the server at {self.base_url} cannot score: its completions answer holds no "
                "log-probabilities of the echoed prompt",
                hint="use a server whose /completions endpoint supports echo with logprobs "
                     "(e.g. vLLM or llama.cpp's server), or the local backend",
            )
        return Scores(scores=[sum(p) / len(p) for p in picked], tokens=[len(p) for p in picked],
                      model=self.model, seconds=time.perf_counter() - started)

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        """The first candidate, piece by piece, as the server sends it."""
        style = self._style_for(request)
        body = self._body(request, style, n=1, attempt=0) | {"stream": True}
        result = StreamResult()
        with self._slots:
            response = self._open(body, style)
            try:
                for index, piece in follow(self._lines(response), url=self.base_url,
                                           style=style, result=result):
                    if index == 0:
                        yield piece
            finally:
                response.close()
        if not result.text(0).strip():
            raise self._empty()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAICompatibleModel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one exchange -----------------------------------------------------------------------

    def _style_for(self, request: CompletionRequest) -> Literal["completion", "chat"]:
        if self.style == "completion" and request.style == "chat":
            raise BackendError("this server is set to style 'completion' but got chat messages",
                               hint="use --style chat or auto, or send a document prompt")
        return request.style if self.style == "auto" else self.style

    def _body(self, request: CompletionRequest, style: str, *, n: int,
              attempt: int) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model, "max_tokens": request.max_tokens,
            "temperature": request.temperature, "top_p": request.top_p,
            "n": n, "stream": self.streaming,
        }
        if style == "completion":
            body["prompt"] = request.prompt
        elif request.messages is not None:
            body["messages"] = [m.model_dump() for m in request.messages]
        else:
            body["messages"] = [{"role": "user", "content": request.prompt}]
        if request.stop:
            body["stop"] = list(request.stop)
        if request.seed is not None:
            body["seed"] = request.seed + attempt
        if request.top_k is not None:
            body["top_k"] = request.top_k
        if request.repeat_penalty is not None:
            body["repeat_penalty"] = request.repeat_penalty
        if request.dry_multiplier is not None:
            body["dry_multiplier"] = request.dry_multiplier
        if request.min_tokens is not None:
            body["min_tokens"] = request.min_tokens
        return body | self.extra_body

    def _exchange(self, body: dict[str, Any], style: str
                  ) -> tuple[list[str], list[str], dict[str, int], float | None]:
        """One request: (texts, finish reasons, usage, time of the first piece)."""
        with self._slots:
            if not body.get("stream"):
                answer = self._send("POST", self._path(style), body)
                choices = sorted(answer["choices"], key=lambda c: int(c.get("index", 0)))
                texts = [_choice_text(c, style) for c in choices]
                reasons = [str(c.get("finish_reason") or "unknown") for c in choices]
                return texts, reasons, _usage(answer.get("usage")), None
            result = StreamResult()
            response = self._open(body, style)
            try:
                for _ in follow(self._lines(response), url=self.base_url, style=style,
                                result=result):
                    pass
            finally:
                response.close()
        indices = sorted(result.pieces)
        return ([result.text(i) for i in indices],
                [result.finish.get(i, "unknown") for i in indices],
                _usage(result.usage), result.first_piece_at)

    def _path(self, style: str) -> str:
        return "/chat/completions" if style == "chat" else "/completions"

    def _send(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        url = self.base_url + path
        try:
            response = self._client.request(method, url, json=body)
        except httpx.HTTPError as exc:
            raise error_for_transport(exc, url=self.base_url, timeout=self.timeout) from exc
        if response.status_code >= 400:
            raise self._status_error(response)
        if method == "GET":
            try:
                answer: dict[str, Any] = response.json()
                return answer
            except ValueError as exc:
                raise ServerError(f"{url} sent an unreadable answer (not JSON)",
                                  hint="is this an OpenAI-compatible API? check --base-url",
                                  ) from exc
        return read_json(response, url=self.base_url)

    def _open(self, body: dict[str, Any], style: str) -> httpx.Response:
        request = self._client.build_request("POST", self.base_url + self._path(style), json=body)
        try:
            response = self._client.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise error_for_transport(exc, url=self.base_url, timeout=self.timeout) from exc
        if response.status_code >= 400:
            try:
                response.read()
            except httpx.HTTPError:
                pass
            finally:
                response.close()
            raise self._status_error(response)
        return response

    def _lines(self, response: httpx.Response) -> Iterator[str]:
        try:
            yield from response.iter_lines()
        except httpx.HTTPError as exc:
            raise error_for_transport(exc, url=self.base_url, timeout=self.timeout) from exc

    def _status_error(self, response: httpx.Response) -> BackendError:
        return error_for_status(response, url=self.base_url, model=self._model or "?",
                                has_key=bool(self.api_key))

    def _empty(self) -> EmptyResponseError:
        return EmptyResponseError(f"model '{self._model}' at {self.base_url} returned no text",
                                  hint="check the prompt and max_tokens, or try another model")

    def _completion(self, request: CompletionRequest, texts: dict[int, str],
                    finish: dict[int, str], usage: dict[str, int], started: float,
                    first_piece_at: float | None) -> Completion:
        ordered = [texts[i] for i in sorted(texts)][: request.n]
        if not ordered or not any(t.strip() for t in ordered):
            raise self._empty()
        elapsed = time.perf_counter() - started
        prompt_tokens = usage["prompt_tokens"] or estimate_tokens(request.text_of_prompt())
        completion_tokens = usage["completion_tokens"] or sum(estimate_tokens(t) for t in ordered)
        generation = elapsed - (first_piece_at - started) if first_piece_at else elapsed
        return Completion(
            texts=ordered, model=self.model,
            prompt_tokens=prompt_tokens,
            cached_prompt_tokens=min(usage["cached"], prompt_tokens),
            completion_tokens=completion_tokens,
            seconds=elapsed, generation_seconds=max(0.0, generation),
            finish_reasons=[finish[i] for i in sorted(finish)][: len(ordered)],
        )


def _choice_text(choice: dict[str, Any], style: str) -> str:
    if style == "chat":
        message = choice.get("message") or {}
        content = message.get("content") if isinstance(message, dict) else None
        return content if isinstance(content, str) else piece_of(choice, style)
    text = choice.get("text")
    return text if isinstance(text, str) else ""


def _continuation_logprobs(choice: dict[str, Any] | None, start: int, end: int) -> list[float]:
    """The log-probabilities of a choice's echoed tokens that begin at characters ``start``…``end``."""
    logprobs = choice.get("logprobs") if choice else None
    if not isinstance(logprobs, dict):
        return []
    offsets = logprobs.get("text_offset") or []
    values = logprobs.get("token_logprobs") or []
    return [float(v) for o, v in zip(offsets, values, strict=False)
            if v is not None and start <= int(o) < end]


def _usage(raw: Any) -> dict[str, int]:
    """Token counts from a ``usage`` object (cached prompt tokens where the server says)."""
    if not isinstance(raw, dict):
        return {}
    details = raw.get("prompt_tokens_details") or {}
    cached = details.get("cached_tokens", 0) if isinstance(details, dict) else 0
    return {"prompt_tokens": int(raw.get("prompt_tokens") or 0),
            "completion_tokens": int(raw.get("completion_tokens") or 0),
            "cached": int(cached or 0)}
