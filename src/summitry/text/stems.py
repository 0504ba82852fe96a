"""Stems: the one stemmer, the content stems of a text, and the lexical overlap of two texts."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from summitry.text.words import is_content, words

__all__ = ["content_stems", "overlap", "stem"]


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A light suffix-stripping stemmer: enough to join plural, -ing, -ed and -al forms."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 5 and w.endswith("ly"):
        w = w[:-2]
    if len(w) > 7 and w.endswith("al"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words (see :func:`summitry.text.words.is_content`)."""
    return frozenset(stem(w) for w in words(text) if is_content(w))


def overlap(a: str | Iterable[str], b: str | Iterable[str]) -> float:
    """Share of content stems in common, 0 … 1 (Jaccard); a text or a set of stems on each side."""
    sa = content_stems(a) if isinstance(a, str) else set(a)
    sb = content_stems(b) if isinstance(b, str) else set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
