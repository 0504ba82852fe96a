"""Figures over seeds: the mean, the lowest and the highest of each figure, per backend and scenario.

One session says little: a figure that is fine on seed 0 may fail on seed 1. The evaluation
runs each backend and scenario over several seeds and reports each figure's spread. A figure that
is unknown (``None``) in a session is left out of its mean; ``known`` says in how many sessions it
was known, so an unknown figure is shown as unknown, never as zero.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict


class Spread(BaseModel):
    """One figure over the seeds of one backend and scenario."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mean: float | None
    min: float | None
    max: float | None
    known: int

    @classmethod
    def of(cls, values: Iterable[float | int | None]) -> Spread:
        known = [float(v) for v in values if v is not None]
        if not known:
            return cls(mean=None, min=None, max=None, known=0)
        return cls(mean=round(statistics.fmean(known), 3), min=min(known), max=max(known), known=len(known))

    def cell(self) -> str:
        """'0.412 (0.380–0.450)', or 'unknown'."""
        if self.mean is None or self.min is None or self.max is None:
            return "unknown"
        if self.min == self.max:
            return _number(self.mean)
        return f"{_number(self.mean)} ({_number(self.min)}–{_number(self.max)})"


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.3f}"


def spreads(rows: Sequence[dict[str, Any]], figures: Sequence[str]) -> list[dict[str, Any]]:
    """One entry per backend and scenario (in the rows' order): its seeds and each figure's spread."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["backend"], row["scenario"]), []).append(row)
    return [
        {
            "backend": backend,
            "scenario": scenario,
            "seeds": [r["seed"] for r in members],
            "figures": {k: Spread.of(r.get(k) for r in members).model_dump() for k in figures
                        if any(k in r for r in members)},
        }
        for (backend, scenario), members in groups.items()
    ]
