"""RetryingModel: what is retried, how long it waits, and how it gives up."""

from __future__ import annotations

import time

import pytest

from summitry.backends import CompletionRequest, RetryingModel
from summitry.backends.openai import OpenAICompatibleModel
from summitry.errors import (
    AuthenticationError,
    BackendUnavailableError,
    EmptyResponseError,
    RateLimitError,
    ServerError,
)
from summitry.testing import Fault, FaultServer, ScriptedModel

REQUEST = CompletionRequest(prompt="Speak, Brazil.")


class FakeClock:
    """A clock that moves only when the retry sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self) -> float:
        return self.now


def retrying(model, clock: FakeClock, **options) -> RetryingModel:
    return RetryingModel(model, sleep=clock.sleep, clock=clock, **options)


def test_retryable_errors_are_retried_until_an_answer() -> None:
    clock = FakeClock()
    inner = ScriptedModel([ServerError("boom", status=500), EmptyResponseError("nothing"),
                           BackendUnavailableError("down"), "Here I am."])
    assert retrying(inner, clock).complete(REQUEST).text == "Here I am."
    assert len(inner.history) == 4 and len(clock.sleeps) == 3


def test_backoff_doubles_with_bounded_jitter_reproducible_by_seed() -> None:
    def waits(seed: int) -> list[float]:
        clock = FakeClock()
        inner = ScriptedModel([ServerError("boom")] * 5 + ["ok"])
        retrying(inner, clock, max_attempts=6, base_delay=1.0, jitter=0.5, seed=seed,
                 max_delay=8.0).complete(REQUEST)
        return clock.sleeps

    first = waits(seed=1)
    for attempt, wait in enumerate(first):
        backoff = min(8.0, 2.0**attempt)
        assert backoff <= wait <= backoff * 1.5
    assert first == waits(seed=1)
    assert first != waits(seed=2)


def test_retry_after_is_honoured_exactly() -> None:
    clock = FakeClock()
    inner = ScriptedModel([RateLimitError("slow", retry_after=7.5), "ok"])
    retrying(inner, clock, base_delay=0.01).complete(REQUEST)
    assert clock.sleeps == [7.5]


def test_retry_after_from_a_real_server_is_waited_for() -> None:
    with FaultServer(ScriptedModel(default="ok"), faults=[Fault.rate_limit(0.3)]) as server:
        model = RetryingModel(OpenAICompatibleModel(base_url=server.url, model=server.model),
                              base_delay=0.0)
        started = time.monotonic()
        assert model.complete(REQUEST).text == "ok"
        waited = time.monotonic() - started
    assert model.waits == [0.3]
    assert waited >= 0.3


def test_errors_that_retrying_cannot_fix_go_straight_through() -> None:
    clock = FakeClock()
    inner = ScriptedModel([AuthenticationError("refused"), "never"])
    with pytest.raises(AuthenticationError):
        retrying(inner, clock).complete(REQUEST)
    assert clock.sleeps == [] and inner.pending == 1


def test_giving_up_keeps_the_error_class_and_says_how_long_it_tried() -> None:
    clock = FakeClock()
    inner = ScriptedModel([BackendUnavailableError("cannot connect", hint="is it running?")] * 3)
    with pytest.raises(BackendUnavailableError,
                       match=r"cannot connect \(gave up after 3 attempts over 1\.5 s\).*running"):
        retrying(inner, clock, max_attempts=3, base_delay=0.5, jitter=0.0).complete(REQUEST)
    assert clock.sleeps == [0.5, 1.0]


def test_a_retry_after_beyond_the_limit_gives_up_at_once() -> None:
    clock = FakeClock()
    inner = ScriptedModel([RateLimitError("slow", retry_after=3600)])
    with pytest.raises(RateLimitError, match="asked to wait 3600 s"):
        retrying(inner, clock, max_retry_after=60).complete(REQUEST)
    assert clock.sleeps == []


def test_stream_retries_only_before_the_first_piece() -> None:
    clock = FakeClock()
    inner = ScriptedModel([ServerError("boom"), "one two"])
    assert list(retrying(inner, clock).stream(REQUEST)) == ["one", " two"]
    assert len(clock.sleeps) == 1


def test_capabilities_are_those_of_the_inner_model() -> None:
    inner = ScriptedModel(name="inner", context_size=123)
    model = RetryingModel(inner)
    assert (model.name, model.context_size, model.can_stream) == ("inner", 123, True)
    assert model.count_tokens("a b c") == 3
    assert model.unwrap(ScriptedModel) is inner
