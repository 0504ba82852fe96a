"""The public entry point: run_session and resume_session."""

from __future__ import annotations

import threading

import pytest

import summitry
from summitry import RealizerConfig, resume_session, run_session
from summitry.errors import BackendError, SessionError
from summitry.realize.composer import Composer
from summitry.session.events import SessionStarted
from summitry.session.log import read_events, read_state

from .helpers import DATA

TINY = str(DATA / "tiny.yaml")


def test_a_session_runs_and_every_event_is_shown_after_it_is_logged(tmp_path) -> None:
    log = tmp_path / "session.jsonl"
    shown: list[tuple[str, int]] = []

    def on_event(event, state) -> None:
        shown.append((event.type, sum(1 for _ in log.open("rb"))))  # already on disk

    outcome = run_session(TINY, log, seed=1, on_event=on_event)
    events = read_events(log)
    assert [kind for kind, _ in shown] == [e.type for e in events]
    assert all(lines == k + 1 for k, (_, lines) in enumerate(shown))
    assert outcome.state.is_complete and outcome.log_path == log and outcome.seconds > 0
    assert isinstance(events[0], SessionStarted) and events[0].realizer == RealizerConfig(name="composer")
    assert outcome.realizer.name == "composer"


class Failing(Composer):
    """A realizer whose backend fails once, at one turn."""

    name = "composer"

    def __init__(self, turn: int) -> None:
        super().__init__()
        self.turn = turn

    def realize(self, plan, context):
        if plan.index == self.turn:
            raise BackendError("the server went away", hint="start it again")
        return super().realize(plan, context)


def test_a_stopped_session_resumes_with_the_realizer_its_log_names(tmp_path) -> None:
    whole = run_session(TINY, tmp_path / "whole.jsonl", seed=2, sync=False).state
    log = tmp_path / "cut" / "session.jsonl"
    log.parent.mkdir()
    with pytest.raises(SessionError, match="resume"):
        run_session(TINY, log, seed=2, realizer=Failing(7), sync=False)
    assert len(read_state(log).turns) == 6
    resumed = resume_session(log.parent)  # the folder will do
    assert [t.text for t in resumed.state.turns] == [t.text for t in whole.turns]
    again = resume_session(log)
    assert again.state.is_complete and again.seconds == 0.0


def test_a_log_that_holds_a_session_is_not_overwritten(tmp_path) -> None:
    log = tmp_path / "session.jsonl"
    run_session(TINY, log, sync=False)
    before = log.read_bytes()
    with pytest.raises(SessionError, match="already holds a session"):
        run_session(TINY, log, sync=False)
    assert log.read_bytes() == before


def test_sessions_run_side_by_side_in_threads(tmp_path) -> None:
    results: dict[int, list[str]] = {}

    def one(seed: int) -> None:
        state = run_session(TINY, tmp_path / f"{seed}.jsonl", seed=seed, sync=False).state
        results[seed] = [t.text for t in state.turns]

    threads = [threading.Thread(target=one, args=(seed,)) for seed in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    alone = run_session(TINY, tmp_path / "alone.jsonl", seed=0, sync=False).state
    assert results[0] == [t.text for t in alone.turns] and results[1] != results[0]


def test_the_package_offers_the_entry_point() -> None:
    assert summitry.run_session is run_session and "run_session" in summitry.__all__
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        summitry.nothing  # noqa: B018
