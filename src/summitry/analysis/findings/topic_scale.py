"""The session's own scale of closeness to a topic, calibrated on its recurring phrases.

How close a claim is to a short phrase (its similarity above the phrase's median similarity to
all claims) means little in itself: it depends on the embedder and on the session. The scale
reads it against the transcript's recurring phrases: claims that share no word with a phrase
give what chance gives (:meth:`TopicScale.chance`), claims that use a phrase outright give what
saying it gives (:meth:`TopicScale.strength`, :attr:`TopicScale.clear`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summitry.analysis.findings.common_ground import MAX_SIDE, evenly_spaced
from summitry.analysis.findings.labels import LabelIndex, project_labels
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.sentences import Sentence
from summitry.embed import Embedder

__all__ = ["TopicScale", "baselines", "project", "scale_sample", "topic_scale"]

USING_QUANTILE = 0.25  # as close as three quarters of the claims that use a phrase outright (a guess)
# recurring phrases of the transcript that calibrate the scale (a cap on cost); a guess, not measured
MAX_PHRASES = 200
MIN_PHRASES = 5  # fewer recurring phrases than this calibrate nothing (a guess)
RECURRING_USES = 2  # a phrase used this often recurs (a definition, not a tuned value)
MIN_USES = 5  # fewer (claim, phrase) pairs than this on either side calibrate nothing (a guess)


@dataclass(frozen=True)
class TopicScale:
    """How close a claim is to a short phrase, read on the transcript's own scale.

    ``unrelated`` holds the similarities of claims to recurring phrases they share no word with
    (what chance gives), ``using`` those of claims to the phrases they use (what saying it
    outright gives), both sorted; each is read above its phrase's baseline (:func:`baselines`),
    as a topic's similarities are."""

    unrelated: np.ndarray
    using: np.ndarray

    def chance(self, similarity: float, n: int) -> float:
        """How likely the closest of ``n`` claims unrelated to a phrase is at least this close."""
        if n <= 0:
            return 1.0
        below = np.searchsorted(self.unrelated, similarity, side="left") / len(self.unrelated)
        return float(1.0 - below**n)

    def strength(self, similarity: float) -> float:
        """The share of claims using a phrase outright that are no closer to it than this."""
        return float(np.searchsorted(self.using, similarity, side="right") / len(self.using))

    @property
    def clear(self) -> float:
        """The similarity from which a claim is clearly on a topic."""
        return float(np.quantile(self.using, USING_QUANTILE))


def topic_scale(corpus: Corpus, index: LabelIndex, embedder: Embedder) -> TopicScale | None:
    """The scale of :class:`TopicScale` from the transcript's recurring phrases: claims that use
    a phrase against claims that share no word with it (pairs that share only a word are in
    neither). None when the transcript repeats too few phrases to calibrate it."""
    phrases = _recurring_phrases(index)
    if not phrases:
        return None
    claims = scale_sample(corpus)
    vectors = project(corpus, [form for _, form in phrases], embedder)
    sims = corpus.centred[[s.id for s in claims]] @ vectors.T
    sims -= np.median(sims, axis=0)  # each phrase's baseline over the same claims
    uses = np.zeros(sims.shape, dtype=bool)
    apart = np.zeros(sims.shape, dtype=bool)
    for row, s in enumerate(claims):
        said = {key for key, _ in index.phrases(s.id)}
        stems = {part for key in said for part in key}
        for col, (key, _) in enumerate(phrases):
            uses[row, col] = key in said
            apart[row, col] = not stems.intersection(key)
    if uses.sum() < MIN_USES or apart.sum() < MIN_USES:
        return None
    return TopicScale(np.sort(sims[apart]), np.sort(sims[uses]))


def _recurring_phrases(index: LabelIndex) -> list[tuple[tuple[str, ...], str]]:
    """Phrases of two or three words used in at least two claims, most used first (single
    words too when there are too few); each with its most common surface form."""
    forms: dict[tuple[str, ...], str] = {}
    for found in index.phrases_of.values():
        for key, form in found:
            forms.setdefault(key, form)
    for min_words in (2, 1):
        keys = [k for k, n in index.totals.items() if n >= RECURRING_USES and len(k) >= min_words]
        if len(keys) >= MIN_PHRASES:
            ranked = sorted(keys, key=lambda k: (-index.totals[k], k))[:MAX_PHRASES]
            return [(k, forms[k]) for k in ranked]
    return []


def project(corpus: Corpus, phrases: list[str], embedder: Embedder) -> np.ndarray:
    """Phrase vectors comparable with :attr:`Corpus.centred`, as authored labels are placed."""
    return project_labels(phrases, embedder, corpus, hybrid=corpus.lexical is not None)


def baselines(corpus: Corpus, vectors: np.ndarray) -> np.ndarray:
    """Each phrase's median similarity to the claims. Similarities are read above it: a phrase
    sits nearer to or further from every claim at once (a phrase vector is not centred as the
    claims are; some phrases are broad), and most claims do not speak to any one phrase."""
    medians: np.ndarray = np.median(corpus.centred[[s.id for s in scale_sample(corpus)]] @ vectors.T, axis=0)
    return medians


def scale_sample(corpus: Corpus) -> list[Sentence]:
    """The claims the scale is read on: evenly spaced, as many as common ground compares."""
    return evenly_spaced(corpus.claims, 3 * MAX_SIDE // 2)
