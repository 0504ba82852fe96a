"""Side-by-side speed of ``summitry analyze`` on the seed transcript, each run a cold process.

Three embedders, run in turn (so that a busy machine slows them alike), ``--repeat`` times each:

- ``minilm``: all-MiniLM-L6-v2 by ONNX Runtime (summitry's own);
- ``minilm-transformers``: the same model through transformers and torch, as summitry ran it
  before (defined here and registered with ``register_embedder``);
- ``lexical``: no model.

It prints the median wall seconds of each, the ratio of the two MiniLM pipelines, and how far
apart their vectors are (1 − cosine, over every sentence of the seed's analysis). Also the
engine's common-ground call, and with ``--long`` 10,000 turns with the lexical embedder.

    python bench/analysis_speed.py [--repeat 3] [--long]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "quantum-summit-transcript.md"

# the former pipeline: transformers and torch, mean pooling over the mask, L2 normalisation
CLI = """
import sys
from summitry.embed import register_embedder

class TransformersMiniLM:
    name = "minilm"  # the same model: its cache files and report read the same

    def __init__(self):
        import torch
        from transformers import AutoModel, AutoTokenizer
        from summitry.embed import minilm_model_dir
        folder = str(minilm_model_dir())
        self.torch, self.tokenizer = torch, AutoTokenizer.from_pretrained(folder)
        self.model = AutoModel.from_pretrained(folder).eval()

    def embed(self, sentences):
        import numpy as np
        from summitry.embed import normalise_rows
        rows = []
        with self.torch.inference_mode():
            for start in range(0, len(sentences), 64):
                batch = self.tokenizer(sentences[start:start + 64], padding=True, truncation=True,
                                       max_length=256, return_tensors="pt")
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                rows.append(((hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)).numpy())
        return normalise_rows(np.concatenate(rows)) if rows else np.zeros((0, 384), dtype=np.float32)

register_embedder("minilm-transformers", TransformersMiniLM)
from summitry.cli import main
sys.argv = ["summitry", *sys.argv[1:]]
main()
"""

ENGINE = """
import json, statistics, time
from summitry.transcript import load_transcript
from summitry.scenario import load_scenario
from summitry.analysis import find_common_ground
from summitry.embed import LexicalEmbedder
transcript, scenario = load_transcript({seed!r}), load_scenario("quantum-summit")
find_common_ground(transcript, relation=scenario.relation)
runs = []
for _ in range(10):
    start = time.perf_counter()
    find_common_ground(transcript, relation=scenario.relation, embedder=LexicalEmbedder())
    runs.append(time.perf_counter() - start)
print(json.dumps({{"median": statistics.median(runs), "best": min(runs)}}))
"""

LONG = """
import json, time
from summitry.transcript import load_transcript
from summitry.scenario import load_scenario
from summitry.turns import Transcript, Turn
from summitry.analysis.report.build import analyze
seed = load_transcript({seed!r})
turns = tuple(Turn(index=k + 1, speaker=t.speaker, text=t.text, is_moderator=t.is_moderator)
              for k, t in enumerate(seed.turns[i % len(seed.turns)] for i in range(10_000)))
start = time.perf_counter()
report = analyze(Transcript(turns=turns, moderator=seed.moderator), load_scenario("quantum-summit"),
                 embedder="lexical")
print(json.dumps({{"total": time.perf_counter() - start}}))
"""

EMBEDDERS = ("minilm", "minilm-transformers", "lexical")


def analyze_cold(embedder: str, out: Path) -> float:
    """Wall seconds of one ``summitry analyze`` in a fresh process, into a fresh folder."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CLI, "analyze", str(SEED), "--scenario", "quantum-summit",
                           "--embedder", embedder, "--out", str(out)], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"analyze with {embedder} failed: {done.stderr.strip()[-400:]}")
    return seconds


def vectors(folder: Path) -> dict[str, np.ndarray]:
    with np.load(folder / "embeddings.npz") as data:
        return dict(zip(data["texts"].tolist(), data["vectors"], strict=True))


def measure(code: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        sys.exit(f"failed: {done.stderr.strip()[-400:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--long", action="store_true")
    args = parser.parse_args()
    if not SEED.exists():
        sys.exit(f"the seed transcript is not at {SEED}")
    seconds: dict[str, list[float]] = {name: [] for name in EMBEDDERS}
    with tempfile.TemporaryDirectory() as scratch:
        for attempt in range(args.repeat):
            for name in EMBEDDERS:
                seconds[name].append(analyze_cold(name, Path(scratch) / f"{name}-{attempt}"))
        ours, theirs = vectors(Path(scratch) / "minilm-0"), vectors(Path(scratch) / "minilm-transformers-0")
    shared = sorted(set(ours) & set(theirs))
    gap = max(1.0 - float(ours[t] @ theirs[t]) for t in shared)
    median = {name: statistics.median(runs) for name, runs in seconds.items()}
    print(f"summitry analyze of the seed, cold process, median of {args.repeat}:")
    for name in EMBEDDERS:
        print(f"  {name:<21} {median[name]:6.2f} s   runs: {', '.join(f'{s:.2f}' for s in seconds[name])}")
    print(f"  ratio minilm-transformers / minilm: {median['minilm-transformers'] / median['minilm']:.2f}x")
    print(f"  vectors: {len(shared)} sentences, largest 1 - cosine between the two pipelines {gap:.1e}")
    engine = measure(ENGINE.format(seed=str(SEED)))
    print(f"find_common_ground, lexical (the engine's call): median {engine['median']:.3f} s")
    if args.long:
        print(f"10,000 turns, lexical: {measure(LONG.format(seed=str(SEED)))['total']:.1f} s")


if __name__ == "__main__":
    main()
