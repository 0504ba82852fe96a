"""`summitry analyze` through the real entry point: transcripts, session logs and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
SEED = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "quantum-summit-transcript.md"
)


def summitry(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200")  # a wide table: no finding is wrapped across lines
    return subprocess.run(
        [sys.executable, "-m", "summitry", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
        env=env,
    )


def clean_failure(done: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    for phrase in phrases:
        assert phrase in done.stderr, done.stderr


@pytest.mark.skipif(not SEED.exists(), reason="the seed transcript is not beside the repository")
def test_seed_with_the_bundled_scenario(tmp_path) -> None:
    done = summitry(
        "analyze",
        str(SEED),
        "--scenario",
        "quantum-summit",
        "--embedder",
        "lexical",
        "--out",
        str(tmp_path / "r"),
    )
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert report["meta"]["scenario"].startswith("International Quantum Computing Summit")
    assert report["response_graph"]["bridging"]["delegation"] == "Mexico"
    assert (tmp_path / "r" / "report.html").stat().st_size > 1_000_000
    assert (tmp_path / "r" / "embeddings.npz").exists()
    assert "common ground" in done.stdout and "bridging" in done.stdout and "Mexico" in done.stdout


def test_session_log_brings_its_own_scenario(tmp_path) -> None:
    run = summitry(
        "run", "nile-basin", "--backend", "composer", "--quiet", "--out", str(tmp_path / "s")
    )
    assert run.returncode == 0, run.stderr
    done = summitry(
        "analyze",
        str(tmp_path / "s" / "session.jsonl"),
        "--embedder",
        "lexical",
        "--out",
        str(tmp_path / "r"),
    )
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert report["meta"]["scenario"] is not None
    assert {t["phase"] for t in report["transcript"]} - {None}, "a log records phases"
    assert report["common_ground"], "rivals of the scenario should find common ground"
    for f in report["common_ground"]:
        assert f["relation"] < 0


def test_plain_text_without_a_scenario(tmp_path) -> None:
    done = summitry(
        "analyze",
        str(DATA / "river-council.txt"),
        "--embedder",
        "lexical",
        "--out",
        str(tmp_path / "r"),
    )
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert report["meta"]["scenario"] is None and report["common_ground"]


def test_schema_is_printed() -> None:
    done = summitry("analyze", "--schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["title"] == "Report" and "common_ground" in schema["properties"]


def test_one_speaker_is_a_degraded_report(tmp_path) -> None:
    solo = tmp_path / "solo.txt"
    solo.write_text(
        "Solo: Rivers need clean water for every farmer downstream.\n"
        "Solo: Monitoring stations would show the water quality every week.\n"
    )
    done = summitry("analyze", str(solo), "--embedder", "lexical", "--out", str(tmp_path / "r"))
    assert done.returncode == 0, done.stderr
    assert "not computed" in done.stdout and "two delegations" in done.stdout


@pytest.mark.parametrize(
    "content, phrase",
    [
        (b"", "empty"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_empty_and_binary_files_fail_cleanly(tmp_path, content: bytes, phrase: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    clean_failure(summitry("analyze", str(bad), "--out", str(tmp_path / "r")), phrase)


def test_missing_file_unknown_embedder_and_unknown_scenario(tmp_path) -> None:
    clean_failure(summitry("analyze", str(tmp_path / "nope.md")), "nope.md")
    clean_failure(
        summitry("analyze", str(DATA / "river-council.txt"), "--embedder", "bert"),
        "unknown embedder 'bert'",
    )
    clean_failure(
        summitry(
            "analyze",
            str(DATA / "river-council.txt"),
            "--scenario",
            "no-such-scenario",
            "--out",
            str(tmp_path / "r"),
        ),
        "no-such-scenario",
    )
    clean_failure(summitry("analyze"), "no transcript")


def test_mixed_formats_are_read_or_refused_cleanly(tmp_path) -> None:
    mixed = tmp_path / "mixed.md"
    mixed.write_text(
        '**Alpha**: "We want clean rivers and shared monitoring stations."\n'
        "Beta: We also want shared monitoring stations on every river.\n"
        '{"speaker": "Gamma", "text": "json in the middle"}\n'
    )
    done = summitry("analyze", str(mixed), "--embedder", "lexical", "--out", str(tmp_path / "r"))
    assert "Traceback" not in done.stderr + done.stdout
    if done.returncode == 0:
        report = json.loads((tmp_path / "r" / "report.json").read_text())
        assert report["meta"]["turns"] >= 1
    else:
        assert "error" in done.stderr


def test_output_folder_that_is_a_file_fails_cleanly(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    clean_failure(
        summitry(
            "analyze",
            str(DATA / "river-council.txt"),
            "--embedder",
            "lexical",
            "--out",
            str(blocker),
        ),
        "file",
    )


def test_a_missing_optional_package_is_one_line_with_the_install_line(tmp_path) -> None:
    script = (
        "import sys\n"
        "sys.modules['onnxruntime'] = None  # as if it were not installed\n"
        "from summitry.cli import main\n"
        "sys.argv = ['summitry', *sys.argv[1:]]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "analyze", str(DATA / "river-council.txt"), "--embedder", "minilm",
         "--out", str(tmp_path / "r")],
        capture_output=True, text=True, timeout=600, env=dict(os.environ, COLUMNS="200"),
    )
    assert done.returncode == 2  # a missing dependency: the user's to fix, not a failed backend
    clean_failure(done, "error:", "pip install 'summitry[embed]'")
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()
