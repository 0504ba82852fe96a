"""Run scenarios on each backend and seed, and gather every figure of each session, side by side.

Each session is written to its own folder (``session.jsonl``, ``figures.json`` with the evidence
behind the honest figures, and ``judge.json`` when a judge read it).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summitry.embed import Embedder
from summitry.evaluation.figures import honest_figures
from summitry.evaluation.metrics import session_metrics
from summitry.judge import Reader
from summitry.realize.config import RealizerConfig
from summitry.realize.factory import build_realizer
from summitry.scenario import load_scenario
from summitry.session.events import Event, TurnSpoken
from summitry.session.run import run_session
from summitry.session.state import SessionState


@dataclass
class TurnClock:
    """Seconds between spoken turns, as the engine's observer sees them."""

    last: float = field(default_factory=time.perf_counter)
    seconds: list[float] = field(default_factory=list)
    on_turn: Callable[[SessionState], None] | None = None

    def observe(self, event: Event, state: SessionState) -> None:
        if isinstance(event, TurnSpoken):
            now = time.perf_counter()
            self.seconds.append(now - self.last)
            self.last = now
            if self.on_turn:
                self.on_turn(state)


def scenario_label(source: str) -> str:
    """How a scenario is named in the table: a bundled name, or a file's name without .yaml."""
    path = Path(source)
    return path.stem if path.suffix in (".yaml", ".yml") else source


def evaluate_one(
    backend: RealizerConfig,
    scenario_name: str,
    seed: int,
    folder: Path,
    embedder: Embedder,
    on_turn: Callable[[SessionState], None] | None = None,
    judge: Reader | None = None,
) -> dict[str, Any]:
    """Run one session and return its figures: honest figures, the older ones, fallbacks, tokens
    and time, and the judge's counts and scores when a judge is given."""
    scenario = load_scenario(scenario_name)
    realizer = build_realizer(backend)
    clock = TurnClock(on_turn=on_turn)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "session.jsonl").unlink(missing_ok=True)
    began = time.perf_counter()
    state = run_session(scenario, folder / "session.jsonl", seed=seed, realizer=realizer, config=backend,
                        source=scenario_name, on_event=clock.observe, sync=False).state
    wall = time.perf_counter() - began
    names = [d.name for d in scenario.delegations]
    generated = [s for s in state.spoken if s.info.generated]
    metrics = session_metrics(
        state.transcript(), names, embedder, fallbacks=[s.fallback for s in generated] if generated else None
    )
    figures, evidence = honest_figures(state)
    (folder / "figures.json").write_text(json.dumps({"figures": figures, "evidence": evidence}, indent=2))
    row = {
        "backend": backend.name,
        "scenario": scenario_label(scenario_name),
        "seed": seed,
        **figures,
        **metrics.as_dict(),
        **_timing(state, wall, clock.seconds),
    }
    if judge is not None:
        judgement = judge(state.transcript(), names)
        (folder / "judge.json").write_text(judgement.model_dump_json(indent=2))
        row.update(judgement.figures())
    return row


def _timing(state: SessionState, wall: float, turn_seconds: list[float]) -> dict[str, Any]:
    usage = [s.info.usage for s in state.spoken if s.info.usage is not None]
    generation = sum(u.generation_seconds for u in usage)
    return {
        "session_seconds": round(wall, 3),
        "median_turn_seconds": round(statistics.median(turn_seconds), 3) if turn_seconds else None,
        "generation_seconds": round(generation, 3) if usage else None,
        "wall_over_generation": round(wall / generation, 3) if generation else None,
        "prompt_tokens_evaluated": sum(u.evaluated_prompt_tokens for u in usage) if usage else None,
        "completion_tokens": sum(u.completion_tokens for u in usage) if usage else None,
    }
