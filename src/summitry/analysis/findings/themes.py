"""Themes: clusters of claim sentences, each with a readable label and where each delegation stands.

Claim sentences are clustered by average linkage on their embeddings; clusters that too few
delegations speak to are dropped as asides. A theme is labelled with its most distinctive
phrase, and each delegation is placed on it: ``supports`` / ``opposes`` / ``mixed`` from the
endorsement and rejection cues of its sentences there, or ``silent``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from summitry.analysis.findings.labels import LabelIndex, best_phrase, build_label_index
from summitry.analysis.primitives.cluster import agglomerate, centroids_of, refine
from summitry.analysis.primitives.cues import SIGN_MARGIN, cues
from summitry.analysis.primitives.phrases import PhraseStats
from summitry.analysis.primitives.sentences import Sentence

MIN_THEME_SENTENCES = 3  # a guess, not measured
MIN_THEME_SPEAKERS = 2  # a theme is shared by definition: two speakers at least
MAX_THEMES = 12  # themes a reader can take in (a guess, not measured)
SUPPORT_BASE = 0.2  # a constructive claim with no cue leans slightly supportive (a guess, not measured)


@dataclass(frozen=True)
class ThemeCluster:
    """One theme: its label, its sentences and each delegation's stand on it."""

    id: int
    sentence_ids: list[int]
    centroid: np.ndarray
    stand: dict[str, float]  # delegation -> -1 (opposes) … +1 (supports); absent = silent
    cohesion: float
    describe: Callable[[], list[str]] = field(repr=False, compare=False)

    @cached_property
    def terms(self) -> list[str]:
        """The label first, then the theme's other distinctive phrases (computed when asked)."""
        return self.describe() or [f"theme {self.id + 1}"]

    @property
    def label(self) -> str:
        return self.terms[0]

    def position(self, speaker: str) -> str:
        if speaker not in self.stand:
            return "silent"
        value = self.stand[speaker]
        return "supports" if value > SIGN_MARGIN else "opposes" if value < -SIGN_MARGIN else "mixed"


@dataclass(frozen=True)
class ThemeSet:
    """All themes of a transcript, plus which theme (if any) each claim sentence belongs to."""

    themes: list[ThemeCluster]
    theme_of: dict[int, int]  # sentence id -> theme id
    phrases: PhraseStats
    labels: LabelIndex | None = None


def theme_count(n: int) -> int:
    """How many clusters to cut: grows with the square root of the number of claims."""
    return max(2, min(MAX_THEMES + 4, round(0.8 * math.sqrt(n))))


def sentence_stand(text: str) -> float:
    """How far a sentence endorses (+) or rejects (-) what it talks about."""
    c = cues(text)
    return max(-1.0, min(1.0, SUPPORT_BASE + c.endorse - c.reject))


def find_themes(
    claims: list[Sentence], vectors: np.ndarray, speakers: list[str], *, terms: bool = True
) -> ThemeSet:
    """Cluster claim sentences into themes; rows of ``vectors`` are indexed by sentence id and
    should be centred (see :attr:`Corpus.centred`). ``terms=False`` skips each theme's list of
    distinctive terms (its label is still computed), for callers in a hurry."""
    if len(claims) < MIN_THEME_SENTENCES:
        return ThemeSet([], {}, PhraseStats(), None)
    rows = vectors[[s.id for s in claims]]
    labels = refine(rows, agglomerate(rows, theme_count(len(claims))))
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    kept = [g for g in groups.values() if _substantial(g, claims)][:MAX_THEMES]
    index = build_label_index(claims, vectors, speakers)
    stats = PhraseStats(topic=index.topic_stems)
    for t, group in enumerate(kept if terms else []):
        for p in group:
            stats.add_phrases(t, claims[p].speaker, index.phrases(claims[p].id))
    themes = [_theme(t, g, claims, rows, stats, index) for t, g in enumerate(kept)]
    theme_of = {sid: th.id for th in themes for sid in th.sentence_ids}
    return ThemeSet(themes, theme_of, stats, index)


def _substantial(group: list[int], claims: list[Sentence]) -> bool:
    speakers = {claims[p].speaker for p in group}
    return len(group) >= MIN_THEME_SENTENCES and len(speakers) >= MIN_THEME_SPEAKERS


def _theme(
    tid: int,
    group: list[int],
    claims: list[Sentence],
    rows: np.ndarray,
    stats: PhraseStats,
    index: LabelIndex,
) -> ThemeCluster:
    members = rows[group]
    centroid = centroids_of(members, np.zeros(len(group), dtype=int))[0]

    def describe() -> list[str]:
        terms = stats.top(tid, n=5)
        label = best_phrase(index, [claims[p] for p in group])
        return [label] + [t for t in terms if t != label][:4] if label else terms

    by_speaker: dict[str, list[float]] = {}
    for p in group:
        by_speaker.setdefault(claims[p].speaker, []).append(sentence_stand(claims[p].text))
    stand = {s: round(float(np.mean(v)), 3) for s, v in by_speaker.items()}
    return ThemeCluster(
        id=tid,
        sentence_ids=[claims[p].id for p in group],
        centroid=centroid,
        stand=stand,
        cohesion=round(float(np.mean(members @ centroid)), 3),
        describe=describe,
    )
