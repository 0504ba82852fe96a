"""Fidelity checks on words a model wrote: meaning kept, stance not turned, answers not contradicted."""

from __future__ import annotations

from pathlib import Path

from summitry.realize.fidelity import contradicts_answers, paraphrase_problems, self_contradiction, turn_problems
from summitry.scenario import load_scenario

PAPERS = str(Path(__file__).resolve().parents[1] / "session" / "data" / "papers.yaml")
ORIGINAL = "Upton paid eleven million for the dam, and no other town put in a single coin."


def test_a_faithful_rewording_passes():
    assert (
        paraphrase_problems(
            ORIGINAL, "No other town put in a single coin, while Upton paid eleven million for the dam."
        )
        == []
    )


def test_a_turned_negation_is_caught():
    problems = paraphrase_problems(
        ORIGINAL, "Upton paid eleven million for the dam, and every other town put in a coin."
    )
    assert "turns a negation around" in problems


def test_a_dropped_or_invented_figure_is_caught():
    original = "The reservoir holds 74 billion cubic metres and took five years to fill."
    assert any(
        "drops the figure 74" in p
        for p in paraphrase_problems(
            original, "The reservoir holds billions of cubic metres and took five years to fill."
        )
    )
    assert any(
        "adds the figure" in p
        for p in paraphrase_problems(original, "The reservoir holds 74 billion cubic metres and took 12 years to fill.")
    )


def test_a_copy_or_a_drift_is_not_a_rewording():
    assert "a copy, not a rewording" in paraphrase_problems(ORIGINAL, ORIGINAL)
    assert any(p.startswith("keeps") for p in paraphrase_problems(ORIGINAL, "Rivers are beautiful in spring."))


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
