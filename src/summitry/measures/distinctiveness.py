"""Persona distinctiveness: can a turn's speaker be told from the turn alone?

Leave-one-out nearest-centroid speaker identification: each turn is given to the speaker whose
other turns' centroid is nearest; the figure is the share guessed right, next to chance (the
largest speaker's share). Turn vectors are centred on their mean first, since what all turns
share says nothing of who speaks. Only speakers with at least two turns take part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["nearest_centroid_accuracy", "speaker_identification"]


def speaker_identification(vectors: np.ndarray, speakers: Sequence[str]) -> tuple[float | None, float | None]:
    """Accuracy and chance of identifying ``speakers[i]`` from row ``i`` of ``vectors`` (None,
    None when fewer than two speakers have two turns or more)."""
    counts = Counter(speakers)
    kept = [s for s in dict.fromkeys(speakers) if counts[s] >= 2]
    if len(kept) < 2:
        return None, None
    rows = [i for i, s in enumerate(speakers) if counts[s] >= 2]
    labels = np.array([kept.index(speakers[i]) for i in rows])
    data = vectors[rows] - vectors[rows].mean(axis=0)
    data /= np.linalg.norm(data, axis=1, keepdims=True) + 1e-9
    return nearest_centroid_accuracy(data, labels)


def nearest_centroid_accuracy(vectors: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Leave-one-out nearest-centroid identification of ``labels`` from ``vectors`` (each label
    held by at least two rows), and the chance level (the largest label's share)."""
    count = int(labels.max()) + 1
    sums = np.stack([vectors[labels == k].sum(axis=0) for k in range(count)])
    sizes = np.bincount(labels, minlength=count).astype(float)
    right = 0
    for i, v in enumerate(vectors):
        centroids = sums.copy()
        centroids[labels[i]] -= v
        n = sizes.copy()
        n[labels[i]] -= 1
        centroids /= n[:, None]
        centroids /= np.linalg.norm(centroids, axis=1, keepdims=True) + 1e-9
        right += int(np.argmax(centroids @ v) == labels[i])
    return round(right / len(vectors), 3), round(float(sizes.max() / sizes.sum()), 3)
