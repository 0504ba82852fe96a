"""Choosing the findings a summary names: disjoint pairs with the largest total weight.

A mediator summing up names each delegation once and prefers different themes, so the named
findings are the set of at most ``limit`` candidates with no delegation in common and the
largest total weight, a repeated theme counting for less. An exact search with pruning over
the strongest candidates; small enough for the session engine.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Protocol, TypeVar

REPEATED_THEME_FACTOR = 0.6
SEARCHED = 40


class Weighted(Protocol):
    @property
    def pair(self) -> tuple[str, str]: ...

    @property
    def topic(self) -> Hashable: ...

    @property
    def weight(self) -> float: ...


T = TypeVar("T", bound=Weighted)


def choose_disjoint(candidates: Sequence[T], limit: int) -> list[T]:
    """The best set of at most ``limit`` candidates whose pairs share no delegation."""
    pool = sorted(candidates, key=lambda c: -c.weight)[:SEARCHED]
    best: tuple[float, list[T]] = (0.0, [])

    def search(start: int, chosen: list[T], used: set[str], total: float) -> None:
        nonlocal best
        if total > best[0] + 1e-12:
            best = (total, list(chosen))
        room = limit - len(chosen)
        if room == 0:
            return
        for k in range(start, len(pool)):
            c = pool[k]
            bound = total + sum(p.weight for p in pool[k : k + room])
            if bound <= best[0] + 1e-12:
                return
            if used & set(c.pair):
                continue
            topics = {x.topic for x in chosen}
            gain = c.weight * (REPEATED_THEME_FACTOR if c.topic in topics else 1.0)
            chosen.append(c)
            search(k + 1, chosen, used | set(c.pair), total + gain)
            chosen.pop()

    search(0, [], set(), 0.0)
    return sorted(best[1], key=lambda c: -c.weight)
