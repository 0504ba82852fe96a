"""The evaluation scenarios (tests/data/scenarios) run to the end with the composer, every
delegation speaking from its own position paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.scenario import load_scenario
from summitry.session.phases.framing import COLLECTIVE_VOICE

from .helpers import run_session

EVALUATION = Path(__file__).resolve().parents[1] / "data" / "scenarios"
FILES = sorted(EVALUATION.glob("*.yaml"))


def test_the_evaluation_folder_holds_the_held_out_scenario() -> None:
    assert "plastics-treaty.yaml" in {path.name for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_an_evaluation_scenario_runs_to_the_end(path: Path, tmp_path: Path) -> None:
    scenario = load_scenario(str(path))
    state = run_session(str(path), tmp_path)
    assert state.is_complete
    spoken = {turn.speaker for turn in state.turns if not turn.is_moderator}
    assert spoken == {d.name for d in scenario.delegations} | {COLLECTIVE_VOICE}  # the closing thanks
    for delegation in scenario.delegations:
        own = {unit.id for unit in delegation.material()}
        used = {uid for plan in state.plans if plan.speaker == delegation.name for uid in plan.units}
        assert used and used <= own, f"{delegation.name} spoke from {sorted(used - own)} or from nothing"
