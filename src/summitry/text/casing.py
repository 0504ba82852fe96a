"""Casing and end punctuation: how pieces of text read once they are joined into sentences."""

from __future__ import annotations

import re

__all__ = ["end_sentence", "lower_first", "mid_sentence", "tidy", "upper_first"]

_POSSESSIVE_S = re.compile(r"\b([A-Z][a-z]+s)'s\b")


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name or acronym."""
    if not text:
        return text
    first = text.split()[0]
    if len(first) > 1 and (first.isupper() or first[1:].lower() != first[1:]):
        return text
    return text[0].lower() + text[1:]


def upper_first(text: str) -> str:
    """Upper-case the first letter, leaving the rest as it is."""
    return text[:1].upper() + text[1:]


def end_sentence(text: str) -> str:
    """Make sure a text ends with sentence punctuation."""
    text = text.strip()
    return text if text[-1:] in ".!?" else text + "."


def tidy(text: str) -> str:
    """Sentence-initial capitals and possessives of names ending in s ('the United States'')."""
    return _POSSESSIVE_S.sub(r"\1'", upper_first(text.strip()))


def mid_sentence(phrase: str, corpus: str) -> str:
    """A phrase as it reads inside a sentence: lower-case its first word only if the corpus
    uses that word in lower case (so 'Quantum computing' → 'quantum computing', 'Arctic' stays)."""
    first = phrase.split()[0] if phrase.split() else ""
    if first and re.search(rf"\b{re.escape(first.lower())}\b", corpus):
        return lower_first(phrase)
    return phrase
