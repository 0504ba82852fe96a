"""Three candidates decoded together in one batch vs one after another, on the local model.

    python bench/candidates.py [--candidates 3] [--tokens 40] [--rounds 8]

For each round, the same prompt (a transcript of a few hundred tokens with a cue at its end)
asks for N candidates of up to T tokens: once as one request (the candidates are parallel
sequences of one batch, sharing the prompt's cache) and once as N requests of one candidate
each (the prompt cached, so only generation differs). Both run in this process, alternating
round by round so that any other load on the machine falls on both alike. Prints the time
spent generating, tokens per second and the ratio.
"""

from __future__ import annotations

import argparse
import statistics

from summitry.backends.base import CompletionRequest
from summitry.backends.local import LlamaCppModel

SPEAKERS = ("Egypt", "Ethiopia", "Sudan", "Uganda", "Kenya", "Tanzania")


def prompt(round_index: int) -> str:
    turns = "".join(
        f'**{SPEAKERS[(i + round_index) % 6]}**: "Our basin needs shared flow data, fair drought rules '
        f'and a commission that meets every season, as point {i} of our plan says."\n\n'
        for i in range(12)
    )
    return f"# A Diplomatic Classroom on Shared Rivers\n\n{turns}**{SPEAKERS[round_index % 6]}**: \"We"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    model = LlamaCppModel(n_ctx=4096)
    together: list[tuple[float, int]] = []
    apart: list[tuple[float, int]] = []
    for r in range(args.rounds):
        base = CompletionRequest(prompt=prompt(r), max_tokens=args.tokens, temperature=0.8, seed=100 * r)
        model.complete(base.model_copy(update={"max_tokens": 1}))  # cache the prompt for both
        done = model.complete(base.model_copy(update={"n": args.candidates}))
        together.append((done.generation_seconds, done.completion_tokens))
        seconds = tokens = 0
        for i in range(args.candidates):
            one = model.complete(base.model_copy(update={"seed": base.seed + i}))
            seconds += one.generation_seconds
            tokens += one.completion_tokens
        apart.append((seconds, tokens))
    print(f"{'candidates':<34}{'gen s (sum)':>12}{'tokens':>8}{'tok/s':>8}{'median s/round':>16}")
    for name, rows in ((f"{args.candidates} in one batch", together), (f"{args.candidates} one after another", apart)):
        seconds = sum(s for s, _ in rows)
        tokens = sum(t for _, t in rows)
        print(f"{name:<34}{seconds:>12.2f}{tokens:>8}{tokens / seconds:>8.1f}"
              f"{statistics.median(s for s, _ in rows):>16.2f}")
    rate_together = sum(t for _, t in together) / sum(s for s, _ in together)
    rate_apart = sum(t for _, t in apart) / sum(s for s, _ in apart)
    print(f"generation throughput, one batch / one after another: {rate_together / rate_apart:.2f}x")


if __name__ == "__main__":
    main()
