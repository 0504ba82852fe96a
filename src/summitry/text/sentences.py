"""Sentences: cutting a text into sentences, and the key under which two sentences are the same.

Two cuts, for two uses:

- :func:`sentences` is for comparing what was said: it keeps titles such as "Dr." with the name
  that follows, and :func:`sentence_keys` reduces each sentence to its words;
- :func:`split_sentences` is for quoting: each piece is verbatim, a new sentence must start with
  a capital or a figure, and stage directions such as *(laughing)* are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summitry.text.words import words

__all__ = ["normalize_sentence", "sentence_keys", "sentences", "split_sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_ABBREVIATIONS = ("dr.", "mr.", "ms.", "mrs.", "prof.", "st.", "e.g.", "i.e.", "u.s.", "u.k.", "vs.", "no.")
_STAGE = re.compile(r"\*\([^)]{0,80}\)\*|^\s*\([^)]{0,40}\)")
_SPLIT = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Split a text into sentences, keeping titles such as 'Dr.' with the name that follows."""
    pieces = [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].lower().rsplit(maxsplit=1)[-1] in _ABBREVIATIONS:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def normalize_sentence(sentence: str) -> str:
    """A key under which two sentences that differ only in case or punctuation are equal."""
    return " ".join(words(sentence))


@lru_cache(maxsize=8192)
def sentence_keys(text: str) -> frozenset[str]:
    """The normalised sentences of a text, for telling whether a sentence was said before."""
    return frozenset(normalize_sentence(s) for s in sentences(text))


def split_sentences(text: str) -> list[str]:
    """Split a turn's text into sentences, each a verbatim piece of the text (so it can be
    quoted); stage directions such as *(laughing)* are dropped."""
    cleaned = _STAGE.sub(lambda m: " " * len(m.group(0)), text)
    parts = [p.strip() for p in _SPLIT.split(cleaned)]
    return [p for p in parts if any(ch.isalnum() for ch in p)]


def questions_in(text: str) -> str:
    """The questions a text asks, joined, or the whole text when it asks none."""
    asked = [s for s in sentences(text) if s.rstrip().endswith("?")]
    return " ".join(asked) or text
