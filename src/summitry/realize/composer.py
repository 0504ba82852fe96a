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
import re
from collections.abc import Mapping

from summitry.identity import identity_confusions
from summitry.plan import Move, TurnPlan
from summitry.realize.bank import Bank, bank_for, placeholders
from summitry.realize.base import Realization, SessionContext
from summitry.realize.grammar import address, continuing, proper_words
from summitry.realize.mediator import compose_mediator
from summitry.realize.points import point_names, point_of
from summitry.realize.relation import heard, holding, on_record, points_said
from summitry.realize.topic import topic_phrase
from summitry.realize.writer import Writer
from summitry.scenario.answers import ANY_EDGE_CASE, Asked, strictly_answers, takes_up
from summitry.scenario.index import unit_index, unit_point
from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit
from summitry.text.casing import end_sentence, lower_first
from summitry.text.names import refer
from summitry.text.sentences import questions_in
from summitry.text.stems import content_stems
from summitry.text.words import words
from summitry.turns import Turn

ATTEMPTS = 3  # wordings tried when a connecting phrase next to the material reads as speaking for another
WORDING_TRIES = 8  # further draws of connecting phrases when several wordings of one plan are asked for
RIVALRY = -0.3  # relation below which two delegations are rivals (as turn-taking reads it)
ALLIANCE = 0.0  # relation above which a disagreement is said as a difference, not a clash
# Share of turns, neither agreeing nor disagreeing verifiably, that open with a bridge phrase (a fact
# added, another side); the rest open straight on their matter, as most replies of the founding
# transcript do. A guess read against that transcript, not tuned to a scenario.
BRIDGE_SHARE = 0.3
# Share of the naive and smartest questions, red lines and proposals introduced by a phrase: the
# mediator has just asked for the questions, and "we will not accept", "we propose" announce
# themselves, so most need none. A guess, as above.
INTRO_SHARE = 0.3
# A connecting phrase is left out when one of its own content words comes back in the first words
# of the material after it ("We propose this: we propose …").
ECHO_WORDS = 6
# The relation families: a turn opens with one of them only if the turn before it did not.
RELATION_SLOTS = ("agree", "agree_rival", "rebut_point", "differ", "concede")
SUBORDINATORS = ("if ", "provided ", "as long as ", "so long as ", "once ", "when ", "unless ", "on condition")


class Composer:
    """Realizes turn plans with the scenario's own material and a few connecting phrases."""

    name = "composer"

    def __init__(self) -> None:
        self._names: tuple[Scenario, frozenset[str]] | None = None
        self._points: tuple[Scenario, dict[str, str]] | None = None

    def proper(self, scenario: Scenario) -> frozenset[str]:
        """The scenario's names (words it capitalises inside sentences), read once per scenario."""
        if self._names is None or self._names[0] is not scenario:
            names = {w for d in scenario.delegations for w in d.name.split()}
            corpus = scenario.model_dump_json(exclude={"title"})  # a title capitalises common words
            self._names = (scenario, proper_words(corpus) | names)
        return self._names[1]

    def points(self, scenario: Scenario) -> dict[str, str]:
        """How the scenario's points read after "on", read once per scenario (see :func:`point_names`)."""
        if self._points is None or self._points[0] is not scenario:
            self._points = (scenario, point_names(scenario))
        return self._points[1]

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
        # the scenario's title takes part, so that two scenarios run with one seed do not share their wordings
        key = f"{context.seed}:{plan.index}:composer:{context.scenario.title}"
        rng = random.Random(key + (f":{attempt}" if attempt else ""))
        scenario = context.scenario
        writer = Writer(context.turns, rng, self.proper(scenario))
        if plan.is_moderator:
            compose_mediator(plan, context, writer)
        elif plan.speaker not in _names(scenario):
            say(writer, bank_for(scenario, "delegation"), "collective_thanks", mod=address(scenario.moderator.name))
        else:
            compose_delegation(plan, context, writer, self.points(scenario))
        if not writer.parts:  # every wording was already said
            writer.add(f"{plan.speaker} has nothing to add at this point.")
        return writer


