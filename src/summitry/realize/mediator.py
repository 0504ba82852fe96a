"""The mediator's turns, composed from the plan: welcome, probes, edge cases, explanations, syntheses, closings.

The mediator says only what happened: whom it hands the floor to, the point the last speaker was
on, the proposal it takes up (the unit of the turn it answers), the misconceptions that a question
actually voiced (the plan's ``explanations``), the positions the delegations actually took and the
questions left open (the units the plan ``engages``), the common ground their own units show (the
plan's ``common_ground``), and, closing, one offer or question of the session in its own words.
A delegation's words are quoted as a complete clause or reported without rewriting a pronoun
(:mod:`summitry.realize.reported`). Its phrases live in the mediator's phrase bank, which a
scenario can extend or replace.
"""

from __future__ import annotations

import re

from summitry.plan import CommonGroundNote, Move, TurnPlan
from summitry.realize.bank import Bank, bank_for, placeholders
from summitry.realize.base import SessionContext
from summitry.realize.grammar import continuing, join, number_words, quoted
from summitry.realize.reported import quotable, report
from summitry.realize.topic import topic_phrase
from summitry.realize.writer import Writer, fill
from summitry.scenario.index import unit_index
from summitry.scenario.position import Unit
from summitry.text.casing import end_sentence, lower_first, mid_sentence
from summitry.text.names import refer
from summitry.text.overlap import overlap

__all__ = ["compose_mediator"]

SAME_WORDS = 0.5  # content-word overlap at which a focus restates the proposal (a guess: half its words)
REPORTED_KINDS = frozenset({"proposal", "concession", "red_line"})  # units that say what a delegation offers or refuses


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
        _explain(plan, context, w, bank)
    elif plan.move is Move.SUMMARIZE:
        _summarize(plan, context, w, bank)
    elif plan.move is Move.CLOSE:
        _close(plan, context, w, bank, topic)
    else:
        _say(w, bank, "thanks", names=join([refer(n) for n in plan.addressees]))


def _say(w: Writer, bank: Bank, slot: str, avoid: set[str] | None = None, **values: str) -> bool:
    """Say one of the slot's phrases whose placeholders all have a value; with ``avoid``, one not
    yet used in this turn while there is one (the phrases used are added to it)."""
    usable = [p for p in bank[slot] if all(values.get(f[:1].lower() + f[1:]) for f in placeholders(p))]
    if avoid is not None:
        usable = [p for p in usable if p not in avoid] or usable
        text = w.choose(usable, **values)
        if text is None or not w.add(text):
            return False
        avoid.update(p for p in usable if fill(p, **values) == text)
        return True
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
        _take_up(plan, context, w, bank)
    else:
        _comment_on_last(context, w, bank)
        if plan.addressees and plan.prompt:
            # someone addressed is named without an article: "United States, …"
            w.add(f"{plan.addressees[0]}, {continuing(plan.prompt.strip(), w.proper)}", source="scenario")
        elif plan.prompt:
            w.add(plan.prompt, source="scenario")


