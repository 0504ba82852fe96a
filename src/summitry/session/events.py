"""Session events: everything a session did, as append-only records.

The JSON Lines log holds one event per line. The transcript, the CLI display, resumption
and any later report are all derived from these events, never from other state.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from summitry.plan import TurnPlan
from summitry.realize.config import RealizerConfig
from summitry.realize.record import GenerationRecord
from summitry.turns import Turn

LOG_FORMAT_VERSION = 1


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SessionStarted(_Event):
    """The first event: everything needed to replay or resume the session."""

    type: Literal["session_started"] = "session_started"
    format_version: int = LOG_FORMAT_VERSION
    summitry_version: str
    scenario_source: str
    scenario: dict[str, Any] = Field(description="the validated scenario, as data")
    seed: int
    realizer: RealizerConfig = Field(description="name and options of the realizer")


class PhaseStarted(_Event):
    type: Literal["phase_started"] = "phase_started"
    phase_index: int
    phase: str


class TurnPlanned(_Event):
    type: Literal["turn_planned"] = "turn_planned"
    plan: TurnPlan


SpanSource = Literal["model", "template", "scenario", "person"]


class Span(BaseModel):
    """A stretch of a turn's text and who wrote it: a language model, the composer's wording
    (``template``), the scenario's own words (``scenario``), or a person at a seat."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    source: SpanSource


class TurnSpoken(_Event):
    type: Literal["turn_spoken"] = "turn_spoken"
    turn: Turn
    realizer: str
    fallback: bool = False
    info: GenerationRecord = Field(default_factory=GenerationRecord, description="how the turn was produced")
    spans: tuple[Span, ...] = Field(default=(), description="where each part of the text came from; joins to it")

    @model_validator(mode="after")
    def _spans_join_to_text(self) -> TurnSpoken:
        if self.spans and "".join(s.text for s in self.spans) != self.turn.text:
            raise ValueError("the spans of a spoken turn must join to exactly its text")
        return self


class PhaseCompleted(_Event):
    type: Literal["phase_completed"] = "phase_completed"
    phase_index: int
    phase: str


class SessionCompleted(_Event):
    type: Literal["session_completed"] = "session_completed"
    narration: str | None = None
    afterword: str | None = None
    stats: dict[str, Any] = Field(default_factory=dict)


class SessionInterrupted(_Event):
    """Written when a session stops on an error; the session can be resumed after it."""

    type: Literal["session_interrupted"] = "session_interrupted"
    reason: str


Event = Annotated[
    SessionStarted | PhaseStarted | TurnPlanned | TurnSpoken | PhaseCompleted | SessionCompleted | SessionInterrupted,
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
