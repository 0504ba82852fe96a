"""The scenario's material, indexed once per scenario object.

Planning and composing look units up on every turn; building them from the position papers each
time costs more than the rest of a composer session. A scenario is immutable, so its index is kept
for as long as the same object is in use (the last few objects, by identity).
"""

from __future__ import annotations

from collections import OrderedDict

from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit

KEPT = 8  # scenarios indexed at once: a session uses one; tests build a few side by side
_INDEX: OrderedDict[int, tuple[Scenario, dict[str, Unit], dict[str, tuple[Unit, ...]]]] = OrderedDict()


def _entry(scenario: Scenario) -> tuple[Scenario, dict[str, Unit], dict[str, tuple[Unit, ...]]]:
    key = id(scenario)
    entry = _INDEX.get(key)
    if entry is None or entry[0] is not scenario:
        by_owner = {d.name: tuple(d.material()) for d in scenario.delegations}
        entry = (scenario, {u.id: u for units in by_owner.values() for u in units}, by_owner)
        _INDEX[key] = entry
        while len(_INDEX) > KEPT:
            _INDEX.popitem(last=False)
    return entry


def unit_index(scenario: Scenario) -> dict[str, Unit]:
    """Every unit of the scenario by id (the same as ``scenario.units()``, built once)."""
    return _entry(scenario)[1]


def material_of(scenario: Scenario, delegation: str) -> tuple[Unit, ...]:
    """A delegation's units in the order of its position paper (``Delegation.material()``, built once)."""
    return _entry(scenario)[2][delegation]


def aims_at(rebuttal: Unit, scenario: Scenario, target_speaker: str, target_units: tuple[str, ...]) -> bool:
    """Whether a rebuttal answers what the target delegation said or chose."""
    kind, _, value = (rebuttal.target or "").partition(":")
    if kind == "unit":
        return value in target_units
    if kind == "delegation":
        return value == target_speaker
    if kind == "option":
        question, _, option = value.partition(".")
        return scenario.delegation(target_speaker).answers.get(question) == option
    return False


def unit_point(unit: Unit) -> str | None:
    """The point a unit is on; a reason is on its lesson question."""
    return unit.question if unit.kind == "reason" else unit.on
