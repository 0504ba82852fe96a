"""Common ground between rivals: a hand-written transcript with a known answer, and the seed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from summitry.analysis import CommonGroundFinding, find_common_ground
from summitry.analysis.findings.labels import theme_vocabulary
from summitry.embed import LexicalEmbedder
from summitry.scenario import bundled_names, load_scenario
from summitry.scenario.position import points
from summitry.turns import Transcript

from .helpers import DATA, SEED, composer_session, quick_parse, seed_scenario, seed_transcript

RIVALS = {frozenset(("Northland", "Southland")): -0.8, frozenset(("Eastia", "Westia")): -0.7}


def river_relation(a: str, b: str) -> float:
    return RIVALS.get(frozenset((a, b)), 0.3)


@pytest.fixture(scope="module")
def river():
    return quick_parse((DATA / "river-council.txt").read_text(encoding="utf-8"), moderator="Moderator")


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
    assert find_common_ground(Transcript(title="", turns=())) == []
    alone = quick_parse(
        "Solo: We like rivers and clean water for every farmer.\n"
        "Solo: We also like monitoring stations for water quality."
    )
    assert find_common_ground(alone, relation=lambda a, b: -1.0) == []


@pytest.mark.skipif(not SEED.exists(), reason="the seed transcript is not present beside the repository")
def test_seed_gives_three_findings_with_and_without_authored_themes() -> None:
    """Three rival pairs on the seed, whether or not the scenario's own themes name them. (How fast
    this runs is measured side by side in bench/analysis_speed.py, not asserted here: the time
    depends on the machine and its load.)"""
    transcript, scenario = seed_transcript(), seed_scenario()
    for authored in (None, theme_vocabulary(scenario)):
        findings = find_common_ground(
            transcript, relation=scenario.relation, embedder=LexicalEmbedder(), themes=authored
        )
        assert len(findings) == 3


# Theme labels written by a scenario's author: each finding is named by a label both rivals
# hold when one fits both quotes, else by one that either holds, else by the transcript's words.


def _themes(river, themes):
    found = find_common_ground(river, relation=river_relation, embedder=LexicalEmbedder(), themes=themes)
    return {frozenset(f.pair): f for f in found}


NS, EW = frozenset(("Northland", "Southland")), frozenset(("Eastia", "Westia"))


def test_a_label_both_rivals_hold_names_their_finding(river) -> None:
    themes = {
        "Northland": ["sovereignty", "water quality", "dam operations"],
        "Southland": ["irrigation", "water quality", "water quality data"],
        "Eastia": ["fisheries", "emergency alerts"],
        "Westia": ["fisheries", "emergency alerts", "local fishermen"],
    }
    by_pair = _themes(river, themes)
    # Southland's own "water quality data" fits its quote as well, but only Southland holds it
    assert by_pair[NS].theme == "water quality"
    assert by_pair[NS].sentence == "Northland and Southland found common ground on water quality"
    assert {e.turn for e in by_pair[NS].evidence[:2]} == {7, 8}
    assert by_pair[EW].theme == "emergency alerts"
    assert {e.turn for e in by_pair[EW].evidence[:2]} == {12, 13}
    # fisheries is held by both but never shared: Westia rejects the quota every time
    assert all(f.theme != "fisheries" for f in by_pair.values())


def test_a_label_one_rival_holds_is_used_only_when_they_share_none(river) -> None:
    apart = {"Northland": ["sovereignty", "open borders"], "Southland": ["irrigation", "water quality"]}
    assert _themes(river, apart)[NS].theme == "water quality"
    # sharing a label that fits nothing they said, they keep the transcript's own words
    sharing = {"Northland": ["sovereignty", "tourism"], "Southland": ["tourism", "water quality"]}
    assert _themes(river, sharing)[NS].theme == _themes(river, None)[NS].theme != "water quality"


def test_a_label_is_held_through_a_longer_interest_that_contains_it(river) -> None:
    themes = {"Northland": ["shared monitoring of the water quality"], "Southland": ["water quality"]}
    assert _themes(river, themes)[NS].theme == "water quality"


def test_labels_that_fit_nothing_leave_the_transcripts_own_words(river) -> None:
    plain = _themes(river, None)
    unrelated = {
        "Northland": ["tourism"],
        "Southland": ["tourism", "aviation"],
        "Eastia": ["space research"],
        "Westia": ["space research"],
    }
    named = _themes(river, unrelated)
    assert {k: f.theme for k, f in named.items()} == {k: f.theme for k, f in plain.items()}
    assert "water quality" in named[NS].theme and "emergency alert" in named[EW].theme


def test_odd_theme_maps_are_harmless(river) -> None:
    plain = {k: f.theme for k, f in _themes(river, None).items()}
    for themes in (
        {},
        {"Atlantis": ["water quality"]},
        {"Northland": [], "Southland": ["", "  "]},
        {"Northland": "water quality", "Southland": "water quality"},  # a bare string, not a list
    ):
        named = {k: f.theme for k, f in _themes(river, themes).items()}
        assert set(named) == set(plain)
        if themes and all(isinstance(v, str) for v in themes.values()):
            assert named[NS] == "water quality"


def test_the_engines_mediator_names_themes_both_rivals_hold(tmp_path) -> None:
    # common ground is claimed only where rivals met by name on a point, which not every seed, nor
    # every scenario, brings about: the bundled scenarios together must show some
    checked = 0
    for name in bundled_names():
        scenario = load_scenario(name)
        for seed in range(3):
            state = composer_session(scenario, tmp_path / f"{name}-{seed}", seed)
            found = next(p for p in state.plans if p.phase == "common_ground").common_ground
            notes = tuple(n for n in found if n.basis == "engaged")  # a shared lesson answer is not ground found
            if notes:
                break
        if notes:
            _check_named_themes(scenario, state, notes, name)
            checked += 1
    assert checked, "no bundled scenario finds common ground in seeds 0-2"


def _check_named_themes(scenario, state, notes, name: str) -> None:
    items = {d.name: points(d.material()) + d.interests for d in scenario.delegations}

    def holds(delegation: str, theme: str) -> bool:
        return any(theme in item for item in items[delegation])

    authored = [n for n in notes if any(holds(d, n.theme) for d in items)]
    assert authored, f"no finding of {name} is named with the scenario's themes: {notes}"
    for note in notes:
        assert scenario.relation(*note.pair) < 0
        assert {state.turns[i - 1].speaker for i in note.turns[:2]} == set(note.pair)
    for note in authored:  # rivals who share themes are named with one of them
        a, b = note.pair
        shared = {t for t in items[a] if holds(b, t)} | {t for t in items[b] if holds(a, t)}
        assert not shared or (holds(a, note.theme) and holds(b, note.theme)), note
