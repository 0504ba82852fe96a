"""Readable labels for themes and findings, chosen from the phrases people actually used.

A label is a phrase of two or three content words ("environmental monitoring") that:

- several speakers used near the thing being named (its sentences and their nearest claims),
- is concentrated there rather than spread over the whole session (precision), and
- for a pair's common ground, was used by one of the pair or shares a word both of them used.

Words found in a large share of all claims (the session's topic, e.g. the lesson's subject)
and speakers' names never enter a label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from summitry.analysis.phrases import candidates, name_words
from summitry.analysis.sentences import Sentence
from summitry.analysis.text import is_content, stem, words

TOPIC_SHARE = 0.4
TOPIC_MIN_CLAIMS = 40
NEIGHBOURHOOD = 10
PAIR_USE_BONUS = 1.0
SHARED_WORD_BONUS = 0.5

Key = tuple[str, ...]


@dataclass
class LabelIndex:
    """Phrase counts over all claims of a corpus, and the words too common to name anything."""

    claims: list[Sentence]
    vectors: np.ndarray  # rows indexed by sentence id
    exclude: set[str]
    topic_stems: set[str]
    phrases_of: dict[int, list[tuple[Key, str]]]  # sentence id -> candidates
    totals: Counter[Key]

    def phrases(self, sentence_id: int) -> list[tuple[Key, str]]:
        return self.phrases_of.get(sentence_id, [])

    def neighbourhood(self, anchor: np.ndarray, size: int = NEIGHBOURHOOD) -> list[Sentence]:
        """The claims most similar to an anchor vector."""
        if not self.claims:
            return []
        ids = [s.id for s in self.claims]
        sims = self.vectors[ids] @ anchor
        order = np.argsort(-sims, kind="stable")[:size]
        return [self.claims[int(i)] for i in order]


def build_label_index(
    claims: list[Sentence], vectors: np.ndarray, names: Iterable[str]
) -> LabelIndex:
    """Count every candidate phrase of every claim, once per sentence."""
    exclude = name_words(names)
    share: Counter[str] = Counter()
    for s in claims:
        share.update({stem(w) for w in words(s.text) if is_content(w)})
    limit = TOPIC_SHARE * max(1, len(claims))
    topic = {w for w, n in share.items() if n > limit and len(claims) >= TOPIC_MIN_CLAIMS}
    phrases_of: dict[int, list[tuple[Key, str]]] = {}
    totals: Counter[Key] = Counter()
    for s in claims:
        found = [(k, f) for k, f in candidates(s.text, exclude) if not _touches(k, topic)]
        phrases_of[s.id] = found
        totals.update({k for k, _ in found})
    return LabelIndex(claims, vectors, exclude, topic, phrases_of, totals)


def _touches(key: Key, topic: set[str]) -> bool:
    return any(part in topic or any(p in topic for p in part.split("-")) for part in key)


def best_phrase(
    index: LabelIndex,
    sentences: Sequence[Sentence],
    pair: tuple[str, str] | None = None,
) -> str | None:
    """The phrase that best names what a group of sentences is about (None when none fits)."""
    uses: Counter[Key] = Counter()
    speakers: dict[Key, set[str]] = {}
    forms: dict[Key, Counter[str]] = {}
    for s in sentences:
        for key, form in index.phrases(s.id):
            uses[key] += 1
            speakers.setdefault(key, set()).add(s.speaker)
            forms.setdefault(key, Counter())[form] += 1
    if not uses:
        return None
    shared = _shared_stems(sentences, pair, index) if pair else set()
    multi = [k for k in uses if len(k) > 1]
    pool = multi if multi else list(uses)

    def score(key: Key) -> tuple[float, int, Key]:  # ties: the longer, then a fixed order
        precision = uses[key] / max(1, index.totals[key])
        value = len(speakers[key]) * precision
        if pair and speakers[key] & set(pair):
            value += PAIR_USE_BONUS
        if shared and set(key) & shared:
            value += SHARED_WORD_BONUS
        return (round(value, 6), len(key), key)

    best = max(pool, key=score)
    return forms[best].most_common(1)[0][0]


def _shared_stems(
    sentences: Sequence[Sentence], pair: tuple[str, str], index: LabelIndex
) -> set[str]:
    a, b = pair
    side: dict[str, set[str]] = {a: set(), b: set()}
    for s in sentences:
        if s.speaker in side:
            side[s.speaker].update(
                stem(w) for w in words(s.text) if is_content(w) and w not in index.exclude
            )
    return (side[a] & side[b]) - index.topic_stems
