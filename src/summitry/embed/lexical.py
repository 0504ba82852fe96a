"""The lexical embedder: hashed, stemmed words and word bigrams; no model, deterministic.

It needs nothing but numpy and is fast enough for the session engine, which must finish a
whole session in under a second; it is also the fallback when MiniLM is not installed.
"""

from __future__ import annotations

import math
import re
import zlib

import numpy as np

from summitry.embed.base import Vectors, normalise_rows
from summitry.errors import AnalysisError
from summitry.text.stems import stem
from summitry.text.words import STOPWORDS

__all__ = ["LexicalEmbedder"]


class LexicalEmbedder:
    """Hashed bag of stemmed words and word bigrams with sub-linear weights."""

    name = "lexical"
    _token = re.compile(r"[a-z][a-z0-9'-]*")

    def __init__(self, dim: int = 4096, bigram_weight: float = 0.7) -> None:
        if dim < 16:
            raise AnalysisError(f"the lexical embedder needs at least 16 dimensions, not {dim}",
                                hint="pass dim=16 or more (the default is 4096)")
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

    def embed(self, sentences: list[str]) -> Vectors:
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            for feature, weight in self.features(sentence).items():
                out[row, self.bucket(feature)] += weight
        return normalise_rows(out)
