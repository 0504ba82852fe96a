"""Fidelity checks on words a model wrote: meaning kept, stance not turned, answers not contradicted."""

from __future__ import annotations

from pathlib import Path

from summitry.realize.fidelity import contradicts_answers, self_contradiction, turn_problems
from summitry.scenario import load_scenario

PAPERS = str(Path(__file__).resolve().parents[1] / "session" / "data" / "papers.yaml")


def test_a_dropped_or_invented_figure_is_caught():
    scenario = load_scenario(PAPERS)
    unit = "The reservoir holds 74 billion cubic metres and took five years to fill."
    dropped = turn_problems("The reservoir holds billions of cubic metres and took five years to fill.",
                            [unit], scenario, "Upton")
    invented = turn_problems("The reservoir holds 74 billion cubic metres and took 12 years to fill.",
                             [unit], scenario, "Upton")
    assert any("drops the figure 74" in p for p in dropped)
    assert any("adds the figure 12" in p for p in invented)
    assert turn_problems(unit, [unit], scenario, "Upton") == []


def test_a_turn_that_embraces_an_option_its_speaker_did_not_choose_is_caught():
    scenario = load_scenario(PAPERS)
    text = "Frankly, we chose a joint board of all three towns, whatever we said before."
    assert contradicts_answers(text, scenario, "Upton")
    assert not contradicts_answers(text, scenario, "Lowby")


def test_a_turn_that_asserts_and_denies_the_same_claim_is_caught():
    assert self_contradiction("Dams can be built fast. Dams cannot be built fast.")
    assert not self_contradiction("Dams can be built fast. Canals take longer to dig.")


def test_a_written_turn_must_say_its_units():
    scenario = load_scenario(PAPERS)
    unit = "Daily release figures would end most of our quarrels."
    assert (
        turn_problems("Lowby believes daily release figures would end most quarrels.", [unit], scenario, "Lowby") == []
    )
    assert turn_problems("We like the valley very much.", [unit], scenario, "Lowby")
