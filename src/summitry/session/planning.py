"""The planning context a phase sees, and the choices every phase shares.

A phase planner is a function from a :class:`PlanContext` to the next :class:`TurnPlan` of
that phase, or ``None`` when the phase is over. It sees only the scenario and what was
already said, so the same inputs always give the same plan — which is what lets a session
resume after a crash and still match the session that was never interrupted.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from summitry.plan import Move, Stance, TalkingPointRef, TurnPlan
from summitry.scenario.answers import Asked
from summitry.scenario.index import material_of, unit_index
from summitry.scenario.model import Concept, Scenario
from summitry.scenario.position import Unit
from summitry.scenario.touch import touched_units
from summitry.session.material import answer_or_decline, choose_move, fresh_units
from summitry.session.turn_taking import Floor, choose_addressee, named_in, stance_toward
from summitry.text.overlap import overlap
from summitry.turns import Turn

WARM_PHASES = frozenset({"reframe", "synthesis", "common_ground", "closing"})


@dataclass(frozen=True)
class PlanContext:
    """The scenario, the agenda item being run and everything said so far."""

    scenario: Scenario
    item: Any
    phase_index: int
    turns: tuple[Turn, ...]
    plans: tuple[TurnPlan, ...]
    seed: int

    @property
    def next_index(self) -> int:
        return len(self.turns) + 1

    @cached_property
    def rng(self) -> random.Random:
        """A generator seeded by the session seed and the turn's position alone."""
        return random.Random(f"{self.seed}:{self.next_index}")

    @property
    def phase(self) -> str:
        return str(self.item.phase)

    @property
    def moderator(self) -> str:
        return self.scenario.moderator.name

    @property
    def names(self) -> list[str]:
        return [d.name for d in self.scenario.delegations]

    @cached_property
    def phase_plans(self) -> list[TurnPlan]:
        return [p for p in self.plans if p.phase_index == self.phase_index]

    @cached_property
    def phase_turns(self) -> list[Turn]:
        return [t for t, p in zip(self.turns, self.plans, strict=True) if p.phase_index == self.phase_index]

    def spoke_in_phase(self, name: str) -> bool:
        return any(p.speaker == name for p in self.phase_plans)

    def has_spoken(self, name: str) -> bool:
        return any(p.speaker == name for p in self.plans)

    def floor(self, matter: str = "") -> Floor:
        last = self.turns[-1] if self.turns else None
        return Floor(
            last_speaker=last.speaker if last else None,
            last_text=last.text if last else "",
            named=named_in(last.text, self.names) if last else frozenset(),
            matter=matter or (last.text if last else ""),
        )

    def plan(self, speaker: str, move: Move, **fields: Any) -> TurnPlan:
        """A plan for the next turn, with the bookkeeping fields filled in."""
        is_moderator = speaker == self.moderator
        return TurnPlan(
            index=self.next_index,
            phase=self.phase,
            phase_index=self.phase_index,
            speaker=speaker,
            is_moderator=is_moderator,
            move=move,
            show_tone=not self.has_spoken(speaker),
            **fields,
        )


PhasePlanner = Callable[[PlanContext], TurnPlan | None]


def talking_point_of(unit: Unit | None) -> TalkingPointRef | None:
    """A unit as the older plan field reads it (its point and its words), for realizers that use it."""
    if unit is None:
        return None
    return TalkingPointRef(theme=unit.on or unit.kind.replace("_", " "), text=unit.text)


def pick_concept(ctx: PlanContext, speaker: str, matter: str) -> Concept | None:
    """A lesson concept to cite: relevant to the matter, preferring ones the speaker has not cited."""
    concepts = ctx.scenario.lesson.concepts
    if not concepts:
        return None
    cited = {p.concept_id for p in ctx.plans if p.speaker == speaker}

    def score(c: Concept) -> float:
        return overlap(matter, f"{c.name} {c.summary}") - 0.5 * (c.id in cited) + 0.05 * ctx.rng.random()

    return max(concepts, key=score)


def delegation_turn(
    ctx: PlanContext,
    speaker: str,
    move: Move,
    matter: str,
    *,
    answer_to: Turn | None = None,
    recent: int = 4,
    **fields: Any,
) -> TurnPlan | None:
    """Plan a delegation's move on its material toward a recent speaker; None when it has nothing left to say."""
    pairs = list(zip(ctx.turns, ctx.plans, strict=True))[-recent:]
    asked = None if answer_to else question_waiting(ctx, speaker, pairs)
    bridge = None if answer_to or asked else find_bridge(ctx, speaker)
    target = answer_to or asked or bridge or choose_addressee(ctx.scenario, speaker, pairs, ctx.rng)
    if target is None and ctx.turns and ctx.turns[-1].speaker == ctx.moderator:
        target = ctx.turns[-1]
    target_plan = said_by(ctx, target) if target else None
    stance = fields.pop("stance", None) or _stance(ctx, speaker, target)
    choice = choose_move(ctx.scenario, ctx.plans, speaker, target_plan, matter, stance, ctx.rng, askable(ctx, speaker))
    if choice is None:
        return None
    units = unit_index(ctx.scenario)
    primary = units[choice.units[0]]
    concept = pick_concept(ctx, speaker, f"{matter} {primary.text}")
    if choice.move is Move.ASK:
        addressees = (choice.addressee,) if choice.addressee else tuple(n for n in ctx.names if n != speaker)
    else:
        addressees = (target.speaker,) if target else ()
    chosen = _move(move, choice.move, answers_moderator=target is not None and target.speaker == ctx.moderator)
    return ctx.plan(
        speaker,
        chosen,
        addressees=addressees,
        responds_to=target.index if target else None,
        talking_point=talking_point_of(primary),
        units=choice.units,
        engages=choice.engages,
        stance=choice.stance or stance,
        concept_id=concept.id if concept else None,
        prompt=matter or None,
        **fields,
    )


