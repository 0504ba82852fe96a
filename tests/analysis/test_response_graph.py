"""Who answers whom, signs, blocs and the bridging delegation, on a table with a known bridge."""

from __future__ import annotations

import pytest

from summitry.analysis.findings.response_graph import blocs, reciprocity, response_graph
from summitry.analysis.findings.responses import find_responses
from summitry.analysis.primitives.corpus import build_corpus

from .helpers import DATA, quick_parse


@pytest.fixture(scope="module")
def harbour():
    transcript = quick_parse(
        (DATA / "bridge-table.txt").read_text(encoding="utf-8"), moderator="Chair"
    )
    corpus = build_corpus(transcript)
    return corpus, find_responses(transcript, corpus.sentences, corpus.vectors, corpus.delegations)


def by_turn(responses):
    out = {}
    for r in responses:
        out.setdefault(r.turn, []).append(r)
    return out


def test_targets_and_signs(harbour) -> None:
    _, responses = harbour
    turns = by_turn(responses)
    assert [(r.target, r.how) for r in turns[3]] == [("Avalon", "named")]
    assert turns[3][0].sign < 0  # "ignores", "rejects"
    assert {r.target for r in turns[4]} == {"Brisa", "Avalon"} and all(
        r.how == "previous" for r in turns[4]
    )
    assert turns[5][0].target == "Corvo" and turns[5][0].sign > 0
    assert turns[8][0].target == "Dorne" and turns[8][0].sign < 0
    assert 11 not in turns  # invited by the chair: it answers the chair


def test_blocs_bridge_and_contested_pairs(harbour) -> None:
    corpus, responses = harbour
    graph = response_graph(responses, corpus.delegations)
    assert graph.bridging is not None and graph.bridging.delegation == "Corvo"
    assert set(graph.bridging.partners) >= {"Avalon", "Brisa", "Dorne"}
    contested = [frozenset(p.pair) for p in graph.contested]
    assert frozenset(("Avalon", "Brisa")) in contested[:2]
    assert frozenset(("Avalon", "Dorne")) in contested[:3]
    assert 0 < graph.reciprocity <= 1
    assert all(e.quote for e in graph.edges)


def test_blocs_ignore_pairs_that_disagree_more_than_they_agree(harbour) -> None:
    corpus, responses = harbour
    groups = blocs(responses, corpus.delegations)
    assert sorted(d for g in groups for d in g) == sorted(corpus.delegations)
    assert not any({"Avalon", "Brisa"} <= set(g) and len(g) == 2 for g in groups)


def test_no_responses_no_reciprocity() -> None:
    assert reciprocity([]) is None
