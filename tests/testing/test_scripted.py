"""The scripted fake backend."""

from __future__ import annotations

import json

import pytest

from summitry.backends import CompletionRequest
from summitry.errors import BackendError, RateLimitError
from summitry.testing import ScriptedModel, echo


def test_answers_in_order_one_per_candidate_and_keeps_history() -> None:
    model = ScriptedModel(["a", "b"]).enqueue(["c", lambda r: f"tag={r.tag}"])
    first = model.complete(CompletionRequest(prompt="p", n=3))
    second = model.complete(CompletionRequest(prompt="p q", tag="Iran"))
    assert first.texts == ["a", "b", "c"]
    assert second.texts == ["tag=Iran"]
    assert [r.prompt for r in model.history] == ["p", "p q"]
    assert model.pending == 0


def test_runs_out_with_a_clear_error_unless_it_has_a_default() -> None:
    model = ScriptedModel()
    with pytest.raises(BackendError, match="no answer left.*enqueue"):
        model.complete(CompletionRequest(prompt="p"))
    model.default = echo
    assert model.complete(CompletionRequest(prompt="intro\nlast line")).text == "Echo: last line"


def test_queued_exceptions_are_raised() -> None:
    model = ScriptedModel([RateLimitError("slow down", retry_after=1), "fine"])
    with pytest.raises(RateLimitError):
        model.complete(CompletionRequest(prompt="p"))
    assert model.complete(CompletionRequest(prompt="p")).text == "fine"


def test_counts_words_and_reports_the_shared_prefix_as_cached() -> None:
    model = ScriptedModel(default="two words")
    first = model.complete(CompletionRequest(prompt="a b c d"))
    second = model.complete(CompletionRequest(prompt="a b c d e f", n=2))
    assert (first.prompt_tokens, first.cached_prompt_tokens) == (4, 0)
    assert (second.prompt_tokens, second.cached_prompt_tokens) == (6, 4)
    assert second.completion_tokens == 4


def test_loads_a_script_file(tmp_path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(["one", "two"]))
    assert ScriptedModel(script=path).complete(CompletionRequest(prompt="p", n=2)).texts == [
        "one", "two"]
    path.write_text("{broken")
    with pytest.raises(BackendError, match="not readable JSON"):
        ScriptedModel(script=path)
    with pytest.raises(BackendError, match="does not exist"):
        ScriptedModel(script=tmp_path / "missing.json")


def test_enqueue_refuses_a_bare_string() -> None:
    with pytest.raises(TypeError, match="list"):
        ScriptedModel().enqueue("oops")
