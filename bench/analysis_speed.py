"""Side-by-side speed of the analysis: MiniLM and lexical embedders, on the seed transcript.

Each figure is measured in a fresh Python process, so "seed, MiniLM" includes importing torch
and sentence-transformers and loading the model, as a user running ``summitry analyze`` sees.

    python bench/analysis_speed.py              # seed figures and the engine's common-ground call
    python bench/analysis_speed.py --long       # also 10,000 turns (lexical)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "quantum-summit-transcript.md"

FULL = """
import json, time
start = time.perf_counter()
from summitry.transcript import load_transcript
from summitry.scenario import load_scenario
from summitry.analysis.report import analyze
report = analyze(load_transcript({seed!r}), load_scenario("quantum-summit"), embedder={embedder!r})
total = time.perf_counter() - start
print(json.dumps({{"total": total, "embedder": report.meta.embedder, "steps": report.meta.timings,
                  "common_ground": [f.sentence for f in report.common_ground[:3]],
                  "bridging": report.response_graph.bridging.delegation}}))
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
from summitry.analysis.report import analyze
seed = load_transcript({seed!r})
turns = tuple(Turn(index=k + 1, speaker=t.speaker, text=t.text, is_moderator=t.is_moderator)
              for k, t in enumerate(seed.turns[i % len(seed.turns)] for i in range(10_000)))
start = time.perf_counter()
report = analyze(Transcript(turns=turns, moderator=seed.moderator), load_scenario("quantum-summit"),
                 embedder="lexical")
print(json.dumps({{"total": time.perf_counter() - start, "steps": report.meta.timings}}))
"""


def measure(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if not SEED.exists():
        sys.exit(f"the seed transcript is not at {SEED}")
    rows = []
    for embedder in ("minilm", "lexical"):
        result = measure(FULL.format(seed=str(SEED), embedder=embedder))
        rows.append((f"seed, {embedder} (cold process)", result))
    rows.append(("find_common_ground, lexical (engine)", measure(ENGINE.format(seed=str(SEED)))))
    if "--long" in sys.argv:
        rows.append(("10,000 turns, lexical", measure(LONG.format(seed=str(SEED)))))
    width = max(len(name) for name, _ in rows)
    print(f"{'measurement'.ljust(width)}  seconds   detail")
    for name, result in rows:
        if "error" in result:
            print(f"{name.ljust(width)}  failed    {result['error']}")
            continue
        seconds = result.get("total", result.get("median"))
        detail = result.get("steps") or {"best": round(result.get("best", 0), 4)}
        print(f"{name.ljust(width)}  {seconds:7.3f}   {json.dumps(detail)}")
        if "common_ground" in result:
            print(
                f"{''.ljust(width)}            bridging: {result['bridging']}; "
                f"named: {' / '.join(result['common_ground'])}"
            )


if __name__ == "__main__":
    main()
