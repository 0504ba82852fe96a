"""Stems: the one stemmer, and the content stems of a text."""

from __future__ import annotations

from functools import lru_cache

from summitry.text.words import is_content, words

__all__ = ["content_stems", "stem"]


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

