"""Echoes: a turn that repeats the wording of another.

- :func:`echo_similarity`: word-bigram Jaccard of a turn with the turn it answers; the report
  lists answers at or above :data:`ECHO_SIMILARITY`;
- :func:`echoed_phrase`: a run of :data:`ECHO_NGRAM` words that an earlier turn already said;
  the candidate checks refuse a candidate with one.
"""

from __future__ import annotations

from collections.abc import Iterable

from summitry.measures.thresholds import ECHO_NGRAM, ECHO_SIMILARITY
from summitry.text.overlap import jaccard
from summitry.text.words import ngrams, words

__all__ = ["echo_similarity", "echoed_phrase", "is_echo"]


def echo_similarity(text: str, answered: str) -> float:
    """Word-bigram Jaccard share of a turn and the turn it answers, 0 … 1."""
    return jaccard(set(ngrams(words(text), 2)), set(ngrams(words(answered), 2)))


def is_echo(similarity: float) -> bool:
    """Whether an answer's :func:`echo_similarity` makes it an echo."""
    return similarity >= ECHO_SIMILARITY


def echoed_phrase(text: str, earlier: Iterable[str]) -> str | None:
    """The first run of ECHO_NGRAM words of ``text`` that one of the ``earlier`` texts said."""
    mine = ngrams(words(text), ECHO_NGRAM)
    if not mine:
        return None
    history = {gram for other in earlier for gram in ngrams(words(other), ECHO_NGRAM)}
    return next((" ".join(gram) for gram in mine if gram in history), None)
