"""The composer: an offline realizer that writes each turn from its plan, instantly.

A delegation's turn says the material its plan names (``TurnPlan.units``), in the scenario's own
sentences; the composer adds only short connecting phrases from the phrase bank
(:mod:`summitry.realize.bank`): how the turn opens onto what the addressee said (``engages``),
how a concession's condition is attached, how a question or a proposal is introduced. Phrases
already used in the session give way to unused ones, and no sentence is said twice. The
mediator's turns are written by :mod:`summitry.realize.mediator`.
"""

from __future__ import annotations

import random

from summitry.identity import identity_confusions
from summitry.plan import Move, Stance, TurnPlan
from summitry.realize.bank import Bank, bank_for, placeholders
from summitry.realize.base import Realization, SessionContext
from summitry.realize.grammar import (
    address,
    continuing,
    first_clause,
    ordinal_words,
    proper_words,
    quoted,
    reported,
)
from summitry.realize.mediator import compose_mediator
from summitry.realize.topic import topic_phrase
from summitry.realize.writer import Writer
from summitry.scenario.index import unit_index
from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit
from summitry.text.casing import end_sentence, lower_first
from summitry.text.names import refer

ATTEMPTS = 3  # wordings tried when a connecting phrase next to the material reads as speaking for another
WORDING_TRIES = 8  # further draws of connecting phrases when several wordings of one plan are asked for
RIVALRY = -0.3  # relation below which two delegations are rivals (as turn-taking reads it)
SUBORDINATORS = ("if ", "provided ", "as long as ", "so long as ", "once ", "when ", "unless ", "on condition")


class Composer:
    """Realizes turn plans with the scenario's own material and a few connecting phrases."""

    name = "composer"

    def __init__(self) -> None:
        self._names: tuple[Scenario, frozenset[str]] | None = None

    def proper(self, scenario: Scenario) -> frozenset[str]:
        """The scenario's names (words it capitalises inside sentences), read once per scenario."""
        if self._names is None or self._names[0] is not scenario:
            names = {w for d in scenario.delegations for w in d.name.split()}
            corpus = scenario.model_dump_json(exclude={"title"})  # a title capitalises common words
            self._names = (scenario, proper_words(corpus) | names)
        return self._names[1]

    def realize(self, plan: TurnPlan, context: SessionContext) -> Realization:
        names = _names(context.scenario)
        for attempt in range(ATTEMPTS):
            writer = self._compose(plan, context, attempt)
            if not identity_confusions(writer.text(), plan.speaker, [n for n in names if n != plan.speaker]):
                break
        return Realization(text=writer.text(), realizer=self.name, spans=tuple(writer.spans()))

    def wordings(self, plan: TurnPlan, context: SessionContext, count: int) -> list[Realization]:
        """Up to ``count`` different wordings of one plan, the composer's own first: the same
        material in the same sentences, with other connecting phrases from the banks."""
        own = self.realize(plan, context)
        found = {own.text: own}
        others = [n for n in _names(context.scenario) if n != plan.speaker]
        for attempt in range(ATTEMPTS, ATTEMPTS + WORDING_TRIES):
            if len(found) >= count:
                break
            writer = self._compose(plan, context, attempt)
            text = writer.text()
            if text not in found and not identity_confusions(text, plan.speaker, others):
                found[text] = Realization(text=text, realizer=self.name, spans=tuple(writer.spans()))
        return list(found.values())

    def _compose(self, plan: TurnPlan, context: SessionContext, attempt: int) -> Writer:
        rng = random.Random(f"{context.seed}:{plan.index}:composer" + (f":{attempt}" if attempt else ""))
        scenario = context.scenario
        writer = Writer(context.turns, rng, self.proper(scenario))
        if plan.is_moderator:
            compose_mediator(plan, context, writer)
        elif plan.speaker not in _names(scenario):
            say(writer, bank_for(scenario, "delegation"), "collective_thanks", mod=address(scenario.moderator.name))
        else:
            compose_delegation(plan, context, writer)
        if not writer.parts:  # every wording was already said
            writer.add(f"{plan.speaker} has nothing to add at this point.")
        return writer


def say(w: Writer, bank: Bank, slot: str, **values: str) -> bool:
    """Add one of the slot's phrases, leaving out those that need a value this turn does not have."""
    usable = [p for p in bank[slot] if all(values.get(f.lower()) for f in placeholders(p))]
    return w.add_choice(usable, **values)