def say(w: Writer, bank: Bank, slot: str, before: str = "", **values: str) -> bool:
    """Add one of the slot's phrases, leaving out those that need a value this turn does not have
    and those whose own words come back at the start of the material ``before`` which they stand.
    A connecting phrase never follows another one: the second would only be posture."""
    if w.sources and w.sources[-1] == "template":
        return False
    coming = content_stems(" ".join(words(before)[:ECHO_WORDS])) if before else frozenset()
    usable = [
        p for p in bank[slot]
        if all(values.get(f.lower()) for f in placeholders(p)) and not (coming & _literal_stems(p))
    ]
    return w.add_choice(usable, **values)


def _literal_stems(phrase: str) -> frozenset[str]:
    """The content stems of a phrase's own words, its placeholders left out."""
    return content_stems(re.sub(r"\{[A-Za-z_]+\}", " ", phrase))


def _names(scenario: Scenario) -> list[str]:
    return [d.name for d in scenario.delegations]


def say_if(w: Writer, bank: Bank, slot: str, holds: frozenset[str], before: str = "", **values: str) -> bool:
    """Say one of the slot's phrases only if what the slot asserts holds for this turn."""
    return bank.asserts(slot) in holds and say(w, bank, slot, before, **values)


def compose_delegation(plan: TurnPlan, context: SessionContext, w: Writer, points: Mapping[str, str]) -> None:
    """A delegation's turn: an opening onto the addressee, then the material, in the plan's order."""
    scenario = context.scenario
    bank = bank_for(scenario, "delegation")
    units = unit_index(scenario)
    mine = [units[u] for u in plan.units if u in units]
    # only what the addressee has said in an earlier turn may be named as what it said
    engaged = [units[u] for u in plan.engages if u in units and units[u].owner in plan.addressees[:1]]
    theirs = heard(scenario, context.plans, engaged, plan.index)
    if plan.move is Move.NAIVE_QUESTION:
        _naive_question(plan, context, w, bank)
        return
    if plan.move is Move.SMART_QUESTION:
        _smart_question(plan, context, w, bank, mine)
        return
    values = _values(plan, context, mine, theirs, points)
    opened = _open(plan, context, w, bank, mine, theirs, values, points)
    for unit in mine:
        if unit.kind == "red_line" and not opened and w.rng.random() < INTRO_SHARE:
            say(w, bank, "red_line", unit.text)
        elif unit.kind == "question":
            _ask(plan, unit, w, bank, values)
        w.add(end_sentence(unit.text), source="scenario")
        if unit.kind == "concession" and unit.condition:
            say(w, bank, "condition", condition=condition_clause(unit.condition, w.proper))
        opened = True


def _values(
    plan: TurnPlan, context: SessionContext, mine: list[Unit], theirs: list[Unit], points: Mapping[str, str]
) -> dict[str, str]:
    """The placeholders' values: the addressee, the mediator, the point answered (``point``) and
    the point of the turn's own first unit (``own``, not a placeholder: a concession or a rebuttal
    names its own point)."""
    addressee = plan.addressees[0] if plan.addressees else ""
    spoken = theirs[0] if theirs else mine[0] if mine else None
    return {
        "a": refer(addressee),
        "mod": address(context.scenario.moderator.name),
        "point": point_of(points, spoken) if spoken else "",
        "own": point_of(points, mine[0]) if mine else "",
    }


