"""How well ``summitry analyze`` reads real debates: each half of tests/data/debates scored
against the recorded votes (see summitry.evaluation.debates for what each column means).

    python bench/analysis_accuracy.py                     # the table, per debate and per half
    python bench/analysis_accuracy.py --embedder lexical  # faster, without MiniLM
    python bench/analysis_accuracy.py --calibrate         # measure the stance confidence table on
                                                          # the tuning half and rewrite it
    python bench/analysis_accuracy.py --json              # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from summitry.analysis.primitives.calibration import calibration, calibration_path
from summitry.analysis.report.build import analyze
from summitry.evaluation.debates import DebateScore, load_records, measure_calibration, score_debate
from summitry.transcript import load_transcript

REPO = Path(__file__).resolve().parents[1]
DEBATES = REPO / "tests" / "data" / "debates"
HEADER = """# How often each kind of stance evidence placed a delegation where it voted, measured on the
# tuning half of tests/data/debates (records.yaml, split: tuning) by
#   python bench/analysis_accuracy.py --calibrate
# which rewrites this file. A placement's confidence is (correct + 1) / (n + 2): the measured
# share, pulled towards 1/2 while n is small. Below `threshold` the report says "unknown"
# (not enough evidence) instead of a position."""


def half(scores: list[DebateScore]) -> dict[str, object]:
    """The figures of one half, summed over its debates."""
    voters = sum(s.voters for s in scores)
    placed = sum(s.placed for s in scores)
    correct = sum(s.correct for s in scores)
    abstainers: dict[str, int] = {}
    for s in scores:
        for k, v in s.abstainers.items():
            abstainers[k] = abstainers.get(k, 0) + v
    members = sum(s.bloc_members for s in scores)
    lone = [s.lone_opponent_apart for s in scores if s.lone_opponent_apart is not None]
    bridges = [s.bridge_ok for s in scores if s.bridge is not None]
    return {
        "debates": len(scores),
        "voters (for/against)": voters,
        "placed": placed,
        "accuracy of placed": round(correct / placed, 3) if placed else None,
        "correct of all voters": round(correct / voters, 3) if voters else None,
        "abstainers placed as": abstainers,
        "bloc purity": round(sum(s.bloc_agreeing for s in scores) / members, 3) if members else None,
        "lone opponents apart": f"{sum(lone)}/{len(lone)}",
        "common ground across the vote": sum(s.opposite_common_ground for s in scores),
        "bridges named / with ties to both sides": f"{len(bridges)}/{sum(bridges)}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedder", default="auto", help="auto, minilm or lexical")
    parser.add_argument("--calibrate", action="store_true", help="measure and rewrite the calibration table")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = load_records(DEBATES)
    if args.calibrate:
        tuning = [r for r in records if r.split == "tuning"]
        table = measure_calibration(DEBATES, tuning, calibration().threshold)
        calibration_path().write_text(table.to_yaml(HEADER), encoding="utf-8")
        print(f"wrote {calibration_path()}")
        print(json.dumps({k: v.model_dump() | {"confidence": v.confidence} for k, v in table.kinds.items()}, indent=2))
        return 0
    scores = []
    for record in records:
        report = analyze(load_transcript(DEBATES / record.file), embedder=args.embedder)
        scores.append(score_debate(record, report))
    out = {
        "debates": [asdict(s) for s in scores],
        "tuning": half([s for s in scores if s.split == "tuning"]),
        "held-out": half([s for s in scores if s.split == "held-out"]),
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{'debate':42} {'split':8} {'placed/voters':>13} {'correct':>7} {'abstainers':28} lone  cg-x  bridge")
    for s in scores:
        lone = "-" if s.lone_opponent_apart is None else ("yes" if s.lone_opponent_apart else "NO")
        bridge = "-" if s.bridge is None else f"{s.bridge} ({'ok' if s.bridge_ok else 'NO'})"
        print(
            f"{s.file:42} {s.split:8} {s.placed:>6}/{s.voters:<6} {s.correct:>7} {str(s.abstainers):28} "
            f"{lone:5} {s.opposite_common_ground:<5} {bridge}"
        )
    for name in ("tuning", "held-out"):
        print(f"\n{name}:")
        for k, v in out[name].items():
            print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
