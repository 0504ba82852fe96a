"""Lint: does each delegation have enough material for the turns the agenda will ask of it?

A scenario can validate and still make a hollow session: a delegation with two arguments
and ten turns repeats itself or says nothing. :func:`lint` compares what the agenda asks of
each delegation (see :func:`expected_turns`) with its position paper, and names each thin
spot with its fix, for example ``Egypt: 2 arguments and 3 units in all for about 9 turns;
add arguments or rebuttals``. Warnings never stop a session; ``summitry scenarios lint
--strict`` turns them into an error.

The turn counts follow the planners in ``summitry.session.phases`` (which the scenario
layer does not import: the arrows point from the session to the scenario). A phase that
lets several delegations answer (probe responses, crosstalk, edge cases, reframe responses)
gives the floor to whoever has the best claim to it, so each delegation is counted its
fair share of those turns, the expected value rather than a promise.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from summitry.scenario.answers import ANY_EDGE_CASE, ANY_PROBE, answering_units, asked_in
from summitry.scenario.index import material_of
from summitry.scenario.model import (
    CommonGround,
    Crosstalk,
    Delegation,
    EdgeCase,
    NaiveQuestions,
    Opening,
    Probe,
    Reframe,
    Scenario,
    SmartestQuestions,
    Synthesis,
)
from summitry.scenario.position import Unit, points
from summitry.text.questions import question_subject
from summitry.text.sentences import questions_in

__all__ = ["ExpectedTurns", "LintWarning", "expected_turns", "lint", "shared_points", "unanswered"]

# A delegation should have about one unit to argue from per turn that draws on material:
# a turn that restates an argument already made reads as padding (the rubric's "hollow").
UNITS_PER_TURN = 1.0
# Fewer arguments than this and every turn leans on the same two claims; a guess from
# writing the bundled scenarios, where 4-6 arguments carried 8-12 turns without repeats.
MIN_ARGUMENTS = 3


@dataclass(frozen=True)
class ExpectedTurns:
    """The turns the agenda asks of one delegation.

    ``material`` counts turns planned from its position paper (openings, probes, crosstalk,
    edge cases, reframes, synthesis, common ground), as an expected value; ``naive`` and
    ``smartest`` whether it is asked its naive and smartest questions.
    """

    material: float = 0.0
    naive: bool = False
    smartest: bool = False
    probed: int = 0
    reframes: int = 0

    def about(self) -> int:
        """The material turns, rounded for a message ("about 9 turns")."""
        return max(1, round(self.material))


@dataclass(frozen=True)
class LintWarning:
    """One thin spot: who (None for the whole scenario), what is wrong, and the fix."""

    delegation: str | None
    problem: str
    fix: str

    def __str__(self) -> str:
        who = f"{self.delegation}: " if self.delegation else ""
        return f"{who}{self.problem}; {self.fix}"


def expected_turns(scenario: Scenario) -> dict[str, ExpectedTurns]:
    """The turns the agenda will ask of each delegation, with the engine's defaults."""
    names = [d.name for d in scenario.delegations]
    n = len(names)
    material = dict.fromkeys(names, 0.0)
    probed = dict.fromkeys(names, 0)
    reframes = dict.fromkeys(names, 0)
    naive = smartest = False

    def each(count: float) -> None:
        for name in names:
            material[name] += count

    def shared(responses: int, pool: list[str]) -> None:
        # at most one answer per delegation, the floor going to the best claim: a fair share
        if pool:
            for name in pool:
                material[name] += min(responses, len(pool)) / len(pool)

    for item in scenario.agenda:
        if isinstance(item, Opening | Synthesis | CommonGround):
            each(1)
        elif isinstance(item, Probe):
            material[item.target] += 1
            probed[item.target] += 1
            shared(item.responses, [m for m in names if m != item.target])
        elif isinstance(item, Crosstalk):
            each(item.turns / n)
        elif isinstance(item, EdgeCase):
            shared(item.responses, names)
        elif isinstance(item, Reframe):
            material[item.by] += 1
            reframes[item.by] += 1
            shared(item.responses, [m for m in names if m != item.by])
        elif isinstance(item, NaiveQuestions):
            naive = True
        elif isinstance(item, SmartestQuestions):
            smartest = True
    return {
        name: ExpectedTurns(material[name], naive, smartest, probed[name], reframes[name]) for name in names
    }


def lint(scenario: Scenario) -> list[LintWarning]:
    """Every thin spot in the scenario's material, delegation by delegation, then the whole."""
    turns = expected_turns(scenario)
    warnings = [w for d in scenario.delegations for w in _delegation(scenario, d, turns[d.name])]
    warnings += [
        LintWarning(
            None,
            f"lesson question `{q.id}` has no `about`, and what it asks cannot be read from its text",
            "add `about:` with a short phrase that reads after 'on' (for example `about: space traffic`), "
            "or word the question as a wh- or yes/no question",
        )
        for q in scenario.lesson.questions
        if not q.about and question_subject(q.text) is None
    ]
    warnings.extend(unanswered(scenario))
    if _has_rivals(scenario) and not shared_points(scenario):
        warnings.append(
            LintWarning(
                None,
                "no two rivals share a point (`on`); common ground cannot be found",
                "give two delegations with a negative relation a unit each on the same point "
                "(the same `on:` text), on which they can agree",
            )
        )
    return warnings


