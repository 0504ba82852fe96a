"""Choosing the findings a summary names: which pairs are rivals, then which of their findings.

Rivals are the pairs whose relation is negative, or, with no relations, the pairs whose
exchanges were most negative. A mediator summing up names each delegation once and prefers
different themes, so the named findings are the set of at most ``limit`` candidates with no
delegation in common and the largest total weight, a repeated topic counting for less (a
candidate without a topic is never a repeat). An exact search with pruning over the strongest
candidates; small enough for the session engine.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from typing import Protocol, TypeVar

from summitry.analysis.findings.responses import Response

REPEATED_THEME_FACTOR = 0.6  # a second finding on the same theme counts this much (a guess, not measured)
MIN_RIVAL_PAIRS = 3  # rival pairs kept at least, however few the delegations (a guess, not measured)
SEARCHED = 40  # best candidates searched for a disjoint selection, a cap on cost (a guess, not measured)


class Weighted(Protocol):
    @property
    def pair(self) -> tuple[str, str]: ...

    @property
    def topic(self) -> Hashable | None: ...  # None: never counts as repeated

    @property
    def weight(self) -> float: ...


T = TypeVar("T", bound=Weighted)
Relation = Callable[[str, str], float]


def rival_pairs(
    delegations: list[str], responses: list[Response], relation: Relation | None
) -> dict[tuple[str, str], float | None]:
    """Pairs (in order of first appearance) that are rivals, with their relation if known."""
    out: dict[tuple[str, str], float | None] = {}
    if relation is not None:
        for a, b in itertools.combinations(delegations, 2):
            value = _safe_relation(relation, a, b)
            if value is not None and value < 0:
                out[(a, b)] = value
        return out
    net: dict[tuple[str, str], float] = {}
    for r in responses:
        key = _ordered(r.speaker, r.target, delegations)
        net[key] = net.get(key, 0.0) + r.sign * r.confidence
    worst = sorted((v, k) for k, v in net.items() if v < 0)
    return {k: None for _, k in worst[: max(MIN_RIVAL_PAIRS, len(delegations) // 2)]}


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
            repeated = c.topic is not None and c.topic in {x.topic for x in chosen}
            gain = c.weight * (REPEATED_THEME_FACTOR if repeated else 1.0)
            chosen.append(c)
            search(k + 1, chosen, used | set(c.pair), total + gain)
            chosen.pop()

    search(0, [], set(), 0.0)
    return sorted(best[1], key=lambda c: -c.weight)


def _safe_relation(relation: Relation, a: str, b: str) -> float | None:
    try:
        return float(relation(a, b))
    except (KeyError, ValueError, TypeError):
        return None


def _ordered(a: str, b: str, order: list[str]) -> tuple[str, str]:
    rank = {n: i for i, n in enumerate(order)}
    return (a, b) if rank.get(a, 0) <= rank.get(b, 0) else (b, a)
