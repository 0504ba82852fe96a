"""Questions put to delegations in a session, and whether the ones asked answered them.

Read from the turn plans alone, so the engine, the realizers and the analysis can share it: a
question is put by an ``ASK`` plan with a single addressee (its ``units`` are the questions it
asks), or by the mediator's probe or hard case (its ``question_id``, put to the plan's addressees);
it is answered by a later plan of an addressee whose ``engages`` names the question's id. A plan
that declines it (``Move.DECLINE``, responding to the asking turn) leaves it open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summitry.plan import Move, TurnPlan

__all__ = ["OpenQuestion", "PutQuestion", "answered_in", "open_questions", "put_questions", "unanswered_questions"]

MEDIATOR_QUESTION_PHASES = ("probe", "edge_case")  # where the mediator's plan puts a question with an id


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
            found.append(PutQuestion(uid, plan.speaker, addressee, plan.index, answered_in(plans, uid, plan)))
    return found


def answered_in(plans: Sequence[TurnPlan], question: str, asking: TurnPlan) -> int | None:
    """The first later turn in which one of the asking plan's addressees engages the question's id."""
    return next(
        (p.index for p in plans if p.index > asking.index and p.speaker in asking.addressees and question in p.engages),
        None,
    )


@dataclass(frozen=True)
class OpenQuestion:
    """A question put to delegations that none of them answered: its id (a question unit's, or the
    mediator's probe or hard case's), the turn that put it, who asked, to whom, and who declined it."""

    id: str
    turn: int
    asker: str
    to: tuple[str, ...]
    declined_by: tuple[str, ...] = ()


def open_questions(plans: Sequence[TurnPlan]) -> list[OpenQuestion]:
    """Every question put so far, by a delegation to one other or by the mediator's probe or hard
    case, that no later plan of an addressee answered, in the order they were put; ``declined_by``
    names the addressees that said plainly they would not answer it."""
    still: list[OpenQuestion] = []
    for plan in plans:
        if plan.move is Move.ASK and len(plan.addressees) == 1 and not plan.is_moderator:
            asked = list(plan.units)
        elif plan.is_moderator and plan.question_id and plan.phase in MEDIATOR_QUESTION_PHASES:
            asked = [plan.question_id]
        else:
            continue
        replies = [p for p in plans if p.responds_to == plan.index and p.speaker in plan.addressees]
        declined = tuple(p.speaker for p in replies if p.move is Move.DECLINE)
        still += [OpenQuestion(q, plan.index, plan.speaker, plan.addressees, declined)
                  for q in asked if answered_in(plans, q, plan) is None]
    return still


def unanswered_questions(plans: Sequence[TurnPlan]) -> list[PutQuestion]:
    """The questions put to one delegation that it never took up in a later turn."""
    return [q for q in put_questions(plans) if q.answered_in is None]