def _names(scenario: Scenario) -> list[str]:
    return [d.name for d in scenario.delegations]


def compose_delegation(plan: TurnPlan, context: SessionContext, w: Writer) -> None:
    """A delegation's turn: an opening onto the addressee, then the material, in the plan's order."""
    scenario = context.scenario
    bank = bank_for(scenario, "delegation")
    units = unit_index(scenario)
    mine = [units[u] for u in plan.units if u in units]
    theirs = [units[u] for u in plan.engages if u in units]
    if plan.move is Move.NAIVE_QUESTION:
        _naive_question(plan, context, w, bank)
        return
    if plan.move is Move.SMART_QUESTION:
        _smart_question(plan, context, w, bank, mine)
        return
    values = _values(plan, context, mine, theirs, w.proper)
    opened = _open(plan, context, w, bank, mine, theirs, values)
    for unit in mine:
        if unit.kind == "reason":
            _choice(scenario, unit, w, bank, name_the_question=not opened)
        elif unit.kind == "red_line" and not opened:
            say(w, bank, "red_line")
        elif unit.kind == "question":
            _ask(plan, unit, w, bank, values)
        w.add(end_sentence(unit.text), source="scenario")
        if unit.kind == "concession" and unit.condition:
            say(w, bank, "condition", condition=condition_clause(unit.condition, w.proper))
        opened = True


def _values(
    plan: TurnPlan, context: SessionContext, mine: list[Unit], theirs: list[Unit], proper: frozenset[str]
) -> dict[str, str]:
    addressee = plan.addressees[0] if plan.addressees else ""
    spoken = theirs[0] if theirs else None
    claim = (spoken.claim or spoken.text) if spoken else ""
    return {
        "a": refer(addressee),
        "mod": address(context.scenario.moderator.name),
        "point": point_of(context.scenario, spoken) if spoken else point_of(context.scenario, mine[0]) if mine else "",
        "gist": (reported(first_clause(claim), proper) or "") if claim else "",
    }


def point_of(scenario: Scenario, unit: Unit) -> str:
    """What a unit is on, as a phrase: its ``on``, or for a reason the lesson question it answers."""
    if unit.kind == "reason":
        place = next((i for i, q in enumerate(scenario.lesson.questions, start=1) if q.id == unit.question), 0)
        return f"the {ordinal_words(place)} question" if place else ""
    return unit.on or ""


def _open(
    plan: TurnPlan,
    context: SessionContext,
    w: Writer,
    bank: Bank,
    mine: list[Unit],
    theirs: list[Unit],
    v: dict[str, str],
) -> bool:
    """Open the turn onto whom it answers; report whether an opening was said."""
    scenario = context.scenario
    answered = context.turn(plan.responds_to) if plan.responds_to else None
    if plan.move is Move.ASK:
        return False  # the question is introduced where it is said (see _ask)
    if plan.move is Move.PROPOSE:
        return say(w, bank, "propose")
    if answered is None:
        return False
    if answered.is_moderator:
        if plan.phase == "opening":
            return say(w, bank, "thanks", **v)
        return w.add_choice(bank["reflect" if plan.move is Move.REFLECT else "answer_mediator"], **v)
    return _open_onto_delegation(plan, scenario, w, bank, mine, theirs, v, answered.speaker)


def _open_onto_delegation(
    plan: TurnPlan,
    scenario: Scenario,
    w: Writer,
    bank: Bank,
    mine: list[Unit],
    theirs: list[Unit],
    v: dict[str, str],
    other: str,
) -> bool:
    primary = mine[0] if mine else None
    if plan.move is Move.CONCEDE:  # a concession is offered on its own point
        return say(w, bank, "concede", **{**v, "point": point_of(scenario, primary) if primary else v["point"]})
    if theirs and theirs[0].kind == "question":
        asked_me = theirs[0].to in (plan.speaker, None)
        return say(w, bank, "answer_question", **v) if asked_me else say(w, bank, "turn_to", **v)
    if primary is not None and primary.kind == "rebuttal" and other in primary.text:
        return False  # the rebuttal names whom it answers in its own words
    aimed = primary is not None and primary.kind == "rebuttal"
    if not (aimed or (primary is not None and theirs and same_point(scenario, primary, theirs[0]))):
        their_point = bool(theirs) and theirs[0].kind != "reason" and bool(theirs[0].on)
        return say(w, bank, "statement_to", **v) if their_point else say(w, bank, "turn_to", **v)
    agreeing = plan.move is Move.AGREE_EXTEND or plan.stance is Stance.SUPPORT
    if primary is not None and primary.kind == "reason" and theirs:
        agreeing = same_answer(scenario, primary, theirs[0])  # on a lesson question, the choice decides the side
    if plan.phase == "common_ground" and plan.move is Move.REFLECT and (agreeing or plan.stance is Stance.QUALIFY):
        if primary is None or primary.kind != "reason" or agreeing:
            return say(w, bank, "common_ground", **v)
    a_reason = primary is not None and primary.kind == "reason"
    if not agreeing and (plan.move is Move.REBUT or plan.stance is not Stance.SUPPORT or a_reason):
        option = _option_target(scenario, primary)
        if option:
            return say(w, bank, "rebut_option", **v, option=option)
        return say(w, bank, "rebut_gist", **v) or say(w, bank, "rebut_point", **v)
    if agreeing:
        if scenario.relation(plan.speaker, other) < RIVALRY and say(w, bank, "agree_rival", **v):
            return True
        return say(w, bank, "agree", **v)
    return say(w, bank, "statement_to", **v)


