"""The published quality figures of a session, computed from its turns alone.

- identity confusions: delegation turns that speak as another delegation (summitry.identity);
- near-duplicates: delegation turns whose embedding has cosine > 0.9 with an earlier turn;
- fallback rate: delegation turns the composer had to write because no candidate passed;
- persona distinctiveness: leave-one-out nearest-centroid speaker identification on the
  delegation turns' embeddings, centred on their mean (what all turns share says nothing of
  who speaks), beside chance (the largest speaker's share); the seed transcript scores 0.31;
- distinct-2: distinct word bigrams over all word bigrams of the delegation turns;
- responsiveness: share of delegation turns that name another delegation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from summitry.analysis.quality import nearest_centroid_accuracy
from summitry.identity import identity_confusions
from summitry.text.words import words
from summitry.turns import Transcript, Turn

NEAR_DUPLICATE = 0.9


@dataclass(frozen=True)
class SessionMetrics:
    turns: int
    delegation_turns: int
    identity_confusions: int
    near_duplicates: int
    fallback_rate: float | None
    distinctiveness: float | None
    chance: float | None
    distinct_2: float | None
    responsiveness: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def session_metrics(
    transcript: Transcript,
    delegations: list[str],
    embedder: Any,
    fallbacks: list[bool] | None = None,
) -> SessionMetrics:
    """The figures for one session; ``fallbacks`` flags, per generated delegation turn, a fallback."""
    turns = [t for t in transcript.turns if t.speaker in delegations]
    vectors = embedder.embed([t.text for t in turns]) if turns else np.zeros((0, 1))
    accuracy, chance = distinctiveness(turns, vectors)
    return SessionMetrics(
        turns=len(transcript.turns),
        delegation_turns=len(turns),
        identity_confusions=sum(1 for t in turns if identity_confusions(t.text, t.speaker, delegations)),
        near_duplicates=near_duplicates(vectors),
        fallback_rate=round(sum(fallbacks) / len(fallbacks), 3) if fallbacks else None,
        distinctiveness=accuracy,
        chance=chance,
        distinct_2=distinct_2([t.text for t in turns]),
        responsiveness=responsiveness(turns, delegations),
    )


def near_duplicates(vectors: np.ndarray) -> int:
    """Turns with cosine above NEAR_DUPLICATE to any earlier turn (rows are unit vectors)."""
    if len(vectors) < 2:
        return 0
    similarity = vectors @ vectors.T
    return int(sum(1 for i in range(1, len(vectors)) if similarity[i, :i].max() > NEAR_DUPLICATE))


def distinctiveness(turns: list[Turn], vectors: np.ndarray) -> tuple[float | None, float | None]:
    """Leave-one-out nearest-centroid speaker identification, and the chance level."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(turns):
        by_speaker[t.speaker].append(i)
    speakers = [s for s, rows in by_speaker.items() if len(rows) >= 2]
    if len(speakers) < 2:
        return None, None
    rows = [i for s in speakers for i in by_speaker[s]]
    labels = np.array([speakers.index(turns[i].speaker) for i in rows])
    data = vectors[rows] - vectors[rows].mean(axis=0)
    data /= np.linalg.norm(data, axis=1, keepdims=True) + 1e-9
    return nearest_centroid_accuracy(data, labels)


def distinct_2(texts: list[str]) -> float | None:
    seen: set[tuple[str, str]] = set()
    total = 0
    for text in texts:
        w = words(text)
        pairs = list(zip(w, w[1:], strict=False))
        total += len(pairs)
        seen.update(pairs)
    return round(len(seen) / total, 3) if total else None


def responsiveness(turns: list[Turn], delegations: list[str]) -> float | None:
    if not turns:
        return None
    naming = sum(1 for t in turns if any(n in t.text for n in delegations if n != t.speaker))
    return round(naming / len(turns), 3)
