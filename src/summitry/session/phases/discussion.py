"""The phases where delegations argue: probe, crosstalk, edge case, reframe."""

from __future__ import annotations

from summitry.plan import Move, TurnPlan
from summitry.session.planning import PlanContext, delegation_turn, pick_talking_point
from summitry.session.turn_taking import choose_speaker


def _respond(ctx: PlanContext, matter: str, exclude: set[str]) -> TurnPlan:
    """Plan one response by the delegation with the best claim to the floor."""
    candidates = [n for n in ctx.names if not ctx.spoke_in_phase(n) and n not in exclude]
    speaker = choose_speaker(ctx.scenario, ctx.floor(matter), candidates, list(ctx.turns), ctx.rng)
    return delegation_turn(ctx, speaker, Move.ANSWER, matter, recent=max(1, len(ctx.phase_plans) - 1))


def _responses_left(ctx: PlanContext, asked: int, lead_turns: int, exclude: set[str]) -> bool:
    done = len(ctx.phase_plans) - lead_turns
    available = [n for n in ctx.names if not ctx.spoke_in_phase(n) and n not in exclude]
    return done < asked and bool(available)


def plan_probe(ctx: PlanContext) -> TurnPlan | None:
    """The mediator puts a pointed question to one delegation; it answers; others react."""
    item, step = ctx.item, len(ctx.phase_plans)
    if step == 0:
        last = ctx.turns[-1] if ctx.turns else None
        return ctx.plan(
            ctx.moderator,
            Move.QUESTION,
            addressees=(item.target,),
            next_speaker=item.target,
            prompt=item.question,
            responds_to=last.index if last else None,
        )
    if step == 1:
        return delegation_turn(ctx, item.target, Move.ANSWER, item.question, answer_to=ctx.turns[-1])
    if not _responses_left(ctx, item.responses, 2, {item.target}):
        return None
    return _respond(ctx, f"{item.question} {ctx.phase_turns[1].text}", {item.target})


def plan_crosstalk(ctx: PlanContext) -> TurnPlan | None:
    """Free exchanges: the floor goes to whoever has the best claim to it."""
    if len(ctx.phase_plans) >= ctx.item.turns:
        return None
    floor = ctx.floor()
    candidates = [n for n in ctx.names if n != floor.last_speaker]
    speaker = choose_speaker(ctx.scenario, floor, candidates, list(ctx.turns), ctx.rng)
    return delegation_turn(ctx, speaker, Move.ANSWER, floor.last_text, recent=3)


def plan_edge_case(ctx: PlanContext) -> TurnPlan | None:
    """The mediator poses a hypothetical; delegations answer it from their interests."""
    item = ctx.item
    if not ctx.phase_plans:
        return ctx.plan(ctx.moderator, Move.EDGE_CASE, addressees=tuple(ctx.names), prompt=item.scenario)
    if not _responses_left(ctx, item.responses, 1, set()):
        return None
    return _respond(ctx, item.scenario, set())


def plan_reframe(ctx: PlanContext) -> TurnPlan | None:
    """A delegation proposes a shift of focus; the mediator takes it up; others respond."""
    item, step = ctx.item, len(ctx.phase_plans)
    if step == 0:
        point = pick_talking_point(ctx, item.by, item.focus or "shared challenges common problems")
        return ctx.plan(
            item.by,
            Move.PROPOSE,
            addressees=tuple(n for n in ctx.names if n != item.by),
            prompt=item.focus,
            talking_point=point,
        )
    if step == 1:
        focus = item.focus or (ctx.phase_plans[0].talking_point.text if ctx.phase_plans[0].talking_point else None)
        return ctx.plan(
            ctx.moderator, Move.QUESTION, addressees=(item.by,), prompt=focus, responds_to=ctx.turns[-1].index
        )
    if not _responses_left(ctx, item.responses, 2, {item.by}):
        return None
    matter = f"{ctx.phase_plans[1].prompt or ''} {ctx.phase_turns[0].text}"
    return _respond(ctx, matter, {item.by})
