"""Composer session speed: the whole bundled scenario, session time only (no start-up).

    python bench/session_speed.py [--repeat 5]

Prints, per bundled scenario, the turns, the median session time over the repeats and its
ratio to the one-second budget the foundation issue sets.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from summitry import run_session
from summitry.scenario import bundled_scenarios, load_scenario

BUDGET_SECONDS = 1.0


def time_session(name: str, seed: int) -> tuple[int, float]:
    scenario = load_scenario(name)
    with tempfile.TemporaryDirectory() as folder:
        outcome = run_session(scenario, Path(folder) / "session.jsonl", seed=seed, source=name, sync=False)
        return len(outcome.state.turns), outcome.seconds


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
