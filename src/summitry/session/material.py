"""Material: which units of its position paper a delegation still has, and which move a turn makes on them.

A delegation turn is a move on material. It answers a question put to the speaker with a unit that
answers it (one its author linked to the question, else one relevant to it: see
:mod:`summitry.scenario.answers`) or, having none, declines that question plainly and says what it
can; it rebuts a unit
the addressee just used (or the option the addressee chose), concedes on a point the addressee
raised, agrees and adds its own unit on the same point, asks its own question, proposes, or states
a reason or an argument. Every unit is used once per session: a delegation that has said all it
came to say has nothing left to plan, and the phase moves on without it.

The choice is deterministic for a scenario, a seed and the turns so far (resumption depends on it):
ties are broken by the planning context's seeded generator.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from summitry.plan import Move, Stance, TurnPlan
from summitry.scenario.answers import Asked, answering_units, unit_asked
from summitry.scenario.index import aims_at, material_of, unit_index
from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit
from summitry.text.overlap import overlap

# A delegation's own kinds of unit, in the order a plain statement reaches for them.
STATEMENT_KINDS = ("argument", "reason", "red_line", "proposal", "concession")
RIVALRY = -0.3  # relation below which two delegations are rivals (as turn-taking reads it)
KIND_BONUS = {"argument": 0.06, "reason": 0.05, "proposal": 0.03, "red_line": 0.02, "concession": 0.0}  # a guess


@dataclass(frozen=True)
class MoveChoice:
    """A move and the material it draws on: the speaker's units, and the others' units it answers."""

    move: Move
    units: tuple[str, ...]
    engages: tuple[str, ...] = ()
    stance: Stance | None = None
    addressee: str | None = None


def used_units(plans: Iterable[TurnPlan]) -> set[str]:
    """Every unit id a plan so far has used as its own material."""
    return {uid for plan in plans for uid in plan.units}


def fresh_units(scenario: Scenario, plans: Iterable[TurnPlan], speaker: str) -> list[Unit]:
    """The speaker's units not yet used in the session, in the order of its position paper."""
    used = used_units(plans)
    return [u for u in material_of(scenario, speaker) if u.id not in used]


def has_material(scenario: Scenario, plans: Iterable[TurnPlan], speaker: str) -> bool:
    return bool(fresh_units(scenario, plans, speaker))


def relevance(unit: Unit, matter: str) -> float:
    """How much a unit speaks to the matter on the table, 0 … 1 (lexical overlap with its point)."""
    return overlap(matter, f"{unit.on or ''} {unit.text}") + overlap(matter, unit.on or "")


def best_unit(units: list[Unit], matter: str, rng: random.Random) -> Unit | None:
    """The unit most relevant to the matter; the earlier units of a paper, its core, break ties."""
    if not units:
        return None

    def score(item: tuple[int, Unit]) -> float:
        place, unit = item
        return relevance(unit, matter) + KIND_BONUS.get(unit.kind, 0.0) - 0.004 * place + 0.01 * rng.random()

    return max(enumerate(units), key=score)[1]


def choose_move(
    scenario: Scenario,
    plans: tuple[TurnPlan, ...],
    speaker: str,
    target: TurnPlan | None,
    matter: str,
    stance: Stance,
    rng: random.Random,
    askable: frozenset[str] | None = None,
) -> MoveChoice | None:
    """The move the speaker makes on its material toward the target turn, or None when it has none left.

    ``askable``: the delegations that can still take the floor to answer a question (all, when None);
    the speaker puts no question to one that cannot."""
    fresh = fresh_units(scenario, plans, speaker)
    if not fresh:
        return None
    names = {d.name for d in scenario.delegations}
    askable = frozenset(names) if askable is None else askable
    if target is None or target.speaker not in names:
        return _statement(fresh, matter, rng, askable=askable)
    units = unit_index(scenario)
    theirs = [units[uid] for uid in target.units if uid in units]
    asked = next((u for u in theirs if u.kind == "question" and u.to in (speaker, None)), None)
    if asked is not None:  # a question put to the room may be left to others; one put to the speaker may not
        reply = answer_or_decline(scenario, fresh, unit_asked(asked), rng)
        if reply is not None and (asked.to == speaker or reply.move is Move.ANSWER):
            return reply
    return (
        _rebuttal(fresh, scenario, target, theirs, stance, rng)
        or _concession(fresh, target, theirs, stance, rng)
        or (_question(fresh, target) if target.speaker in askable else None)
        or _same_point(fresh, theirs, stance, rng, scenario.relation(speaker, target.speaker) < RIVALRY)
        or _statement(fresh, f"{matter} {' '.join(u.text for u in theirs)}", rng, theirs, askable)
    )


def answer_for(scenario: Scenario, fresh: list[Unit], asked: Asked) -> Unit | None:
    """The speaker's fresh unit that answers the question (linked first, then the most relevant), if any."""
    found = answering_units(fresh, asked, [d.name for d in scenario.delegations])
    return found[0] if found else None


def answer_or_decline(scenario: Scenario, fresh: list[Unit], asked: Asked, rng: random.Random) -> MoveChoice | None:
    """An answer to the question, engaging its id; or, with no unit that answers it, a plain refusal
    to answer that point now, followed by the speaker's statement most relevant to it (the plan
    engages nothing, so the question stays open). None when the speaker has no statement left."""
    answer = answer_for(scenario, fresh, asked)
    if answer is not None:
        return MoveChoice(Move.ANSWER, (answer.id,), (asked.id,))
    statement = best_unit([u for u in fresh if u.kind in STATEMENT_KINDS], asked.text, rng)
    if statement is None:
        return None
    return MoveChoice(Move.DECLINE, (statement.id,), addressee=asked.asker)