def _open(
    plan: TurnPlan,
    context: SessionContext,
    w: Writer,
    bank: Bank,
    mine: list[Unit],
    theirs: list[Unit],
    v: dict[str, str],
    points: Mapping[str, str],
) -> bool:
    """Open the turn onto what it answers, only with what verifiably holds; report whether an
    opening was said. Most turns that answer the mediator open straight on their matter."""
    scenario = context.scenario
    answered = context.turn(plan.responds_to) if plan.responds_to else None
    first = mine[0].text if mine else ""
    if plan.move is Move.ASK:
        return False  # the question is introduced where it is said (see _ask)
    if plan.move is Move.PROPOSE:  # "we propose" says it already, most of the time
        return w.rng.random() < INTRO_SHARE and say_if(w, bank, "propose", holding(scenario, mine, theirs), first)
    if answered is None:
        return False
    if plan.move is Move.DECLINE:
        return _decline(plan, context, w, bank, answered, mine, points)
    if answered.is_moderator:
        if plan.engages and context.plans[answered.index - 1].move is Move.EDGE_CASE:
            return _answer_case(plan, context, w, bank, answered, mine)
        if plan.phase == "opening":
            return say(w, bank, "thanks", **v)
        if plan.move is Move.REFLECT:
            return w.rng.random() < BRIDGE_SHARE and say(w, bank, "reflect", first)
        holds = holding(scenario, mine, [], asked=questions_in(answered.text))
        return w.rng.random() < BRIDGE_SHARE and say_if(w, bank, "answer_mediator", holds, first, **v)
    addressee = plan.addressees[0] if plan.addressees else ""
    recorded = bool(mine) and on_record(scenario, context.plans, mine[0], addressee, plan.index)
    return _open_onto_delegation(plan, scenario, w, bank, mine, theirs, v, recorded)


def _open_onto_delegation(
    plan: TurnPlan,
    scenario: Scenario,
    w: Writer,
    bank: Bank,
    mine: list[Unit],
    theirs: list[Unit],
    v: dict[str, str],
    recorded: bool,
) -> bool:
    """The opening onto another delegation's turn: the relation that verifiably holds (agree,
    object, concede, answer) and what it is on, or nothing. The addressee is named at the start
    only when the turn answers a question it put; a relation is not named two turns running; a
    phrase naming the addressee's view on the turn's own point needs the addressee to have said what
    the turn takes up (``recorded``, see :func:`summitry.realize.relation.on_record`)."""
    primary = mine[0] if mine else None
    other = theirs[0].owner if theirs else (plan.addressees[0] if plan.addressees else "")
    first = primary.text if primary else ""
    holds = holding(scenario, mine, theirs)
    if theirs and theirs[0].kind == "question" and theirs[0].to in (plan.speaker, None):
        return say_if(w, bank, "answer_question", holds, first, **v) or say(w, bank, "name_only", **v)
    if "agreement" in holds:  # an agreement is the turn's news, said even right after another relation
        rival = scenario.relation(plan.speaker, other) < RIVALRY
        return (rival and say(w, bank, "agree_rival", first, **v)) or say(w, bank, "agree", first, **v)
    if w.follows([p for slot in RELATION_SLOTS for p in bank[slot]]):
        return False
    if plan.move is Move.CONCEDE and primary is not None:
        return recorded and say_if(w, bank, "concede", holds, first, **{**v, "point": v["own"]})
    if primary is not None and primary.kind == "rebuttal" and other in primary.text:
        return False  # the rebuttal names whom it answers in its own words
    if "disagreement" in holds:  # a rebuttal is on its own point, which may be the option it is aimed at
        aimed = primary is not None and primary.kind == "rebuttal"
        if aimed and not recorded:
            return False  # the addressee said nothing the rebuttal takes up: the rebuttal stands on its words
        slot = "differ" if scenario.relation(plan.speaker, other) > ALLIANCE else "rebut_point"
        return say(w, bank, slot, first, **{**v, "point": v["own"] if aimed else v["point"]})
    rival = scenario.relation(plan.speaker, other) < RIVALRY
    return bool(theirs) and _bridge(w, bank, holds, v, first, rival)


