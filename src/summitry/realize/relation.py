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
"""

from __future__ import annotations

from summitry.scenario.index import aims_at, unit_point
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
