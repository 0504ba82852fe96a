"""Sessions over a misbehaving OpenAI-compatible server: they complete, or stop cleanly and resume.

The server is real (HTTP on loopback); its faults are scripted. No turn may be lost or
duplicated whatever the server does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.errors import SessionError
from summitry.realize.config import RealizerConfig
from summitry.session.log import read_state
from summitry.session.run import SessionOutcome, resume_session, run_session
from summitry.testing.faults import Fault, FaultServer
from summitry.text.casing import lower_first

TINY = str(Path(__file__).resolve().parents[1] / "session" / "data" / "tiny.yaml")
# A session long enough to send every scripted fault: only turns with more than one wording reach the server.
PAPERS = str(Path(__file__).resolve().parents[1] / "session" / "data" / "papers.yaml")


def fresh_answer(request) -> str:
    """What the server adds after a prompt: a document-style session only scores its wordings, so
    the server echoes them with log-probabilities and adds this one token's worth of text."""
    last = (request.prompt or "nothing").split()[-1]
    return f" {lower_first(last)}"


def _config(server: FaultServer) -> RealizerConfig:
    return RealizerConfig(name="openai", base_url=server.url, model=server.model, style="completion",
                          embedder="lexical", candidates=2)


def _run(server: FaultServer, folder: Path, scenario: str = TINY) -> SessionOutcome:
    return run_session(scenario, folder / "session.jsonl", seed=1, realizer=_config(server))


def _assert_whole(folder: Path) -> None:
    state = read_state(folder / "session.jsonl")
    assert state.is_complete
    assert [t.index for t in state.turns] == list(range(1, len(state.turns) + 1))
    assert len({t.text for t in state.turns}) == len(state.turns)


@pytest.mark.slow
def test_transient_faults_are_retried_and_the_session_completes(tmp_path):
    # each fault is followed by a good answer: within the retry budget of every request
    faults = [f for fault in (Fault.rate_limit(0.1), Fault.server_error(), Fault.garbage(), Fault.cut_stream(1),
                              Fault.empty(), Fault.disconnect()) for f in (fault, Fault.ok())]
    with FaultServer(fresh_answer, faults=faults) as server:
        _run(server, tmp_path, PAPERS)
        assert server.pending == 0
    _assert_whole(tmp_path)
    spoken = read_state(tmp_path / "session.jsonl").spoken
    assert any(s.realizer.startswith("openai") for s in spoken), "some turns come from the server"


@pytest.mark.slow
def test_a_server_that_keeps_failing_stops_the_session_which_then_resumes(tmp_path):
    with FaultServer(fresh_answer) as server:
        server.enqueue(*([Fault.ok()] * 6 + [Fault.server_error(503)] * 30))
        with pytest.raises(SessionError) as caught:
            _run(server, tmp_path, PAPERS)
        assert "summitry resume" in str(caught.value)
        stopped = read_state(tmp_path / "session.jsonl")
        assert stopped.interruptions and not stopped.is_complete
        kept = [(t.index, t.text) for t in stopped.turns]
        while server.pending:  # the outage ends
            server._next_fault()
        state = resume_session(tmp_path / "session.jsonl").state
    assert [(t.index, t.text) for t in state.turns[: len(kept)]] == kept
    _assert_whole(tmp_path)


def test_a_refused_key_is_one_clear_error(tmp_path):
    with FaultServer(fresh_answer, api_key="right-key") as server:
        with pytest.raises(SessionError) as caught:
            _run(server, tmp_path)
    assert "key" in str(caught.value).lower()
    assert read_state(tmp_path / "session.jsonl").turns  # the mediator's first turn is kept
