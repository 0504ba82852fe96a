"""The analysis on sessions of the other bundled scenarios (other topics, other casts)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from summitry.analysis.report.build import analyze
from summitry.scenario import bundled_names


@pytest.mark.parametrize("name", [n for n in bundled_names() if n != "quantum-summit"])
def test_composer_session_of_a_bundled_scenario(tmp_path, name: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "summitry",
            "run",
            name,
            "--backend",
            "composer",
            "--quiet",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    from summitry.session.log import read_scenario, read_transcript

    scenario = read_scenario(tmp_path / "session.jsonl")
    r = analyze(read_transcript(tmp_path / "session.jsonl"), scenario, embedder="lexical")
    assert not r.degraded
    assert set(r.meta.delegations) == {d.name for d in scenario.delegations}
    assert r.common_ground
    for f in r.common_ground:
        assert scenario.relation(*f.pair) < 0
    if len(r.common_ground) >= 2:
        first, second = r.common_ground[:2]
        assert not set(first.pair) & set(second.pair), "a summary names each delegation once"
    turns = {t.index: t for t in r.transcript}
    for f in r.common_ground:
        for e in f.evidence:
            assert e.quote in turns[e.turn].text
    assert [q.question_id for q in r.stances] == [q.id for q in scenario.lesson.questions]
    assert r.quality.distinctiveness is not None and 0 <= r.quality.distinctiveness <= 1
