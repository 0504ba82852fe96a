"""`summitry eval` through the real entry point: seeds with spread, scenario files, the judge."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitry.judge import FINDINGS, SCORES
from summitry.testing import FaultServer, ScriptedModel

TINY = Path(__file__).resolve().parents[1] / "session" / "data" / "tiny.yaml"


def summitry(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summitry", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_eval_runs_every_seed_and_reports_each_figure_s_spread(tmp_path):
    done = summitry("eval", str(TINY), "--seeds", "0", "1", "2", "--backend", "composer",
                    "--embedder", "lexical", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "out" / "eval.json").read_text())
    assert report["seeds"] == [0, 1, 2]
    assert [(r["scenario"], r["seed"]) for r in report["sessions"]] == [("tiny", 0), ("tiny", 1), ("tiny", 2)]
    (group,) = report["spread"]
    skeleton = group["figures"]["skeleton_repetition"]
    values = [r["skeleton_repetition"] for r in report["sessions"]]
    assert (skeleton["min"], skeleton["max"], skeleton["known"]) == (min(values), max(values), 3)
    assert group["figures"]["model_share"]["known"] == sum(r["model_share"] is not None for r in report["sessions"])
    for seed in (0, 1, 2):
        evidence = json.loads((tmp_path / "out" / "composer" / "tiny" / f"seed-{seed}" / "figures.json").read_text())
        assert set(evidence) == {"figures", "evidence"}
    assert "honest figures" in done.stdout
    assert "met by construction" in done.stdout
    assert "judge" not in done.stdout


def test_eval_with_a_judge_adds_its_counts_and_scores(tmp_path):
    score = {"score": 4, "why": "reads like a form"}
    verdict = {name: [] for name in FINDINGS} | {
        "hollow": [{"turn": 2, "quote": "nothing", "why": "posture"}],
        "formula_share": 0.6,
        "formula_frames": [],
        "scores": {name: score for name in SCORES},
    }
    with FaultServer(ScriptedModel(default=json.dumps(verdict)), model="judge-model") as server:
        done = summitry("eval", str(TINY), "--seeds", "0", "--embedder", "lexical", "--judge", "openai",
                        "--base-url", server.url, "--model", "judge-model", "--out", "out", cwd=tmp_path)
        asked = len(server.completion_requests)
    assert done.returncode == 0, done.stderr
    assert asked == 1
    (row,) = json.loads((tmp_path / "out" / "eval.json").read_text())["sessions"]
    assert row["judge_would_use"] == 4 and row["judge_formula_share"] == 0.6
    assert row["judge_hollow_per_10"] == pytest.approx(round(10 / row["delegation_turns"], 2))
    judged = json.loads((tmp_path / "out" / "composer" / "tiny" / "seed-0" / "judge.json").read_text())
    assert judged["model"] == "openai:judge-model"
    assert "judge: would use in class" in done.stdout


def test_eval_names_an_unknown_judge_backend(tmp_path):
    done = summitry("eval", str(TINY), "--seeds", "0", "--embedder", "lexical", "--judge", "opneai",
                    "--out", "out", cwd=tmp_path)
    assert done.returncode != 0
    assert "did you mean 'openai'" in done.stderr.lower() + done.stdout.lower()


def test_a_reference_transcript_is_judged_beside_the_sessions(tmp_path):
    reference = tmp_path / "reference.md"
    reference.write_text(
        "# Reference\n\n**Ms. Ortega** *(Harbour mediator)*: \"Welcome.\"\n\n"
        "**Northport**: \"Shared sensors would settle it.\"\n\n**Southbay**: \"Who pays for them?\"\n"
    )
    score = {"score": 7, "why": "people talking"}
    verdict = {name: [] for name in FINDINGS} | {
        "formula_share": 0.1, "formula_frames": [], "scores": {name: score for name in SCORES}}
    with FaultServer(ScriptedModel(default=json.dumps(verdict)), model="judge-model") as server:
        done = summitry("eval", str(TINY), "--seeds", "0", "--embedder", "lexical", "--judge", "openai",
                        "--base-url", server.url, "--model", "judge-model", "--reference", str(reference),
                        "--out", "out", cwd=tmp_path)
        user_messages = [r.body["messages"][-1]["content"] for r in server.completion_requests]
    assert done.returncode == 0, done.stderr
    assert "[3] Southbay: Who pays for them?" in user_messages[-1]
    report = json.loads((tmp_path / "out" / "eval.json").read_text())
    groups = [(g["backend"], g["scenario"]) for g in report["spread"]]
    assert groups == [("composer", "tiny"), ("reference", "reference")]
    assert report["spread"][1]["figures"]["judge_would_use"]["mean"] == 7
    assert "reference" in done.stdout


def test_a_reference_without_a_judge_is_refused(tmp_path):
    done = summitry("eval", str(TINY), "--seeds", "0", "--embedder", "lexical", "--reference", str(TINY),
                    "--out", "out", cwd=tmp_path)
    assert done.returncode != 0
    assert "--reference needs --judge" in done.stderr + done.stdout
