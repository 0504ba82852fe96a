"""The phases of an agenda, named once: the scenario's agenda items, the engine's planners and
the realizers all use these names."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PHASE_NAMES", "Phase"]


class Phase(StrEnum):
    """One kind of agenda item: what part of the session it runs."""

    WELCOME = "welcome"
    OPENING = "opening"
    PROBE = "probe"
    CROSSTALK = "crosstalk"
    EDGE_CASE = "edge_case"
    REFRAME = "reframe"
    NAIVE_QUESTIONS = "naive_questions"
    SMARTEST_QUESTIONS = "smartest_questions"
    SYNTHESIS = "synthesis"
    COMMON_GROUND = "common_ground"
    CLOSING = "closing"


PHASE_NAMES: tuple[str, ...] = tuple(p.value for p in Phase)
