"""Rounds where everyone speaks once: naive questions, smartest questions, synthesis."""

from __future__ import annotations

import re

from summitry.plan import Explanation, Move, TurnPlan
from summitry.scenario.model import Fact
from summitry.session.accord import positions_taken
from summitry.session.material import has_material
from summitry.session.planning import PlanContext, delegation_turn
from summitry.session.turn_taking import choose_speaker
from summitry.text.overlap import overlap
from summitry.turns import Turn

NAIVE_PROMPT = "the most naive question you might ask"
SMART_PROMPT = "the smartest question we should all be asking ourselves"


def _next_in_round(ctx: PlanContext, matter: str, waiting: list[str] | None = None) -> str | None:
    waiting = [n for n in ctx.names if not ctx.spoke_in_phase(n)] if waiting is None else waiting
    if not waiting:
        return None
    return choose_speaker(ctx.scenario, ctx.floor(matter), waiting, list(ctx.turns), ctx.rng)


def _question_round(ctx: PlanContext, prompt: str, move: Move) -> TurnPlan | None:
    if not ctx.phase_plans:
        return ctx.plan(ctx.moderator, Move.QUESTION, addressees=tuple(ctx.names), prompt=prompt)
    speaker = _next_in_round(ctx, prompt)
    if speaker is None:
        return None
    return ctx.plan(speaker, move, addressees=(ctx.moderator,), prompt=prompt)


def plan_naive_questions(ctx: PlanContext) -> TurnPlan | None:
    """Each delegation asks its most naive question; the mediator then sorts fact from fiction."""
    plan = _question_round(ctx, NAIVE_PROMPT, Move.NAIVE_QUESTION)
    if plan is not None:
        return plan
    if any(p.move is Move.EXPLAIN for p in ctx.phase_plans):
        return None
    asked = [t for t, p in zip(ctx.phase_turns, ctx.phase_plans, strict=True) if p.move is Move.NAIVE_QUESTION]
    return ctx.plan(
        ctx.moderator,
        Move.EXPLAIN,
        addressees=tuple(t.speaker for t in asked),
        explanations=explain(asked, ctx.scenario.lesson.facts),
    )


def explain(questions: list[Turn], facts: list[Fact]) -> tuple[Explanation, ...]:
    """The misconceptions the naive questions actually voiced: a fact is corrected only for the
    askers whose words contain one of its keywords (the claim's content words decide between
    facts a question touches alike); grouped by fact, in fact order."""
    askers: dict[int, list[str]] = {}
    for turn in questions:
        scores = [_keyword_hits(turn.text, f) + overlap(turn.text, f.claim) for f in facts]
        voiced = [i for i, f in enumerate(facts) if _keyword_hits(turn.text, f)]
        if voiced:
            askers.setdefault(max(voiced, key=lambda i: scores[i]), []).append(turn.speaker)
    return tuple(
        Explanation(askers=tuple(askers[i]), claim=facts[i].claim, correction=facts[i].correction)
        for i in sorted(askers)
    )


def _keyword_hits(text: str, fact: Fact) -> int:
    """How many of the fact's keywords the text says, as whole words."""
    return sum(bool(re.search(rf"\b{re.escape(k)}\b", text, re.IGNORECASE)) for k in fact.keywords)


def plan_smartest_questions(ctx: PlanContext) -> TurnPlan | None:
    """Each delegation asks the smartest question it can."""
    return _question_round(ctx, SMART_PROMPT, Move.SMART_QUESTION)


def plan_synthesis(ctx: PlanContext) -> TurnPlan | None:
    """The mediator poses a deeper question; each delegation with something left reflects; the
    mediator then names the positions that were taken."""
    question = ctx.item.question
    if not ctx.phase_plans:
        return ctx.plan(ctx.moderator, Move.QUESTION, addressees=tuple(ctx.names), prompt=question)
    if any(p.move is Move.SUMMARIZE for p in ctx.phase_plans):
        return None
    waiting = [n for n in ctx.names if not ctx.spoke_in_phase(n) and has_material(ctx.scenario, ctx.plans, n)]
    while (speaker := _next_in_round(ctx, question, waiting)) is not None:
        plan = delegation_turn(ctx, speaker, Move.REFLECT, question, recent=min(2, len(ctx.phase_plans)))
        if plan is not None:
            return plan
        waiting.remove(speaker)
    return ctx.plan(
        ctx.moderator,
        Move.SUMMARIZE,
        addressees=tuple(ctx.names),
        prompt=question,
        engages=positions_taken(ctx.scenario, ctx.plans, question),
    )
