"""Delegation turns are moves on material: each unit once, rebuttals aimed at what was said,
concessions with their conditions, questions answered, and a thin scenario gives a shorter session."""

from __future__ import annotations

from collections import Counter

from summitry.plan import Move
from summitry.realize.base import Realization
from summitry.realize.composer import Composer
from summitry.scenario import load_scenario
from summitry.scenario.answers import unit_asked
from summitry.scenario.index import unit_index
from summitry.session.log import read_events
from summitry.session.material import answer_for, fresh_units

from .helpers import DATA, run_session

PAPERS = str(DATA / "papers.yaml")


def _delegation_plans(state):
    names = {d.name for d in state.scenario.delegations}
    return [p for p in state.plans if p.speaker in names]


def test_each_unit_is_used_once_per_session(tmp_path):
    for seed in (0, 1, 2):
        state = run_session(PAPERS, tmp_path / str(seed), seed=seed)
        used = Counter(u for p in state.plans for u in p.units)
        assert used and max(used.values()) == 1


def test_every_argued_turn_names_its_own_units_and_says_them(tmp_path):
    state = run_session(PAPERS, tmp_path)
    units = unit_index(state.scenario)
    for plan, turn in zip(state.plans, state.turns, strict=True):
        assert all(units[u].owner == plan.speaker for u in plan.units)
        assert all(units[u].owner != plan.speaker for u in plan.engages)
        for uid in plan.units:
            assert units[uid].text.rstrip(".").lower() in turn.text.lower(), (turn.index, uid)


def _with_unit(unit: str, folder):
    """The first of seeds 0-5 whose session uses the unit (who speaks next follows what was said)."""
    for seed in range(6):
        state = run_session(PAPERS, folder / str(seed), seed=seed)
        if any(unit in p.units for p in state.plans):
            return state, folder / str(seed)
    raise AssertionError(f"no session of seeds 0-5 uses {unit}")


def test_a_rebuttal_answers_the_unit_it_is_aimed_at_when_that_unit_was_just_used(tmp_path):
    state, _ = _with_unit("up-r-board", tmp_path)
    rebuttal = next(p for p in state.plans if "up-r-board" in p.units)
    answered = state.plans[rebuttal.responds_to - 1]
    assert rebuttal.move is Move.REBUT and rebuttal.engages == ("lo-board",)
    assert "lo-board" in answered.units and answered.speaker == "Lowby"


def test_a_concession_carries_its_condition(tmp_path):
    said = 0
    for seed in range(4):  # the concession is not said in every session
        state = run_session(PAPERS, tmp_path / str(seed), seed=seed)
        for plan in (p for p in state.plans if "up-c-data" in p.units):
            assert plan.move is Move.CONCEDE
            assert "if Lowby stops calling every low day a breach" in state.turns[plan.index - 1].text
            said += 1
    assert said


def test_a_question_put_to_a_delegation_is_answered_by_it(tmp_path):
    answered = 0
    units = load_scenario(PAPERS).units()
    for seed in range(6):
        state = run_session(PAPERS, tmp_path / str(seed), seed=seed)
        for plan in state.plans:
            if plan.responds_to and "up-q" in state.plans[plan.responds_to - 1].units and plan.speaker == "Lowby":
                # an answer names the question; a refusal only where nothing fresh answers it
                before = tuple(state.plans[: plan.index - 1])
                fresh = fresh_units(state.scenario, before, "Lowby")
                if plan.move is Move.DECLINE:
                    assert plan.engages == () and answer_for(state.scenario, fresh, unit_asked(units["up-q"])) is None
                else:
                    assert plan.move is Move.ANSWER and plan.engages == ("up-q",)
                    answered += 1
    assert answered


def test_a_thin_scenario_gives_a_shorter_session_not_filler(tmp_path):
    full = load_scenario(PAPERS)
    thin_delegations = []
    for d in full.delegations:
        paper = d.position.model_copy(update={"rebuttals": [], "concessions": [], "questions": [], "proposals": []})
        thin_delegations.append(d.model_copy(update={"position": paper}))
    thin = full.model_copy(update={"delegations": thin_delegations})
    long_state = run_session(full, tmp_path / "full")
    short_state = run_session(thin, tmp_path / "thin")
    assert len(short_state.turns) < len(long_state.turns)
    argued = {Move.ANSWER, Move.REBUT, Move.AGREE_EXTEND, Move.CONCEDE, Move.PROPOSE, Move.REFLECT, Move.ASK}
    for plan in _delegation_plans(short_state):
        if plan.move in argued:
            assert plan.units, f"turn {plan.index} of {plan.speaker} has no material"


def test_plans_are_the_same_for_the_same_seed(tmp_path):
    a = run_session(PAPERS, tmp_path / "a", seed=4)
    b = run_session(PAPERS, tmp_path / "b", seed=4)
    assert [p.model_dump() for p in a.plans] == [p.model_dump() for p in b.plans]


def test_every_spoken_turn_carries_spans_that_join_to_its_text(tmp_path):
    _, folder = _with_unit("up-r-board", tmp_path)
    spoken = [e for e in read_events(folder / "session.jsonl") if e.type == "turn_spoken"]
    assert spoken
    for event in spoken:
        assert event.spans and "".join(s.text for s in event.spans) == event.turn.text
    units = unit_index(load_scenario(PAPERS))
    said = " ".join(s.text for e in spoken for s in e.spans if s.source == "scenario")
    assert units["up-r-board"].text in said


class PersonAtLowby:
    """Lowby's seat taken by a person who says one point of Lowby's paper in their own words."""

    name = "person"

    def __init__(self) -> None:
        self.composer = Composer()

    def realize(self, plan, context):
        if plan.speaker == "Lowby" and plan.phase == "crosstalk":
            text = "Honestly, publishing the daily release figures would end most quarrels in this valley."
            return Realization(text, "person", spans=((text, "person"),))
        return self.composer.realize(plan, context)


def test_a_persons_turn_is_answered_on_the_units_its_words_touch(tmp_path):
    state = run_session(PAPERS, tmp_path, realizer=PersonAtLowby())
    replies = [
        p
        for p in state.plans
        if p.responds_to and state.turns[p.responds_to - 1].text.startswith("Honestly, publishing")
    ]
    assert replies and all(p.engages == ("lo-data",) for p in replies)
