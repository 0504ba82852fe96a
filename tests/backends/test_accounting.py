"""AccountingModel and wrap(): tokens and seconds per call, per tag and per session."""

from __future__ import annotations

import pytest

from summitry.backends import (
    AccountingModel,
    CompletionRequest,
    RecordingModel,
    RetryingModel,
    wrap,
)
from summitry.errors import BackendError, ServerError
from summitry.testing import ScriptedModel


def ask(tag: str, prompt: str, n: int = 1) -> CompletionRequest:
    return CompletionRequest(prompt=prompt, tag=tag, n=n)


def test_sums_per_call_per_tag_and_per_session() -> None:
    seen = []
    model = AccountingModel(ScriptedModel(default="two words"), listener=seen.append)
    model.complete(ask("China", "a b c d"))           # 4 prompt, 0 cached, 2 out
    model.complete(ask("Iran", "a b c d e f", n=2))   # 6 prompt, 4 cached, 4 out
    model.complete(ask("China", "a b c d e f g h"))   # 8 prompt, 6 cached, 2 out
    summary = model.summary()
    assert (summary["calls"], summary["prompt_tokens"], summary["cached_prompt_tokens"],
            summary["evaluated_prompt_tokens"], summary["completion_tokens"],
            summary["candidates"]) == (3, 18, 10, 8, 8, 4)
    china = summary["by_tag"]["China"]
    assert (china["calls"], china["prompt_tokens"], china["cached_prompt_tokens"],
            china["completion_tokens"]) == (2, 12, 6, 4)
    assert summary["by_tag"]["Iran"]["evaluated_prompt_tokens"] == 2
    assert [record.index for record in seen] == [1, 2, 3]
    assert seen[1].as_dict()["tag"] == "Iran"
    assert summary["seconds"] == pytest.approx(sum(r.seconds for r in seen), abs=1e-5)


def test_failed_calls_are_counted_as_errors() -> None:
    model = AccountingModel(ScriptedModel([ServerError("boom"), "fine"]))
    with pytest.raises(ServerError):
        model.complete(ask("Mexico", "x"))
    model.complete(ask("Mexico", "x"))
    mexico = model.summary()["by_tag"]["Mexico"]
    assert (mexico["calls"], mexico["errors"]) == (2, 1)
    assert model.calls[0].error == "ServerError"


def test_streamed_calls_are_counted() -> None:
    model = AccountingModel(ScriptedModel(["one two three"]))
    assert "".join(model.stream(ask("Israel", "p q"))) == "one two three"
    assert model.summary()["by_tag"]["Israel"]["completion_tokens"] == 3


def test_untagged_calls_and_reset() -> None:
    model = AccountingModel(ScriptedModel(default="x"))
    model.complete(CompletionRequest(prompt="p"))
    assert list(model.summary()["by_tag"]) == ["(untagged)"]
    model.reset()
    assert model.summary()["calls"] == 0


def test_wrap_stacks_accounting_over_recording_over_retry(tmp_path) -> None:
    inner = ScriptedModel([ServerError("boom"), "answer"])
    model = wrap(inner, retry={"sleep": lambda s: None}, record=tmp_path / "c.jsonl")
    assert isinstance(model, AccountingModel)
    assert isinstance(model.inner, RecordingModel)
    assert isinstance(model.inner.inner, RetryingModel)
    assert model.unwrap(ScriptedModel) is inner
    assert model.complete(ask("Brazil", "p")).text == "answer"
    assert model.summary()["errors"] == 0  # the retried failure never reached the session

    replayed = wrap(None, record=tmp_path / "c.jsonl", record_mode="replay")
    assert replayed.complete(ask("Brazil", "p")).text == "answer"
    assert replayed.summary()["by_tag"]["Brazil"]["calls"] == 1


def test_wrap_without_a_model_or_cassette_is_refused() -> None:
    with pytest.raises(BackendError, match="no backend to wrap"):
        wrap(None)
    assert wrap(ScriptedModel(), retry=False, account=False).name == "scripted"
