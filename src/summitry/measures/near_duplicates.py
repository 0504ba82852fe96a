"""Near-duplicate turns, in two named variants.

- *semantic*: a turn whose embedding has cosine above :data:`SEMANTIC_DUPLICATE` with an earlier
  turn (rows are unit vectors, so a dot product is a cosine). The candidate checks refuse such a
  candidate; the evaluation counts such turns.
- *lexical*: two turns whose word-trigram sets have a Jaccard share of at least
  :data:`LEXICAL_DUPLICATE`. The report lists such pairs: it needs no embedder to be read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summitry.measures.thresholds import LEXICAL_DUPLICATE, LEXICAL_DUPLICATE_NGRAM, SEMANTIC_DUPLICATE
from summitry.text.overlap import jaccard
from summitry.text.words import ngrams, words

__all__ = [
    "DuplicatePair",
    "is_semantic_duplicate",
    "lexical_near_duplicates",
    "nearest_earlier",
    "semantic_near_duplicates",
]

MAX_HOLDERS = 50  # a trigram in more turns than this is idiom, not shared wording (a guess)


def nearest_earlier(vector: np.ndarray, earlier: np.ndarray) -> float:
    """The highest cosine of a unit vector with any row of ``earlier`` (0 when there is none)."""
    return float(np.max(earlier @ vector)) if len(earlier) else 0.0


def is_semantic_duplicate(similarity: float) -> bool:
    """Whether a cosine with an earlier turn makes a semantic near-duplicate."""
    return similarity > SEMANTIC_DUPLICATE


def semantic_near_duplicates(vectors: np.ndarray) -> int:
    """How many rows are semantic near-duplicates of an earlier row (rows are unit vectors)."""
    if len(vectors) < 2:
        return 0
    similarity = vectors @ vectors.T
    return sum(1 for i in range(1, len(vectors)) if is_semantic_duplicate(float(similarity[i, :i].max())))


@dataclass(frozen=True)
class DuplicatePair:
    """Two turns (their keys, the earlier first) and how much wording they share."""

    first: int
    second: int
    similarity: float


def lexical_near_duplicates(texts: Sequence[tuple[int, str]]) -> list[DuplicatePair]:
    """Pairs of ``(key, text)`` items whose word trigrams overlap by at least LEXICAL_DUPLICATE,
    most similar first (an inverted index of trigrams keeps this linear in practice)."""
    grams = {key: set(ngrams(words(text), LEXICAL_DUPLICATE_NGRAM)) for key, text in texts}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for key, _ in texts:
        for gram in grams[key]:
            index[gram].append(key)
    candidates: set[tuple[int, int]] = set()
    for holders in index.values():
        if 1 < len(holders) <= MAX_HOLDERS:
            for k, a in enumerate(holders):
                candidates.update((a, b) for b in holders[k + 1 :])
    out = []
    for a, b in sorted(candidates):
        share = jaccard(grams[a], grams[b])
        if share >= LEXICAL_DUPLICATE:
            out.append(DuplicatePair(a, b, round(share, 3)))
    return sorted(out, key=lambda p: -p.similarity)
