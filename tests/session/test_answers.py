"""Questions get answers: a unit linked to a question answers it, an irrelevant unit is never offered
as an answer, a question nobody answers stays open, and the hard case is answered or not put."""

from __future__ import annotations

import random

import pytest

from summitry.asked import open_questions
from summitry.plan import Move, TurnPlan
from summitry.scenario import load_scenario
from summitry.scenario.answers import MIN_RELEVANCE, relevance, unit_asked
from summitry.scenario.index import unit_index
from summitry.scenario.model import Scenario
from summitry.session.material import answer_or_decline

from .helpers import DATA, run_session

PAPERS = str(DATA / "papers.yaml")
EVALUATION = DATA.parent.parent / "data" / "scenarios"


def with_link(scenario: Scenario, delegation: str, field: str, uid: str, link: str) -> Scenario:
    """The scenario with ``answers: [link]`` added to one unit of a delegation's position paper."""
    d = scenario.delegation(delegation)
    items = [u.model_copy(update={"answers": [link]}) if u.id == uid else u for u in getattr(d.position, field)]
    paper = d.position.model_copy(update={field: items})
    delegations = [
        x.model_copy(update={"position": paper}) if x.name == delegation else x for x in scenario.delegations
    ]
    return scenario.model_copy(update={"delegations": delegations})


def test_a_question_with_a_linked_answer_gets_it() -> None:
    plain = load_scenario(PAPERS)
    asked = unit_asked(unit_index(plain)["up-q"])  # will Lowby pay a share of the upkeep …?
    red_line = unit_index(plain)["lo-rl"]  # no summer without a release: shares no word with the question
    assert relevance(red_line, asked.text) < MIN_RELEVANCE
    linked = with_link(plain, "Lowby", "red_lines", "lo-rl", "up-q")
    fresh = [u for u in linked.delegation("Lowby").material() if u.id in ("lo-board", "lo-rl")]
    choice = answer_or_decline(linked, fresh, asked, random.Random(0))
    assert choice is not None and choice.move is Move.ANSWER
    assert choice.units == ("lo-rl",) and choice.engages == ("up-q",)


def test_an_irrelevant_unit_is_not_offered_as_an_answer() -> None:
    scenario = load_scenario(PAPERS)
    units = unit_index(scenario)
    asked = unit_asked(units["up-q"])
    fresh = [units["lo-board"], units["lo-rl"]]  # a joint board, summer releases: neither is about upkeep
    choice = answer_or_decline(scenario, fresh, asked, random.Random(0))
    assert choice is not None and choice.move is Move.DECLINE
    assert choice.engages == ()  # the question stays open
    relevant = answer_or_decline(scenario, [*fresh, units["lo-p-share"]], asked, random.Random(0))
    assert relevant is not None and relevant.move is Move.ANSWER and relevant.units == ("lo-p-share",)


def plan(index: int, speaker: str, move: Move, **fields) -> TurnPlan:
    return TurnPlan(index=index, phase="crosstalk", phase_index=2, speaker=speaker, move=move, **fields)


def test_a_declined_question_stays_open() -> None:
    asked = plan(5, "Upton", Move.ASK, units=("up-q",), addressees=("Lowby",))
    declined = plan(6, "Lowby", Move.DECLINE, units=("lo-board",), responds_to=5, addressees=("Upton",))
    still = open_questions([asked, declined])
    assert [(q.id, q.asker, q.to, q.declined_by) for q in still] == [("up-q", "Upton", ("Lowby",), ("Lowby",))]
    answered = plan(7, "Lowby", Move.ANSWER, units=("lo-p-share",), engages=("up-q",), responds_to=5)
    assert open_questions([asked, declined, answered]) == []
    by_another = plan(7, "Midmere", Move.ANSWER, units=("mi-trade",), engages=("up-q",), responds_to=5)
    assert [q.id for q in open_questions([asked, by_another])] == ["up-q"]  # only the addressee answers it


@pytest.mark.parametrize("name", ["orbital-debris", "pandemic-agreement", "nile-basin", "arctic-council"])
def test_the_hard_case_is_answered_or_not_put(tmp_path, name: str) -> None:
    source = str(EVALUATION / f"{name}.yaml") if name in ("orbital-debris", "pandemic-agreement") else name
    for seed in range(2):
        state = run_session(source, tmp_path / f"{name}-{seed}", seed=seed)
        for case in [p for p in state.plans if p.move is Move.EDGE_CASE]:
            replies = [p for p in state.plans if p.phase_index == case.phase_index and not p.is_moderator]
            assert replies, f"{name}: the case at turn {case.index} was put and nobody answered it"
            for reply in replies:
                assert reply.move is Move.ANSWER and reply.engages == (case.question_id,), reply
                assert reply.responds_to == case.index


def test_a_case_nobody_can_answer_is_not_put(tmp_path) -> None:
    state = run_session(str(EVALUATION / "pandemic-agreement.yaml"), tmp_path, seed=0)  # "What happens next?"
    assert "edge_case" not in {p.phase for p in state.plans}
    probe = next(p for p in state.plans if p.phase == "probe" and p.is_moderator)
    reply = state.plans[probe.index]  # the probed delegation has nothing that says what it would guarantee
    assert reply.move is Move.DECLINE and reply.engages == ()
    assert probe.question_id in {q.id for q in open_questions(state.plans)}
    # the mediator's probe is left open in the plan, not refused in words: a refusal before the
    # delegation's nearest material read as self-contradiction to blind readers
    assert "no answer" not in state.turns[probe.index].text and "not ready" not in state.turns[probe.index].text