def unanswered(scenario: Scenario) -> list[LintWarning]:
    """A warning for each question put to a delegation that nothing of its material answers (no unit
    linked to it, none relevant to it: :mod:`summitry.scenario.answers`), and for each hard case that no
    delegation can answer. In a session the addressee declines such a question, and a hard case
    nobody can answer is not put."""
    names = [d.name for d in scenario.delegations]
    found = []
    for asked in asked_in(scenario):
        whom = [asked.to] if asked.to else names
        if any(answering_units(material_of(scenario, n), asked, names) for n in whom):
            continue
        link = ANY_EDGE_CASE if asked.to is None else asked.id if asked.asker in names else ANY_PROBE
        kind = "probe" if asked.to else "hard case"
        what = (
            f"{_possessive(asked.asker)} question {asked.id}" if asked.asker in names
            else f"the mediator's {kind} {asked.id} (\"{_short(questions_in(asked.text))}\")"
        )
        found.append(
            LintWarning(
                asked.to if asked.to else None,
                f"nothing answers {what}" + ("" if asked.to else " in any delegation's material"),
                f"add a unit with `answers: [{link}]`"
                + ("" if asked.to else " to the delegations that would answer it"),
            )
        )
    return found


def shared_points(scenario: Scenario) -> dict[tuple[str, str], list[str]]:
    """For each rival pair (relation below zero), the points (`on`) both have material on."""
    out: dict[tuple[str, str], list[str]] = {}
    for i, a in enumerate(scenario.delegations):
        for b in scenario.delegations[i + 1 :]:
            if scenario.relation(a.name, b.name) >= 0:
                continue
            theirs = {p.strip().lower() for p in points(b.material())}
            common = [p for p in points(a.material()) if p.strip().lower() in theirs]
            if common:
                out[(a.name, b.name)] = common
    return out


def _has_rivals(scenario: Scenario) -> bool:
    names = [d.name for d in scenario.delegations]
    return any(scenario.relation(a, b) < 0 for i, a in enumerate(names) for b in names[i + 1 :])


def _delegation(scenario: Scenario, d: Delegation, asked: ExpectedTurns) -> Iterator[LintWarning]:
    units = d.material()
    by_kind = {kind: [u for u in units if u.kind == kind] for kind in {u.kind for u in units}}
    arguments = len(by_kind.get("argument", []))
    usable = len([u for u in units if u.kind != "reason"])
    needed = math.ceil(asked.material * UNITS_PER_TURN)
    if usable < needed or arguments < MIN_ARGUMENTS:
        yield LintWarning(
            d.name,
            f"{_count(arguments, 'argument')} and {_count(usable, 'unit')} in all for about "
            f"{_count(asked.about(), 'turn')}",
            "add arguments or rebuttals" + (f" (about {needed} units in all)" if usable < needed else ""),
        )
    yield from _reasons(scenario, d, units)
    yield from _rebuttals(d, by_kind.get("rebuttal", []))
    if asked.reframes and not by_kind.get("proposal"):
        yield LintWarning(
            d.name, "leads a reframe but has no proposal", "add a proposal on the focus it proposes"
        )
    if asked.probed and not by_kind.get("concession") and not by_kind.get("red_line"):
        yield LintWarning(
            d.name,
            "is probed but has no concession and no red line to answer with",
            "add a concession with its condition, or a red line",
        )
    if not any(u.to for u in by_kind.get("question", [])):
        yield LintWarning(d.name, "asks no other delegation anything", "add a question with `to: NAME`")
    for unit in by_kind.get("concession", []):
        if not unit.condition:
            yield LintWarning(
                d.name, f"concession {unit.id} has no condition", "add `condition:` (what it asks in return)"
            )
    if asked.naive and not d.naive_question:
        yield LintWarning(d.name, "has no naive question for the naive-questions round", "add `naive_question:`")
    if asked.smartest and not d.smartest_question:
        yield LintWarning(
            d.name, "has no smartest question for the smartest-questions round", "add `smartest_question:`"
        )


def _reasons(scenario: Scenario, d: Delegation, units: list[Unit]) -> Iterator[LintWarning]:
    explained = {u.question for u in units if u.kind == "reason"}
    for question in scenario.lesson.questions:
        if question.id in d.answers and question.id not in explained:
            yield LintWarning(
                d.name,
                f"no reason for its answer to `{question.id}`",
                f"add a reason with `question: {question.id}`",
            )


def _rebuttals(d: Delegation, rebuttals: list[Unit]) -> Iterator[LintWarning]:
    if not rebuttals:
        yield LintWarning(
            d.name, "has no rebuttal", "add rebuttals aimed at other delegations' units (`against: {unit: ID}`)"
        )
    elif not any(u.target and not u.target.startswith("option:") for u in rebuttals):
        yield LintWarning(
            d.name,
            "no rebuttal aims at anyone",
            "add `against: {unit: ID}` naming another delegation's unit, or `against: {delegation: NAME}`",
        )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
