"""What verifiably holds between a turn's own material and what it answers.

Every connecting phrase of a bank declares what it asserts (:data:`summitry.realize.bank.Assertion`).
The composer may say a phrase only when its assertion is in the set this module finds for the
turn, so that no opening claims more than the material shows:

- *agreement*: both delegations are on the same side of the point: reasons on the same lesson
  question with the same option chosen, or the speaker's concession taking up the other's
  proposal or concession on the same point. A shared ``on`` alone is not agreement.
- *disagreement*: the speaker's unit is a rebuttal aimed at what the other said or chose, or the
  two reasons chose different options on the same question.
- *answer*: the speaker's unit takes up the question's own words (:func:`touches_question`).
- *fact*: the speaker's unit is an argument with support; a red line or a proposal is not a fact.
- *offer*, *proposal*, *red_line*, *question*: the speaker's unit is of that kind.
- *widening*: the speaker's unit is on another point than the one it answers.
- *nothing*, *condition*, *thanks*: always.

A phrase that names what another delegation said ("we disagree with X on Y", "X brought up Y")
also needs the session's record: :func:`heard` keeps only the units X has said in an earlier turn,
and :func:`points_said` gives the points a delegation has spoken on (its lesson question, for a
reason), so that nothing is attributed to X, nor declined by the speaker, against the record.
"""

from __future__ import annotations

from collections.abc import Iterable

from summitry.plan import TurnPlan
from summitry.scenario.index import aims_at, unit_index, unit_point
from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit
from summitry.scenario.touch import touches_question

ALWAYS = frozenset({"nothing", "condition", "thanks"})
KIND_ASSERTIONS = {"concession": "offer", "proposal": "proposal", "red_line": "red_line", "question": "question"}


def holding(scenario: Scenario, mine: list[Unit], theirs: list[Unit], asked: str = "") -> frozenset[str]:
    """The assertions that hold for a turn saying ``mine`` in reply to ``theirs`` (the other
    delegation's units) or to ``asked`` (a question put by the mediator)."""
    primary = mine[0] if mine else None
    if primary is None:
        return ALWAYS
    found = set(ALWAYS)
    if primary.kind in KIND_ASSERTIONS:
        found.add(KIND_ASSERTIONS[primary.kind])
    if primary.kind == "argument" and primary.support:
        found.add("fact")
    question = next((u.text for u in theirs if u.kind == "question"), asked)
    if question and any(touches_question(u.text, question) for u in mine):
        found.add("answer")
    if theirs:
        other = theirs[0]
        if agreeing(scenario, primary, other):
            found.add("agreement")
        if disagreeing(scenario, primary, other):
            found.add("disagreement")
        if (unit_point(primary) or "") != (unit_point(other) or ""):
            found.add("widening")
    return frozenset(found)


def agreeing(scenario: Scenario, mine: Unit, theirs: Unit) -> bool:
    """Whether the two units verifiably stand on the same side of one point."""
    if mine.kind == "reason" and theirs.kind == "reason":
        return mine.question == theirs.question and same_answer(scenario, mine, theirs)
    cooperative = theirs.kind in ("proposal", "concession") and mine.kind == "concession"
    return cooperative and bool(mine.on) and mine.on == theirs.on


def disagreeing(scenario: Scenario, mine: Unit, theirs: Unit) -> bool:
    """Whether the speaker's unit verifiably answers the other's against it."""
    if mine.kind == "reason" and theirs.kind == "reason":
        answers = scenario.delegation(mine.owner).answers, scenario.delegation(theirs.owner).answers
        question = mine.question or ""
        return mine.question == theirs.question and question in answers[0] and question in answers[1] and not (
            same_answer(scenario, mine, theirs)
        )
    return mine.kind == "rebuttal" and aims_at(mine, scenario, theirs.owner, (theirs.id,))


def same_answer(scenario: Scenario, mine: Unit, theirs: Unit) -> bool:
    """Whether two delegations chose the same option on the question their reasons answer."""
    question = mine.question or ""
    choice = scenario.delegation(mine.owner).answers.get(question)
    return choice is not None and choice == scenario.delegation(theirs.owner).answers.get(question)


def said_units(scenario: Scenario, plans: Iterable[TurnPlan], speaker: str, before: int) -> list[Unit]:
    """The units ``speaker`` said in the turns before turn ``before`` (1-based), in order."""
    units = unit_index(scenario)
    return [units[u] for p in plans if p.speaker == speaker and p.index < before for u in p.units if u in units]


def points_said(scenario: Scenario, plans: Iterable[TurnPlan], speaker: str, before: int) -> frozenset[str]:
    """The points (a unit's ``on``, a reason's lesson question) ``speaker`` spoke on before turn ``before``."""
    return frozenset(p for u in said_units(scenario, plans, speaker, before) if (p := unit_point(u)))


def heard(scenario: Scenario, plans: Iterable[TurnPlan], theirs: list[Unit], before: int) -> list[Unit]:
    """Those of ``theirs`` (another delegation's units a turn engages) that their owner has said
    in an earlier turn: only those may be named as what it said."""
    plans = tuple(plans)
    return [u for u in theirs if u in said_units(scenario, plans, u.owner, before)]


def on_record(scenario: Scenario, plans: Iterable[TurnPlan], unit: Unit, addressee: str, before: int) -> bool:
    """Whether the addressee has said, before turn ``before``, what the speaker's unit takes up: a unit
    on the same point, the unit a rebuttal is aimed at, or its answer to the lesson question whose
    option a rebuttal is aimed at."""
    plans = tuple(plans)
    said = said_units(scenario, plans, addressee, before)
    kind, _, value = (unit.target or "").partition(":")
    points = {unit_point(u) for u in said}
    return (
        unit_point(unit) in points
        or (kind == "unit" and value in {u.id for u in said})
        or (kind == "option" and value.partition(".")[0] in points)
    )
