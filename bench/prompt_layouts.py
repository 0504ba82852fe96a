"""Shared-prefix document vs per-speaker system prompts, side by side on the local model.

    python bench/prompt_layouts.py [--scenario quantum-summit] [--turns N] [--seed 0]

1. Runs the session with the `local` backend as `summitry run` does: the shared-prefix
   working document, the model's cache kept across turns, three candidates a turn and every
   check. Measures prompt tokens evaluated, generation time, wall time, seconds per turn.
2. Replays the same turns in the layout of common agent frameworks: each speaker has its own
   system prompt (its persona and the scenario), followed by the whole history as messages,
   so the prefix changes with every change of speaker. For each delegation turn it generates
   as many tokens as the session's kept turn had (equal output, one candidate, no checks),
   on the same model instance, and measures the same figures.

Prints both rows and their ratios. Run it on an idle machine: the two layouts are timed one
after the other, and any other load on the 2 cores skews the comparison.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from summitry.backends.base import CompletionRequest
from summitry.backends.local import LlamaCppModel
from summitry.backends.wrap import wrap
from summitry.embed import CachedEmbedder, get_embedder
from summitry.realize.config import RealizerConfig
from summitry.realize.guided import GuidedRealizer
from summitry.scenario import load_scenario
from summitry.scenario.model import Scenario
from summitry.session.events import Event, TurnSpoken
from summitry.session.log import read_state
from summitry.session.run import run_session
from summitry.session.state import SessionState
from summitry.turns import Turn


def run_shared(scenario: Scenario, model: LlamaCppModel, seed: int, turns: int) -> tuple[SessionState, dict]:
    realizer = GuidedRealizer(wrap(model, retry=False), CachedEmbedder(get_embedder("minilm")))
    realizer.warm_up()  # as summitry run does before the session starts
    stamps: list[float] = []

    def observe(event: Event, state: SessionState) -> None:
        if isinstance(event, TurnSpoken):
            stamps.append(time.perf_counter())
            if len(state.turns) >= turns:
                raise KeyboardInterrupt  # stop after the asked number of turns

    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "s.jsonl"
        began = time.perf_counter()
        try:
            state = run_session(scenario, log, seed=seed, realizer=realizer, config=RealizerConfig(name="local"),
                                source="bench", on_event=observe, sync=False).state
        except KeyboardInterrupt:
            state = read_state(log)
        wall = time.perf_counter() - began
    usage = [s.info.usage.model_dump() for s in state.spoken if s.info.usage]
    return state, _figures(wall, usage, [b - a for a, b in zip([began, *stamps], stamps, strict=False)])


def _figures(wall: float, usage: list[dict], turn_seconds: list[float]) -> dict:
    generation = sum(u["generation_seconds"] for u in usage)
    return {
        "turns": len(turn_seconds),
        "prompt_tokens_evaluated": sum(u["prompt_tokens"] - u["cached_prompt_tokens"] for u in usage),
        "completion_tokens": sum(u["completion_tokens"] for u in usage),
        "generation_seconds": generation,
        "wall_seconds": wall,
        "median_turn_seconds": statistics.median(turn_seconds) if turn_seconds else 0.0,
    }


def persona_prompt(scenario: Scenario, speaker: str) -> str:
    """The system prompt an agent framework gives one delegation."""
    if speaker not in [d.name for d in scenario.delegations]:
        return f"You are {speaker}, who moderates '{scenario.title}'. {scenario.premise}"
    d = scenario.delegation(speaker)
    points = " ".join(tp.text for tp in d.talking_points)
    return (
        f"You are the delegation of {d.name} at '{scenario.title}'. {scenario.premise} "
        f"Your tone: {d.tone}. {d.summary} Your interests: {', '.join(d.interests)}. "
        f"Your positions: {points} Lesson: {scenario.lesson.summary}"
    )


def run_per_speaker(scenario: Scenario, model: LlamaCppModel, state: SessionState) -> dict:
    model.clear_cache()
    usage, stamps = [], []
    began = time.perf_counter()
    spoken = state.spoken
    for k, event in enumerate(spoken):
        turn = event.turn
        if event.info.usage:
            prompt = _messages_document(scenario, turn, [s.turn for s in spoken[:k]])
            output = max(1, model.count_tokens(turn.text))
            request = CompletionRequest(prompt=prompt, max_tokens=output, temperature=0.8, seed=k, n=1)
            completion = model.complete(request)
            usage.append(
                {
                    "prompt_tokens": completion.prompt_tokens,
                    "cached_prompt_tokens": completion.cached_prompt_tokens,
                    "completion_tokens": completion.completion_tokens,
                    "generation_seconds": completion.generation_seconds,
                }
            )
        stamps.append(time.perf_counter())
    wall = time.perf_counter() - began
    return _figures(wall, usage, [b - a for a, b in zip([began, *stamps], stamps, strict=False)])


def _messages_document(scenario: Scenario, turn: Turn, history: list[Turn]) -> str:
    lines = [f"<system>\n{persona_prompt(scenario, turn.speaker)}\n</system>"]
    lines += [f'<user name="{t.speaker}">\n{t.text}\n</user>' for t in history]
    lines.append(f'<assistant name="{turn.speaker}">\n')
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", default="quantum-summit")
    parser.add_argument("--turns", type=int, default=1000, help="stop after this many turns")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    scenario = load_scenario(args.scenario)
    model = LlamaCppModel(n_ctx=16384)
    state, shared = run_shared(scenario, model, args.seed, args.turns)
    baseline = run_per_speaker(scenario, model, state)
    print(
        f"{'layout':<22}{'turns':>6}{'prompt tok eval':>16}{'out tok':>9}{'gen s':>9}{'wall s':>9}"
        f"{'median s/turn':>15}{'wall/gen':>9}"
    )
    for name, row in (("shared prefix (ours)", shared), ("per-speaker system", baseline)):
        print(
            f"{name:<22}{row['turns']:>6}{row['prompt_tokens_evaluated']:>16}{row['completion_tokens']:>9}"
            f"{row['generation_seconds']:>9.1f}{row['wall_seconds']:>9.1f}{row['median_turn_seconds']:>15.2f}"
            f"{row['wall_seconds'] / max(row['generation_seconds'], 1e-9):>9.2f}"
        )
    print(
        f"prompt tokens evaluated, per-speaker / shared: "
        f"{baseline['prompt_tokens_evaluated'] / max(shared['prompt_tokens_evaluated'], 1):.1f}x"
    )
    print(f"session wall time, per-speaker / shared:        {baseline['wall_seconds'] / shared['wall_seconds']:.2f}x")


if __name__ == "__main__":
    main()
