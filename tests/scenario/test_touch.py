"""Which units a free text touches: the same function reads a person's turn and a model's."""

from __future__ import annotations

from pathlib import Path

from summitry.scenario import load_scenario
from summitry.scenario.index import material_of
from summitry.scenario.touch import touched_units

PAPERS = str(Path(__file__).resolve().parents[1] / "session" / "data" / "papers.yaml")


def test_a_persons_words_touch_the_unit_they_argue():
    scenario = load_scenario(PAPERS)
    said = "Honestly, publishing the daily release figures would end most quarrels in this valley."
    at_lowbys_seat = [t.unit for t in touched_units(said, material_of(scenario, "Lowby"))]
    assert at_lowbys_seat == ["lo-data"]
    everyone = [
        t.unit for t in touched_units(said, [u for d in scenario.delegations for u in material_of(scenario, d.name)])
    ]
    assert "lo-data" in everyone and "up-c-data" in everyone  # Upton offers to publish the same figures
    assert "up-cost" not in everyone


def test_a_text_on_something_else_touches_nothing():
    scenario = load_scenario(PAPERS)
    units = [u for d in scenario.delegations for u in material_of(scenario, d.name)]
    assert touched_units("The weather was pleasant and the coffee was good.", units) == []


def test_a_rewording_touches_the_same_unit_as_its_original():
    scenario = load_scenario(PAPERS)
    units = [u for d in scenario.delegations for u in material_of(scenario, d.name)]
    original = "Upton paid eleven million for the dam. No other town put in a single coin."
    reworded = "Not one coin came from another town: the eleven million for the dam was paid by Upton."
    assert touched_units(original, units)[0].unit == touched_units(reworded, units)[0].unit == "up-cost"
