"""Who speaks next and whom they answer.

The choice weighs four things, each visible in the seed sessions: being named in the last
turn, rivalry with the last speaker, relevance of one's interests to what is on the table,
and fairness (those who spoke least come first). Ties are broken by the session's seeded
random generator, so the same scenario and seed always give the same order.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from summitry.plan import Stance, TurnPlan
from summitry.scenario.index import material_of
from summitry.scenario.model import Scenario
from summitry.scenario.position import points
from summitry.text.overlap import overlap
from summitry.turns import Turn

WEIGHT_NAMED = 2.0
WEIGHT_RIVALRY = 1.2
WEIGHT_RELEVANCE = 3.0
WEIGHT_FAIRNESS = 1.0
WEIGHT_JITTER = 0.15


@dataclass(frozen=True)
class Floor:
    """What the room has just heard: the last turn and the matter on the table."""

    last_speaker: str | None
    last_text: str
    named: frozenset[str]
    matter: str


def relevance(scenario: Scenario, name: str, matter: str) -> float:
    """How much a delegation's interests and the points of its material touch the matter, 0 … 1."""
    if not matter:
        return 0.0
    own = " ".join(scenario.delegation(name).interests + points(material_of(scenario, name)))
    return min(1.0, 4 * overlap(own, matter))


def named_in(text: str, names: list[str]) -> frozenset[str]:
    """The delegations a text names."""
    return frozenset(n for n in names if n in text)


def choose_speaker(
    scenario: Scenario,
    floor: Floor,
    candidates: list[str],
    turns: list[Turn],
    rng: random.Random,
) -> str:
    """The candidate with the best claim to the floor."""
    counts = Counter(t.speaker for t in turns)
    most = max(counts.values(), default=0)

    def score(name: str) -> float:
        value = WEIGHT_NAMED * (name in floor.named)
        if floor.last_speaker and floor.last_speaker in _delegation_names(scenario):
            value += WEIGHT_RIVALRY * max(0.0, -scenario.relation(name, floor.last_speaker))
        value += WEIGHT_RELEVANCE * relevance(scenario, name, floor.matter)
        value += WEIGHT_FAIRNESS * (most - counts[name]) / (most + 1)
        return value + WEIGHT_JITTER * rng.random()

    return max(candidates, key=score)


def choose_addressee(
    scenario: Scenario,
    speaker: str,
    recent: list[tuple[Turn, TurnPlan]],
    rng: random.Random,
) -> Turn | None:
    """Which recent delegation turn the speaker answers: strong feelings and recency win."""
    names = _delegation_names(scenario)
    options = [(t, p) for t, p in recent if t.speaker in names and t.speaker != speaker]
    if not options:
        return None

    def score(item: tuple[int, tuple[Turn, TurnPlan]]) -> float:
        age, (turn, _plan) = item
        feeling = abs(scenario.relation(speaker, turn.speaker))
        named_me = 0.6 * (speaker in turn.text)
        return feeling + named_me + 0.5 / (1 + age) + 0.05 * rng.random()

    ranked = list(enumerate(reversed(options)))
    return max(ranked, key=score)[1][0]


def stance_toward(scenario: Scenario, speaker: str, other: str, warmth: float = 0.0) -> Stance:
    """Stance from the relation between two delegations, softened by the session's warmth."""
    value = scenario.relation(speaker, other) + warmth
    if value <= -0.3:
        return Stance.OPPOSE
    if value >= 0.3:
        return Stance.SUPPORT
    return Stance.QUALIFY


def _delegation_names(scenario: Scenario) -> list[str]:
    return [d.name for d in scenario.delegations]
