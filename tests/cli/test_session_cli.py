"""`summitry run`, `resume` and `render` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitry.phase import PHASE_NAMES
from summitry.transcript import parse_markdown

TINY = Path(__file__).resolve().parents[1] / "session" / "data" / "tiny.yaml"


def summitry(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summitry", *args], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def test_run_default_scenario_writes_log_and_transcript(tmp_path):
    done = summitry("run", "--backend", "composer", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "runs" / "quantum-summit-seed0"
    transcript = parse_markdown((folder / "transcript.md").read_text())
    assert transcript.title.startswith("International Quantum Computing Summit")
    assert {t.phase for t in transcript.turns} == {None}  # phases live in the log, not the Markdown
    phases = [
        json.loads(line)["phase"]
        for line in (folder / "session.jsonl").read_text().splitlines()
        if json.loads(line)["type"] == "phase_started"
    ]
    assert set(phases) == set(PHASE_NAMES)
    assert "Session complete" in done.stdout


def test_run_refuses_to_overwrite_without_force(tmp_path):
    assert summitry("run", "--backend", "composer", str(TINY), "--out", str(tmp_path), "--quiet").returncode == 0
    again = summitry("run", "--backend", "composer", str(TINY), "--out", str(tmp_path), "--quiet")
    assert again.returncode != 0
    assert "already holds a session" in again.stderr and "Traceback" not in again.stderr
    assert (
        summitry("run", "--backend", "composer", str(TINY), "--out", str(tmp_path), "--quiet", "--force").returncode
        == 0
    )


def test_render_md_matches_transcript_and_json_parses(tmp_path):
    assert summitry("run", "--backend", "composer", str(TINY), "--out", str(tmp_path), "--quiet").returncode == 0
    md = summitry("render", str(tmp_path / "session.jsonl"))
    assert md.stdout == (tmp_path / "transcript.md").read_text()
    data = json.loads(summitry("render", str(tmp_path), "--format", "json").stdout)
    assert len(data["turns"]) == len(parse_markdown(md.stdout).turns)


def test_resume_of_a_complete_session_says_so(tmp_path):
    assert summitry("run", "--backend", "composer", str(TINY), "--out", str(tmp_path), "--quiet").returncode == 0
    done = summitry("resume", str(tmp_path))
    assert done.returncode == 0 and "already complete" in done.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("run", "--backend", "composer", "no-such-scenario"), "no-such-scenario"),
        (("run", "--backend", "composr"), "Did you mean 'composer'"),
        (("resume", "missing.jsonl"), "no such file"),
        (("render", "missing.jsonl"), "no such file"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path, args, expected):
    done = summitry(*args, cwd=tmp_path)
    assert done.returncode != 0
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_a_binary_file_as_scenario_is_refused_cleanly(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(bytes(range(256)) * 10)
    done = summitry("run", "--backend", "composer", str(bad), "--out", str(tmp_path / "out"))
    assert done.returncode == 2 and "bad.yaml" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "session.jsonl").exists()
