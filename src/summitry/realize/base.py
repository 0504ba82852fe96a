"""The realizer protocol: a turn plan in, the words of the turn out.

A realizer may be the offline composer, a language model guided by the plan, or a
person typing at a seat of the live classroom; the engine does not know which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from summitry.plan import TurnPlan
from summitry.scenario.model import Scenario
from summitry.turns import Turn


@dataclass(frozen=True)
class SessionContext:
    """What a realizer may read: the scenario, the turns already spoken and their plans."""

    scenario: Scenario
    turns: tuple[Turn, ...]
    plans: tuple[TurnPlan, ...]
    seed: int

    def turn(self, index: int) -> Turn | None:
        """The spoken turn with this 1-based index, if it exists."""
        if 1 <= index <= len(self.turns):
            return self.turns[index - 1]
        return None


@dataclass(frozen=True)
class Realization:
    """The words of a turn and how they were produced."""

    text: str
    realizer: str
    fallback: bool = False
    info: dict[str, Any] = field(default_factory=dict)
    spans: tuple[tuple[str, str], ...] = ()  # (text, source) pieces joining to the text; see session.events.Span


@runtime_checkable
class Realizer(Protocol):
    """Turns a plan into words."""

    @property
    def name(self) -> str: ...

    def realize(self, plan: TurnPlan, context: SessionContext) -> Realization: ...
