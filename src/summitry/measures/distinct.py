"""Distinct-n: distinct word n-grams over all word n-grams of a set of texts (lexical variety).

Words are :func:`summitry.text.words.words`; n-grams do not cross from one text to the next.
"""

from __future__ import annotations

from collections.abc import Iterable

from summitry.text.words import ngrams, words

__all__ = ["distinct_2", "distinct_n"]


def distinct_n(texts: Iterable[str], n: int) -> float | None:
    """Distinct word n-grams / all word n-grams, rounded to 3 places (None: no n-gram at all)."""
    seen: set[tuple[str, ...]] = set()
    total = 0
    for text in texts:
        grams = ngrams(words(text), n)
        total += len(grams)
        seen.update(grams)
    return round(len(seen) / total, 3) if total else None


def distinct_2(texts: Iterable[str]) -> float | None:
    """Distinct word bigrams / all word bigrams."""
    return distinct_n(texts, 2)
