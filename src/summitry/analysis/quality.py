"""Dialogue quality: distinct voices, repetition, echoes and speakers confused with others.

- *distinctiveness*: leave-one-out speaker identification — each delegation turn is assigned to
  the speaker whose other turns' centroid is nearest; the share guessed right, next to chance;
- *distinct-2*: distinct word bigrams over all bigrams of the delegations' turns;
- *near-duplicate* turns: word-trigram Jaccard similarity of at least ``DUPLICATE``;
- *echoes*: a turn whose word bigrams overlap the turn it answers by at least ``ECHO``;
- *identity confusion*: a delegation speaking as another ("as Egypt, we …", "we in Egypt").
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from summitry.analysis.corpus import Corpus
from summitry.analysis.responses import Response
from summitry.analysis.schema import Evidence, Quality, TurnPair
from summitry.analysis.text import words
from summitry.identity import identity_confusions as find_confusions

DUPLICATE = 0.5
ECHO = 0.3
MAX_LISTED = 20


def _grams(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def _jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def distinct_2(texts: list[str]) -> float | None:
    """Distinct word bigrams / all word bigrams."""
    total, seen = 0, set()
    for text in texts:
        w = words(text)
        pairs = list(zip(w, w[1:], strict=False))
        total += len(pairs)
        seen.update(pairs)
    return round(len(seen) / total, 3) if total else None


def distinctiveness(corpus: Corpus) -> tuple[float | None, float | None]:
    """Leave-one-out speaker identification accuracy on turn vectors, and chance level."""
    rows: dict[int, list[int]] = defaultdict(list)
    for s in corpus.claims:
        rows[s.turn].append(s.id)
    speaker_of = {t.index: t.speaker for t in corpus.transcript.turns}
    turns = [t for t in rows if speaker_of[t] in corpus.delegations]
    counts: defaultdict[str, int] = defaultdict(int)
    for t in turns:
        counts[speaker_of[t]] += 1
    speakers = [s for s, c in counts.items() if c >= 2]
    turns = [t for t in turns if speaker_of[t] in speakers]
    if len(speakers) < 2:
        return None, None
    vectors = np.stack([corpus.centred[rows[t]].mean(axis=0) for t in turns])
    labels = np.array([speakers.index(speaker_of[t]) for t in turns])
    return nearest_centroid_accuracy(vectors, labels)


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


def near_duplicates(corpus: Corpus) -> list[TurnPair]:
    """Pairs of delegation turns that share most of their word trigrams (an inverted index
    keeps this linear in practice)."""
    turns = [t for t in corpus.transcript.turns if t.speaker in corpus.delegations]
    grams = {t.index: _grams(t.text, 3) for t in turns}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for t in turns:
        for g in grams[t.index]:
            index[g].append(t.index)
    candidates: set[tuple[int, int]] = set()
    for holders in index.values():
        if 1 < len(holders) <= 50:
            for k, a in enumerate(holders):
                candidates.update((a, b) for b in holders[k + 1 :])
    text_of = {t.index: t.text for t in turns}
    out = []
    for a, b in sorted(candidates):
        j = _jaccard(grams[a], grams[b])
        if j >= DUPLICATE:
            out.append(TurnPair(turns=(a, b), similarity=round(j, 3), quote=text_of[b][:300]))
    return sorted(out, key=lambda p: -p.similarity)[:MAX_LISTED]


def echoes(corpus: Corpus, responses: list[Response]) -> list[TurnPair]:
    """Turns that repeat much of the turn they answer."""
    text_of = {t.index: t.text for t in corpus.transcript.turns}
    out, seen = [], set()
    for r in responses:
        if not r.target_turn or (r.turn, r.target_turn) in seen:
            continue
        seen.add((r.turn, r.target_turn))
        j = _jaccard(_grams(text_of[r.turn], 2), _grams(text_of[r.target_turn], 2))
        if j >= ECHO:
            out.append(
                TurnPair(
                    turns=(r.target_turn, r.turn),
                    similarity=round(j, 3),
                    quote=text_of[r.turn][:300],
                )
            )
    return sorted(out, key=lambda p: -p.similarity)[:MAX_LISTED]


def identity_confusions(corpus: Corpus) -> list[Evidence]:
    """Turns in which a delegation speaks as another one (the check that guards generation)."""
    out = []
    for t in corpus.transcript.turns:
        if t.speaker not in corpus.delegations:
            continue
        hits = find_confusions(t.text, t.speaker, corpus.delegations)
        if hits:
            at = t.text.find(hits[0])
            out.append(Evidence(turn=t.index, speaker=t.speaker,
                                quote=t.text[max(0, at - 60) : at + len(hits[0]) + 60]))
    return out[:MAX_LISTED]


def quality(corpus: Corpus, responses: list[Response]) -> Quality:
    """The dialogue-quality section of the report."""
    accuracy, chance = distinctiveness(corpus)
    texts = [t.text for t in corpus.transcript.turns if t.speaker in corpus.delegations]
    n = len(texts)
    return Quality(
        distinctiveness=accuracy,
        distinctiveness_chance=chance,
        distinct_2=distinct_2(texts),
        near_duplicates=near_duplicates(corpus),
        echoes=echoes(corpus, responses),
        identity_confusions=identity_confusions(corpus),
        confidence=round(min(1.0, n / 30), 3) if n else 0.0,
    )