def _decline(
    plan: TurnPlan,
    context: SessionContext,
    w: Writer,
    bank: Bank,
    asking: Turn,
    mine: list[Unit],
    points: Mapping[str, str],
) -> bool:
    """Say plainly that the turn does not answer the question put to it, before what the speaker can
    say, only where that is true: material on the question's point is a partial answer and goes
    without a phrase; a point the speaker has spoken on earlier is referred back to, not declined.
    The mediator's probe is never declined in words: the plan still leaves it open. The point is
    named from the question itself (its ``on``, when the question's own words take it up); for a
    point without such a name, "that question"."""
    if asking.is_moderator:
        return False  # a probed delegation's nearest material is most often an answer in its own terms
        # (an offer, a refusal); blind readers read a refusal before it as self-contradiction
    units = unit_index(context.scenario)
    asked = [units[u] for u in context.plans[asking.index - 1].units if u in units and units[u].kind == "question"]
    question = asked[0].text if asked else questions_in(asking.text)
    key = unit_point(asked[0]) if asked else None
    name = point_of(points, asked[0]) if asked else ""
    if name and not content_stems(name) & content_stems(question):
        name = ""  # the question's label names another point than the one it asks about
    if mine and ((key and unit_point(mine[0]) == key) or takes_up(mine[0].text, question, _names(context.scenario))):
        return False  # material on the question's point, or taking up its words, answers in part
    if key and key in points_said(context.scenario, context.plans, plan.speaker, plan.index):
        return bool(name) and say(w, bank, "said_before", point=name)
    return say(w, bank, "decline", point=name or "that question")


def _answer_case(
    plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank, asking: Turn, mine: list[Unit]
) -> bool:
    """Call the material the speaker's answer to the hard case only when it is linked to the case or
    passes the strict relevance test; a unit that only takes up the case's scene goes without a phrase."""
    scenario = context.scenario
    case = Asked(plan.engages[0], asking.text, scenario.moderator.name, None, None,
                 frozenset({plan.engages[0], ANY_EDGE_CASE}))
    strict = bool(mine) and strictly_answers(mine[0], case, _names(scenario))
    return strict and say(w, bank, "answer_case")


def _bridge(w: Writer, bank: Bank, holds: frozenset[str], v: dict[str, str], first: str, rival: bool) -> bool:
    """A turn that neither agrees nor disagrees verifiably: mostly no bridge; now and then one that
    says only what holds (a fact added to what was said, another side of the matter). A fact is
    added to what the addressee said only on its point and never to a rival's: adding to a rival's
    words reads as taking them up."""
    if w.rng.random() >= BRIDGE_SHARE:
        return False
    # a fact is added to what the addressee said only on the point it made; both need it to have said it
    slots = [s for s in ("add_fact", "widen") if bank.asserts(s) in holds and v["point"]]
    if "widening" in holds or rival:
        slots = [s for s in slots if s != "add_fact"]
    w.rng.shuffle(slots)
    return any(say(w, bank, slot, first, **v) for slot in slots)


def _ask(plan: TurnPlan, question: Unit, w: Writer, bank: Bank, v: dict[str, str]) -> None:
    """Introduce a question to the delegation it is put to, unless it names that delegation itself."""
    if question.to and question.to in question.text:
        return
    if question.to:
        say(w, bank, "ask", **{**v, "a": refer(question.to)})
    else:
        say(w, bank, "ask_room")


def condition_clause(condition: str, proper: frozenset[str] = frozenset()) -> str:
    """A concession's condition as a clause that follows 'only': 'if …' stays, anything else gets 'if'."""
    text = condition.strip().rstrip(".")
    return text if text.lower().startswith(SUBORDINATORS) else f"if {continuing(text, proper)}"


def _naive_question(plan: TurnPlan, context: SessionContext, w: Writer, bank: Bank) -> None:
    me = context.scenario.delegation(plan.speaker)
    question = me.naive_question or _naive_from_facts(context, w)
    if w.rng.random() < INTRO_SHARE:
        say(w, bank, "naive_intro", question)
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
        if w.rng.random() < INTRO_SHARE:
            say(w, bank, "smart_intro", question)
        w.add(question, source="scenario")
