"""The whole report: sections, references, degraded reports and bad input."""

from __future__ import annotations

import time

import pytest

from summitry.analysis.report.build import analyze
from summitry.analysis.schema import Report
from summitry.errors import AnalysisError
from summitry.turns import Transcript, Turn

from .helpers import DATA, SEED, quick_parse, seed_scenario, seed_transcript

needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason="the seed transcript is not beside the repository"
)


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return analyze(seed_transcript(), seed_scenario(), embedder="lexical")


@needs_seed
def test_every_section_is_computed_and_every_reference_is_real(seed_report: Report) -> None:
    r = seed_report
    assert not r.degraded
    assert r.meta.embedder == "lexical" and r.meta.turns == 82 and len(r.meta.delegations) == 7
    assert [q.question_id for q in r.stances] == ["access", "priority"]
    turns = {t.index: t for t in r.transcript}
    quotes = [(e.turn, e.speaker, e.quote) for f in r.common_ground for e in f.evidence]
    quotes += [(e.turn, e.speaker, e.quote) for t in r.themes for e in t.evidence]
    quotes += [
        (p.turn, d.delegation, p.quote) for q in r.stances for d in q.delegations for p in d.points
    ]
    assert quotes
    for turn, speaker, quote in quotes:
        assert turns[turn].speaker == speaker and quote in turns[turn].text
    for f in r.common_ground:
        assert 0 <= f.confidence <= 1 and f.relation is not None and f.relation < 0
    for e in r.response_graph.edges:
        assert turns[e.turn].speaker == e.speaker and 0 <= e.confidence <= 1
        assert e.target_turn is None or turns[e.target_turn].speaker == e.target


@needs_seed
def test_report_json_round_trips(seed_report: Report) -> None:
    again = Report.model_validate_json(seed_report.model_dump_json())
    assert again == seed_report


def test_empty_transcript_is_refused_with_a_clear_message() -> None:
    with pytest.raises(AnalysisError, match="no turns"):
        analyze(Transcript(), embedder="lexical")


def test_one_speaker_gives_a_degraded_report_that_says_why() -> None:
    transcript = quick_parse(
        "Solo: Rivers need clean water for every farmer downstream.\n"
        "Solo: Monitoring stations would show the water quality every week."
    )
    r = analyze(transcript, embedder="lexical")
    parts = {d.part: d.reason for d in r.degraded}
    assert {"responses", "response_graph", "common_ground"} <= set(parts)
    assert "two delegations" in parts["common_ground"]
    assert r.response_graph is None and r.common_ground is None
    assert r.participation is not None and r.participation.speakers[0].turns == 2


def test_speakers_unknown_to_the_scenario_are_reported_not_dropped() -> None:
    from .test_stance import river_scenario

    text = (DATA / "river-shift.txt").read_text(
        encoding="utf-8"
    ) + "\nStranger: I also want a joint river commission."
    r = analyze(quick_parse(text, moderator="Chair"), river_scenario(), embedder="lexical")
    assert any("Stranger" in n and "not in the scenario" in n for n in r.meta.notes)
    assert "Stranger" in r.meta.delegations


def test_without_a_scenario_stances_follow_the_themes() -> None:
    r = analyze(
        quick_parse((DATA / "river-council.txt").read_text(encoding="utf-8")), embedder="lexical"
    )
    assert r.meta.moderators == ["Moderator"]
    assert any("no scenario" in n for n in r.meta.notes)
    assert r.stances and all(
        q.source == "theme" and q.options == ["opposes", "supports"] for q in r.stances
    )
    assert r.common_ground is not None


@pytest.mark.slow
@needs_seed
def test_ten_thousand_turns_finish_in_reasonable_time() -> None:
    seed = seed_transcript()
    turns = [
        Turn(index=k + 1, speaker=t.speaker, text=t.text, is_moderator=t.is_moderator)
        for k, t in enumerate(seed.turns[i % len(seed.turns)] for i in range(10_000))
    ]
    big = Transcript(title="long", turns=tuple(turns), moderator=seed.moderator)
    start = time.perf_counter()
    r = analyze(big, seed_scenario(), embedder="auto")
    seconds = time.perf_counter() - start
    print(f"10,000 turns analysed in {seconds:.1f} s with the {r.meta.embedder} embedder")
    assert r.meta.embedder == "lexical" and any("10000 turns" in n for n in r.meta.notes)
    assert r.common_ground and r.participation and r.quality
    assert seconds < 180
