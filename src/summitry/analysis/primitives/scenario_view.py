"""What the analysis reads of a scenario, as protocols: a scenario model satisfies them, and so
does anything else shaped like one (a scenario logged by an older version, a test's stand-in).

The analysis reads the title, the moderator's name, each delegation's name, interests, declared
answers and material (the units of its position paper), the lesson's questions and their
options, and the relation of two delegations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from summitry.scenario.position import Unit

__all__ = ["DelegationView", "QuestionView", "ScenarioView"]


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class DelegationView(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def interests(self) -> Sequence[str]: ...

    def material(self) -> Sequence[Unit]:
        """Every unit the delegation can argue from."""
        ...

    @property
    def answers(self) -> Mapping[str, str]:
        """Question id -> the option the delegation declared."""
        ...


class _Option(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


class QuestionView(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def options(self) -> Sequence[_Option]: ...


class _Lesson(Protocol):
    @property
    def questions(self) -> Sequence[QuestionView]: ...


class ScenarioView(Protocol):
    """A scenario as the analysis reads it."""

    @property
    def title(self) -> str: ...

    @property
    def moderator(self) -> _Named: ...

    @property
    def delegations(self) -> Sequence[DelegationView]: ...

    @property
    def lesson(self) -> _Lesson: ...

    def relation(self, a: str, b: str) -> float:
        """Closeness of two delegations, from −1 (rivals) to 1 (allies)."""
        ...
