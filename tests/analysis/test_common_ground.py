"""Common ground between rivals: a hand-written transcript with a known answer, and the seed."""

from __future__ import annotations

import time

import pytest
from pydantic import ValidationError

from summitry.analysis import CommonGroundFinding, LexicalEmbedder, find_common_ground

from .helpers import DATA, SEED, quick_parse, seed_scenario, seed_transcript

RIVALS = {frozenset(("Northland", "Southland")): -0.8, frozenset(("Eastia", "Westia")): -0.7}


def river_relation(a: str, b: str) -> float:
    return RIVALS.get(frozenset((a, b)), 0.3)


@pytest.fixture(scope="module")
def river():
    return quick_parse(
        (DATA / "river-council.txt").read_text(encoding="utf-8"), moderator="Moderator"
    )


def test_known_answer_on_hand_written_council(river) -> None:
    findings = find_common_ground(river, relation=river_relation, embedder=LexicalEmbedder())
    by_pair = {frozenset(f.pair): f for f in findings}
    assert set(by_pair) == set(RIVALS)
    north_south = by_pair[frozenset(("Northland", "Southland"))]
    assert "water quality" in north_south.theme
    assert north_south.sentence.startswith("Northland and Southland found common ground on ")
    assert {e.speaker for e in north_south.evidence} == {"Northland", "Southland"}
    east_west = by_pair[frozenset(("Eastia", "Westia"))]
    assert "emergency alert" in east_west.theme
    assert {e.turn for e in east_west.evidence} == {12, 13}


def test_findings_are_frozen_with_confidence_and_quotes(river) -> None:
    finding = find_common_ground(river, relation=river_relation, limit=1)[0]
    assert isinstance(finding, CommonGroundFinding)
    assert 0 < finding.confidence <= 1
    for e in finding.evidence:
        turn = river.turns[e.turn - 1]
        assert turn.speaker == e.speaker and e.quote in turn.text
    with pytest.raises(ValidationError):
        finding.theme = "something else"  # type: ignore[misc]


def test_allies_are_never_reported(river) -> None:
    findings = find_common_ground(river, relation=lambda a, b: 0.5)
    assert findings == []


def test_limit_and_no_relation_uses_the_most_negative_exchanges(river) -> None:
    assert find_common_ground(river, relation=river_relation, limit=0) == []
    findings = find_common_ground(river, limit=5)
    assert findings, "rivals should be found from the exchanges alone"
    for f in findings:
        assert f.relation is None


def test_empty_and_one_speaker_transcripts_give_no_findings() -> None:
    assert find_common_ground(quick_parse("")) == []
    alone = quick_parse(
        "Solo: We like rivers and clean water for every farmer.\n"
        "Solo: We also like monitoring stations for water quality."
    )
    assert find_common_ground(alone, relation=lambda a, b: -1.0) == []


@pytest.mark.skipif(
    not SEED.exists(), reason="the seed transcript is not present beside the repository"
)
def test_seed_is_fast_enough_for_the_engine() -> None:
    transcript, scenario = seed_transcript(), seed_scenario()
    find_common_ground(transcript, relation=scenario.relation)  # warm regex and stem caches
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        findings = find_common_ground(
            transcript, relation=scenario.relation, embedder=LexicalEmbedder()
        )
        timings.append(time.perf_counter() - start)
    assert len(findings) == 3
    assert sorted(timings)[1] < 0.25, f"find_common_ground took {timings} s on the seed"
