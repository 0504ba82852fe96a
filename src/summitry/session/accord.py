"""What the mediator may claim about the session: positions taken, and common ground that holds.

The mediator's synthesis and its common-ground findings are built from the material the
delegations actually used (``TurnPlan.units``), never from what a scenario says they might think.
Two delegations found common ground on a point only if both used units on that same point
(``on``), on the same side: both chose the same option for a lesson question and gave a reason,
or both put forward a proposal or a concession on it, or one agreed with or conceded to the
other's unit on it — and neither rebutted the other on that point.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from summitry.plan import Move, Stance, TurnPlan
from summitry.scenario.index import unit_index
from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit
from summitry.session.material import relevance

# How much each kind of unit says about where a delegation stands (a guess, read off the seed's synthesis).
POSITION_WEIGHT = {"proposal": 3.0, "concession": 2.5, "red_line": 2.0, "argument": 1.0, "rebuttal": 0.6, "reason": 0.5}
COOPERATIVE = frozenset({"proposal", "concession"})
AGREEING_MOVES = frozenset({Move.AGREE_EXTEND, Move.CONCEDE})


@dataclass(frozen=True)
class Use:
    """A unit as it was used in the session: by whom, in which turn."""

    unit: Unit
    plan: TurnPlan


@dataclass(frozen=True)
class SharedPoint:
    """Two delegations on the same side of one point, with the units and turns that show it."""

    pair: tuple[str, str]
    on: str
    units: tuple[str, str]
    turns: tuple[int, int]


def uses_of(scenario: Scenario, plans: tuple[TurnPlan, ...], speaker: str) -> list[Use]:
    """Every unit the speaker used in the session, in the order it used them."""
    units = unit_index(scenario)
    return [Use(units[uid], plan) for plan in plans if plan.speaker == speaker for uid in plan.units if uid in units]


def positions_taken(scenario: Scenario, plans: tuple[TurnPlan, ...], matter: str) -> tuple[str, ...]:
    """For each delegation that spoke, the unit that best shows where it stands on the matter:
    a proposal or a concession before an argument, and the one closest to the matter."""
    chosen: list[str] = []
    for delegation in scenario.delegations:
        uses = [u for u in uses_of(scenario, plans, delegation.name) if u.unit.kind in POSITION_WEIGHT]
        if uses:
            best = max(uses, key=lambda u: POSITION_WEIGHT[u.unit.kind] + relevance(u.unit, matter))
            chosen.append(best.unit.id)
    return tuple(chosen)


def shared_point(scenario: Scenario, plans: tuple[TurnPlan, ...], a: str, b: str, on: str) -> SharedPoint | None:
    """The evidence that ``a`` and ``b`` stood on the same side of point ``on``, or None if they did not."""
    mine = [u for u in uses_of(scenario, plans, a) if unit_point(u.unit) == on]
    theirs = [u for u in uses_of(scenario, plans, b) if unit_point(u.unit) == on]
    if _rebutted(mine, b, theirs) or _rebutted(theirs, a, mine):
        return None
    for x in mine:
        for y in theirs:
            if _same_side(scenario, x, y):
                return SharedPoint((a, b), on, (x.unit.id, y.unit.id), (x.plan.index, y.plan.index))
    return None


def common_ground_holds(scenario: Scenario, plans: tuple[TurnPlan, ...], a: str, b: str, on: str) -> bool:
    """Whether a claim that ``a`` and ``b`` found common ground on ``on`` rests on what they said."""
    return shared_point(scenario, plans, a, b, on) is not None


def rival_common_ground(scenario: Scenario, plans: tuple[TurnPlan, ...], limit: int) -> list[SharedPoint]:
    """Common ground between rivals (a negative relation) on points argued in the session, the deepest
    rivalries first, one point per pair."""
    names = [d.name for d in scenario.delegations]
    rivals = sorted(
        (pair for pair in combinations(names, 2) if scenario.relation(*pair) < 0),
        key=lambda pair: (scenario.relation(*pair), names.index(pair[0]), names.index(pair[1])),
    )
    found: list[SharedPoint] = []
    for a, b in rivals:
        # a point argued in the session; the same lesson answer is a shared choice, not ground found
        points = dict.fromkeys(u.unit.on for u in uses_of(scenario, plans, a) if u.unit.kind != "reason")
        shared = (shared_point(scenario, plans, a, b, on) for on in points if on)
        point = next((s for s in shared if s is not None), None)
        if point is not None:
            found.append(point)
        if len(found) >= limit:
            break
    return found


def unit_point(unit: Unit) -> str | None:
    """The point a unit is on; a reason is on its lesson question."""
    return unit.question if unit.kind == "reason" else unit.on


def _rebutted(uses: list[Use], other: str, others: list[Use]) -> bool:
    """Whether one of these turns rebutted the other delegation on this point."""
    aimed = {u.unit.id for u in others}
    for use in uses:
        if use.unit.kind == "rebuttal" and (set(use.plan.engages) & aimed or use.unit.target == f"delegation:{other}"):
            return True
        if other in use.plan.addressees and (use.plan.move is Move.REBUT or use.plan.stance is Stance.OPPOSE):
            return True
    return False


def _same_side(scenario: Scenario, x: Use, y: Use) -> bool:
    if x.unit.kind == "reason" and y.unit.kind == "reason":
        question = x.unit.question or ""
        answers = (scenario.delegation(x.unit.owner).answers, scenario.delegation(y.unit.owner).answers)
        return question in answers[0] and answers[0].get(question) == answers[1].get(question)
    if x.unit.kind in COOPERATIVE and y.unit.kind in COOPERATIVE:
        return True
    return _agreed(x, y) or _agreed(y, x)


def _agreed(x: Use, y: Use) -> bool:
    """Whether the turn that used ``x`` agreed with, or conceded to, the unit ``y``."""
    return x.plan.move in AGREEING_MOVES and y.unit.id in x.plan.engages and x.unit.kind != "rebuttal"
