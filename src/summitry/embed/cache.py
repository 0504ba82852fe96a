"""A cache in front of any embedder: each distinct sentence is embedded once.

The cache can be saved beside a report as an ``.npz`` file (texts, vectors and the embedder's
name) and loaded again, so a second analysis of the same transcript embeds nothing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from summitry.embed.base import Embedder, Vectors
from summitry.errors import AnalysisError

__all__ = ["CachedEmbedder"]


class CachedEmbedder:
    """Embeds each distinct sentence once; the cache can be saved to and loaded from ``.npz``."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: dict[str, Vectors] = {}
        self.hits = 0
        self.misses = 0

    def embed(self, sentences: list[str]) -> Vectors:
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
