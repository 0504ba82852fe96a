"""The public way to run a session: :func:`run_session` and :func:`resume_session`.

    from summitry import run_session
    outcome = run_session("quantum-summit", Path("runs/q/session.jsonl"), seed=0)
    print(outcome.state.transcript())

The realizer is named by a :class:`~summitry.realize.config.RealizerConfig` (built here, and
recorded in the log so that :func:`resume_session` rebuilds it) or given as a built
:class:`~summitry.realize.base.Realizer`: a scripted model in a test, or a person at a seat of the
classroom. ``on_event`` sees every event after it is logged (a progress display, a turn clock, a
web page). Sessions share nothing, so several can run at once, each in its own thread or process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from summitry.errors import SessionError
from summitry.realize.base import Realizer
from summitry.realize.config import RealizerConfig
from summitry.realize.factory import build_realizer
from summitry.scenario.loader import load_scenario
from summitry.scenario.model import Scenario
from summitry.session.engine import Engine, Observer
from summitry.session.log import read_state, resolve_log_path
from summitry.session.state import SessionState

__all__ = ["SessionOutcome", "resume_session", "run_session"]


@dataclass(frozen=True)
class SessionOutcome:
    """A finished (or already complete) session: its state, the realizer that spoke, the seconds."""

    state: SessionState
    realizer: Realizer
    seconds: float
    log_path: Path


def run_session(
    scenario: Scenario | str,
    log_path: Path,
    *,
    seed: int = 0,
    realizer: Realizer | RealizerConfig | None = None,
    config: RealizerConfig | None = None,
    source: str | None = None,
    on_event: Observer | None = None,
    sync: bool = True,
) -> SessionOutcome:
    """Run a new session of ``scenario`` (a bundled name, a YAML path, or a loaded scenario) and
    log it at ``log_path``, which must not hold a session yet.

    ``realizer`` defaults to the composer. A built realizer is recorded in the log as ``config``
    (by default just its name). With ``sync`` every event is synced to disk (it survives a power
    loss); without it, events still reach the operating system at once (they survive a crash).
    Raises :class:`~summitry.errors.SessionError` when a backend fails; the session can then be
    continued with :func:`resume_session`.
    """
    if log_path.exists() and log_path.stat().st_size:
        raise SessionError(f"{log_path} already holds a session",
                           hint=f"continue it with resume_session('{log_path}'), or delete it first")
    loaded = load_scenario(scenario) if isinstance(scenario, str) else scenario
    if source is None:
        source = scenario if isinstance(scenario, str) else loaded.title
    if isinstance(realizer, RealizerConfig) or realizer is None:
        config = realizer or RealizerConfig()
        built = build_realizer(config)
    else:
        built = realizer
        config = config or RealizerConfig(name=realizer.name)
    engine = Engine.start(loaded, source=source, seed=seed, realizer=built, realizer_config=config,
                          log_path=log_path, observer=on_event, sync=sync)
    state = engine.run()
    return SessionOutcome(state, built, engine.seconds, log_path)


def resume_session(
    log: Path,
    *,
    realizer: Realizer | None = None,
    on_event: Observer | None = None,
) -> SessionOutcome:
    """Continue the session logged at ``log`` (the file, or the folder holding ``session.jsonl``)
    from its last complete event, with the realizer it started with unless another is given."""
    log_path = resolve_log_path(log)
    state = read_state(log_path)
    built = realizer or build_realizer(state.started.realizer)
    if state.is_complete:
        return SessionOutcome(state, built, 0.0, log_path)
    engine = Engine.resume(log_path, built, observer=on_event)
    return SessionOutcome(engine.run(), built, engine.seconds, log_path)
