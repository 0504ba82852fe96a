"""The session engine: runs the agenda, plans each turn, has it realized, logs every step.

Each step is written to the event log before anyone is shown it, and the engine's state is
only ever changed by applying the event it just logged. A session started afresh and a
session resumed from its log therefore follow exactly the same path.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summitry.errors import BackendError, SessionError
from summitry.plan import TurnPlan
from summitry.realize.base import Realization, Realizer, SessionContext
from summitry.realize.config import RealizerConfig
from summitry.scenario.model import Scenario
from summitry.session.events import (
    Event,
    PhaseCompleted,
    PhaseStarted,
    SessionCompleted,
    SessionInterrupted,
    SessionStarted,
    Span,
    TurnPlanned,
    TurnSpoken,
)
from summitry.session.log import EventLog, read_events
from summitry.session.phases import PLANNERS
from summitry.session.planning import PlanContext
from summitry.session.state import SessionState
from summitry.turns import Turn
from summitry.version import __version__

Observer = Callable[[Event, SessionState], None]

DEFAULT_NARRATION = (
    "Session ends with the delegations still talking in small groups, "
    "more curious about one another than when they arrived"
)


def spans_of(realization: Realization, text: str) -> tuple[Span, ...]:
    """Who wrote each part of a turn: the realizer's spans, or the whole text as its realizer's
    own (a model's words, unless the composer wrote it) when it gave none that join to the text."""
    spans = tuple(Span(text=t, source=s) for t, s in realization.spans)
    if spans and "".join(s.text for s in spans) == text:
        return spans
    return (Span(text=text, source="template" if realization.realizer == "composer" else "model"),)


class Engine:
    """Runs one session; many engines can run side by side, they share nothing."""

    def __init__(
        self,
        state: SessionState,
        realizer: Realizer,
        log: EventLog,
        observer: Observer | None = None,
    ) -> None:
        self.state = state
        self.realizer = realizer
        self.log = log
        self.observer = observer
        self.seconds = 0.0

    @classmethod
    def start(
        cls,
        scenario: Scenario,
        *,
        source: str,
        seed: int,
        realizer: Realizer,
        realizer_config: RealizerConfig,
        log_path: Path,
        observer: Observer | None = None,
        sync: bool = True,
    ) -> Engine:
        """Begin a new session, writing its first event.

        With ``sync`` every event is synced to disk (it survives power loss); without it, events
        are still flushed to the operating system at once, which survives a killed process.
        """
        started = SessionStarted(
            summitry_version=__version__,
            scenario_source=source,
            scenario=scenario.model_dump(mode="json"),
            seed=seed,
            realizer=realizer_config,
        )
        log = EventLog(log_path, sync=sync).open()
        engine = cls(SessionState.begin(started), realizer, log, observer)
        engine._write(started, apply=False)
        return engine

    @classmethod
    def resume(cls, log_path: Path, realizer: Realizer, observer: Observer | None = None) -> Engine:
        """Continue a session from the last complete event of its log."""
        state = SessionState.from_events(read_events(log_path))
        return cls(state, realizer, EventLog(log_path).open(), observer)

    def run(self) -> SessionState:
        """Run every remaining phase; on a realizer failure, log it and stop resumably."""
        began = time.perf_counter()
        try:
            if not self.state.is_complete:
                for phase_index, item in enumerate(self.state.scenario.agenda):
                    self._run_phase(phase_index, item)
                self._finish(time.perf_counter() - began)
        except BackendError as exc:
            self._write(SessionInterrupted(reason=str(exc)))
            raise SessionError(
                f"the session stopped at turn {len(self.state.turns) + 1}: {exc}",
                hint=f"nothing spoken is lost; continue with: summitry resume {self.log.path}",
            ) from exc
        finally:
            self.seconds += time.perf_counter() - began
            self.log.close()
        return self.state

    def _run_phase(self, phase_index: int, item: object) -> None:
        if phase_index in self.state.phases_completed:
            return
        phase = item.phase  # type: ignore[attr-defined]
        if phase_index not in self.state.phase_started:
            self._write(PhaseStarted(phase_index=phase_index, phase=phase))
        planner = PLANNERS[phase]
        while (plan := self.state.pending_plan or planner(self._plan_context(phase_index, item))) is not None:
            if self.state.pending_plan is None:
                self._write(TurnPlanned(plan=plan))
            self._speak(plan)
        self._write(PhaseCompleted(phase_index=phase_index, phase=phase))

    def _plan_context(self, phase_index: int, item: object) -> PlanContext:
        return PlanContext(
            scenario=self.state.scenario,
            item=item,
            phase_index=phase_index,
            turns=tuple(self.state.turns),
            plans=tuple(self.state.plans),
            seed=self.state.started.seed,
        )

    def _speak(self, plan: TurnPlan) -> None:
        context = SessionContext(
            scenario=self.state.scenario,
            turns=tuple(self.state.turns),
            plans=tuple(self.state.plans),
            seed=self.state.started.seed,
        )
        realization = self.realizer.realize(plan, context)
        turn = self._turn(plan, realization)
        self._write(
            TurnSpoken(
                turn=turn,
                realizer=realization.realizer,
                fallback=realization.fallback,
                info=realization.info,
                spans=spans_of(realization, turn.text),
            )
        )

    def _turn(self, plan: TurnPlan, realization: Realization) -> Turn:
        text = realization.text.strip()
        if not text:
            raise SessionError(f"the realizer '{realization.realizer}' returned an empty turn {plan.index}")
        return Turn(
            index=plan.index,
            speaker=plan.speaker,
            text=text,
            tone=self._tone(plan) if plan.show_tone else None,
            phase=plan.phase,
            addressees=plan.addressees,
            is_moderator=plan.is_moderator,
        )

    def _tone(self, plan: TurnPlan) -> str | None:
        scenario = self.state.scenario
        if plan.is_moderator:
            return scenario.moderator.role
        names = [d.name for d in scenario.delegations]
        return scenario.delegation(plan.speaker).tone if plan.speaker in names else None

    def _finish(self, seconds: float) -> None:
        epilogue = self.state.scenario.epilogue
        fallbacks = sum(1 for s in self.state.spoken if s.fallback)
        stats: dict[str, Any] = {"turns": len(self.state.turns), "fallbacks": fallbacks}
        summary = getattr(self.realizer, "summary", None)
        if callable(summary) and summary():
            stats["accounting"] = summary()
        self._write(
            SessionCompleted(
                narration=epilogue.narration or DEFAULT_NARRATION,
                afterword=epilogue.afterword,
                stats=stats,
            )
        )

    def _write(self, event: Event, *, apply: bool = True) -> None:
        """Log first, then change state, then show."""
        self.log.append(event)
        if apply:
            self.state.apply(event)
        if self.observer is not None:
            self.observer(event, self.state)
