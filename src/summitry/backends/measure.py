"""Measuring the local backend: prompt and generation speed, and what prefix reuse saves.

    python -m summitry.backends.measure [--threads N] [--turns 8] [--repeat 3] [--model PATH]

Prints prompt evaluation and generation in tokens per second (llama.cpp's own counters),
then runs the same growing document — a header, turns appended one by one, a cue last —
twice: cold (cache cleared before each turn) and warm (cache kept), and reports the prompt
tokens evaluated, the seconds, and whether both runs produced the same text.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from summitry.backends.base import CompletionRequest
from summitry.backends.local import LlamaCppModel

HEADER = ("# A Diplomatic Classroom on Shared Rivers\n\n*Delegations of upstream and "
          "downstream nations discuss data sharing, droughts and a joint commission.*\n\n---\n\n")
SPEAKERS = ("Egypt", "Ethiopia", "Sudan", "Uganda", "Kenya", "Tanzania")


def speeds(model: LlamaCppModel, prompt: str, generate: int, repeat: int = 1
           ) -> dict[str, float]:
    """Tokens per second of cold prompt evaluation and of generation (best of ``repeat``)."""
    prompt_rates: list[float] = []
    generation_rates: list[float] = []
    for attempt in range(repeat):
        model.clear_cache()
        model.complete(CompletionRequest(prompt=prompt, max_tokens=1, temperature=0.0))
        data = model.perf_counters()
        prompt_rates.append(data.prompt_tokens / (data.prompt_ms / 1000.0))
        model.complete(CompletionRequest(prompt=prompt + " We", max_tokens=generate,
                                         temperature=0.7, seed=attempt))
        data = model.perf_counters()
        generation_rates.append(data.generated_tokens / (data.generation_ms / 1000.0))
    return {"prompt_tokens": len(model.prompt_tokens(prompt)),
            "prompt_tokens_per_s": round(max(prompt_rates), 1),
            "generated_tokens": generate,
            "generation_tokens_per_s": round(max(generation_rates), 1),
            "of_runs": repeat}


def session(model: LlamaCppModel, turns: int, *, cold: bool) -> dict[str, Any]:
    """A growing document, one turn at a time; each turn's text is appended to the next."""
    document = HEADER
    texts: list[str] = []
    evaluated = 0
    started = time.perf_counter()
    if not cold:
        model.clear_cache()
    for turn in range(turns):
        speaker = SPEAKERS[turn % len(SPEAKERS)]
        if cold:
            model.clear_cache()
        cue = f'**{speaker}**: "'
        done = model.complete(CompletionRequest(prompt=document + cue, max_tokens=40,
                                                temperature=0.0, stop=['"', "\n"]))
        texts.append(done.text)
        evaluated += done.evaluated_prompt_tokens
        document += f'{cue}{done.text.strip()}"\n\n'
    return {"turns": turns, "evaluated_prompt_tokens": evaluated,
            "final_prompt_tokens": len(model.prompt_tokens(document)),
            "seconds": round(time.perf_counter() - started, 2), "texts": texts}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--turns", type=int, default=8)
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="speed runs; the best is kept")
    args = parser.parse_args(argv)
    model = LlamaCppModel(args.model, n_ctx=4096, n_threads=args.threads)
    long_prompt = HEADER + "".join(
        f'**{SPEAKERS[i % 6]}**: "Our basin needs shared flow data, fair drought rules and a '
        f'commission that meets every season, as point {i} of our plan says."\n\n'
        for i in range(20))
    report: dict[str, Any] = {"model": model.name, "threads": model.n_threads,
                              "speed": speeds(model, long_prompt, generate=64, repeat=args.repeat)}
    cold = session(model, args.turns, cold=True)
    warm = session(model, args.turns, cold=False)
    report["cold"] = {k: v for k, v in cold.items() if k != "texts"}
    report["warm"] = {k: v for k, v in warm.items() if k != "texts"}
    report["same_text"] = cold["texts"] == warm["texts"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
