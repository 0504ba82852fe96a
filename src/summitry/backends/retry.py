"""Retrying: try a failed call again when the failure is worth another try.

:class:`RetryingModel` wraps any language model. A :class:`~summitry.errors.BackendError`
whose class says ``retryable`` (a refused connection, a timeout, 429, 5xx, an unreadable or
cut answer, an empty one) is retried with exponential backoff and seeded jitter; a 429's
``Retry-After`` is honoured exactly. Other errors (a refused key, an unknown model) go straight
through. After the last attempt the final error is raised again, saying how many attempts
were made and over how long. Sleep and clock are injectable, so tests measure the waits
without waiting.
"""

from __future__ import annotations

import copy
import random
import time
from collections.abc import Callable, Iterator

from summitry.backends.base import (
    Completion,
    CompletionRequest,
    LanguageModel,
    ModelWrapper,
    ScoreRequest,
    Scores,
)
from summitry.errors import BackendError, RateLimitError


class RetryingModel(ModelWrapper):
    """Retries retryable backend errors with backoff (jitter from a seeded generator)."""

    def __init__(
        self,
        inner: LanguageModel,
        *,
        max_attempts: int = 4,
        base_delay: float = 0.5,
        max_delay: float = 20.0,
        max_retry_after: float = 120.0,
        jitter: float = 0.25,
        seed: int = 0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_retry: Callable[[BackendError, int, float], None] | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        super().__init__(inner)
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_retry_after = max_retry_after
        self.jitter = jitter
        self.sleep = sleep
        self.clock = clock
        self.on_retry = on_retry
        self.waits: list[float] = []
        self._random = random.Random(seed)

    def delay_for(self, error: BackendError, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        if isinstance(error, RateLimitError) and error.retry_after is not None:
            return max(0.0, error.retry_after)
        backoff = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return float(backoff * (1.0 + self.jitter * self._random.random()))

    def complete(self, request: CompletionRequest) -> Completion:
        started = self.clock()
        attempt = 1
        while True:
            try:
                return self.inner.complete(request)
            except BackendError as error:
                self._wait_or_raise(error, attempt, started)
                attempt += 1

    def score(self, request: ScoreRequest) -> Scores:
        started = self.clock()
        attempt = 1
        while True:
            try:
                return super().score(request)
            except BackendError as error:
                self._wait_or_raise(error, attempt, started)
                attempt += 1

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        """Retries only until the first piece arrives: what was shown cannot be taken back."""
        started = self.clock()
        attempt = 1
        while True:
            pieces = super().stream(request)
            try:
                first = next(pieces)
            except StopIteration:
                return
            except BackendError as error:
                self._wait_or_raise(error, attempt, started)
                attempt += 1
                continue
            yield first
            yield from pieces
            return

    def _wait_or_raise(self, error: BackendError, attempt: int, started: float) -> None:
        if not error.retryable:
            raise error
        delay = self.delay_for(error, attempt)
        if attempt >= self.max_attempts:
            raise _gave_up(error, attempt, self.clock() - started) from error
        if delay > self.max_retry_after:
            raise _gave_up(error, attempt, self.clock() - started,
                           f"the server asked to wait {delay:.0f} s") from error
        if self.on_retry is not None:
            self.on_retry(error, attempt, delay)
        self.waits.append(delay)
        self.sleep(delay)


def _gave_up(error: BackendError, attempts: int, elapsed: float, why: str = "") -> BackendError:
    """The last error, of the same class, saying how long we tried."""
    final = copy.copy(error)
    tried = f"gave up after {attempts} attempt{'s' if attempts != 1 else ''} over {elapsed:.1f} s"
    final.message = f"{error.message} ({tried}{'; ' + why if why else ''})"
    final.args = (str(final),)
    return final
