"""Scoring continuations through the protocol and every wrapper: retried, recorded and replayed,
counted; refused with the fix by a model that cannot score."""

from __future__ import annotations

import pytest

from summitry.backends import ScoreRequest, wrap
from summitry.backends.base import ModelWrapper, Scores
from summitry.errors import BackendError, ReplayMissError, ServerError
from summitry.testing import ScriptedModel

REQUEST = ScoreRequest(prompt="The delegation said:", continuations=[" we agree.", " agree we."], tag="Upton")


def test_scores_come_back_in_order_and_name_the_best() -> None:
    model = ScriptedModel().enqueue_scores([[-2.0, -1.0]])
    scores = model.score(REQUEST)
    assert scores.scores == [-2.0, -1.0] and scores.best == 1
    assert model.score_history == [REQUEST]


def test_a_scripted_score_list_of_the_wrong_length_says_so() -> None:
    with pytest.raises(BackendError, match="2 values for 1"):
        ScriptedModel().enqueue_scores([[-1.0, -2.0]]).score(REQUEST.model_copy(update={"continuations": [" x"]}))


def test_an_empty_continuation_is_refused_when_the_request_is_built() -> None:
    with pytest.raises(ValueError, match="continuation 1 is empty"):
        ScoreRequest(prompt="p", continuations=[" a", " "])


def test_a_wrapper_over_a_model_that_cannot_score_refuses_with_the_fix() -> None:
    model = ScriptedModel()
    model.can_score = False
    wrapped = ModelWrapper(model)
    assert wrapped.can_score is False
    with pytest.raises(BackendError, match="cannot score") as caught:
        wrapped.score(REQUEST)
    assert "logprobs" in caught.value.hint


def test_a_retryable_failure_is_retried() -> None:
    model = ScriptedModel(scorer=lambda prompt, c: -len(c))
    failing = iter([ServerError("busy")])
    original = model.score

    def flaky(request: ScoreRequest) -> Scores:
        error = next(failing, None)
        if error is not None:
            raise error
        return original(request)

    model.score = flaky  # type: ignore[method-assign]
    wrapped = wrap(model, retry={"sleep": lambda s: None}, account=False)
    assert wrapped.score(REQUEST).scores == [-10.0, -10.0]


def test_scores_are_recorded_replayed_and_counted(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    model = ScriptedModel().enqueue_scores([[-3.0, -1.5]])
    recorded = wrap(model, record=cassette).score(REQUEST)
    replaying = wrap(None, record=cassette, record_mode="replay")
    assert replaying.can_score
    assert replaying.score(REQUEST) == recorded
    with pytest.raises(ReplayMissError):
        replaying.score(REQUEST.model_copy(update={"prompt": "Another document:"}))
    summary = replaying.summary()
    assert summary["calls"] == 2 and summary["errors"] == 1
    assert summary["by_tag"]["Upton"]["candidates"] == 2
