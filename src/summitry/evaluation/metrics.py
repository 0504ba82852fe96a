"""The published quality figures of a session, computed from its turns alone.

- identity confusions: delegation turns that speak as another delegation (summitry.identity);
- near-duplicates: delegation turns that are semantic near-duplicates of an earlier turn, by the
  cosine the candidate checks refuse (summitry.measures.near_duplicates);
- fallback rate: delegation turns the composer had to write because no candidate passed;
- persona distinctiveness: leave-one-out nearest-centroid speaker identification on the
  delegation turns' embeddings, beside chance (summitry.measures.distinctiveness);
- distinct-2: distinct word bigrams over all word bigrams of the delegation turns
  (summitry.measures.distinct);
- responsiveness: share of delegation turns that name another delegation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from summitry.embed import Embedder
from summitry.identity import identity_confusions
from summitry.measures.distinct import distinct_2
from summitry.measures.distinctiveness import speaker_identification
from summitry.measures.near_duplicates import semantic_near_duplicates
from summitry.turns import Transcript, Turn


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
    embedder: Embedder,
    fallbacks: list[bool] | None = None,
) -> SessionMetrics:
    """The figures for one session; ``fallbacks`` flags, per generated delegation turn, a fallback."""
    turns = [t for t in transcript.turns if t.speaker in delegations]
    vectors = embedder.embed([t.text for t in turns]) if turns else np.zeros((0, 1))
    accuracy, chance = speaker_identification(vectors, [t.speaker for t in turns])
    return SessionMetrics(
        turns=len(transcript.turns),
        delegation_turns=len(turns),
        identity_confusions=sum(1 for t in turns if identity_confusions(t.text, t.speaker, delegations)),
        near_duplicates=semantic_near_duplicates(vectors),
        fallback_rate=round(sum(fallbacks) / len(fallbacks), 3) if fallbacks else None,
        distinctiveness=accuracy,
        chance=chance,
        distinct_2=distinct_2([t.text for t in turns]),
        responsiveness=responsiveness(turns, delegations),
    )


def responsiveness(turns: list[Turn], delegations: list[str]) -> float | None:
    """Share of the turns that name another delegation (None without turns)."""
    if not turns:
        return None
    naming = sum(1 for t in turns if any(n in t.text for n in delegations if n != t.speaker))
    return round(naming / len(turns), 3)
