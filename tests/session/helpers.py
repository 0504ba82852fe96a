"""Helpers for session tests: run a scenario with the composer into a folder."""

from __future__ import annotations

from pathlib import Path

from summitry.realize.composer import Composer
from summitry.scenario import load_scenario
from summitry.scenario.model import Scenario
from summitry.session.engine import Engine
from summitry.session.state import SessionState

DATA = Path(__file__).parent / "data"


def run_session(scenario: Scenario | str, folder: Path, seed: int = 0, realizer=None) -> SessionState:
    loaded = load_scenario(scenario) if isinstance(scenario, str) else scenario
    engine = Engine.start(
        loaded,
        source=str(scenario) if isinstance(scenario, str) else "test",
        seed=seed,
        realizer=realizer or Composer(),
        realizer_config={"name": "composer"},
        log_path=folder / "session.jsonl",
        sync=False,
    )
    return engine.run()
