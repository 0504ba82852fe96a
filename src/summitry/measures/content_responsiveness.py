"""Responsiveness on content: does a reply take up what the turn it answers actually said?

A *reply* is a delegation turn whose plan answers (``responds_to``) another delegation's turn
whose plan names the material it used (``TurnPlan.units``). The reply *engages* that turn when
it shares at least ``ENGAGE_MIN_SHARED`` (2) distinctive content words with one of those units. A
word is distinctive when it is a content word (no function word, no generic verb, longer than two letters,
stemmed) that is neither part of a delegation's or the mediator's name nor common
ground of the whole scenario: a word found in the material (texts and points) of at least half
the delegations, and of two at least ("river", "water" in a session on a river) says nothing
about which point is answered. Naming the other delegation therefore earns nothing.

The figure is the share of replies that engage the turn they answer; it is unknown (``None``)
when the log has no reply whose answered turn names its units (a log written before the engine
planned turns on material).

What it can show: replies that name a delegation but answer something else, or nothing. What it
cannot: a reply that answers the point in entirely other words is missed (a false "no"); a reply
that repeats the other side's words without answering them counts (a false "yes"); only the
units the answered turn's plan names are looked at, not the rest of what it said.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summitry.measures.thresholds import BACKGROUND_SHARE, ENGAGE_MIN_SHARED
from summitry.plan import TurnPlan
from summitry.scenario.model import Scenario
from summitry.text.stems import content_stems
from summitry.turns import Turn


@dataclass(frozen=True)
class Engagement:
    """One reply: which turn it answers, whether it engages it, and the words that show it."""

    turn: int
    answers: int
    engaged: bool
    shared: tuple[str, ...]


@dataclass(frozen=True)
class ContentResponsiveness:
    replies: tuple[Engagement, ...]

    @property
    def share(self) -> float | None:
        if not self.replies:
            return None
        return round(sum(r.engaged for r in self.replies) / len(self.replies), 3)


def background_words(scenario: Scenario) -> frozenset[str]:
    """Words every point of the scenario may use: common to many delegations' material, or names."""
    per_delegation: Counter[str] = Counter()
    for d in scenario.delegations:
        per_delegation.update(set().union(*(content_stems(f"{u.text} {u.on or ''}") for u in d.material())))
    floor = max(2.0, BACKGROUND_SHARE * len(scenario.delegations))
    common = {w for w, n in per_delegation.items() if n >= floor}
    names = [d.name for d in scenario.delegations] + [scenario.moderator.name]
    return frozenset(common.union(*(content_stems(n) for n in names)))


def engaged_words(reply: str, unit_texts: Iterable[str], background: frozenset[str]) -> tuple[str, ...]:
    """The distinctive words of the best-matched unit that the reply shares, if enough to engage."""
    said = content_stems(reply) - background
    best: tuple[str, ...] = ()
    for text in unit_texts:
        own = content_stems(text) - background
        shared = tuple(sorted(own & said))
        if own and len(shared) >= min(ENGAGE_MIN_SHARED, len(own)) and len(shared) > len(best):
            best = shared
    return best


def content_responsiveness(
    scenario: Scenario, turns: Sequence[Turn], plans: Sequence[TurnPlan]
) -> ContentResponsiveness:
    """The figure for a session: its turns and their plans, in the same order."""
    names = {d.name for d in scenario.delegations}
    units = scenario.units()
    plan_of = {p.index: p for p in plans}
    background = background_words(scenario)
    replies = []
    for turn in turns:
        plan = plan_of.get(turn.index)
        if plan is None or plan.is_moderator or turn.speaker not in names or plan.responds_to is None:
            continue
        answered = plan_of.get(plan.responds_to)
        if answered is None or answered.is_moderator or answered.speaker not in names:
            continue
        texts = [units[u].text for u in answered.units if u in units]
        if not texts:
            continue
        shared = engaged_words(turn.text, texts, background)
        replies.append(Engagement(turn.index, answered.index, bool(shared), shared))
    return ContentResponsiveness(tuple(replies))
