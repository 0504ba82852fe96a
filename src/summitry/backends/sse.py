"""Reading an OpenAI-style server-sent event stream into candidate texts.

Each event is a line ``data: {json}``; the stream ends with ``data: [DONE]``. A chunk's
``choices`` carry a piece of text per candidate (``text`` for completions, ``delta.content``
for chats) and, at the end, a ``finish_reason``. A stream that stops before every candidate
finished (and without ``[DONE]``) was cut off: that is an error, never a short answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from summitry.errors import ServerError


@dataclass
class StreamResult:
    """What a stream carried, gathered as it arrives."""

    pieces: dict[int, list[str]] = field(default_factory=dict)
    finish: dict[int, str] = field(default_factory=dict)
    usage: dict[str, Any] | None = None
    done: bool = False
    first_piece_at: float | None = None

    def text(self, index: int) -> str:
        return "".join(self.pieces.get(index, []))

    @property
    def complete(self) -> bool:
        """True when the stream ended properly (``[DONE]``, or every candidate finished)."""
        return self.done or (bool(self.pieces) and all(i in self.finish for i in self.pieces))


def iter_events(lines: Iterable[str], *, url: str) -> Iterator[dict[str, Any] | None]:
    """The JSON events of the stream; None stands for ``[DONE]``, after which it stops."""
    for raw in lines:
        line = raw.strip()
        if not line.startswith("data:"):
            continue  # blank separators, ': keep-alive' comments, 'event:' and 'id:' fields
        payload = line[len("data:"):].strip()
        if payload == "[DONE]":
            yield None
            return
        try:
            event = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise ServerError(f"{url} sent an unreadable stream event: {payload[:80]!r}",
                              hint="the server or a proxy in front of it is misbehaving",
                              ) from exc
        if not isinstance(event, dict):
            raise ServerError(f"{url} sent a stream event that is not an object: {payload[:80]!r}")
        if event.get("error"):
            error = event["error"]
            said = error.get("message", error) if isinstance(error, dict) else error
            raise ServerError(f"{url} reported an error mid-stream: {said}")
        yield event


def piece_of(choice: dict[str, Any], style: str) -> str:
    """The text a chunk's choice adds."""
    if style == "chat":
        delta = choice.get("delta") or choice.get("message") or {}
        content = delta.get("content") if isinstance(delta, dict) else None
    else:
        content = choice.get("text")
    return content if isinstance(content, str) else ""


def follow(lines: Iterable[str], *, url: str, style: str,
           result: StreamResult) -> Iterator[tuple[int, str]]:
    """Yield (candidate, piece) as they arrive, filling ``result``; raise if the stream is cut."""
    for event in iter_events(lines, url=url):
        if event is None:
            result.done = True
            break
        if isinstance(event.get("usage"), dict):
            result.usage = event["usage"]
        for choice in event.get("choices") or []:
            index = int(choice.get("index", 0))
            piece = piece_of(choice, style)
            result.pieces.setdefault(index, [])
            if piece:
                if result.first_piece_at is None:
                    result.first_piece_at = time.perf_counter()
                result.pieces[index].append(piece)
                yield index, piece
            if choice.get("finish_reason"):
                result.finish[index] = str(choice["finish_reason"])
    if not result.complete:
        got = sum(len(result.text(i)) for i in result.pieces)
        raise ServerError(f"the stream from {url} was cut off mid-answer "
                          f"(after {got} characters, before it finished)",
                          hint="the server may have crashed or restarted; check its log")
