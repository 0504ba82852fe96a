"""Lexical overlap: the Jaccard share of two sets, and of two texts' content stems."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Set

from summitry.text.stems import content_stems

__all__ = ["jaccard", "overlap"]


def jaccard(a: Set[Hashable], b: Set[Hashable]) -> float:
    """Items in both over items in either, 0 … 1; 0 when either set is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


def overlap(a: str | Iterable[str], b: str | Iterable[str]) -> float:
    """Share of content stems in common, 0 … 1: a text, or a set of stems, on each side."""
    sa = content_stems(a) if isinstance(a, str) else set(a)
    sb = content_stems(b) if isinstance(b, str) else set(b)
    return jaccard(sa, sb)
