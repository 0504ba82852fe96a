"""Record and replay: every model call kept in a cassette file, so a session can be reproduced.

A cassette is a JSON Lines file; each line holds the key of a request (a hash of its
normalised JSON, see :meth:`CompletionRequest.cache_key`), the request itself and the
completion it got. Lines are appended whole in one write, so a crash never leaves half a
record that matters (a torn last line is ignored when reading).

Modes of :class:`RecordingModel`:

- ``record``: always ask the inner model, append what it answered;
- ``replay``: never ask a model; an unrecorded request raises :class:`ReplayMissError`;
- ``auto``: replay what is recorded, ask and record the rest.

Scoring requests (:class:`ScoreRequest`) are kept the same way, their line holding ``scores``
instead of ``completion``.

The same request asked several times (sampling at a temperature) replays its recorded
answers in the order they were recorded.
"""

from __future__ import annotations

import json
import os
import threading
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from summitry.backends.base import (
    Completion,
    CompletionRequest,
    LanguageModel,
    ModelWrapper,
    ScoreRequest,
    Scores,
)
from summitry.errors import BackendError, ReplayMissError

Mode = Literal["record", "replay", "auto"]
MODES: tuple[str, ...] = ("record", "replay", "auto")
CASSETTE_VERSION = 1


class RecordingModel(ModelWrapper):
    """Records calls of ``inner`` to ``path``, or replays them from it."""

    def __init__(self, inner: LanguageModel | None, path: str | Path, mode: Mode = "auto") -> None:
        if mode not in MODES:
            raise BackendError(f"invalid recording mode {mode!r}",
                               hint="expected one of " + ", ".join(f'"{m}"' for m in MODES))
        if inner is None and mode != "replay":
            raise BackendError(f"recording mode '{mode}' needs a model to ask",
                               hint="pass a backend, or use mode='replay'")
        super().__init__(inner)  # type: ignore[arg-type]
        self.path = Path(path)
        self.mode: Mode = mode
        self._lock = threading.Lock()
        self._recorded: dict[str, list[Completion | Scores]] = defaultdict(list)
        self._used: dict[str, int] = defaultdict(int)
        self.replayed = 0
        self.recorded = 0
        if mode != "record":
            self._load()

    @property
    def name(self) -> str:
        return self.inner.name if self.inner is not None else f"replay:{self.path.name}"

    @property
    def can_stream(self) -> bool:
        return self.inner is None or bool(getattr(self.inner, "can_stream", False))

    @property
    def supports_completion(self) -> bool:
        return self.inner is None or bool(getattr(self.inner, "supports_completion", True))

    @property
    def supports_chat(self) -> bool:
        return self.inner is None or bool(getattr(self.inner, "supports_chat", False))

    @property
    def can_score(self) -> bool:
        return self.inner is None or bool(getattr(self.inner, "can_score", False))

    def score(self, request: ScoreRequest) -> Scores:
        key = request.cache_key()
        if self.mode != "record":
            found = self._take(key)
            if isinstance(found, Scores):
                return found
            if self.mode == "replay":
                raise self._miss(request, key)
        scores = super().score(request)
        self._append(key, request, scores)
        return scores

    def complete(self, request: CompletionRequest) -> Completion:
        key = request.cache_key()
        if self.mode != "record":
            found = self._take(key)
            if isinstance(found, Completion):
                return found
            if self.mode == "replay":
                raise self._miss(request, key)
        completion = self.inner.complete(request)
        self._append(key, request, completion)
        return completion

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        """Replays the whole recorded text as one piece; records a streamed text once it ends."""
        key = request.cache_key()
        if self.mode != "record":
            found = self._take(key)
            if isinstance(found, Completion):
                yield found.text
                return
            if self.mode == "replay":
                raise self._miss(request, key)
        pieces: list[str] = []
        for piece in super().stream(request):
            pieces.append(piece)
            yield piece
        completion = Completion(texts=["".join(pieces)], model=self.name,
                                finish_reasons=["stop"])
        self._append(key, request, completion)

    def _take(self, key: str) -> Completion | Scores | None:
        with self._lock:
            answers = self._recorded.get(key, [])
            used = self._used[key]
            if used >= len(answers):
                return None
            self._used[key] = used + 1
            self.replayed += 1
            return answers[used]

    def _miss(self, request: CompletionRequest | ScoreRequest, key: str) -> ReplayMissError:
        asked = self._used.get(key, 0)
        what = "an unrecorded request" if asked == 0 else f"request number {asked + 1} of a kind"
        tag = f" (tag '{request.tag}')" if request.tag else ""
        return ReplayMissError(
            f"replay of {self.path} met {what}{tag}, key {key[:12]}",
            hint="the session changed since it was recorded; re-record it with mode "
                 "'record' (or 'auto' to record only what is missing)",
        )

    def _append(self, key: str, request: CompletionRequest | ScoreRequest,
                completion: Completion | Scores) -> None:
        field = "scores" if isinstance(completion, Scores) else "completion"
        line = json.dumps(
            {"v": CASSETTE_VERSION, "key": key,
             "request": request.model_dump(mode="json"),
             field: completion.model_dump(mode="json")},
            ensure_ascii=False, sort_keys=True,
        ) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            self._recorded[key].append(completion)
            self._used[key] += 1
            self.recorded += 1

    def _load(self) -> None:
        if not self.path.exists():
            if self.mode == "replay":
                raise ReplayMissError(f"cassette {self.path} does not exist",
                                      hint="record a session first with mode 'record'")
            return
        try:
            lines = self.path.read_bytes().split(b"\n")
        except OSError as exc:
            raise BackendError(f"cannot read cassette {self.path}: {exc}") from exc
        complete_lines = lines[:-1]  # whatever follows the last newline is a torn write
        for number, raw in enumerate(complete_lines, start=1):
            if raw.strip():
                key, completion = _parse_line(self.path, number, raw)
                self._recorded[key].append(completion)


def _parse_line(path: Path, number: int, raw: bytes) -> tuple[str, Completion | Scores]:
    try:
        record = json.loads(raw)
        if "scores" in record:
            return str(record["key"]), Scores.model_validate(record["scores"])
        return str(record["key"]), Completion.model_validate(record["completion"])
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError,
            ValidationError) as exc:
        raise BackendError(
            f"{path}:{number}: not a cassette record ({type(exc).__name__})",
            hint="the file was edited or is not a cassette; re-record it with mode 'record'",
        ) from exc
