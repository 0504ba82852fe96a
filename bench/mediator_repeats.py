"""Mediator sentences shared word for word between sessions of different scenarios run with one seed.

    python bench/mediator_repeats.py [--seeds 0 1 2] [SCENARIO ...]

Runs a composer session of each scenario (the evaluation set and the bundled ones by default)
with each seed, keeps the sentences the mediator says from its phrase bank (not the text a
scenario supplies: probes, cases, corrections), and prints, per seed, how many distinct mediator
sentences occur in two or more of the scenarios' sessions, the mean number shared by a pair of
scenarios, and the most shared sentences.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path

from summitry import run_session
from summitry.scenario import bundled_scenarios, load_scenario
from summitry.session.log import read_events
from summitry.text.sentences import sentences

EVALUATION = [f"tests/data/scenarios/{name}.yaml"
              for name in ("orbital-debris", "deep-sea-mining", "pandemic-agreement")]


def mediator_sentences(name: str, seed: int) -> set[str]:
    """The sentences of the session's mediator turns that come from the phrase bank."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "session.jsonl"
        run_session(load_scenario(name), log, seed=seed, source=name, sync=False)
        said: set[str] = set()
        for event in read_events(log):
            turn = getattr(event, "turn", None)
            if turn is None or not turn.is_moderator:
                continue
            for span in event.spans:
                if span.source == "template":
                    said.update(sentences(span.text))
        return said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("scenarios", nargs="*", default=EVALUATION + [b.name for b in bundled_scenarios()])
    args = parser.parse_args()
    total, pair_means = 0, []
    names = [Path(n).stem for n in args.scenarios]
    pairs = len(names) * (len(names) - 1) // 2
    for seed in args.seeds:
        where: dict[str, set[str]] = defaultdict(set)
        for name in args.scenarios:
            for sentence in mediator_sentences(name, seed):
                where[sentence].add(Path(name).stem)
        shared = sorted(((len(s), t) for t, s in where.items() if len(s) > 1), reverse=True)
        total += len(shared)
        pair_means.append(sum(count * (count - 1) // 2 for count, _ in shared) / pairs)
        print(f"seed {seed}: {len(shared)} mediator sentences shared by two or more of {len(names)} scenarios; "
              f"{pair_means[-1]:.2f} shared by a pair on average")
        for count, text in shared[:5]:
            print(f"  {count}x {text}")
    print(f"total over seeds: {total}; mean shared by a pair: {sum(pair_means) / len(pair_means):.2f}")


if __name__ == "__main__":
    main()
