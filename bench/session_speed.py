"""Composer session speed: the whole bundled scenario, session time only (no start-up).

    python bench/session_speed.py [--repeat 5]

Prints, per bundled scenario, the turns, the median session time over the repeats and its
ratio to the one-second budget the foundation issue sets.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from summitry.realize.composer import Composer
from summitry.scenario import bundled_scenarios, load_scenario
from summitry.session.engine import Engine

BUDGET_SECONDS = 1.0


def time_session(name: str, seed: int) -> tuple[int, float]:
    scenario = load_scenario(name)
    with tempfile.TemporaryDirectory() as folder:
        engine = Engine.start(
            scenario,
            source=name,
            seed=seed,
            realizer=Composer(),
            realizer_config={"name": "composer"},
            log_path=Path(folder) / "session.jsonl",
            sync=False,
        )
        began = time.perf_counter()
        state = engine.run()
        return len(state.turns), time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    time_session("quantum-summit", 99)  # warm imports and caches once
    print(f"{'scenario':<16} {'turns':>5} {'median s':>9} {'of budget':>9}")
    for bundled in bundled_scenarios():
        runs = [time_session(bundled.name, seed) for seed in range(args.repeat)]
        median = statistics.median(seconds for _, seconds in runs)
        print(f"{bundled.name:<16} {runs[0][0]:>5} {median:>9.3f} {median / BUDGET_SECONDS:>8.0%}")


if __name__ == "__main__":
    main()