def _rebuttal(
    fresh: list[Unit], scenario: Scenario, target: TurnPlan, theirs: list[Unit], stance: Stance, rng: random.Random
) -> MoveChoice | None:
    if stance is Stance.SUPPORT:
        return None
    aimed = [u for u in fresh if u.kind == "rebuttal" and aims_at(u, scenario, target.speaker, target.units)]
    if not aimed:
        return None
    rebuttal = best_unit(aimed, " ".join(u.text for u in theirs), rng)
    assert rebuttal is not None
    kind, _, value = (rebuttal.target or "").partition(":")
    engaged = (value,) if kind == "unit" else tuple(u.id for u in theirs[:1])
    return MoveChoice(Move.REBUT, (rebuttal.id,), engaged, Stance.OPPOSE)


def _concession(
    fresh: list[Unit], target: TurnPlan, theirs: list[Unit], stance: Stance, rng: random.Random
) -> MoveChoice | None:
    if stance is Stance.OPPOSE:
        return None
    points = {u.on for u in theirs if u.on}
    offered = [u for u in fresh if u.kind == "concession" and u.to in (target.speaker, None) and u.on in points]
    concession = best_unit(offered, " ".join(u.text for u in theirs), rng)
    if concession is None:
        return None
    engaged = tuple(u.id for u in theirs if u.on == concession.on)[:1]
    return MoveChoice(Move.CONCEDE, (concession.id,), engaged, Stance.QUALIFY)


def _question(fresh: list[Unit], target: TurnPlan) -> MoveChoice | None:
    """A question of the speaker's own for the delegation it answers."""
    question = next((u for u in fresh if u.kind == "question" and u.to == target.speaker), None)
    if question is None:
        return None
    return MoveChoice(Move.ASK, (question.id,), target.units[:1], addressee=target.speaker)


def _same_point(
    fresh: list[Unit], theirs: list[Unit], stance: Stance, rng: random.Random, rivals: bool
) -> MoveChoice | None:
    """A unit of the speaker's own on the very point the addressee just made: agree and add, or answer
    it. Rivals agree only where one of them offers something (a proposal or a concession): warmth
    alone does not put two rivals' arguments on the same side."""
    for their in theirs:
        mine = [u for u in fresh if u.on and u.on == their.on and u.kind in STATEMENT_KINDS]
        unit = best_unit(mine, their.text, rng)
        if unit is None:
            continue
        if unit.kind == "concession":  # an offer on the point just made is a concession, whatever the stance
            return MoveChoice(Move.CONCEDE, (unit.id,), (their.id,), Stance.QUALIFY)
        offered = {unit.kind, their.kind} & {"proposal", "concession"}
        agreeing = stance is Stance.SUPPORT and (offered or not rivals)
        move = Move.AGREE_EXTEND if agreeing else Move.REBUT if stance is Stance.OPPOSE else Move.ANSWER
        return MoveChoice(move, (unit.id,), (their.id,), None if agreeing or move is Move.REBUT else Stance.QUALIFY)
    return None


def _statement(
    fresh: list[Unit],
    matter: str,
    rng: random.Random,
    theirs: list[Unit] | None = None,
    askable: frozenset[str] = frozenset(),
) -> MoveChoice | None:
    """A unit of the speaker's most relevant to the matter, said in answer to the addressee's turn
    without claiming to be on its point; a question of its own, to one who can still answer it, when
    nothing else is left."""
    unit = best_unit([u for u in fresh if u.kind in STATEMENT_KINDS], matter, rng)
    if unit is None:
        question = next((u for u in fresh if u.kind == "question" and (u.to is None or u.to in askable)), None)
        if question is None:
            return None
        return MoveChoice(Move.ASK, (question.id,), addressee=question.to)
    engaged = tuple(u.id for u in (theirs or [])[:1])
    if unit.kind == "proposal":
        return MoveChoice(Move.PROPOSE, (unit.id,), engaged)
    if unit.kind == "concession":
        return MoveChoice(Move.CONCEDE, (unit.id,), engaged, Stance.QUALIFY)
    return MoveChoice(Move.ANSWER, (unit.id,), engaged)


def proposal_for(fresh: list[Unit], matter: str, rng: random.Random) -> Unit | None:
    """What a delegation puts on the table when it proposes a shift of focus: its proposal most
    relevant to the focus, else the statement that speaks to it best; None when it has only
    questions left (a question is not a proposal)."""
    proposals = [u for u in fresh if u.kind == "proposal"]
    return best_unit(proposals, matter, rng) or best_unit([u for u in fresh if u.kind in STATEMENT_KINDS], matter, rng)


def reasons_for(scenario: Scenario, plans: Iterable[TurnPlan], speaker: str) -> list[Unit]:
    """The speaker's unused reasons, in the lesson's question order."""
    order = {q.id: i for i, q in enumerate(scenario.lesson.questions)}
    reasons = [u for u in fresh_units(scenario, plans, speaker) if u.kind == "reason"]
    return sorted(reasons, key=lambda u: order.get(u.question or "", len(order)))

