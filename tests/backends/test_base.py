"""The request and completion models, and the helpers of the protocol."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from summitry.backends.base import (
    ChatMessage,
    Completion,
    CompletionRequest,
    LanguageModel,
    check_style,
    count_tokens,
    estimate_tokens,
    stream_text,
)
from summitry.errors import BackendError
from summitry.testing import ScriptedModel


def test_request_needs_exactly_one_style() -> None:
    with pytest.raises(ValidationError, match="exactly one"):
        CompletionRequest()
    with pytest.raises(ValidationError, match="exactly one"):
        CompletionRequest(prompt="a", messages=[ChatMessage(role="user", content="b")])
    assert CompletionRequest(prompt="a").style == "completion"
    assert CompletionRequest(messages=[{"role": "user", "content": "b"}]).style == "chat"


def test_request_refuses_unknown_fields_and_bad_values() -> None:
    with pytest.raises(ValidationError, match="extra"):
        CompletionRequest(prompt="a", temprature=0.2)
    with pytest.raises(ValidationError):
        CompletionRequest(prompt="a", n=0)
    with pytest.raises(ValidationError):
        CompletionRequest(prompt="a", max_tokens=0)
    with pytest.raises(ValidationError):
        CompletionRequest(messages=[])


def test_cache_key_is_stable_ignores_tag_and_sees_every_sampling_field() -> None:
    base = CompletionRequest(prompt="Hello", temperature=0.5, stop=["\n"], seed=3)
    same = CompletionRequest(seed=3, stop=["\n"], temperature=0.5, prompt="Hello", tag="China")
    assert base.cache_key() == same.cache_key()
    assert len(base.cache_key()) == 64
    for change in ({"prompt": "Hello!"}, {"temperature": 0.6}, {"seed": 4}, {"n": 2},
                   {"stop": ["\n\n"]}, {"top_k": 40}):
        assert base.model_copy(update=change).cache_key() != base.cache_key(), change


def test_completion_checks_its_figures() -> None:
    done = Completion(texts=["a", "b"], prompt_tokens=10, cached_prompt_tokens=7,
                      finish_reasons=["stop", "length"])
    assert done.text == "a" and done.evaluated_prompt_tokens == 3
    with pytest.raises(ValidationError):
        Completion(texts=[])
    with pytest.raises(ValidationError):
        Completion(texts=["a"], finish_reasons=["stop", "stop"])
    with pytest.raises(ValidationError):
        Completion(texts=["a"], prompt_tokens=1, cached_prompt_tokens=2)


def test_scripted_model_satisfies_the_protocol() -> None:
    assert isinstance(ScriptedModel(), LanguageModel)


def test_token_counting_falls_back_to_an_estimate() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("abcdefgh") == 2
    assert count_tokens(object(), "abcdefghi") == 3
    assert count_tokens(ScriptedModel(), "three small words") == 3


def test_stream_text_uses_whole_text_when_a_model_cannot_stream() -> None:
    model = ScriptedModel(["one two three"])
    assert list(stream_text(model, CompletionRequest(prompt="x"))) == ["one", " two", " three"]
    model.can_stream = False
    model.enqueue(["whole answer"])
    assert list(stream_text(model, CompletionRequest(prompt="x"))) == ["whole answer"]


def test_check_style_explains_what_to_send_instead() -> None:
    model = ScriptedModel()
    model.supports_chat = False
    with pytest.raises(BackendError, match="does not take chat messages.*prompt="):
        check_style(model, CompletionRequest(messages=[{"role": "user", "content": "x"}]))
    check_style(model, CompletionRequest(prompt="x"))


def test_every_backend_and_wrapper_satisfies_the_protocol(tmp_path) -> None:
    from summitry.backends import AccountingModel, RecordingModel, RetryingModel
    from summitry.backends.openai import OpenAICompatibleModel

    inner = ScriptedModel()
    for model in (inner, RetryingModel(inner), AccountingModel(inner),
                  RecordingModel(inner, tmp_path / "c.jsonl"),
                  OpenAICompatibleModel(base_url="http://127.0.0.1:9/v1", model="m")):
        assert isinstance(model, LanguageModel), model
