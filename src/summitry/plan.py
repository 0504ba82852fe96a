"""Turn plans: what a turn must do, decided before any words are written.

The engine plans each turn (speaker, move, addressees, what it draws on, the stance it
takes); a realizer — the offline composer, a language model, or a person — turns the plan
into words. Plans are recorded in the event log, so analysis and guided generation can use them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Move(StrEnum):
    """What a turn does in the conversation."""

    WELCOME = "welcome"  # mediator frames the session
    INVITE = "invite"  # mediator hands the floor to someone
    ANSWER = "answer"  # reports or answers a question put to the speaker
    REBUT = "rebut"  # disagrees with someone
    AGREE_EXTEND = "agree_extend"  # agrees with someone and adds to it
    CONCEDE = "concede"  # gives ground on a point, on a condition
    DECLINE = "decline"  # says plainly it will not answer a question put to it now, then says what it can
    ASK = "ask"  # a delegation puts its own question to another, or to the room
    QUESTION = "question"  # mediator poses a question or a probe
    EDGE_CASE = "edge_case"  # mediator poses a hypothetical scenario
    PROPOSE = "propose"  # proposes a shift of focus
    NAIVE_QUESTION = "naive_question"
    SMART_QUESTION = "smart_question"
    EXPLAIN = "explain"  # mediator explains facts and misconceptions
    REFLECT = "reflect"  # reflects on a deeper question
    SUMMARIZE = "summarize"  # mediator names common ground
    CLOSE = "close"  # mediator closes


class Stance(StrEnum):
    """The position a turn takes toward whom it addresses."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    QUALIFY = "qualify"  # "has merit, but …"
    NEUTRAL = "neutral"


class TalkingPointRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    theme: str
    text: str


class Explanation(BaseModel):
    """A misconception the mediator corrects, and whose questions raised it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    askers: tuple[str, ...]
    claim: str
    correction: str


class CommonGroundNote(BaseModel):
    """A pair of rivals that stood on the same side of one point, and what shows it.

    ``engaged``: one took up the other's unit on the point and neither rebutted the other (common
    ground); ``same_answer``: both gave the same answer to a lesson question without taking each
    other up on it (a shared choice, which the mediator names as such, never as common ground).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    pair: tuple[str, str]
    theme: str
    on: str = Field(default="", description="the point as the engine reads it: a unit's on, or a question's id")
    basis: Literal["engaged", "same_answer"] = "engaged"
    sentence: str = Field(default="", description="the finding in words, when an analysis wrote it")
    turns: tuple[int, ...] = ()
    units: tuple[str, ...] = Field(default=(), description="the units of both delegations the finding rests on")


class TurnPlan(BaseModel):
    """Everything a realizer needs to write one turn."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    index: int = Field(ge=1, description="1-based position of the turn in the session")
    phase: str
    phase_index: int = Field(ge=0, description="position of the phase in the agenda")
    speaker: str
    is_moderator: bool = False
    move: Move
    addressees: tuple[str, ...] = ()
    responds_to: int | None = Field(default=None, description="index of the turn answered")
    stance: Stance = Stance.NEUTRAL
    question_id: str | None = Field(
        default=None, description="the lesson question answered, or the id of the probe or hard case the mediator puts"
    )
    option_id: str | None = None
    concept_id: str | None = None
    talking_point: TalkingPointRef | None = None
    units: tuple[str, ...] = Field(default=(), description="ids of the speaker's own material this turn uses")
    engages: tuple[str, ...] = Field(default=(), description="ids of others' material this turn answers")
    prompt: str | None = Field(default=None, description="question or scenario being answered")
    next_speaker: str | None = Field(default=None, description="whom the mediator hands over to")
    explanations: tuple[Explanation, ...] = ()
    common_ground: tuple[CommonGroundNote, ...] = ()
    show_tone: bool = False
