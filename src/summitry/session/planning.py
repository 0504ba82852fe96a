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

from summitry.phase import Phase
from summitry.plan import Move, Stance, TalkingPointRef, TurnPlan
from summitry.scenario.model import Concept, Scenario, TalkingPoint
from summitry.session.turn_taking import Floor, choose_addressee, named_in, stance_toward
from summitry.text.overlap import overlap
from summitry.turns import Turn

WARM_PHASES = frozenset({Phase.REFRAME, Phase.SYNTHESIS, Phase.COMMON_GROUND, Phase.CLOSING})


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


def points_to_make(scenario: Scenario, speaker: str) -> list[TalkingPoint]:
    """The speaker's arguments, from its position paper or its talking points, as points to make."""
    units = scenario.delegation(speaker).material()
    return [TalkingPoint(theme=u.on, text=u.text) for u in units if u.kind == "argument" and u.on]


def pick_talking_point(ctx: PlanContext, speaker: str, matter: str) -> TalkingPointRef | None:
    """The speaker's unused talking point most relevant to the matter, if one is left."""
    used = {p.talking_point.text for p in ctx.plans if p.speaker == speaker and p.talking_point}
    fresh = [tp for tp in points_to_make(ctx.scenario, speaker) if tp.text not in used]
    if not fresh:
        return None

    def score(tp: TalkingPoint) -> float:
        return overlap(matter, f"{tp.theme} {tp.text}") + 2 * overlap(matter, tp.theme) + 0.02 * ctx.rng.random()

    best = max(fresh, key=score)
    return TalkingPointRef(theme=best.theme, text=best.text)


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
) -> TurnPlan:
    """Plan a delegation's turn that reacts to a recent speaker and draws on its own material."""
    pairs = list(zip(ctx.turns, ctx.plans, strict=True))[-recent:]
    bridge = None if answer_to else find_bridge(ctx, speaker)
    target = answer_to or (bridge[0] if bridge else choose_addressee(ctx.scenario, speaker, pairs, ctx.rng))
    if target is None and ctx.turns and ctx.turns[-1].speaker == ctx.moderator:
        target = ctx.turns[-1]
    point = bridge[1] if bridge else pick_talking_point(ctx, speaker, f"{matter} {target.text if target else ''}")
    concept = pick_concept(ctx, speaker, f"{matter} {point.text if point else ''}")
    fields.setdefault("stance", _stance(ctx, speaker, target, point))
    if target is not None and move is Move.ANSWER and target.speaker != ctx.moderator:
        move = _move_for(fields["stance"])
    return ctx.plan(
        speaker,
        move,
        addressees=(target.speaker,) if target else (),
        responds_to=target.index if target else None,
        talking_point=point,
        concept_id=concept.id if concept else None,
        prompt=matter or None,
        **fields,
    )


def find_bridge(ctx: PlanContext, speaker: str, window: int = 12) -> tuple[Turn, TalkingPointRef] | None:
    """In the warmer later phases: a rival's recent turn on a theme the speaker has a fresh point on.

    This is how rivals come to common ground in a session: once the room has turned to
    shared problems, a delegation answers a rival on a theme they both care about.
    """
    if not (ctx.phase in WARM_PHASES or _after_reframe(ctx)):
        return None
    used = {p.talking_point.text for p in ctx.plans if p.speaker == speaker and p.talking_point}
    fresh = {tp.theme: tp for tp in points_to_make(ctx.scenario, speaker) if tp.text not in used}
    recent = list(zip(ctx.turns, ctx.plans, strict=True))[-window:]
    for turn, plan in reversed(recent):
        rival = (
            turn.speaker in ctx.names
            and turn.speaker != speaker
            and ctx.scenario.relation(speaker, turn.speaker) < -0.3
        )
        if rival and plan.talking_point and plan.talking_point.theme in fresh:
            tp = fresh[plan.talking_point.theme]
            return turn, TalkingPointRef(theme=tp.theme, text=tp.text)
    return None


def _stance(ctx: PlanContext, speaker: str, target: Turn | None, point: TalkingPointRef | None) -> Stance:
    if target is None or target.speaker not in ctx.names:
        return Stance.NEUTRAL
    warm = ctx.phase in WARM_PHASES or _after_reframe(ctx)
    warmth = 0.35 if warm else 0.0
    target_plan = ctx.plans[target.index - 1]
    if point and target_plan.talking_point and point.theme == target_plan.talking_point.theme:
        warmth += 1.2 if warm else 0.3
    return stance_toward(ctx.scenario, speaker, target.speaker, warmth)


def _after_reframe(ctx: PlanContext) -> bool:
    return any(p.phase == Phase.REFRAME for p in ctx.plans)


def _move_for(stance: Stance) -> Move:
    return {Stance.OPPOSE: Move.REBUT, Stance.SUPPORT: Move.AGREE_EXTEND}.get(stance, Move.ANSWER)
