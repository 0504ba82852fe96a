"""A session interrupted anywhere resumes from its log and ends exactly as if never stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from summitry import resume_session
from summitry.errors import BackendError, LogCorruptError, SessionError
from summitry.realize.composer import Composer
from summitry.scenario import load_scenario
from summitry.session.log import read_events, read_state

from .helpers import DATA, run_session

TINY = str(DATA / "tiny.yaml")


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[list[bytes], str]:
    folder = tmp_path_factory.mktemp("reference")
    state = run_session(load_scenario(TINY), folder, seed=5)
    lines = (folder / "session.jsonl").read_bytes().splitlines(keepends=True)
    return lines, "\n".join(f"{t.speaker}: {t.text}" for t in state.turns)


def _text(state) -> str:
    return "\n".join(f"{t.speaker}: {t.text}" for t in state.turns)


@pytest.mark.parametrize("cut", [1, 2, 3, 5, 8, 13, 21, 34, 55, -3, -2, -1])
@pytest.mark.parametrize("partial", [0, 17])
def test_resume_after_a_cut_gives_the_same_log_byte_for_byte(tmp_path, reference, cut, partial):
    lines, text = reference
    cut = cut if cut > 0 else len(lines) + cut
    log = tmp_path / "session.jsonl"
    log.write_bytes(b"".join(lines[:cut]) + lines[cut][:partial])  # a half-written last line too
    state = resume_session(log).state
    assert _text(state) == text
    assert log.read_bytes() == b"".join(lines)


class FailingAt:
    """A realizer whose backend fails at one turn, like a server going away."""

    name = "composer"

    def __init__(self, turn: int) -> None:
        self.turn, self.inner = turn, Composer()

    def realize(self, plan, context):
        if plan.index == self.turn:
            raise BackendError("the server went away", hint="start it again")
        return self.inner.realize(plan, context)


def test_a_failing_backend_stops_resumably_and_loses_nothing(tmp_path, reference):
    _, text = reference
    log = tmp_path / "session.jsonl"
    with pytest.raises(SessionError) as caught:
        run_session(TINY, tmp_path, seed=5, realizer=FailingAt(12))
    assert "summitry resume" in str(caught.value)
    stopped = read_state(log)
    assert len(stopped.turns) == 11 and stopped.interruptions
    assert _text(resume_session(log).state) == text


def test_a_damaged_middle_line_is_reported_not_guessed(tmp_path, reference):
    lines, _ = reference
    log = tmp_path / "session.jsonl"
    log.write_bytes(b"".join(lines[:5]) + b'{"type": "turn_spoken", "garbage\n' + b"".join(lines[6:9]))
    with pytest.raises(LogCorruptError) as caught:
        read_events(log)
    assert ":6:" in str(caught.value)


def test_a_file_that_is_not_a_log_is_refused(tmp_path):
    log = tmp_path / "notes.jsonl"
    log.write_text('{"hello": 1}\n')
    with pytest.raises(LogCorruptError):
        read_events(log)


SLOW_RUN = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from summitry import run_session
    from summitry.realize.composer import Composer

    class Slow(Composer):
        def realize(self, plan, context):
            time.sleep(0.05)
            return super().realize(plan, context)

    run_session(sys.argv[1], Path(sys.argv[2]), seed=5, realizer=Slow())
    """
)


@pytest.mark.slow
def test_kill_minus_nine_then_summitry_resume(tmp_path, reference):
    lines, text = reference
    log = tmp_path / "session.jsonl"
    child = subprocess.Popen([sys.executable, "-c", SLOW_RUN, TINY, str(log)])
    deadline = time.time() + 60
    while time.time() < deadline and (not log.exists() or log.read_bytes().count(b"turn_spoken") < 8):
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    total = len(text.splitlines())  # turns of the uninterrupted session
    assert 8 <= len(read_state(log).turns) < total
    done = subprocess.run(
        [sys.executable, "-m", "summitry", "resume", str(log), "--quiet"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert _text(read_state(log)) == text
    assert (tmp_path / "transcript.md").read_text().count("**") >= 2 * total