def same_answer(scenario: Scenario, mine: Unit, theirs: Unit) -> bool:
    """Whether two delegations chose the same option on the question their reasons answer."""
    question = mine.question or ""
    choice = scenario.delegation(mine.owner).answers.get(question)
    return choice is not None and choice == scenario.delegation(theirs.owner).answers.get(question)


def same_point(scenario: Scenario, mine: Unit, theirs: Unit) -> bool:
    """Whether two units are on the same point: the same ``on``, or reasons on the same question."""
    if mine.kind == "reason" and theirs.kind == "reason":
        return mine.question == theirs.question
    return bool(mine.on) and mine.on == theirs.on


def _ask(plan: TurnPlan, question: Unit, w: Writer, bank: Bank, v: dict[str, str]) -> None:
    """Introduce a question to the delegation it is put to, unless it names that delegation itself."""
    if question.to and question.to in question.text:
        return
    if question.to:
        say(w, bank, "ask", **{**v, "a": refer(question.to)})
    else:
        say(w, bank, "ask_room")


def _option_target(scenario: Scenario, unit: Unit | None) -> str | None:
    """The option a rebuttal is aimed at, quoted, if it is aimed at one."""
    if unit is None or not (unit.target or "").startswith("option:"):
        return None
    question_id, _, option_id = (unit.target or "").split(":", 1)[1].partition(".")
    for question in scenario.lesson.questions:
        for option in question.options:
            if question.id == question_id and option.id == option_id:
                return quoted(lower_first(option.text))
    return None


def _choice(scenario: Scenario, reason: Unit, w: Writer, bank: Bank, *, name_the_question: bool = True) -> None:
    """The option the delegation chose on the reason's question, before the reason itself; after
    an opening that already named the question by its place, without naming it so again."""
    me = scenario.delegation(reason.owner)
    for nth, question in enumerate(scenario.lesson.questions, start=1):
        option = next((o for o in question.options if o.id == me.answers.get(question.id)), None)
        if question.id == reason.question and option is not None:
            say(
                w,
                bank,
                "choice",
                question=quoted(question.text),
                option=quoted(option.text),
                nth=ordinal_words(nth) if name_the_question else "",
            )


def condition_clause(condition: str, proper: frozenset[str] = frozenset()) -> str:
    """A concession's condition as a clause that follows 'only': 'if …' stays, anything else gets 'if'."""
    text = condition.strip().rstrip(".")
    return text if text.lower().startswith(SUBORDINATORS) else f"if {continuing(text, proper)}"


def _naive_question(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    me = context.scenario.delegation(plan.speaker)
    question = me.naive_question or _naive_from_facts(context, w)
    say(w, bank, "naive_intro")
    w.add(question, source="scenario")


def _naive_from_facts(context: SessionContext, w: Writer) -> str:
    for fact in context.scenario.lesson.facts:
        question = f"Is it true that {lower_first(fact.claim.rstrip('.?!'))}?"
        if w.is_new(question):
            return question
    return f"What is the one thing about {topic_phrase(context.scenario)} that we all get wrong?"


def _smart_question(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank, mine: list[Unit]) -> None:
    me = context.scenario.delegation(plan.speaker)
    question = me.smartest_question or next((u.text for u in mine if u.kind == "question"), None)
    if question:
        say(w, bank, "smart_intro")
        w.add(question, source="scenario")
