"""Questions one delegation put to another in a session, and whether the one asked answered them.

Read from the turn plans alone, so the engine, the realizers and the analysis can share it: a
question is put by an ``ASK`` plan with a single addressee (its ``units`` are the questions it
asks); it is answered by a later plan of that addressee whose ``engages`` names the question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summitry.plan import Move, TurnPlan

__all__ = ["PutQuestion", "put_questions", "unanswered_questions"]


@dataclass(frozen=True)
class PutQuestion:
    """A question unit one delegation put to another, in the turn ``index``."""

    unit: str
    asker: str
    addressee: str
    index: int
    answered_in: int | None = None


def put_questions(plans: Sequence[TurnPlan]) -> list[PutQuestion]:
    """Every question put to one delegation, in session order, with the turn that answered it, if any."""
    found: list[PutQuestion] = []
    for plan in plans:
        if plan.move is not Move.ASK or len(plan.addressees) != 1 or plan.is_moderator:
            continue
        addressee = plan.addressees[0]
        for uid in plan.units:
            answer = next(
                (p.index for p in plans if p.index > plan.index and p.speaker == addressee and uid in p.engages),
                None,
            )
            found.append(PutQuestion(uid, plan.speaker, addressee, plan.index, answer))
    return found


def unanswered_questions(plans: Sequence[TurnPlan]) -> list[PutQuestion]:
    """The questions put to one delegation that it never took up in a later turn."""
    return [q for q in put_questions(plans) if q.answered_in is None]
