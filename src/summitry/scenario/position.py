"""Position papers: the material a delegation argues from.

Model UN delegates arrive with a position paper: why they answer each question as they do,
their arguments (a claim and what supports it), rebuttals aimed at named options or at other
delegations' arguments, concessions they could make and on what condition, red lines,
proposals, and questions they would put to others. A scenario gives each delegation such a
paper under ``position``; the engine plans every delegation turn as a move on these units, and
the analysis refers to them by id.

Every unit has an ``id`` (written by the author, or derived from the delegation's name, the kind
of unit and its place: ``egypt.argument.2``) and most name the point they are ``on``: a short
noun phrase ("drought rules", "shared river data") that is how a common point between two
delegations is found and named.

A scenario written before position papers existed stays valid: its talking points are read as
arguments (see :func:`material`), so every delegation has material either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
UnitId = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.\-]+$")
]

UnitKind = Literal["reason", "argument", "rebuttal", "concession", "red_line", "proposal", "question"]
UNIT_KINDS: tuple[UnitKind, ...] = (
    "reason",
    "argument",
    "rebuttal",
    "concession",
    "red_line",
    "proposal",
    "question",
)


class _Unit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: UnitId | None = Field(default=None, description="unique in the scenario; derived when left out")


class _Statement(_Unit):
    answers: list[UnitId] = Field(
        default_factory=list,
        description="what the unit answers: a question unit's id, 'probe', 'edge_case', or an agenda item's id",
    )


class Reason(_Statement):
    """Why the delegation chose its answer to one lesson question."""

    question: Text = Field(description="the lesson question's id")
    text: Text


class Argument(_Statement):
    """A claim and what supports it: a fact, an example, a figure with its source."""

    on: Text = Field(description="the point, as a short noun phrase: 'drought rules'")
    claim: Text
    support: Text | None = None
    source: Text | None = Field(default=None, description="where a figure or fact comes from")


class Target(BaseModel):
    """What a rebuttal is aimed at: exactly one of an option, a unit or a delegation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    option: Text | None = Field(default=None, description="'question_id.option_id'")
    unit: UnitId | None = Field(default=None, description="another delegation's unit id")
    delegation: Text | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Target:
        given = [name for name in ("option", "unit", "delegation") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError(
                "a rebuttal's 'against' names exactly one of option, unit or delegation "
                f"(got {', '.join(given) or 'none'}); for example against: {{unit: egypt.argument.2}}"
            )
        return self


class Rebuttal(_Statement):
    """An answer to an option or to another delegation's argument."""

    against: Target
    text: Text
    on: Text | None = None


class Concession(_Statement):
    """What the delegation could give, and on what condition."""

    on: Text
    text: Text
    condition: Text | None = None
    to: Text | None = Field(default=None, description="the delegation it is offered to, if one")


class RedLine(_Statement):
    """What the delegation will not accept."""

    on: Text
    text: Text


class Proposal(_Statement):
    """Something the delegation puts on the table."""

    on: Text
    text: Text


class Question(_Unit):
    """A question the delegation would put to another delegation (or to the room)."""

    text: Text
    to: Text | None = Field(default=None, description="the delegation asked; the room when left out")
    on: Text | None = None


class PositionPaper(BaseModel):
    """A delegation's material for the discussion. Every list may be empty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reasons: list[Reason] = Field(default_factory=list)
    arguments: list[Argument] = Field(default_factory=list)
    rebuttals: list[Rebuttal] = Field(default_factory=list)
    concessions: list[Concession] = Field(default_factory=list)
    red_lines: list[RedLine] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(getattr(self, field) for field in PAPER_FIELDS.values())


# the position paper's list field for each kind of unit
PAPER_FIELDS: dict[UnitKind, str] = {
    "reason": "reasons",
    "argument": "arguments",
    "rebuttal": "rebuttals",
    "concession": "concessions",
    "red_line": "red_lines",
    "proposal": "proposals",
    "question": "questions",
}


@dataclass(frozen=True)
class Unit:
    """One unit of a delegation's material, as the engine and the analysis see it.

    ``text`` is what the delegation would say (for an argument, the claim and its support);
    ``on`` the point it is about (for a reason, the question's id); ``target`` what a rebuttal
    answers (``option:q.o``, ``unit:ID`` or ``delegation:NAME``); ``to`` whom a question or a
    concession is put to; ``answers`` what its author says it answers (a question unit's id,
    ``probe``, ``edge_case`` or an agenda item's id; see :mod:`summitry.scenario.answers`).
    """

    id: str
    kind: UnitKind
    owner: str
    text: str
    on: str | None = None
    claim: str | None = None
    support: str | None = None
    source: str | None = None
    condition: str | None = None
    target: str | None = None
    to: str | None = None
    question: str | None = None
    answers: tuple[str, ...] = ()


def points(units: Iterable[Unit]) -> list[str]:
    """The points (``on``) that units argue, in order and without repeats; a reason's ``on``
    is its question's id, not a point, so reasons are left out."""
    return list(dict.fromkeys(u.on for u in units if u.on and u.kind != "reason"))


def slug(name: str) -> str:
    """A delegation's name as an id prefix: 'South Sudan' -> 'south-sudan'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "delegation"


def unit_id(owner: str, kind: str, position: int) -> str:
    """The id a unit gets when its author gave none: ``egypt.argument.2`` (1-based)."""
    return f"{slug(owner)}.{kind}.{position}"


def units_of(owner: str, paper: PositionPaper) -> Iterator[Unit]:
    """Every unit of a position paper, in file order within each kind, with its id."""
    for kind, field in PAPER_FIELDS.items():
        for position, raw in enumerate(getattr(paper, field), start=1):
            yield _unit(owner, kind, raw, raw.id or unit_id(owner, kind, position))


def _unit(owner: str, kind: UnitKind, raw: _Unit, uid: str) -> Unit:
    unit = _plain_unit(owner, kind, raw, uid)
    if isinstance(raw, _Statement) and raw.answers:
        return replace(unit, answers=tuple(raw.answers))
    return unit


def _plain_unit(owner: str, kind: UnitKind, raw: _Unit, uid: str) -> Unit:
    if isinstance(raw, Reason):
        return Unit(uid, kind, owner, raw.text, on=raw.question, question=raw.question)
    if isinstance(raw, Argument):
        text = raw.claim if raw.support is None else f"{raw.claim} {raw.support}"
        return Unit(uid, kind, owner, text, on=raw.on, claim=raw.claim, support=raw.support, source=raw.source)
    if isinstance(raw, Rebuttal):
        target = next(f"{name}:{value}" for name in ("option", "unit", "delegation")
                      if (value := getattr(raw.against, name)))
        return Unit(uid, kind, owner, raw.text, on=raw.on, target=target)
    if isinstance(raw, Concession):
        return Unit(uid, kind, owner, raw.text, on=raw.on, condition=raw.condition, to=raw.to)
    if isinstance(raw, Question):
        return Unit(uid, kind, owner, raw.text, on=raw.on, to=raw.to)
    assert isinstance(raw, RedLine | Proposal)
    return Unit(uid, kind, owner, raw.text, on=raw.on)
