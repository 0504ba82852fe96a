"""Signed relations, blocs, contested pairs and the bridge of a debate on a proposal: a
hand-written council with a known answer, and the report on the real debates."""

from __future__ import annotations

import pytest

from summitry.analysis.findings.proposal import find_proposal, place_speakers
from summitry.analysis.findings.relations import find_relations, ties
from summitry.analysis.findings.sides import blocs, bridging, contested
from summitry.analysis.primitives.corpus import build_corpus
from summitry.analysis.report.build import analyze
from summitry.evaluation.debates import load_records, score_debate
from summitry.transcript import load_transcript

from .helpers import DEBATES, MEASURED, council_corpus, quick_parse


@pytest.fixture(scope="module")
def council():
    corpus = council_corpus()
    relations = find_relations(corpus)
    stances = place_speakers(corpus, find_proposal(corpus), relations, MEASURED)
    return corpus, relations, stances


def test_relations_need_praise_or_criticism_not_a_mere_mention(council) -> None:
    _, relations, _ = council
    net = ties(relations)
    assert net[("Ardia", "Borvia")] > 0  # "We thank Borvia"
    assert net[("Cestia", "Ardia")] < 0 and net[("Ardia", "Cestia")] < 0
    assert net[("Dorne", "Borvia")] > 0 and net[("Dorne", "Cestia")] > 0
    assert ("Estia", "Cestia") not in net  # "I am not surprised that Cestia voted against": a mention
    assert ("Borvia", "Ardia") not in net  # "the draft resolution proposed by Ardia": a mention


def test_the_lone_opponent_stands_alone_and_the_abstainer_bridges(council) -> None:
    corpus, relations, stances = council
    groups = blocs(corpus.delegations, stances, relations)
    assert ["Cestia"] in groups
    assert not any({"Ardia", "Cestia"} <= set(g) or {"Borvia", "Cestia"} <= set(g) for g in groups)
    pairs = {p.pair for p in contested(corpus.delegations, stances, relations)}
    assert pairs == {("Ardia", "Cestia"), ("Borvia", "Cestia")}  # opposite sides, criticism both ways
    bridge, scores = bridging(groups, stances, relations)
    assert bridge is not None and bridge.delegation == "Dorne"
    assert {"Borvia", "Cestia"} <= set(bridge.partners)
    assert scores["Cestia"] == 0.0  # praise from one side only


def test_no_bridge_is_named_without_ties_to_both_sides(council) -> None:
    corpus, relations, stances = council
    hostile = [r for r in relations if r.sign < 0]
    groups = blocs(corpus.delegations, stances, hostile)
    assert bridging(groups, stances, hostile)[0] is None


@pytest.fixture(scope="module")
def real_reports():
    records = load_records(DEBATES)
    return [(r, analyze(load_transcript(DEBATES / r.file), embedder="lexical")) for r in records]


def test_the_real_debates_parse_with_their_recorded_vote() -> None:
    for record in load_records(DEBATES):
        transcript = load_transcript(DEBATES / record.file)
        header = transcript.premise
        for key, names in (("in favour", record.in_favour), ("against", record.against)):
            assert f"{key} {len(names)} (" in header, record.file
        assert f"abstaining {len(record.abstaining)} (" in header, record.file
        assert all(t.text and not t.text.startswith('"') for t in transcript.turns)


def test_common_ground_never_pairs_delegations_placed_apart_or_not_placed(real_reports) -> None:
    for _, report in real_reports:
        stances = report.proposal.stances
        for finding in report.common_ground or []:
            a, b = (stances[x].position for x in finding.pair)
            assert "unknown" not in (a, b) and {a, b} != {"supports", "opposes"}, finding.sentence


def test_lone_opponents_stand_apart_and_bridges_reach_both_sides(real_reports) -> None:
    scores = [score_debate(record, report) for record, report in real_reports]
    assert [s.lone_opponent_apart for s in scores if s.lone_opponent_apart is not None] == [True] * 7
    assert all(s.bridge_ok in (None, True) for s in scores)


def test_placed_stances_on_the_held_out_half_match_the_vote(real_reports) -> None:
    scores = [score_debate(r, rep) for r, rep in real_reports if r.split == "held-out"]
    placed = sum(s.placed for s in scores)
    assert placed >= 6 and sum(s.correct for s in scores) / placed >= 0.8


def test_the_victim_and_the_addressee_are_not_misread() -> None:
    text = (
        "Chair: We vote on the draft resolution.\n"
        "Ardia: Cestia's invasion of Borvia is illegal, and we voted for the draft resolution.\n"
        "Cestia: You have made Borvia a pawn, Ardia, and your draft resolution is a provocation.\n"
        "Borvia: Cestia, you abused your veto on the draft resolution.\n"
    )
    corpus = build_corpus(quick_parse(text, moderator="Chair"))
    net = ties(find_relations(corpus))
    assert net[("Ardia", "Cestia")] < 0 and ("Ardia", "Borvia") not in net  # Borvia is the victim
    assert ("Cestia", "Borvia") not in net  # a "you" sentence judges only whom it calls by name first
    assert net[("Borvia", "Cestia")] < 0


def test_a_report_on_a_debate_has_a_proposal_and_sided_graph(real_reports) -> None:
    _, report = real_reports[0]
    assert report.proposal is not None and report.response_graph.basis == "stances"
    assert report.proposal.stances["India"].position == "abstains"
    assert report.response_graph.relations and all(e.sign in (-1, 1) for e in report.response_graph.relations)
