"""Sides of a debate on a proposal: blocs, contested pairs and the bridging delegation.

Used when the debate decides a proposal (:mod:`.proposal`); sessions without one keep the
response graph's reading (:mod:`.response_graph`).

- **Blocs** come from agreement in stance and positive ties. Two delegations are drawn together
  by taking the same position (supports, opposes or abstains: +1) and by praising each other
  (the net signed weight of :mod:`.relations`); opposite positions (supports against opposes)
  push them apart (-1). Pairs with a positive total are joined, strongest first, but never into
  a bloc that would hold both a supporter and an opponent of the proposal. A speaker whose
  position is unknown joins only through its ties.
- **Contested pairs** take opposite positions and criticise each other, both ways.
- **A bridging delegation** has positive ties (praise given or received) to members of two
  blocs that oppose each other, one supporting the proposal and one opposing it. None is named
  when none qualifies.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from summitry.analysis.findings.relations import Relation, between, ties
from summitry.analysis.schema import Bridge, PairSummary, ProposalStance

DECIDED = ("supports", "opposes", "abstains")
OPPOSED = {"supports": "opposes", "opposes": "supports"}
SAME_POSITION = 1.0  # one shared position weighs as much as one confident word of praise (a guess, not measured)


def blocs(delegations: list[str], stances: dict[str, ProposalStance], relations: list[Relation]) -> list[list[str]]:
    """Groups of delegations that stand together (see the module docstring), largest first."""
    order = {d: i for i, d in enumerate(delegations)}
    net = ties(relations)
    position = {d: stances[d].position if d in stances else "unknown" for d in delegations}
    weights: list[tuple[float, str, str]] = []
    for i, a in enumerate(delegations):
        for b in delegations[i + 1 :]:
            w = net.get((a, b), 0.0) + net.get((b, a), 0.0)
            if position[a] in DECIDED and position[a] == position[b]:
                w += SAME_POSITION
            elif OPPOSED.get(position[a]) == position[b]:
                w -= SAME_POSITION
            if w > 0:
                weights.append((w, a, b))
    group = {d: {d} for d in delegations}
    for _, a, b in sorted(weights, key=lambda x: (-x[0], order[x[1]], order[x[2]])):
        if group[a] is group[b]:
            continue
        merged = group[a] | group[b]
        if {"supports", "opposes"} <= {position[d] for d in merged}:
            continue
        for d in merged:
            group[d] = merged
    unique = {id(g): sorted(g, key=order.__getitem__) for g in group.values()}
    return sorted(unique.values(), key=lambda g: (-len(g), order[g[0]]))


def bloc_side(bloc: list[str], stances: dict[str, ProposalStance]) -> str | None:
    """What a bloc does with the proposal: the position most of its placed members take."""
    counts = Counter(stances[d].position for d in bloc if d in stances and stances[d].position in DECIDED)
    return counts.most_common(1)[0][0] if counts else None


def contested(
    delegations: list[str], stances: dict[str, ProposalStance], relations: list[Relation]
) -> list[PairSummary]:
    """Pairs on opposite sides of the proposal that criticise each other, most criticism first."""
    out = []
    for i, a in enumerate(delegations):
        for b in delegations[i + 1 :]:
            pa, pb = (stances[x].position if x in stances else "unknown" for x in (a, b))
            if OPPOSED.get(pa) != pb:
                continue
            rs = between(relations, a, b)
            critics = {r.source for r in rs if r.sign < 0}
            if critics != {a, b}:
                continue
            out.append(
                PairSummary(
                    pair=(a, b),
                    positive=round(sum(r.confidence for r in rs if r.sign > 0), 3),
                    negative=round(sum(r.confidence for r in rs if r.sign < 0), 3),
                    turns=sorted({r.sentence.turn for r in rs}),
                    confidence=round(min(stances[a].confidence, stances[b].confidence), 3),
                )
            )
    return sorted(out, key=lambda p: (-(p.negative - p.positive), p.pair))


def bridging(
    groups: list[list[str]], stances: dict[str, ProposalStance], relations: list[Relation]
) -> tuple[Bridge | None, dict[str, float]]:
    """The delegation with positive ties to both a bloc that supports the proposal and one that
    opposes it (the most praise exchanged wins), and each delegation's praise exchanged with
    both sides (0 unless it reaches both)."""
    side_of = {d: bloc_side(g, stances) for g in groups for d in g}
    friendly: dict[str, dict[str, list[Relation]]] = defaultdict(lambda: defaultdict(list))
    for r in relations:
        if r.sign > 0:
            friendly[r.source][r.target].append(r)
            friendly[r.target][r.source].append(r)
    scores: dict[str, float] = {}
    for d in side_of:
        reached = {side_of[x] for x in friendly[d]} & {"supports", "opposes"}
        total = sum(r.confidence for rs in friendly[d].values() for r in rs)
        scores[d] = round(total, 3) if reached == {"supports", "opposes"} else 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] <= 0:
        return None, scores
    top = ranked[0][0]
    ties_of = friendly[top]
    return (
        Bridge(
            delegation=top,
            score=ranked[0][1],
            partners=sorted(ties_of),
            turns=sorted({r.sentence.turn for rs in ties_of.values() for r in rs}),
            confidence=round(min(max(r.confidence for r in rs) for rs in ties_of.values()), 3),
        ),
        scores,
    )
