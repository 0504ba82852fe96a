"""Material use: which units of each delegation's position paper its turns used, reused or left.

Read from the turn plans in the log (``TurnPlan.units``: the ids of the speaker's own material a
turn uses). For each delegation: the units it has (``Delegation.material()``), those used at
least once, those used more than once, and those never used.

When no delegation plan of the session names any unit (a log written before the engine planned
turns on material), the figure is unknown (``None``), never guessed.

What it can show: a session that argues from a sliver of its material, or that leans on the
same unit again and again. What it cannot: whether the words of a turn really carry the unit
its plan names (a plan is an intention; see responsiveness on content for the words).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summitry.plan import TurnPlan
from summitry.scenario.model import Scenario


@dataclass(frozen=True)
class DelegationMaterial:
    """One delegation's units: how many it has, and which were used, reused or left unused."""

    delegation: str
    available: int
    used: tuple[str, ...]
    reused: tuple[str, ...]
    unused: tuple[str, ...]


@dataclass(frozen=True)
class MaterialUse:
    """Material use of every delegation; ``known`` is False when no plan names a unit."""

    known: bool
    delegations: tuple[DelegationMaterial, ...]

    def _share(self, attribute: str) -> float | None:
        available = sum(d.available for d in self.delegations)
        if not self.known or not available:
            return None
        return round(sum(len(getattr(d, attribute)) for d in self.delegations) / available, 3)

    @property
    def used_share(self) -> float | None:
        """Units used at least once, over all units."""
        return self._share("used")

    @property
    def reused_share(self) -> float | None:
        """Units used more than once, over all units."""
        return self._share("reused")

    @property
    def unused_share(self) -> float | None:
        return self._share("unused")


def material_use(scenario: Scenario, plans: Sequence[TurnPlan]) -> MaterialUse:
    """The figure for a session of this scenario, from its turn plans."""
    names = {d.name for d in scenario.delegations}
    own = [p for p in plans if not p.is_moderator and p.speaker in names]
    uses: Counter[str] = Counter(u for p in own for u in p.units)
    rows = []
    for d in scenario.delegations:
        ids = [u.id for u in d.material()]
        rows.append(
            DelegationMaterial(
                delegation=d.name,
                available=len(ids),
                used=tuple(i for i in ids if uses[i] >= 1),
                reused=tuple(i for i in ids if uses[i] > 1),
                unused=tuple(i for i in ids if uses[i] == 0),
            )
        )
    return MaterialUse(known=bool(uses), delegations=tuple(rows))
