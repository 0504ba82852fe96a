"""Phase names are defined once (summitry.phase) and the scenario, the planners and the
realizers agree on them."""

from __future__ import annotations

import typing

from summitry.phase import PHASE_NAMES, Phase
from summitry.scenario.model import AgendaItem
from summitry.session.phases import PLANNERS


def test_every_phase_has_a_planner_and_every_planner_a_phase() -> None:
    assert set(PLANNERS) == set(Phase)


def test_every_agenda_item_is_a_phase_and_every_phase_an_agenda_item() -> None:
    union = typing.get_args(AgendaItem)[0]
    tags = [typing.get_args(item.model_fields["phase"].annotation)[0] for item in typing.get_args(union)]
    assert sorted(tags) == sorted(Phase) and len(tags) == len(Phase)


def test_phase_names_are_the_enum_values_in_agenda_order() -> None:
    assert PHASE_NAMES[0] == "welcome" and PHASE_NAMES[-1] == "closing"
    assert PHASE_NAMES == tuple(p.value for p in Phase)
    assert Phase("edge_case") == "edge_case"
