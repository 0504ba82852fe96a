"""Convergence: did the delegations' stances on each question draw closer over the session?

Turns are grouped by their recorded phase, or, when none is recorded, into the early, middle
and late third of the session. Per group, the spread is the standard deviation of the
delegations' mean positions; the question *narrowed* when the last group's spread is smaller
than the first's. Pairs whose distance shrank (or grew) by more than a margin between each one's
first and last group are listed as converged (or diverged).
"""

from __future__ import annotations

import itertools

import numpy as np

from summitry.analysis.findings.stance import Point
from summitry.analysis.schema import PhaseSpread, QuestionConvergence
from summitry.turns import Transcript

PAIR_MARGIN = 0.1  # a change in a pair's distance smaller than this is not movement (a guess, not measured)
NARROWING_MARGIN = 0.02  # a spread that falls by less than this has not narrowed (a guess, not measured)


def phase_of_turns(transcript: Transcript) -> dict[int, str]:
    """Each turn's phase, or early/middle/late by position when phases were not recorded."""
    if any(t.phase for t in transcript.turns):
        return {t.index: t.phase or "unknown" for t in transcript.turns}
    n = max(1, len(transcript.turns))
    names = ("early", "middle", "late")
    return {t.index: names[min(2, 3 * k // n)] for k, t in enumerate(transcript.turns)}


def convergence(
    question_id: str, points: list[Point], phases: dict[int, str]
) -> QuestionConvergence:
    """Spread per phase on one question, whether it narrowed, and the pairs that moved."""
    order = list(dict.fromkeys(phases.values()))
    by_phase: dict[str, dict[str, list[float]]] = {}
    turns: dict[str, set[int]] = {}
    for p in points:
        phase = phases.get(p.sentence.turn, "unknown")
        by_phase.setdefault(phase, {}).setdefault(p.sentence.speaker, []).append(p.position)
        turns.setdefault(phase, set()).add(p.sentence.turn)
    spreads = []
    means: dict[str, dict[str, float]] = {}
    for phase in [ph for ph in order if ph in by_phase]:
        means[phase] = {d: float(np.mean(v)) for d, v in by_phase[phase].items()}
        if len(means[phase]) >= 2:
            spreads.append(
                PhaseSpread(
                    phase=phase,
                    spread=round(float(np.std(list(means[phase].values()))), 3),
                    delegations=len(means[phase]),
                    turns=sorted(turns[phase]),
                )
            )
    narrowed = None
    if len(spreads) >= 2:
        narrowed = spreads[-1].spread < spreads[0].spread - NARROWING_MARGIN
    converged, diverged = _moving_pairs(means)
    confidence = round(min(1.0, 0.2 * len(spreads)) * min(1.0, len(points) / 20), 3)
    return QuestionConvergence(
        question_id=question_id,
        phases=spreads,
        narrowed=narrowed,
        converged=converged,
        diverged=diverged,
        confidence=confidence,
    )


def _moving_pairs(
    means: dict[str, dict[str, float]],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Pairs whose distance from their first to their last group shrank or grew by a margin;
    each delegation's first and last group are its own (they need not be the same for both)."""
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    groups: dict[str, int] = {}
    for m in means.values():
        for d, value in m.items():
            first.setdefault(d, value)
            last[d] = value
            groups[d] = groups.get(d, 0) + 1
    moving = [d for d in first if groups[d] >= 2]
    converged, diverged = [], []
    for a, b in itertools.combinations(list(first), 2):
        if a not in moving and b not in moving:
            continue
        before, after = abs(first[a] - first[b]), abs(last[a] - last[b])
        if after < before - PAIR_MARGIN:
            converged.append((a, b))
        elif after > before + PAIR_MARGIN:
            diverged.append((a, b))
    return converged, diverged
