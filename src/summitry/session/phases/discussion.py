"""The phases where delegations argue: probe, crosstalk, edge case, reframe."""

from __future__ import annotations

from summitry.plan import Move, TurnPlan
from summitry.scenario.answers import Asked, edge_case_asked, probe_asked
from summitry.scenario.model import Probe
from summitry.scenario.touch import touches_question
from summitry.session.material import answer_for, fresh_units, has_material, proposal_for
from summitry.session.planning import PlanContext, delegation_turn, reply_to_mediator, talking_point_of
from summitry.session.turn_taking import choose_speaker
from summitry.text.sentences import questions_in


def _respond(ctx: PlanContext, matter: str, candidates: list[str], recent: int) -> TurnPlan | None:
    """Plan one response by the delegation with the best claim to the floor that still has
    something to say; None when no candidate has material left (the phase ends early)."""
    candidates = [n for n in candidates if has_material(ctx.scenario, ctx.plans, n)]
    while candidates:
        speaker = choose_speaker(ctx.scenario, ctx.floor(matter), candidates, list(ctx.turns), ctx.rng)
        plan = delegation_turn(ctx, speaker, Move.ANSWER, matter, recent=recent)
        if plan is not None:
            return plan
        candidates.remove(speaker)
    return None


def _responders(ctx: PlanContext, asked: int, lead_turns: int, exclude: set[str]) -> list[str]:
    """Who may still respond in this phase: none once the responses asked for are in."""
    if len(ctx.phase_plans) - lead_turns >= asked:
        return []
    return [n for n in ctx.names if not ctx.spoke_in_phase(n) and n not in exclude]


def plan_probe(ctx: PlanContext) -> TurnPlan | None:
    """The mediator puts a pointed question to one delegation; it answers; others react."""
    item, step = ctx.item, len(ctx.phase_plans)
    if step == 0:
        if not has_material(ctx.scenario, ctx.plans, item.target):
            return None  # the delegation has said all it came to say: the mediator moves on
        last = ctx.turns[-1] if ctx.turns else None
        return ctx.plan(
            ctx.moderator,
            Move.QUESTION,
            addressees=(item.target,),
            next_speaker=item.target,
            prompt=item.question,
            responds_to=last.index if last else None,
            question_id=_asked(ctx).id,
        )
    if step == 1:  # an answer from material that answers the probe, or a plain refusal and what it can say
        reply = reply_to_mediator(ctx, item.target, _asked(ctx), ctx.phase_turns[0])
        return reply or delegation_turn(ctx, item.target, Move.ANSWER, item.question, answer_to=ctx.turns[-1])
    responders = _responders(ctx, item.responses, 2, {item.target})
    responders = answerers(ctx, responders, item.question) or responders
    return _respond(ctx, f"{item.question} {ctx.phase_turns[1].text}", responders, len(ctx.phase_plans) - 1)


def plan_crosstalk(ctx: PlanContext) -> TurnPlan | None:
    """Free exchanges: the floor goes to whoever has the best claim to it. A question put in the last
    of the turns asked for gets one more turn, its addressee's (to answer or decline it)."""
    if len(ctx.phase_plans) >= ctx.item.turns:
        last = ctx.phase_plans[-1]
        if len(ctx.phase_plans) > ctx.item.turns or last.move is not Move.ASK or len(last.addressees) != 1:
            return None
        return delegation_turn(ctx, last.addressees[0], Move.ANSWER, ctx.phase_turns[-1].text, recent=1)
    floor = ctx.floor()
    candidates = [n for n in ctx.names if n != floor.last_speaker]
    return _respond(ctx, floor.last_text, candidates, 3)


def plan_edge_case(ctx: PlanContext) -> TurnPlan | None:
    """The mediator poses a hypothetical; the delegations with material that answers it answer it.

    A delegation with nothing that answers the case does not take the floor in this phase, and a
    case nobody can answer is not put at all: the phase is short rather than filled."""
    asked = _asked(ctx)
    if not ctx.phase_plans:
        if not _case_answerers(ctx, asked, ctx.names):
            return None
        return ctx.plan(
            ctx.moderator, Move.EDGE_CASE, addressees=tuple(ctx.names), prompt=ctx.item.scenario, question_id=asked.id
        )
    candidates = _case_answerers(ctx, asked, _responders(ctx, ctx.item.responses, 1, set()))
    while candidates:
        speaker = choose_speaker(ctx.scenario, ctx.floor(asked.text), candidates, list(ctx.turns), ctx.rng)
        reply = reply_to_mediator(ctx, speaker, asked, ctx.phase_turns[0], decline=False)
        if reply is not None:
            return reply
        candidates.remove(speaker)
    return None


def _asked(ctx: PlanContext) -> Asked:
    """The mediator's probe or hard case of this phase, as a question put to delegations."""
    if isinstance(ctx.item, Probe):
        return probe_asked(ctx.scenario, ctx.item, ctx.phase_index)
    return edge_case_asked(ctx.scenario, ctx.item, ctx.phase_index)


def _case_answerers(ctx: PlanContext, asked: Asked, names: list[str]) -> list[str]:
    """Those of ``names`` with a fresh unit that answers the case."""
    return [n for n in names if answer_for(ctx.scenario, fresh_units(ctx.scenario, ctx.plans, n), asked)]


def answerers(ctx: PlanContext, names: list[str], asked: str) -> list[str]:
    """Those of ``names`` with unused material that takes up the question's own words."""
    question = questions_in(asked)
    return [
        n for n in names if any(touches_question(u.text, question) for u in fresh_units(ctx.scenario, ctx.plans, n))
    ]


def plan_reframe(ctx: PlanContext) -> TurnPlan | None:
    """A delegation proposes a shift of focus; the mediator takes it up; others respond."""
    item, step = ctx.item, len(ctx.phase_plans)
    if step == 0:
        unit = proposal_for(fresh_units(ctx.scenario, ctx.plans, item.by), item.focus or "", ctx.rng)
        if unit is None:
            return None  # nothing left to propose from: the mediator moves on
        return ctx.plan(
            item.by,
            Move.PROPOSE,
            addressees=tuple(n for n in ctx.names if n != item.by),
            prompt=item.focus,
            units=(unit.id,),
            talking_point=talking_point_of(unit),
        )
    if step == 1:
        first = ctx.phase_plans[0]
        focus = item.focus or (first.talking_point.text if first.talking_point else None)
        return ctx.plan(
            ctx.moderator, Move.QUESTION, addressees=(item.by,), prompt=focus, responds_to=ctx.turns[-1].index
        )
    matter = f"{ctx.phase_plans[1].prompt or ''} {ctx.phase_turns[0].text}"
    return _respond(ctx, matter, _responders(ctx, item.responses, 2, {item.by}), len(ctx.phase_plans) - 1)
