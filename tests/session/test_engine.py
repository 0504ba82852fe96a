"""The engine runs every phase of a scenario, from the events alone, the same way every time."""

from __future__ import annotations

from collections import Counter

import pytest

from summitry.identity import identity_confusions
from summitry.phase import PHASE_NAMES
from summitry.scenario import bundled_scenarios, load_scenario
from summitry.scenario.index import unit_index
from summitry.session.accord import common_ground_holds, unit_point
from summitry.session.log import read_events
from summitry.text.sentences import normalize_sentence, sentences
from summitry.transcript import parse_markdown, render_markdown

from .helpers import DATA, run_session

BUNDLED = [b.name for b in bundled_scenarios()]


def test_bundled_quantum_summit_has_every_phase_in_the_seed_order(tmp_path):
    state = run_session("quantum-summit", tmp_path)
    phases = list(dict.fromkeys(t.phase for t in state.turns))
    assert phases == list(PHASE_NAMES)
    assert state.is_complete
    assert state.turns[0].speaker == "Dr. Chen" and state.turns[0].is_moderator


@pytest.mark.parametrize("name", BUNDLED)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_no_sentence_is_ever_said_twice(tmp_path, name, seed):
    state = run_session(name, tmp_path, seed=seed)
    said = Counter(normalize_sentence(s) for t in state.turns for s in sentences(t.text))
    repeated = [s for s, n in said.items() if n > 1]
    assert repeated == []


@pytest.mark.parametrize("name", BUNDLED)
def test_no_delegation_speaks_as_another(tmp_path, name):
    state = run_session(name, tmp_path)
    names = [d.name for d in state.scenario.delegations]
    confused = [(t.index, identity_confusions(t.text, t.speaker, names)) for t in state.turns]
    assert [c for c in confused if c[1]] == []


# The founding transcript names another delegation in 15 of its 64 delegation turns (0.23). A reply
# names the delegation it answers only where the record bears the relation out (a phrase naming what
# it said needs it to have said it), so replies are held to that rate, not to a majority: with
# attributions kept to the record, quantum-summit's composer replies name another delegation in 7–10
# of 24–25 (seeds 0–3), against 10–13 when unsaid views were attributed.
NAMING_FLOOR = 0.25


@pytest.mark.parametrize("name", BUNDLED)
def test_replies_to_a_delegation_name_another_delegation_as_often_as_the_founding_transcript(tmp_path, name):
    state = run_session(name, tmp_path)
    names = [d.name for d in state.scenario.delegations]
    # the turns that reply to another delegation (a reply to the mediator's question, probe or hard
    # case answers the mediator)
    replying = {p.index for p in state.plans if p.responds_to and state.plans[p.responds_to - 1].speaker in names}
    turns = [t for t in state.turns if t.speaker in names and t.index in replying]
    answering = [t for t in turns if any(n in t.text for n in names if n != t.speaker)]
    assert len(answering) / len(turns) >= NAMING_FLOOR


def test_tone_is_shown_on_each_speakers_first_turn_only(tmp_path):
    state = run_session("quantum-summit", tmp_path)
    first = {}
    for t in state.turns:
        first.setdefault(t.speaker, t)
    for t in state.turns:
        if t is first[t.speaker] and t.speaker in [d.name for d in state.scenario.delegations]:
            assert t.tone == state.scenario.delegation(t.speaker).tone
        elif t is not first[t.speaker]:
            assert t.tone is None


def test_same_seed_same_session_byte_for_byte(tmp_path):
    a = run_session("quantum-summit", tmp_path / "a", seed=7)
    b = run_session("quantum-summit", tmp_path / "b", seed=7)
    assert render_markdown(a.transcript()) == render_markdown(b.transcript())
    assert (tmp_path / "a" / "session.jsonl").read_bytes() == (tmp_path / "b" / "session.jsonl").read_bytes()


def test_different_seeds_differ(tmp_path):
    a = run_session("quantum-summit", tmp_path / "a", seed=1)
    b = run_session("quantum-summit", tmp_path / "b", seed=2)
    assert render_markdown(a.transcript()) != render_markdown(b.transcript())


def test_every_turn_is_planned_before_it_is_spoken(tmp_path):
    run_session(load_scenario(str(DATA / "tiny.yaml")), tmp_path)
    events = read_events(tmp_path / "session.jsonl")
    kinds = [e.type for e in events]
    for i, kind in enumerate(kinds):
        if kind == "turn_spoken":
            assert kinds[i - 1] == "turn_planned"
            assert events[i - 1].plan.index == events[i].turn.index


def test_rendered_transcript_parses_back_to_the_same_turns(tmp_path):
    state = run_session("quantum-summit", tmp_path)
    parsed = parse_markdown(render_markdown(state.transcript()))
    assert [(t.speaker, t.text, t.tone) for t in parsed.turns] == [(t.speaker, t.text, t.tone) for t in state.turns]


def test_common_ground_names_only_rival_pairs_that_exist(tmp_path):
    states = [run_session("nile-basin", tmp_path / str(seed), seed=seed) for seed in range(3)]
    plans = [(state, next(p for p in state.plans if p.phase == "common_ground")) for state in states]
    engaged = [n for _, plan in plans for n in plan.common_ground if n.basis == "engaged"]
    assert engaged, "the Nile's papers give rivals offers on shared points"
    for state, plan in plans:
        _check_common_ground(state, plan)


def _check_common_ground(state, plan):
    scenario = state.scenario
    said = state.turns[plan.index - 1].text
    for note in plan.common_ground:
        assert scenario.relation(*note.pair) < 0
        assert note.theme in said and all(name in said for name in note.pair)
        if note.basis != "engaged":  # a shared lesson answer, named as a choice, not as ground found
            continue
        point = unit_point(unit_index(scenario)[note.units[0]])
        assert common_ground_holds(scenario, tuple(state.plans[: plan.index - 1]), *note.pair, point)
        for index in note.turns:
            assert state.turns[index - 1].speaker in note.pair
