"""Small text helpers the planner and the composer share: words, overlap, sentences.

These are cheap lexical measures, used to decide who is relevant to a prompt and to keep a
session from repeating a sentence; the analysis package has the richer, embedding-based ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")

STOPWORDS = frozenset(
    """a an and are as at be been but by can could do does for from has have how i if in into is it
    its let me more most my no not of on or our out so such than that the their them then there these
    they this those to too us was we were what when where which while who why will with would you your
    all any each every just only also very should must may might about over under between because""".split()
)


def words(text: str) -> list[str]:
    """Lower-cased words of a text."""
    return [w.lower().strip("'-") for w in _WORD.findall(text)]


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Words that carry meaning: no stopwords, no very short words, crude plural folding."""
    return frozenset(_fold(w) for w in words(text) if w not in STOPWORDS and len(w) > 2)


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def overlap(a: str | Iterable[str], b: str | Iterable[str]) -> float:
    """Share of content words in common, 0 … 1 (Jaccard over content words)."""
    sa = content_words(a) if isinstance(a, str) else set(a)
    sb = content_words(b) if isinstance(b, str) else set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


_ABBREVIATIONS = ("dr.", "mr.", "ms.", "mrs.", "prof.", "st.", "e.g.", "i.e.", "u.s.", "u.k.", "vs.", "no.")


@lru_cache(maxsize=8192)
def sentence_keys(text: str) -> frozenset[str]:
    """The normalised sentences of a text, for telling whether a sentence was said before."""
    return frozenset(normalize_sentence(s) for s in sentences(text))


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


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name or acronym."""
    if not text:
        return text
    first = text.split()[0]
    if len(first) > 1 and (first.isupper() or first[1:].lower() != first[1:]):
        return text
    return text[0].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def end_sentence(text: str) -> str:
    """Make sure a text ends with sentence punctuation."""
    text = text.strip()
    return text if text[-1:] in ".!?" else text + "."


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


_ARTICLE_FIRST = ("United ", "Republic ", "Kingdom ", "Federation ", "European ", "Holy ")
_ARTICLE_LAST = (
    " States",
    " Kingdom",
    " Republic",
    " Islands",
    " Emirates",
    " Federation",
    " Union",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Maldives",
    " Coast",
    " Council",
)


def refer(name: str) -> str:
    """A name as it reads mid-sentence: 'the United States', 'the Netherlands', 'China'."""
    if name.startswith(_ARTICLE_FIRST) or name.endswith(_ARTICLE_LAST):
        return f"the {name}"
    return name


_POSSESSIVE_S = re.compile(r"\b([A-Z][a-z]+s)'s\b")


def tidy(text: str) -> str:
    """Sentence-initial capitals and possessives of names ending in s ('the United States'')."""
    return _POSSESSIVE_S.sub(r"\1'", upper_first(text.strip()))