def _take_up(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    """Name what the proposer put on the table, in its own words, then ask from there."""
    by = refer(plan.addressees[0]) if plan.addressees else ""
    answered = context.plans[plan.responds_to - 1] if plan.responds_to else None
    units = unit_index(context.scenario)
    proposal = next((units[u] for u in (answered.units if answered else ()) if u in units), None)
    said = False
    if proposal is not None:
        offer = report(proposal.text)
        if offer is not None:
            said = _say(w, bank, "take_up_reported", by=by, content=offer.said())
        if not said:
            said = _say(w, bank, "take_up_quoted", by=by, point=proposal.on or "", gist=quoted(quotable(proposal.text)))
    if not said:
        _say(w, bank, "take_up", by=by)
    focus = lower_first((plan.prompt or "").rstrip(".?!"))
    restated = proposal is not None and overlap(focus, proposal.text) >= SAME_WORDS
    if not (focus and not restated and _say(w, bank, "take_up_focus", focus=focus)):
        _say(w, bank, "take_up_ask")  # a focus the proposal already said is not said again


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


def _explain(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    """Correct the misconceptions the questions voiced, a few per turn: the planner splits them, and
    a turn that hands the floor back to the mediator (``next_speaker``) leaves the rest for the next;
    with none voiced, offer one fact as a fact."""
    explanations = plan.explanations
    if not explanations:
        fact = next((f for f in context.scenario.lesson.facts if w.is_new(f.correction)), None)
        if fact is not None:
            _say(w, bank, "no_misconception", fact=end_sentence(fact.correction))
        return
    earlier = [p for p in context.plans if p.move is Move.EXPLAIN and p.phase_index == plan.phase_index]
    _say(w, bank, "explain_more" if earlier else "explain_intro", count=number_words(len(explanations)))
    corpus = context.scenario.model_dump_json(exclude={"title"})  # a title capitalises common words
    for item in explanations:
        who = join([refer(n) for n in item.askers])
        claim = _mid_sentence(item.claim.strip().rstrip(".?!"), corpus, w.proper)
        _say(w, bank, "explain_item", who=who, claim=claim)
        w.add(end_sentence(item.correction), source="scenario")
    if plan.next_speaker != plan.speaker:  # the last of the corrections
        _say(w, bank, "explain_close")


def _mid_sentence(claim: str, corpus: str, proper: frozenset[str]) -> str:
    """A pasted claim inside a sentence: lower-cased unless it opens with a name (a word the
    scenario capitalises mid-sentence and never writes in lower case)."""
    lowered = mid_sentence(claim, corpus)
    return lowered if lowered != claim else continuing(claim, proper)


def _summarize(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    if plan.phase == "common_ground":
        _name_common_ground(plan.common_ground, w, bank)
        return
    units = unit_index(context.scenario)
    taken = [units[u] for u in plan.engages if u in units]
    positions = [u for u in taken if u.kind != "question"]
    if positions:
        _say(w, bank, "synthesis_intro")
        frames: set[str] = set()
        for unit in positions:
            _position(unit, w, bank, frames)
    for question in [u for u in taken if u.kind == "question"][:1]:
        _open_question(question, w, bank)
    if positions:
        _say(w, bank, "synthesis_close")


def _position(unit: Unit, w: Writer, bank: Bank, frames: set[str]) -> None:
    """One delegation's position: what it offers or refuses reported, anything else quoted; in a
    frame not yet used in this synthesis while one is left."""
    who, point = refer(unit.owner), unit.on if unit.kind != "reason" else ""
    offer = report(unit.claim or unit.text) if unit.kind in REPORTED_KINDS else None
    content = offer.said(past=True) if offer is not None else ""
    if offer is not None and _say(w, bank, "position_reported", frames, who=who, point=point or "", content=content):
        return
    gist = quoted(quotable(unit.claim or unit.text))
    slot = f"position_{unit.kind}" if f"position_{unit.kind}" in bank.slots else "position_argument"
    if not _say(w, bank, slot, frames, who=who, point=point or "", gist=gist):
        _say(w, bank, "position_any", frames, who=who, gist=gist)


def _open_question(question: Unit, w: Writer, bank: Bank) -> None:
    """A question one delegation put to another that the other never took up."""
    asker, asked = refer(question.owner), refer(question.to or "")
    if not (question.on and _say(w, bank, "open_question", asker=asker, asked=asked, point=question.on)):
        _say(w, bank, "open_question_quoted", asker=asker, asked=asked, gist=asked_in_quotes(question.text))


def asked_in_quotes(text: str) -> str:
    """A question quoted as a complete sentence, with its question mark: "'Will you …?'"."""
    clause = quotable(text)
    return f"'{clause}?'" if text.strip().endswith("?") else quoted(clause)


def _name_common_ground(notes: tuple[CommonGroundNote, ...], w: Writer, bank: Bank) -> None:
    """Name the common ground rivals found; with none, say so, and name any answer rivals share
    only as a shared choice."""
    engaged = [n for n in notes if n.basis == "engaged"]
    if engaged:
        _say(w, bank, "common_ground_intro")
        for note in engaged:
            _say(w, bank, "common_ground_pair", pair=join([refer(n) for n in note.pair]), point=note.theme)
    else:
        _say(w, bank, "common_ground_none")
    for note in [n for n in notes if n.basis == "same_answer"]:
        _say(w, bank, "shared_choice", pair=join([refer(n) for n in note.pair]), point=note.theme)


def _close(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank, topic: str) -> None:
    """The first closing words name one thing that happened (an offer, a proposal, an open
    question, in the delegation's own words); the last send the delegations off."""
    if any(p.move is Move.CLOSE and p.is_moderator for p in context.plans):
        _say(w, bank, "close_last")
        return
    _say(w, bank, "close_first", topic=topic)
    units = unit_index(context.scenario)
    for unit in [units[u] for u in plan.engages if u in units][:1]:
        who = refer(unit.owner)
        if unit.kind == "question":
            _say(w, bank, "close_open_question", asker=who, asked=refer(unit.to or ""), point=unit.on or "",
                 gist=asked_in_quotes(unit.text))
            continue
        offer = report(unit.text)
        slot = "close_concession" if unit.kind == "concession" else "close_proposal"
        if offer is None or not _say(w, bank, f"{slot}_reported", who=who, content=offer.said(past=True)):
            _say(w, bank, slot, who=who, gist=quoted(quotable(unit.text)))
