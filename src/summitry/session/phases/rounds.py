"""Rounds where everyone speaks once: naive questions, smartest questions, synthesis."""

from __future__ import annotations

import re
from itertools import pairwise

from summitry.asked import PutQuestion, unanswered_questions
from summitry.plan import Explanation, Move, TurnPlan
from summitry.scenario.model import Fact
from summitry.session.accord import positions_taken
from summitry.session.material import has_material
from summitry.session.planning import PlanContext, delegation_turn
from summitry.session.turn_taking import choose_speaker
from summitry.text.overlap import overlap
from summitry.turns import Turn

NAIVE_PROMPT = "the most naive question you might ask"
# Corrections one mediator turn gives at most; more are spread over turns of two or three, so that
# each reads as speech (a guess: the seed's mediator corrects two or three ideas in one turn).
CORRECTIONS_PER_TURN = 3
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
    given = [p for p in ctx.phase_plans if p.move is Move.EXPLAIN]
    asked = [t for t, p in zip(ctx.phase_turns, ctx.phase_plans, strict=True) if p.move is Move.NAIVE_QUESTION]
    turns = correction_turns(explain(asked, ctx.scenario.lesson.facts))
    if len(given) >= len(turns):
        return None
    part = turns[len(given)]
    return ctx.plan(
        ctx.moderator,
        Move.EXPLAIN,
        addressees=tuple(dict.fromkeys(n for e in part for n in e.askers)) or tuple(t.speaker for t in asked),
        explanations=part,
        next_speaker=ctx.moderator if len(given) + 1 < len(turns) else None,  # the mediator goes on
    )


def correction_turns(explanations: tuple[Explanation, ...]) -> list[tuple[Explanation, ...]]:
    """The corrections spread over as few turns as keep each to ``CORRECTIONS_PER_TURN``, in even
    parts (four are two and two, not three and one); one empty turn when nothing was voiced."""
    if not explanations:
        return [()]
    parts = -(-len(explanations) // CORRECTIONS_PER_TURN)
    size, extra = divmod(len(explanations), parts)
    cuts = [0]
    for i in range(parts):
        cuts.append(cuts[-1] + size + (i < extra))
    return [explanations[a:b] for a, b in pairwise(cuts)]


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


def open_question(plans: tuple[TurnPlan, ...]) -> list[PutQuestion]:
    """The question the synthesis names as open: the latest one its addressee let pass (it spoke
    afterwards without taking it up), else the latest one left unanswered; none when all were answered."""
    still_open = unanswered_questions(plans)
    passed = [q for q in still_open if any(p.speaker == q.addressee and p.index > q.index for p in plans)]
    return (passed or still_open)[-1:]


def plan_synthesis(ctx: PlanContext) -> TurnPlan | None:
    """The mediator poses a deeper question; each delegation with something left reflects; the
    mediator then names the positions that were taken, and a question put to a delegation that it
    never answered."""
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
    still_open = open_question(ctx.plans)
    return ctx.plan(
        ctx.moderator,
        Move.SUMMARIZE,
        addressees=tuple(ctx.names),
        prompt=question,
        engages=(*positions_taken(ctx.scenario, ctx.plans, question), *(q.unit for q in still_open)),
    )
