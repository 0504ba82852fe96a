"""The signed response graph: who answers whom, how often they agree, blocs and bridges.

Edges come from :mod:`summitry.analysis.findings.responses`. A turn that answers k delegations at once
gives each a weight of 1/k, so a reply to "you all" does not count as six separate replies.

- reciprocity: the share of answered pairs (a answered b) where b also answered a;
- blocs: communities of the graph of agreeing replies (greedy modularity, deterministic);
- contested pairs: the pairs with the most disagreeing weight between them;
- bridging delegation: the one drawing the most agreement from more than one bloc.

In a debate on a proposal the report replaces blocs, contested pairs and the bridge with those
drawn from the positions and signed relations (:mod:`.sides`, via :mod:`.debate`).
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from summitry.analysis.findings.responses import Response
from summitry.analysis.primitives.cues import SIGN_MARGIN
from summitry.analysis.schema import Bridge, PairSummary, ResponseEdge, ResponseGraphReport

CONTESTED_LISTED = 10  # contested pairs listed in the report: what a reader scans (a guess, not measured)


def edge_weights(responses: list[Response]) -> list[tuple[Response, float]]:
    """Each response with its weight: 1 / the number of delegations its turn answers."""
    per_turn: dict[int, int] = defaultdict(int)
    for r in responses:
        per_turn[r.turn] += 1
    return [(r, 1.0 / per_turn[r.turn]) for r in responses]


def _pair(a: str, b: str, order: dict[str, int]) -> tuple[str, str]:
    return (a, b) if order.get(a, 0) <= order.get(b, 0) else (b, a)


def pair_balance(
    responses: list[Response], delegations: list[str]
) -> dict[tuple[str, str], PairSummary]:
    """Agreeing and disagreeing weight between each pair, with the turns behind it."""
    order = {d: i for i, d in enumerate(delegations)}
    pos: dict[tuple[str, str], float] = defaultdict(float)
    neg: dict[tuple[str, str], float] = defaultdict(float)
    turns: dict[tuple[str, str], list[int]] = defaultdict(list)
    conf: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r, w in edge_weights(responses):
        key = _pair(r.speaker, r.target, order)
        if r.sign > SIGN_MARGIN:
            pos[key] += w * r.sign
        elif r.sign < -SIGN_MARGIN:
            neg[key] += w * -r.sign
        turns[key].append(r.turn)
        conf[key].append(r.confidence)
    return {
        k: PairSummary(
            pair=k,
            positive=round(pos[k], 3),
            negative=round(neg[k], 3),
            turns=sorted(set(turns[k])),
            confidence=round(sum(conf[k]) / len(conf[k]), 3),
        )
        for k in turns
    }


def reciprocity(responses: list[Response]) -> float | None:
    """Share of directed answered pairs whose reverse pair also occurs."""
    directed = {(r.speaker, r.target) for r in responses}
    if not directed:
        return None
    mutual = sum(1 for a, b in directed if (b, a) in directed)
    return round(mutual / len(directed), 3)


def blocs(responses: list[Response], delegations: list[str]) -> list[list[str]]:
    """Communities of the pairs that agree more than they disagree (net agreeing weight);
    delegations with no such pair stand alone."""
    order = {d: i for i, d in enumerate(delegations)}
    net: dict[tuple[str, str], float] = defaultdict(float)
    for r, w in edge_weights(responses):
        if abs(r.sign) > SIGN_MARGIN:
            net[_pair(r.speaker, r.target, order)] += w * r.sign
    weights = {k: v for k, v in net.items() if v > 0 and k[0] in order and k[1] in order}
    try:
        import networkx as nx
        from networkx.algorithms.community import greedy_modularity_communities
    except ImportError:
        return _components(weights, delegations)
    graph = nx.Graph()
    graph.add_nodes_from(delegations)
    for (a, b), w in weights.items():
        graph.add_edge(a, b, weight=w)
    if graph.number_of_edges() == 0:
        return [[d] for d in delegations]
    found = greedy_modularity_communities(graph, weight="weight")
    groups = [sorted(c, key=lambda d: order[d]) for c in found]
    return sorted(groups, key=lambda g: (-len(g), order[g[0]]))


def _components(weights: dict[tuple[str, str], float], delegations: list[str]) -> list[list[str]]:
    """Connected components, when networkx is not installed."""
    parent = {d: d for d in delegations}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in weights:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in delegations:
        groups[find(d)].append(d)
    return sorted(groups.values(), key=lambda g: (-len(g), delegations.index(g[0])))


def bridging(
    responses: list[Response], delegations: list[str]
) -> tuple[Bridge | None, dict[str, float]]:
    """The delegation that draws the most agreement from more than one side of the table.

    For each delegation, the agreeing replies it received are summed (weight x sign x
    confidence); it counts as a bridge only when those replies come from at least two blocs
    of the graph drawn without it, i.e. when it holds together people who otherwise split.
    """
    received: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    turns: dict[str, set[int]] = defaultdict(set)
    for r, w in edge_weights(responses):
        if r.sign > SIGN_MARGIN:
            received[r.target][r.speaker] += w * r.sign * r.confidence
            turns[r.target].add(r.turn)
    scores: dict[str, float] = {}
    for d in delegations:
        givers = received.get(d, {})
        others = [x for x in delegations if x != d]
        without = blocs([r for r in responses if d not in (r.speaker, r.target)], others)
        side = {x: i for i, g in enumerate(without) for x in g}
        sides = {side[g] for g in givers if g in side}
        scores[d] = round(sum(givers.values()), 3) if len(sides) >= 2 else 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] <= 0:
        return None, scores
    top, value = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = round(min(1.0, 0.5 + (value - runner_up) / (2 * value)), 3)
    bridge = Bridge(
        delegation=top,
        score=value,
        partners=sorted(received[top]),
        turns=sorted(turns[top]),
        confidence=confidence,
    )
    return bridge, scores


def response_graph(responses: list[Response], delegations: list[str]) -> ResponseGraphReport:
    """The whole response-graph section of the report."""
    balance = pair_balance(responses, delegations)
    contested = sorted(
        (p for p in balance.values() if p.negative > 0),
        key=lambda p: (-(p.negative - p.positive), p.pair),
    )
    groups = blocs(responses, delegations)
    bridge, scores = bridging(responses, delegations)
    edges = [
        ResponseEdge(
            turn=r.turn,
            speaker=r.speaker,
            target=r.target,
            target_turn=r.target_turn,
            sign=r.sign,
            how=r.how,
            confidence=r.confidence,
            quote=r.quote,
        )
        for r in responses
    ]
    return ResponseGraphReport(
        edges=edges,
        reciprocity=reciprocity(responses),
        blocs=groups,
        contested=contested[:CONTESTED_LISTED],
        bridging=bridge,
        bridging_scores=scores,
    )


def all_pairs(delegations: list[str]) -> list[tuple[str, str]]:
    """Every unordered pair of delegations, in order of first appearance."""
    return list(itertools.combinations(delegations, 2))
