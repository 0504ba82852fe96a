"""Helpers for session tests: run a scenario with the composer into a folder."""

from __future__ import annotations

from pathlib import Path

from summitry import run_session as run
from summitry.realize.base import Realizer
from summitry.scenario.model import Scenario
from summitry.session.state import SessionState

DATA = Path(__file__).parent / "data"


def run_session(scenario: Scenario | str, folder: Path, seed: int = 0, realizer: Realizer | None = None
                ) -> SessionState:
    source = scenario if isinstance(scenario, str) else "test"
    return run(scenario, folder / "session.jsonl", seed=seed, realizer=realizer, source=source, sync=False).state
