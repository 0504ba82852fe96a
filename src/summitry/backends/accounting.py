"""Accounting: tokens and time, per call, per tag (the speaker) and per session.

:class:`AccountingModel` wraps any language model and keeps a :class:`CallRecord` for every
call: prompt tokens, those served from the cache and those evaluated, completion tokens,
seconds in all and seconds spent generating. ``summary()`` sums them for the whole session
and per tag; a listener sees each record as it happens (to write it to a session log).
Failed calls are counted too, as errors of their tag.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from summitry.backends.base import (
    Completion,
    CompletionRequest,
    LanguageModel,
    ModelWrapper,
    ScoreRequest,
    Scores,
    count_tokens,
)
from summitry.errors import BackendError

UNTAGGED = "(untagged)"


@dataclass(frozen=True)
class CallRecord:
    """What one call cost."""

    index: int
    tag: str
    candidates: int
    prompt_tokens: int
    cached_prompt_tokens: int
    evaluated_prompt_tokens: int
    completion_tokens: int
    seconds: float
    generation_seconds: float
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_SUMMED = ("prompt_tokens", "cached_prompt_tokens", "evaluated_prompt_tokens",
           "completion_tokens", "seconds", "generation_seconds", "candidates")


def _totals(records: list[CallRecord]) -> dict[str, Any]:
    totals: dict[str, Any] = {"calls": len(records),
                              "errors": sum(1 for r in records if r.error is not None)}
    for field in _SUMMED:
        totals[field] = sum(getattr(r, field) for r in records)
    for field in ("seconds", "generation_seconds"):
        totals[field] = round(totals[field], 6)
    return totals


class AccountingModel(ModelWrapper):
    """Counts tokens and time of every call of ``inner``."""

    def __init__(
        self,
        inner: LanguageModel,
        *,
        listener: Callable[[CallRecord], None] | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        super().__init__(inner)
        self.listener = listener
        self.clock = clock
        self.calls: list[CallRecord] = []
        self._lock = threading.Lock()

    def complete(self, request: CompletionRequest) -> Completion:
        started = self.clock()
        try:
            completion = self.inner.complete(request)
        except BackendError as error:
            self._add(request, None, self.clock() - started, error)
            raise
        self._add(request, completion, self.clock() - started, None)
        return completion

    def score(self, request: ScoreRequest) -> Scores:
        """Counts a scoring call: its prompt once (the continuations' tokens are not output)."""
        started = self.clock()
        try:
            scores = super().score(request)
        except BackendError as error:
            self._record(self._scoring_record(request, None, self.clock() - started, error))
            raise
        self._record(self._scoring_record(request, scores, self.clock() - started, None))
        return scores

    def _scoring_record(self, request: ScoreRequest, scores: Scores | None, elapsed: float,
                        error: BackendError | None) -> CallRecord:
        evaluated = scores.prompt_tokens - scores.cached_prompt_tokens if scores else 0
        return CallRecord(
            index=len(self.calls) + 1, tag=request.tag or UNTAGGED,
            candidates=len(request.continuations) if scores else 0,
            prompt_tokens=scores.prompt_tokens if scores else 0,
            cached_prompt_tokens=scores.cached_prompt_tokens if scores else 0,
            evaluated_prompt_tokens=evaluated, completion_tokens=0,
            seconds=scores.seconds if scores and scores.seconds else elapsed, generation_seconds=0.0,
            error=type(error).__name__ if error is not None else None,
        )

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        """Counts a streamed call once it ends: tokens of the text, as the model counts them."""
        started = self.clock()
        pieces: list[str] = []
        try:
            for piece in super().stream(request):
                pieces.append(piece)
                yield piece
        except BackendError as error:
            self._add(request, None, self.clock() - started, error)
            raise
        elapsed = self.clock() - started
        text = "".join(pieces) or " "
        completion = Completion(
            texts=[text], model=self.name,
            prompt_tokens=count_tokens(self.inner, request.text_of_prompt()),
            completion_tokens=count_tokens(self.inner, text),
            seconds=elapsed, generation_seconds=elapsed,
        )
        self._add(request, completion, elapsed, None)

    def _add(self, request: CompletionRequest, completion: Completion | None,
             elapsed: float, error: BackendError | None) -> None:
        self._record(CallRecord(
                index=len(self.calls) + 1,
                tag=request.tag or UNTAGGED,
                candidates=len(completion.texts) if completion else 0,
                prompt_tokens=completion.prompt_tokens if completion else 0,
                cached_prompt_tokens=completion.cached_prompt_tokens if completion else 0,
                evaluated_prompt_tokens=completion.evaluated_prompt_tokens if completion else 0,
                completion_tokens=completion.completion_tokens if completion else 0,
                # a replayed completion keeps the time it took when it was recorded
                seconds=completion.seconds if completion and completion.seconds else elapsed,
                generation_seconds=completion.generation_seconds if completion else 0.0,
                error=type(error).__name__ if error is not None else None,
            ))

    def _record(self, record: CallRecord) -> None:
        with self._lock:
            record = CallRecord(**{**record.as_dict(), "index": len(self.calls) + 1})
            self.calls.append(record)
        if self.listener is not None:
            self.listener(record)

    def summary(self) -> dict[str, Any]:
        """Totals for the session and for each tag: calls, errors, tokens, seconds."""
        with self._lock:
            records = list(self.calls)
        tags = sorted({r.tag for r in records})
        return {
            "model": self.name,
            **_totals(records),
            "by_tag": {tag: _totals([r for r in records if r.tag == tag]) for tag in tags},
        }

    def reset(self) -> None:
        """Forget every record (e.g. between sessions run by the same process)."""
        with self._lock:
            self.calls.clear()
