"""The OpenAI-compatible backend against a real server: llama.cpp's, with the bundled model."""

from __future__ import annotations

import pytest

from summitry.backends import CompletionRequest, get_backend, wrap
from summitry.backends.openai import OpenAICompatibleModel
from summitry.errors import BackendError

pytestmark = [pytest.mark.server, pytest.mark.model, pytest.mark.slow]

PROMPT = ('# Summit on Water\n\n**Dr. Chen**: "Welcome, delegations."\n\n'
          '**Egypt** *(firm)*: "The Nile is our life, and')


@pytest.fixture
def model(llama_server) -> OpenAICompatibleModel:
    return OpenAICompatibleModel(base_url=llama_server.url, model=llama_server.model, timeout=120)


def test_lists_the_served_model(model, llama_server) -> None:
    assert llama_server.model in model.list_models()
    discovered = OpenAICompatibleModel(base_url=llama_server.url)
    assert discovered.model == llama_server.model


def test_completion_with_usage(model) -> None:
    done = model.complete(CompletionRequest(prompt=PROMPT, max_tokens=12, temperature=0.0,
                                            seed=1))
    # greedy, so the same every time on this machine; whether the model ends early is its own choice
    assert done.finish_reasons in (["length"], ["stop"])
    assert (done.completion_tokens == 12) == (done.finish_reasons == ["length"])
    assert 0 < done.completion_tokens <= 12
    assert done.prompt_tokens > 20  # from the server's usage, not estimated
    again = model.complete(CompletionRequest(prompt=PROMPT, max_tokens=12, temperature=0.0,
                                             seed=1))
    assert again.texts == done.texts


def test_chat(model) -> None:
    done = model.complete(CompletionRequest(
        messages=[{"role": "user", "content": "Name one river in Africa."}],
        max_tokens=12, temperature=0.0))
    assert done.text.strip()


def test_streaming_matches_the_whole_answer(model) -> None:
    request = CompletionRequest(prompt=PROMPT, max_tokens=12, temperature=0.0, stop=['"'])
    pieces = list(model.stream(request))
    assert pieces
    assert "".join(pieces) == model.complete(request).text
    streamed_whole = OpenAICompatibleModel(base_url=model.base_url, model=model.model,
                                           stream=True).complete(request)
    assert streamed_whole.text == "".join(pieces)


def test_several_candidates(model) -> None:
    done = model.complete(CompletionRequest(prompt=PROMPT, max_tokens=8, temperature=1.0,
                                            seed=5, n=2))
    assert len(done.texts) == 2 and len(done.finish_reasons) == 2
    assert 0 < done.completion_tokens <= 2 * 8


def test_through_the_registry_and_wrappers(llama_server) -> None:
    model = wrap(get_backend("openai", base_url=llama_server.url, model=llama_server.model))
    done = model.complete(CompletionRequest(prompt=PROMPT, max_tokens=6, tag="Egypt"))
    assert 0 < done.completion_tokens <= 6
    assert model.summary()["by_tag"]["Egypt"]["completion_tokens"] == done.completion_tokens


def test_a_prompt_too_long_is_refused_with_the_server_explanation(model) -> None:
    too_long = PROMPT + " and the river flows" * 1000
    with pytest.raises(BackendError, match=r"rejected the request \(400\): .*context") as caught:
        model.complete(CompletionRequest(prompt=too_long, max_tokens=4))
    assert not caught.value.retryable
