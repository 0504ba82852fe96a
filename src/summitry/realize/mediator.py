"""The mediator's turns, composed from the plan: welcome, probes, edge cases, explanations, syntheses, closings.

The mediator says only what happened: whom it hands the floor to, the point the last speaker was
on, the misconceptions that a question actually voiced (the plan's ``explanations``), the
positions the delegations actually took (the units the plan ``engages``) and the common ground
their own units show (the plan's ``common_ground``). Its phrases live in the mediator's phrase
bank, which a scenario can extend or replace.
"""

from __future__ import annotations

import re

from summitry.plan import CommonGroundNote, Explanation, Move, TurnPlan
from summitry.realize.bank import Bank, bank_for, placeholders
from summitry.realize.base import SessionContext
from summitry.realize.grammar import continuing, first_clause, join, number_words, quoted
from summitry.realize.topic import topic_phrase
from summitry.realize.writer import Writer
from summitry.scenario.index import unit_index
from summitry.text.casing import end_sentence, lower_first
from summitry.text.names import refer

GIST_WORDS = 14  # words of a unit the synthesis quotes at most: a guess, about one spoken phrase


def compose_mediator(plan: TurnPlan, context: SessionContext, w: Writer) -> None:
    """Write the mediator's turn for this plan into the writer."""
    bank = bank_for(context.scenario, "mediator")
    topic = topic_phrase(context.scenario)
    if plan.move is Move.WELCOME:
        _say(w, bank, "welcome", topic=topic, first=refer(plan.next_speaker or ""))
    elif plan.move is Move.QUESTION:
        _question(plan, context, w, bank, topic)
    elif plan.move is Move.EDGE_CASE:
        _edge_case(plan, context, w, bank)
    elif plan.move is Move.EXPLAIN:
        _explain(plan.explanations, context, w, bank)
    elif plan.move is Move.SUMMARIZE:
        _summarize(plan, context, w, bank)
    elif plan.move is Move.CLOSE:
        closes = sum(1 for p in context.plans if p.move is Move.CLOSE and p.is_moderator)
        _say(w, bank, "close_first" if closes == 0 else "close_last", topic=topic)
    else:
        _say(w, bank, "thanks", names=join([refer(n) for n in plan.addressees]))


def _say(w: Writer, bank: Bank, slot: str, **values: str) -> bool:
    usable = [p for p in bank[slot] if all(values.get(f[:1].lower() + f[1:]) for f in placeholders(p))]
    return w.add_choice(usable, **values)


def _question(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank, topic: str) -> None:
    if plan.phase == "naive_questions":
        _say(w, bank, "naive_invite", topic=topic)
    elif plan.phase == "smartest_questions":
        _say(w, bank, "smart_invite", topic=topic)
    elif plan.phase == "synthesis":
        asked = sum(1 for p in context.plans if p.move is Move.SMART_QUESTION)
        if asked:
            _say(w, bank, "deeper_intro", count=number_words(asked))
        w.add(end_sentence(plan.prompt or ""), source="scenario")
    elif plan.phase == "reframe":
        _say(w, bank, "take_up", by=refer(plan.addressees[0]) if plan.addressees else "")
        if plan.prompt:
            _say(w, bank, "take_up_focus", focus=lower_first(plan.prompt.rstrip(".?!")))
    else:
        _comment_on_last(context, w, bank)
        if plan.addressees and plan.prompt:
            w.add(f"{refer(plan.addressees[0])}, {continuing(plan.prompt.strip(), w.proper)}", source="scenario")
        elif plan.prompt:
            w.add(plan.prompt, source="scenario")


def _comment_on_last(context: SessionContext, w: Writer, bank: Bank) -> None:
    if not context.plans:
        return
    last_plan, last_turn = context.plans[-1], context.turns[-1]
    if last_plan.phase == "opening":
        _say(w, bank, "after_opening")
        return
    units = unit_index(context.scenario)
    point = next((units[u].on for u in last_plan.units if u in units and units[u].kind != "reason"), None)
    if point and not last_turn.is_moderator:
        _say(w, bank, "on_last", last=refer(last_turn.speaker), point=point)


_SCENARIO_VERBS = re.compile(r"^(?:imagine|suppose|what if|picture this:?)\s+", re.IGNORECASE)


def _edge_case(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    """Pose the scenario as written, behind an opener; add a closing question if it has none."""
    scenario = _SCENARIO_VERBS.sub("", (plan.prompt or "").strip())
    first = not any(p.move is Move.EDGE_CASE for p in context.plans)
    if first:
        _say(w, bank, "edge_first")
    _say(w, bank, "edge_opener_first" if first else "edge_opener", scenario=continuing(scenario, w.proper))
    if "?" not in scenario:
        _say(w, bank, "edge_closer")


def _explain(explanations: tuple[Explanation, ...], context: SessionContext, w: Writer, bank: Bank) -> None:
    """Correct the misconceptions the questions voiced; with none voiced, offer one fact as a fact."""
    if not explanations:
        fact = next((f for f in context.scenario.lesson.facts if w.is_new(f.correction)), None)
        if fact is not None:
            _say(w, bank, "no_misconception", fact=end_sentence(fact.correction))
        return
    _say(w, bank, "explain_intro")
    for item in explanations:
        who = join([refer(n) for n in item.askers])
        _say(w, bank, "explain_item", who=who, claim=continuing(item.claim.rstrip(".?!"), w.proper))
        w.add(end_sentence(item.correction), source="scenario")
    _say(w, bank, "explain_close")


def _summarize(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    if plan.phase == "common_ground":
        _name_common_ground(plan.common_ground, w, bank)
        return
    units = unit_index(context.scenario)
    taken = [units[u] for u in plan.engages if u in units]
    if not taken:
        return
    _say(w, bank, "synthesis_intro")
    for unit in taken:
        point = unit.on if unit.kind != "reason" else None
        kind = w.rng.choice(bank[f"kind_{unit.kind}"]) if f"kind_{unit.kind}" in bank.slots else ""
        gist = quoted(short_phrase(unit.claim or unit.text))
        _say(w, bank, "position", who=refer(unit.owner), point=point or "the lesson's questions", kind=kind, gist=gist)
    _say(w, bank, "synthesis_close")


def short_phrase(text: str) -> str:
    """A unit's words, short enough to quote in passing: its first clause, cut at a comma when long,
    and at most ``GIST_WORDS`` words, each as the delegation said it."""
    clause = first_clause(text).rstrip(".")
    if len(clause.split()) > GIST_WORDS:
        clause = clause.split(",")[0]
    said = clause.split()
    return " ".join(said[:GIST_WORDS]) + (" …" if len(said) > GIST_WORDS else "")


def _name_common_ground(notes: tuple[CommonGroundNote, ...], w: Writer, bank: Bank) -> None:
    if not notes:
        _say(w, bank, "common_ground_none")
        return
    _say(w, bank, "common_ground_intro")
    for note in notes:
        pair = join([refer(n) for n in note.pair])
        _say(w, bank, "common_ground_pair", pair=pair, point=note.theme)
