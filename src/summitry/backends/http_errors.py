"""Where HTTP failures become summitry errors: statuses, transport failures, bad bodies.

Used by the OpenAI-compatible backend at the boundary with ``httpx``: every foreign
exception is translated here (``raise Mapped(...) from exc``) into the error tree of
:mod:`summitry.errors`, with a message naming the server and a hint saying what to do.
"""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any

import httpx

from summitry.errors import (
    AuthenticationError,
    BackendError,
    BackendTimeoutError,
    BackendUnavailableError,
    ModelNotFoundError,
    RateLimitError,
    ServerError,
)

KEY_HINT = "set SUMMITRY_API_KEY (or OPENAI_API_KEY) to a key this server accepts"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def server_message(response: httpx.Response) -> str:
    """The server's own explanation of an error, short, whatever shape the body has."""
    try:
        body: Any = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, httpx.ResponseNotRead):
        body = None
    if isinstance(body, dict):
        error = body.get("error", body.get("detail", body.get("message")))
        if isinstance(error, dict):
            error = error.get("message", error)
        if error:
            return _short(str(error))
    try:
        return _short(response.text) or f"HTTP {response.status_code}"
    except httpx.ResponseNotRead:
        return f"HTTP {response.status_code}"


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_for_status(response: httpx.Response, *, url: str, model: str,
                     has_key: bool) -> BackendError:
    """The error for a response whose status is not a success."""
    status = response.status_code
    said = server_message(response)
    if status in (401, 403):
        return AuthenticationError(
            f"{url} refused the request ({status}): {said}",
            hint=KEY_HINT if not has_key else "the key was refused; " + KEY_HINT,
        )
    if status == 404:
        return ModelNotFoundError(
            f"{url} answered 404 for model '{model}': {said}",
            hint="check --model against the server's /v1/models and that --base-url "
                 "ends where the API starts (usually /v1)",
        )
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        wait = f"; it asks to wait {retry_after:g} s" if retry_after is not None else ""
        return RateLimitError(f"{url} is rate limiting (429){wait}: {said}",
                              retry_after=retry_after,
                              hint="lower --concurrency or wait and resume the session")
    if status == 408:
        return BackendTimeoutError(f"{url} timed out the request (408): {said}")
    if status >= 500:
        return ServerError(f"{url} failed ({status}): {said}", status=status,
                           hint="the server had a problem; check its log")
    return BackendError(f"{url} rejected the request ({status}): {said}",
                        hint="the server may not support a parameter summitry sent; "
                             "check its documentation and the request options")


def error_for_transport(exc: httpx.HTTPError, *, url: str, timeout: float | None) -> BackendError:
    """The error for a request that got no (complete) answer."""
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return BackendUnavailableError(f"cannot connect to {url}: {exc or type(exc).__name__}",
                                       hint=f"is the server running at {url}?")
    if isinstance(exc, httpx.TimeoutException):
        limit = f" within {timeout:g} s" if timeout is not None else ""
        return BackendTimeoutError(f"{url} did not answer{limit}",
                                   hint="raise the timeout, or check the server's load")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return BackendError(f"invalid server URL {url}: {exc}",
                            hint="give a URL like http://127.0.0.1:8080/v1")
    return ServerError(f"the connection to {url} broke off: {exc or type(exc).__name__}",
                       hint="the server may have crashed or restarted; check its log")


def read_json(response: httpx.Response, *, url: str) -> dict[str, Any]:
    """The JSON object of a successful response, or a retryable error if it is garbage."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ServerError(f"{url} sent an unreadable answer (not JSON): "
                          f"{_short(response.text, 80)!r}",
                          hint="the server or a proxy in front of it is misbehaving") from exc
    if not isinstance(body, dict) or not isinstance(body.get("choices"), list):
        raise ServerError(f"{url} sent an answer without 'choices': {_short(str(body), 80)}",
                          hint="is this an OpenAI-compatible API? check --base-url")
    return body
