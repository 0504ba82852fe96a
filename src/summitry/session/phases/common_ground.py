"""The common-ground phase: the mediator names rivals who stood on the same side of a point, then
each delegation with something left to say replies, those named first."""

from __future__ import annotations

import re

from summitry.plan import CommonGroundNote, Move, TurnPlan
from summitry.realize.grammar import continuing
from summitry.session.accord import rival_common_ground
from summitry.session.material import has_material
from summitry.session.planning import PlanContext, delegation_turn


def plan_common_ground(ctx: PlanContext) -> TurnPlan | None:
    """First the mediator's findings, then each delegation's reply, those named first."""
    if not ctx.phase_plans:
        notes = find_notes(ctx)
        engaged = tuple(uid for note in notes for uid in note.units)
        return ctx.plan(ctx.moderator, Move.SUMMARIZE, addressees=_named(notes), common_ground=notes, engages=engaged)
    notes = ctx.phase_plans[0].common_ground
    order = list(_named(notes)) + [n for n in ctx.names if n not in _named(notes)]
    for speaker in [n for n in order if not ctx.spoke_in_phase(n) and has_material(ctx.scenario, ctx.plans, n)]:
        partner = _partner(notes, speaker)
        theme = next((n.theme for n in notes if speaker in n.pair), "")
        partner_turn = next((t for t in reversed(ctx.turns) if t.speaker == partner), None)
        plan = delegation_turn(
            ctx, speaker, Move.REFLECT, f"common ground {theme}".strip(), answer_to=partner_turn, recent=1
        )
        if plan is not None:
            return plan
    return None


def find_notes(ctx: PlanContext) -> tuple[CommonGroundNote, ...]:
    """The rival pairs whose units stood on the same side of a point, as the mediator will name them."""
    return tuple(
        CommonGroundNote(pair=p.pair, theme=_theme(ctx, p.on, p.pair[0]), turns=p.turns, units=p.units)
        for p in rival_common_ground(ctx.scenario, ctx.plans, ctx.item.pairs)
    )


def _theme(ctx: PlanContext, point: str, member: str) -> str:
    """A point as the mediator names it: a lesson question's point is the option both chose."""
    question = next((q for q in ctx.scenario.lesson.questions if q.id == point), None)
    if question is None:
        return point
    chosen = ctx.scenario.delegation(member).answers.get(question.id)
    option = next((o.text for o in question.options if o.id == chosen), point)
    option = " ".join(re.sub(r"\([^)]*\)", "", option).split())  # an aside in brackets is not the point
    return continuing(option, frozenset(w for d in ctx.scenario.delegations for w in d.name.split()))


def _named(notes: tuple[CommonGroundNote, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for note in notes:
        for name in note.pair:
            seen.setdefault(name, None)
    return tuple(seen)


def _partner(notes: tuple[CommonGroundNote, ...], speaker: str) -> str | None:
    for note in notes:
        if speaker in note.pair:
            return note.pair[1] if note.pair[0] == speaker else note.pair[0]
    return None
