"""Session state, derived from events alone: turns, plans, phase progress.

The engine applies each event to the state as it appends it to the log, and resumption
rebuilds the same state by applying the logged events again, so both paths agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summitry.errors import LogCorruptError
from summitry.plan import TurnPlan
from summitry.scenario.model import Scenario
from summitry.session.events import (
    Event,
    PhaseCompleted,
    PhaseStarted,
    SessionCompleted,
    SessionInterrupted,
    SessionStarted,
    TurnPlanned,
    TurnSpoken,
)
from summitry.turns import Transcript, Turn


@dataclass
class SessionState:
    """Everything known about a session, rebuilt from its events."""

    started: SessionStarted
    scenario: Scenario
    turns: list[Turn] = field(default_factory=list)
    plans: list[TurnPlan] = field(default_factory=list)
    spoken: list[TurnSpoken] = field(default_factory=list)
    pending_plan: TurnPlan | None = None
    phases_completed: set[int] = field(default_factory=set)
    phase_started: set[int] = field(default_factory=set)
    completed: SessionCompleted | None = None
    interruptions: list[str] = field(default_factory=list)

    @classmethod
    def begin(cls, started: SessionStarted) -> SessionState:
        return cls(started=started, scenario=Scenario.model_validate(started.scenario))

    @classmethod
    def from_events(cls, events: list[Event]) -> SessionState:
        first = events[0]
        if not isinstance(first, SessionStarted):
            raise LogCorruptError("the log does not begin with a session_started event")
        state = cls.begin(first)
        for event in events[1:]:
            state.apply(event)
        return state

    def apply(self, event: Event) -> None:
        """Fold one event into the state."""
        if isinstance(event, PhaseStarted):
            self.phase_started.add(event.phase_index)
        elif isinstance(event, TurnPlanned):
            self.pending_plan = event.plan
        elif isinstance(event, TurnSpoken):
            self._apply_spoken(event)
        elif isinstance(event, PhaseCompleted):
            self.phases_completed.add(event.phase_index)
        elif isinstance(event, SessionCompleted):
            self.completed = event
        elif isinstance(event, SessionInterrupted):
            self.interruptions.append(event.reason)
        elif isinstance(event, SessionStarted):
            raise LogCorruptError("a second session_started event appears in the log")

    def _apply_spoken(self, event: TurnSpoken) -> None:
        plan = self.pending_plan
        if plan is None or plan.index != event.turn.index:
            raise LogCorruptError(f"turn {event.turn.index} was spoken without a matching plan in the log")
        if event.turn.index != len(self.turns) + 1:
            raise LogCorruptError(f"turn {event.turn.index} is out of order in the log")
        self.turns.append(event.turn)
        self.plans.append(plan)
        self.spoken.append(event)
        self.pending_plan = None

    @property
    def is_complete(self) -> bool:
        return self.completed is not None

    def phase_turns(self, phase_index: int) -> list[Turn]:
        return [t for t, p in zip(self.turns, self.plans, strict=True) if p.phase_index == phase_index]

    def phase_plans(self, phase_index: int) -> list[TurnPlan]:
        return [p for p in self.plans if p.phase_index == phase_index]

    def transcript(self) -> Transcript:
        """The reader's view of the session so far."""
        done = self.completed
        epilogue = self.scenario.epilogue
        return Transcript(
            title=self.scenario.title,
            premise=self.scenario.premise,
            turns=tuple(self.turns),
            narration=(done.narration if done else None),
            afterword=(done.afterword if done else None) or (epilogue.afterword if done else None),
            moderator=self.scenario.moderator.name,
        )