def askable(ctx: PlanContext, speaker: str) -> frozenset[str]:
    """The delegations that can still take the floor in this phase to answer the speaker's question:
    those with material left; in free crosstalk any of them, elsewhere (one turn each) those who have
    not spoken in the phase yet."""
    others = {n for n in ctx.names if n != speaker and fresh_units(ctx.scenario, ctx.plans, n)}
    if ctx.phase == "crosstalk":
        return frozenset(others)
    return frozenset(n for n in others if not ctx.spoke_in_phase(n))


def reply_to_mediator(
    ctx: PlanContext, speaker: str, asked: Asked, asking: Turn, *, decline: bool = True
) -> TurnPlan | None:
    """The speaker's reply to the mediator's probe or hard case, put in the ``asking`` turn: an answer
    engaging the question's id, or (with ``decline``) a plain refusal followed by what it can say;
    None when it has neither."""
    fresh = fresh_units(ctx.scenario, ctx.plans, speaker)
    choice = answer_or_decline(ctx.scenario, fresh, asked, ctx.rng)
    if choice is None or (choice.move is Move.DECLINE and not decline):
        return None
    primary = unit_index(ctx.scenario)[choice.units[0]]
    concept = pick_concept(ctx, speaker, f"{asked.text} {primary.text}")
    return ctx.plan(
        speaker,
        choice.move,
        addressees=(ctx.moderator,),
        responds_to=asking.index,
        talking_point=talking_point_of(primary),
        units=choice.units,
        engages=choice.engages,
        stance=Stance.QUALIFY if primary.kind == "concession" else Stance.NEUTRAL,
        concept_id=concept.id if concept else None,
        prompt=asked.text,
    )


def said_by(ctx: PlanContext, turn: Turn) -> TurnPlan:
    """The plan of a turn, with the units it was heard to use: those planned when its words say
    them, else (a person at a seat, a model that wandered) the units its words touch."""
    plan = ctx.plans[turn.index - 1]
    if turn.speaker not in ctx.names:
        return plan
    touched = tuple(t.unit for t in touched_units(turn.text, material_of(ctx.scenario, turn.speaker)))
    if plan.units and set(plan.units) <= set(touched):
        return plan
    return plan.model_copy(update={"units": touched})


def question_waiting(ctx: PlanContext, speaker: str, pairs: list[tuple[Turn, TurnPlan]]) -> Turn | None:
    """The latest recent turn that put one of its questions to the speaker, unless already answered or declined."""
    units = unit_index(ctx.scenario)
    answered = {uid for p in ctx.plans if p.speaker == speaker for uid in p.engages}
    declined = {p.responds_to for p in ctx.plans if p.speaker == speaker and p.move is Move.DECLINE}
    for turn, plan in reversed(pairs):
        if turn.index in declined:
            continue
        if any(units[u].kind == "question" and units[u].to == speaker and u not in answered for u in plan.units):
            return turn
    return None


EXPLICIT_MOVES = frozenset({Move.ASK, Move.PROPOSE, Move.CONCEDE, Move.DECLINE})


def _move(phase_move: Move, material_move: Move, *, answers_moderator: bool) -> Move:
    """The move a turn makes: what its material does (a concession, a proposal, a question) wins;
    otherwise a reflection or a proposal the phase asks for, an answer to the mediator, or the
    reaction to the addressee that the material chose."""
    if material_move in EXPLICIT_MOVES:
        return material_move
    if phase_move in (Move.REFLECT, Move.PROPOSE):
        return phase_move
    return Move.ANSWER if answers_moderator else material_move


def find_bridge(ctx: PlanContext, speaker: str, window: int = 12) -> Turn | None:
    """In the warmer later phases: a rival's recent turn on a point the speaker has fresh material on.

    This is how rivals come to common ground in a session: once the room has turned to
    shared problems, a delegation answers a rival on a point they both care about.
    """
    if not (ctx.phase in WARM_PHASES or _after_reframe(ctx)):
        return None
    units = unit_index(ctx.scenario)
    mine = {u.on for u in fresh_units(ctx.scenario, ctx.plans, speaker) if u.on}
    recent = list(zip(ctx.turns, ctx.plans, strict=True))[-window:]
    for turn, plan in reversed(recent):
        rival = (
            turn.speaker in ctx.names
            and turn.speaker != speaker
            and ctx.scenario.relation(speaker, turn.speaker) < -0.3
        )
        if rival and any(units[uid].on in mine for uid in plan.units if uid in units):
            return turn
    return None


def _stance(ctx: PlanContext, speaker: str, target: Turn | None) -> Stance:
    if target is None or target.speaker not in ctx.names:
        return Stance.NEUTRAL
    warm = ctx.phase in WARM_PHASES or _after_reframe(ctx)
    warmth = 0.35 if warm else 0.0
    units = unit_index(ctx.scenario)
    theirs = {units[uid].on for uid in ctx.plans[target.index - 1].units if uid in units}
    if (theirs & {u.on for u in fresh_units(ctx.scenario, ctx.plans, speaker)}) - {None}:
        warmth += 1.2 if warm else 0.3
    return stance_toward(ctx.scenario, speaker, target.speaker, warmth)


def _after_reframe(ctx: PlanContext) -> bool:
    return any(p.phase == "reframe" for p in ctx.plans)
