"""The common-ground phase: the mediator names rivals who met on the same side of a point (or, with
none, says so and names an answer two rivals merely shared); then only the named pairs reply, each
on its common ground with a unit of its own on the same point, and never against its partner."""

from __future__ import annotations

import re

from summitry.plan import CommonGroundNote, Move, Stance, TurnPlan
from summitry.realize.grammar import continuing, ordinal_words
from summitry.realize.points import question_name
from summitry.scenario.index import aims_at, unit_index, unit_point
from summitry.scenario.position import Unit
from summitry.session.accord import rival_common_ground, shared_choices
from summitry.session.material import fresh_units
from summitry.session.planning import PlanContext, talking_point_of

# What a delegation may add on common ground: its own case or offer on the point, never a rebuttal,
# a red line (a refusal) or a question.
REPLY_KINDS = frozenset({"argument", "reason", "proposal", "concession"})


def plan_common_ground(ctx: PlanContext) -> TurnPlan | None:
    """First the mediator's findings, then a reply from each delegation of a pair found on common ground."""
    if not ctx.phase_plans:
        notes = find_notes(ctx)
        engaged = tuple(uid for note in notes for uid in note.units)
        named = _named(tuple(n for n in notes if n.basis == "engaged"))
        return ctx.plan(ctx.moderator, Move.SUMMARIZE, addressees=named, common_ground=notes, engages=engaged)
    for note in (n for n in ctx.phase_plans[0].common_ground if n.basis == "engaged"):
        for speaker in note.pair:
            if ctx.spoke_in_phase(speaker):
                continue
            plan = reply_on_common_ground(ctx, note, speaker)
            if plan is not None:
                return plan
    return None


def find_notes(ctx: PlanContext) -> tuple[CommonGroundNote, ...]:
    """The rival pairs whose units met on the same side of a point, as the mediator will name them;
    with none, the first pair of rivals that gave the same lesson answer, named as a shared choice."""
    spoken = {turn.index: turn.text for turn in ctx.turns}
    found = rival_common_ground(ctx.scenario, ctx.plans, ctx.item.pairs, spoken)
    notes = tuple(
        CommonGroundNote(pair=p.pair, theme=_theme(ctx, p.on, p.pair[0]), on=p.on, turns=p.turns, units=p.units)
        for p in found
    )
    if notes:
        return notes
    return tuple(
        CommonGroundNote(pair=c.pair, theme=_question_named(ctx, c.question), on=c.question, turns=c.turns,
                         basis="same_answer")
        for c in shared_choices(ctx.scenario, ctx.plans, 1)
    )


def reply_on_common_ground(ctx: PlanContext, note: CommonGroundNote, speaker: str) -> TurnPlan | None:
    """The speaker's reply to its partner on the point they share: a fresh unit of its own on that
    point that does not answer the partner against it; None (it does not take the floor) when it has none."""
    partner = note.pair[1] if note.pair[0] == speaker else note.pair[0]
    units = unit_index(ctx.scenario)
    theirs = next((units[u] for u in note.units if u in units and units[u].owner == partner), None)
    mine = [u for u in fresh_units(ctx.scenario, ctx.plans, speaker) if _agrees_on(ctx, u, note.on, partner)]
    if not mine:
        return None
    unit = mine[0]
    partner_turn = next((t for t in reversed(ctx.turns) if t.speaker == partner), None)
    return ctx.plan(
        speaker,
        Move.AGREE_EXTEND,
        addressees=(partner,),
        responds_to=partner_turn.index if partner_turn else None,
        units=(unit.id,),
        engages=(theirs.id,) if theirs else (),
        stance=Stance.SUPPORT,
        talking_point=talking_point_of(unit),
        prompt=f"common ground {note.theme}",
    )


def _agrees_on(ctx: PlanContext, unit: Unit, point: str, partner: str) -> bool:
    """Whether a unit speaks to the point without turning on the partner: of a kind that adds to
    common ground, on the point, and (for a reason) for the same answer the partner chose."""
    if unit.kind not in REPLY_KINDS or unit_point(unit) != point:
        return False
    if unit.kind == "reason":
        answers = ctx.scenario.delegation(unit.owner).answers, ctx.scenario.delegation(partner).answers
        return answers[0].get(point) is not None and answers[0].get(point) == answers[1].get(point)
    return not (unit.target and aims_at(unit, ctx.scenario, partner, ()))


def _question_named(ctx: PlanContext, question: str) -> str:
    """A lesson question as it reads after "on" (:func:`summitry.realize.points.question_name`); by
    its place ("the second question") only when it has no name, which lint reports. An option is
    never quoted."""
    place, asked = next((i, q) for i, q in enumerate(ctx.scenario.lesson.questions, start=1) if q.id == question)
    return question_name(asked) or f"the {ordinal_words(place)} question"


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
