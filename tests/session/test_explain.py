"""The mediator corrects only misconceptions a question voiced, and says no more than happened."""

from __future__ import annotations

from summitry.scenario import load_scenario
from summitry.scenario.model import Fact
from summitry.session.phases.rounds import explain
from summitry.text.sentences import sentences
from summitry.turns import Turn

from .helpers import DATA, run_session

FACTS = [
    Fact(
        claim="Seawater can simply be pumped into the river.",
        correction="It must be desalinated first.",
        keywords=["seawater", "pump"],
    ),
    Fact(
        claim="A dam uses up the river's water.",
        correction="Water that turns turbines flows on.",
        keywords=["uses up", "twice"],
    ),
]


def _asked(speaker: str, text: str) -> Turn:
    return Turn(index=1, speaker=speaker, text=text)


def test_only_a_voiced_misconception_is_corrected_and_only_for_its_askers():
    questions = [
        _asked("Egypt", "Why can't we pump seawater into the Nile?"),
        _asked("Sudan", "Who decides how fast the reservoir fills?"),  # touches the river, voices nothing
    ]
    explained = explain(questions, FACTS)
    assert [(e.askers, e.claim) for e in explained] == [(("Egypt",), FACTS[0].claim)]


def test_a_keyword_must_be_said_as_a_word_not_inside_another():
    assert explain([_asked("Uganda", "Is pumpkin farming possible on the river banks?")], FACTS) == ()


def test_with_nothing_voiced_the_mediator_offers_a_fact_as_a_fact_without_praise(tmp_path):
    scenario = load_scenario(str(DATA / "papers.yaml"))
    quiet = [d.model_copy(update={"naive_question": "Who reads the gauges at night?"}) for d in scenario.delegations]
    state = run_session(scenario.model_copy(update={"delegations": quiet}), tmp_path)
    plan = next(p for p in state.plans if p.move.value == "explain")
    said = state.turns[plan.index - 1].text
    assert plan.explanations == ()
    assert "the idea that" not in said and "absurd" not in said  # no correction of what nobody said
    assert scenario.lesson.facts[0].correction in said


def test_a_correction_names_the_belief_a_question_touches_and_never_puts_it_in_the_askers_mouth(tmp_path):
    scenario = load_scenario(str(DATA / "papers.yaml"))
    # Upton asks about a lid, which touches the belief that a reservoir never loses water: it did not say so
    state = run_session(scenario, tmp_path)
    plan = next(p for p in state.plans if p.move.value == "explain")
    assert "Upton" in plan.explanations[0].askers
    said = state.turns[plan.index - 1].text
    naming = [s for s in sentences(said) if "Upton" in s]
    assert len(naming) == 1 and "reservoir never loses water" in naming[0]
    assert "belief" in naming[0] or "idea" in naming[0]  # stated as a belief, not as what Upton said
    for wording in ("asked about the idea", "assumes", "rests on", "Upton, it is"):
        assert wording not in said
