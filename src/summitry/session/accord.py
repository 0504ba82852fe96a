"""What the mediator may claim about the session: positions taken, and common ground that holds.

The mediator's synthesis and its common-ground findings are built from the material the
delegations actually used (``TurnPlan.units``), never from what a scenario says they might think.
Two delegations found common ground on a point only if they engaged each other on it: one's turn
took up the other's unit on that point (``engages``) with an agreement or a concession (on a
lesson question, only between two who chose the same option). Two offers on the same point that
never met are not common ground. And nothing either of them said in the session rebuts the other
on that point: a rebuttal aimed at the other, or a turn that opposed the other's unit on it. Where
the words of the turns are known, the turn that agreed must also name the other: a plan that
meant to take the other up, worded as a bare statement of its own, met no one as the session
reads, and a listener hears no common ground in it. Before
a claim is made, a delegation that still holds an unused rebuttal aimed at the other on that
point could contradict it on the next turn, so the claim is not made (:func:`rival_common_ground`).

A lesson question is a point like any other: two rivals who chose the same answer found common
ground on it only if one took up the other's reason in agreement. Two rivals who gave the same
answer each in their own turn made the same choice, which the mediator may name, but only as a
shared choice (:func:`shared_choices`), never as ground found together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from summitry.asked import unanswered_questions
from summitry.plan import Move, Stance, TurnPlan
from summitry.scenario.index import aims_at, unit_index, unit_point
from summitry.scenario.model import Scenario
from summitry.scenario.position import Unit
from summitry.session.material import fresh_units, relevance
from summitry.text.names import NameMatcher

__all__ = ["SharedChoice", "SharedPoint", "Use", "common_ground_holds", "could_rebut", "offer_to_recall",
           "positions_taken", "rival_common_ground", "shared_choices", "shared_point", "unit_point", "uses_of"]

# How much each kind of unit says about where a delegation stands (a guess, read off the seed's synthesis).
POSITION_WEIGHT = {"proposal": 3.0, "concession": 2.5, "red_line": 2.0, "argument": 1.0, "rebuttal": 0.6, "reason": 0.5}
AGREEING_MOVES = frozenset({Move.AGREE_EXTEND, Move.CONCEDE})
OFFERS = frozenset({"proposal", "concession"})  # an offer opposes no one, whatever the turn's stance


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


def shared_point(scenario: Scenario, plans: tuple[TurnPlan, ...], a: str, b: str, on: str,
                 spoken: Mapping[int, str] | None = None) -> SharedPoint | None:
    """The evidence that ``a`` and ``b`` met on the same side of point ``on``, or None if they did not.
    ``spoken`` holds the words of the turns by index; with it, the agreeing turn must name the other."""
    if _rebutted(scenario, plans, a, b, on) or _rebutted(scenario, plans, b, a, on):
        return None
    mine = [u for u in uses_of(scenario, plans, a) if unit_point(u.unit) == on]
    theirs = [u for u in uses_of(scenario, plans, b) if unit_point(u.unit) == on]
    for x in mine:
        for y in theirs:
            if _met(scenario, x, y, spoken) or _met(scenario, y, x, spoken):
                return SharedPoint((a, b), on, (x.unit.id, y.unit.id), (x.plan.index, y.plan.index))
    return None


def common_ground_holds(scenario: Scenario, plans: tuple[TurnPlan, ...], a: str, b: str, on: str,
                        spoken: Mapping[int, str] | None = None) -> bool:
    """Whether a claim that ``a`` and ``b`` found common ground on ``on`` rests on what they said."""
    return shared_point(scenario, plans, a, b, on, spoken) is not None


def rival_common_ground(scenario: Scenario, plans: tuple[TurnPlan, ...], limit: int,
                        spoken: Mapping[int, str] | None = None) -> list[SharedPoint]:
    """Common ground between rivals (a negative relation) on points argued in the session, the deepest
    rivalries first, one point per pair; ``spoken`` as for :func:`shared_point`."""
    names = [d.name for d in scenario.delegations]
    rivals = sorted(
        (pair for pair in combinations(names, 2) if scenario.relation(*pair) < 0),
        key=lambda pair: (scenario.relation(*pair), names.index(pair[0]), names.index(pair[1])),
    )
    found: list[SharedPoint] = []
    for a, b in rivals:
        # a point argued in the session, a lesson question included (found only where one took up the other)
        points = dict.fromkeys(unit_point(u.unit) for u in uses_of(scenario, plans, a))
        open_points = (on for on in points if on and not could_rebut(scenario, plans, a, b, on))
        shared = (shared_point(scenario, plans, a, b, on, spoken) for on in open_points)
        point = next((s for s in shared if s is not None), None)
        if point is not None:
            found.append(point)
        if len(found) >= limit:
            break
    return found


@dataclass(frozen=True)
class SharedChoice:
    """Two rivals who gave the same answer to a lesson question, each in its own turn."""

    pair: tuple[str, str]
    question: str
    turns: tuple[int, int]


def shared_choices(scenario: Scenario, plans: tuple[TurnPlan, ...], limit: int) -> list[SharedChoice]:
    """Rival pairs that stated the same answer to a lesson question in the session (a reason for it,
    or the answer reported in an opening), the deepest rivalries first, one question per pair."""
    names = [d.name for d in scenario.delegations]
    rivals = sorted(
        (pair for pair in combinations(names, 2) if scenario.relation(*pair) < 0),
        key=lambda pair: (scenario.relation(*pair), names.index(pair[0]), names.index(pair[1])),
    )
    found: list[SharedChoice] = []
    for a, b in rivals:
        said_a, said_b = _answers_stated(scenario, plans, a), _answers_stated(scenario, plans, b)
        answers = (scenario.delegation(a).answers, scenario.delegation(b).answers)
        same = [q for q in said_a if q in said_b and answers[0].get(q) == answers[1].get(q)]
        if same:
            found.append(SharedChoice((a, b), same[0], (said_a[same[0]], said_b[same[0]])))
        if len(found) >= limit:
            break
    return found


def _answers_stated(scenario: Scenario, plans: tuple[TurnPlan, ...], speaker: str) -> dict[str, int]:
    """The lesson questions whose answer the speaker stated, with the first turn that stated it."""
    stated: dict[str, int] = {}
    for plan in plans:
        if plan.speaker != speaker:
            continue
        if plan.question_id and plan.option_id:
            stated.setdefault(plan.question_id, plan.index)
    for use in uses_of(scenario, plans, speaker):
        if use.unit.kind == "reason" and use.unit.question:
            stated.setdefault(use.unit.question, use.plan.index)
    return stated


def offer_to_recall(scenario: Scenario, plans: tuple[TurnPlan, ...], exclude: tuple[str, ...] = ()) -> str | None:
    """One thing of the session worth recalling at its close, as a unit id: the latest concession
    offered, else the latest proposal, else the latest question put to a delegation that it never
    answered; one not among ``exclude`` (what the synthesis already quoted) when there is one."""
    units = unit_index(scenario)
    used = [uid for plan in plans if not plan.is_moderator for uid in plan.units if uid in units]
    offers = [uid for kind in ("proposal", "concession") for uid in used if units[uid].kind == kind]
    still_open = [q.unit for q in unanswered_questions(plans)]
    ranked = [*reversed(offers), *reversed(still_open)]  # a concession first, then a proposal, the latest first
    return next((u for u in ranked if u not in exclude), ranked[0] if ranked else None)


def could_rebut(scenario: Scenario, plans: tuple[TurnPlan, ...], a: str, b: str, on: str) -> bool:
    """Whether either delegation still holds an unused rebuttal on the point aimed at the other: a
    claim of common ground made now could be contradicted by the next turn."""
    for speaker, other in ((a, b), (b, a)):
        others = tuple(u.unit.id for u in uses_of(scenario, plans, other))
        for unit in fresh_units(scenario, plans, speaker):
            if unit.kind == "rebuttal" and unit.on == on and aims_at(unit, scenario, other, others):
                return True
    return False


def _rebutted(scenario: Scenario, plans: tuple[TurnPlan, ...], a: str, b: str, on: str) -> bool:
    """Whether a turn of ``a`` rebutted ``b`` on this point: a rebuttal on it aimed at ``b`` (or at
    what ``b`` said or chose), or a turn that opposed ``b`` with a unit on the point or against
    ``b``'s unit on it. An offer (a proposal, a concession) rebuts no one."""
    units = unit_index(scenario)
    said_by_b = tuple(u.unit.id for u in uses_of(scenario, plans, b))
    for use in uses_of(scenario, plans, a):
        engaged = [units[e] for e in use.plan.engages if e in units and units[e].owner == b]
        on_point = unit_point(use.unit) == on or any(unit_point(e) == on for e in engaged)
        if not on_point:
            continue
        if use.unit.kind == "rebuttal" and (engaged or aims_at(use.unit, scenario, b, said_by_b)):
            return True
        opposed = use.plan.move is Move.REBUT or use.plan.stance is Stance.OPPOSE
        if opposed and use.unit.kind not in OFFERS and (engaged or b in use.plan.addressees):
            return True
    return False


def _met(scenario: Scenario, x: Use, y: Use, spoken: Mapping[int, str] | None) -> bool:
    """Whether the turn that used ``x`` agreed with, or conceded to, the unit ``y``, naming its owner
    where its words are known; on a lesson question only when the two chose the same option."""
    if x.plan.move not in AGREEING_MOVES or y.unit.id not in x.plan.engages or x.unit.kind == "rebuttal":
        return False
    words = spoken.get(x.plan.index) if spoken is not None else None
    if words is not None and not NameMatcher([y.unit.owner]).mentions(words):
        return False  # planned as a reply, but worded as a statement of its own
    if x.unit.kind == "reason" or y.unit.kind == "reason":
        question = x.unit.question or y.unit.question or ""
        answers = (scenario.delegation(x.unit.owner).answers, scenario.delegation(y.unit.owner).answers)
        return question in answers[0] and answers[0].get(question) == answers[1].get(question)
    return True
