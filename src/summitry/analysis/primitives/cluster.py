"""Average-linkage agglomerative clustering of unit vectors, in numpy alone.

Small enough to run inside the session engine (no scikit-learn or scipy import), and
deterministic: ties break toward the lower index. Large inputs are clustered on an evenly
spaced sample and the remaining rows join the nearest cluster centroid.
"""

from __future__ import annotations

import numpy as np

MAX_CLUSTERED = 1200  # sentences clustered at most, a cap on the quadratic cost (a guess, not measured)


def agglomerate(vectors: np.ndarray, k: int) -> np.ndarray:
    """Cluster labels 0..k-1 for each row of ``vectors`` (unit rows), by average linkage."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    k = max(1, min(k, n))
    if n > MAX_CLUSTERED:
        return _sampled(vectors, k)
    sim = (vectors @ vectors.T).astype(np.float64)
    np.fill_diagonal(sim, -np.inf)
    sizes = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    active = np.ones(n, dtype=bool)
    best = np.argmax(sim, axis=1)
    best_val = sim[np.arange(n), best]
    while len(members) > k:
        i = int(np.argmax(best_val))
        j = int(best[i])
        if i > j:
            i, j = j, i
        merged = (sizes[i] * sim[i] + sizes[j] * sim[j]) / (sizes[i] + sizes[j])
        sim[i], sim[:, i] = merged, merged
        sim[j], sim[:, j] = -np.inf, -np.inf
        sim[i, i] = -np.inf
        sizes[i] += sizes[j]
        members[i].extend(members.pop(j))
        best_val[j] = -np.inf
        active[j] = False
        stale = np.flatnonzero(active & ((best == i) | (best == j)))
        for r in [*stale.tolist(), i]:
            best[r] = int(np.argmax(sim[r]))
            best_val[r] = sim[r, best[r]]
        improved = sim[:, i] > best_val
        best[improved] = i
        best_val[improved] = sim[improved, i]
    labels = np.zeros(n, dtype=int)
    ordered = sorted(members.values(), key=lambda m: (-len(m), min(m)))
    for label, rows in enumerate(ordered):
        labels[rows] = label
    return labels


def refine(vectors: np.ndarray, labels: np.ndarray, rounds: int = 10) -> np.ndarray:
    """Spherical k-means steps from a starting assignment: each row moves to its nearest
    centroid until nothing moves; empty clusters are dropped and labels renumbered by size."""
    for _ in range(rounds):
        moved = nearest(vectors, centroids_of(vectors, labels))
        if np.array_equal(moved, labels):
            break
        labels = moved
    sizes = np.bincount(labels)
    order = sorted((k for k in range(len(sizes)) if sizes[k]), key=lambda k: (-sizes[k], k))
    remap = {old: new for new, old in enumerate(order)}
    return np.array([remap[int(x)] for x in labels], dtype=int)


def _sampled(vectors: np.ndarray, k: int) -> np.ndarray:
    step = len(vectors) / MAX_CLUSTERED
    sample = np.array([int(i * step) for i in range(MAX_CLUSTERED)])
    sample_labels = agglomerate(vectors[sample], k)
    centroids = centroids_of(vectors[sample], sample_labels)
    return nearest(vectors, centroids)


def centroids_of(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Unit-length mean vector of each label 0..max(labels)."""
    count = int(labels.max()) + 1 if len(labels) else 0
    out = np.zeros((count, vectors.shape[1]), dtype=np.float32)
    for label in range(count):
        rows = vectors[labels == label]
        if len(rows):
            v = rows.mean(axis=0)
            norm = np.linalg.norm(v)
            out[label] = v / norm if norm else v
    return out


def nearest(vectors: np.ndarray, centroids: np.ndarray, chunk: int = 4096) -> np.ndarray:
    """Index of the most similar centroid for each row (computed in chunks)."""
    out = np.zeros(len(vectors), dtype=int)
    for start in range(0, len(vectors), chunk):
        out[start : start + chunk] = np.argmax(vectors[start : start + chunk] @ centroids.T, axis=1)
    return out
