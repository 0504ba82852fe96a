"""The phases that frame a session: welcome, opening statements, closing."""

from __future__ import annotations

from summitry.plan import Move, TurnPlan
from summitry.session.accord import offer_to_recall
from summitry.session.material import reasons_for
from summitry.session.planning import PlanContext, delegation_turn

COLLECTIVE_VOICE = "All delegations"
OPENING_REASONS = 1  # an opening explains its first lesson answer; the seed's openings name one or two


def plan_welcome(ctx: PlanContext) -> TurnPlan | None:
    """The mediator frames the session and hands the floor to the first delegation."""
    if ctx.phase_plans:
        return None
    return ctx.plan(ctx.moderator, Move.WELCOME, next_speaker=ctx.names[0], addressees=tuple(ctx.names))


def plan_opening(ctx: PlanContext) -> TurnPlan | None:
    """Each delegation in turn reports its choices with its reasons, reacting to earlier speakers."""
    waiting = [n for n in ctx.names if not ctx.spoke_in_phase(n)]
    if not waiting:
        return None
    speaker = waiting[0]
    question = ctx.scenario.lesson.questions[0]
    option = ctx.scenario.delegation(speaker).answers.get(question.id)
    first = not ctx.phase_plans
    answer_to = ctx.turns[-1] if first and ctx.turns else None
    reasons = tuple(u.id for u in reasons_for(ctx.scenario, ctx.plans, speaker)[:OPENING_REASONS])
    plan = delegation_turn(
        ctx,
        speaker,
        Move.ANSWER,
        " ".join(q.text for q in ctx.scenario.lesson.questions),
        answer_to=answer_to,
        recent=max(1, len(ctx.phase_plans)),
        question_id=question.id,
        option_id=option,
    )
    if plan is None:  # nothing left but its choices: it still reports them
        return ctx.plan(speaker, Move.ANSWER, units=reasons, question_id=question.id, option_id=option)
    return plan.model_copy(update={"units": (*reasons, *(u for u in plan.units if u not in reasons))})


def plan_closing(ctx: PlanContext) -> TurnPlan | None:
    """The mediator closes, recalling one offer, proposal or open question of the session (one the
    synthesis did not already quote); the delegations thank them together; the mediator has the last word."""
    step = len(ctx.phase_plans)
    if step == 0:
        quoted = tuple(u for p in ctx.plans if p.is_moderator and p.move is Move.SUMMARIZE for u in p.engages)
        recall = offer_to_recall(ctx.scenario, ctx.plans, exclude=quoted)
        return ctx.plan(ctx.moderator, Move.CLOSE, addressees=tuple(ctx.names), engages=(recall,) if recall else ())
    if step == 1:
        return ctx.plan(COLLECTIVE_VOICE, Move.CLOSE, addressees=(ctx.moderator,))
    if step == 2:
        return ctx.plan(ctx.moderator, Move.CLOSE, addressees=tuple(ctx.names))
    return None
