"""Stance per delegation per lesson question, sentence by sentence, over time.

For each question, a sentence's *relevance* is its similarity to the question and its options;
the sentences in the upper part of that distribution count (the upper 40% in a long session,
nearly all of a short one). Its *position* lies on the axis of
the question's options in the order the scenario lists them (0 = first option … 1 = last): the
similarity to each option is standardised across the relevant sentences and turned into
probabilities, and because embeddings miss negation, a sentence that rejects what it talks
about pushes its mass away from its nearest option, one that endorses pulls it closer.

Positions are smoothed per delegation (a relevance-weighted running mean); the report gives
start, end, change, the option leaned to at the end and the largest shift with its quote.
With no scenario, each of the largest themes becomes a question with the axis
opposes (0) … supports (1), from endorsement and rejection cues.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from summitry.analysis.findings.themes import ThemeSet, sentence_stand
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.cues import cues
from summitry.analysis.primitives.scenario_view import ScenarioView
from summitry.analysis.primitives.sentences import Sentence
from summitry.analysis.schema import DelegationStance, QuestionStances, StancePoint, StanceShift
from summitry.embed import Embedder

RELEVANT_QUANTILE = 0.6  # claims above this quantile of relevance to a question place a stance (a guess, not measured)
FULL_SELECTION_CLAIMS = 100  # a guess, not measured
SMOOTHING = 0.75  # weight of the running stance against the newest claim (a guess, not measured)
REJECT_DAMPING = 0.3  # a guess, not measured
ENDORSE_BOOST = 1.5  # a guess, not measured
MAX_THEME_QUESTIONS = 4  # questions drawn from themes when the scenario has none (a guess, not measured)


@dataclass(frozen=True)
class Axis:
    """A question and its options, in axis order."""

    id: str
    text: str
    options: list[tuple[str, str]]  # (option id, option text)
    source: str  # "scenario" or "theme"


@dataclass(frozen=True)
class Point:
    sentence: Sentence
    position: float
    weight: float
    probabilities: np.ndarray


def scenario_axes(scenario: ScenarioView | None) -> list[Axis]:
    """The lesson questions of a scenario as axes (none without a scenario)."""
    if scenario is None:
        return []
    questions = scenario.lesson.questions
    return [Axis(q.id, q.text, [(o.id, o.text) for o in q.options], "scenario") for q in questions]


def theme_axes(themes: ThemeSet) -> list[Axis]:
    """The largest themes as support/oppose axes, when there is no scenario."""
    ranked = sorted(themes.themes, key=lambda t: -len(t.sentence_ids))[:MAX_THEME_QUESTIONS]
    return [
        Axis(
            f"theme-{t.id + 1}",
            t.label,
            [("opposes", "opposes"), ("supports", "supports")],
            "theme",
        )
        for t in ranked
    ]


def stance_points(
    corpus: Corpus, axis: Axis, embedder: Embedder, themes: ThemeSet | None = None
) -> list[Point]:
    """Relevant delegation sentences with their position on the axis."""
    claims = corpus.claims
    if not claims:
        return []
    if axis.source == "theme" and themes is not None:
        return _theme_points(corpus, axis, themes)
    anchors = embedder.embed([axis.text] + [f"{axis.text} {text}" for _, text in axis.options])
    rows = corpus.vectors[[s.id for s in claims]]
    relevance = rows @ anchors.mean(axis=0)
    # The less a session says, the more of it counts: a short one is all on the question.
    quantile = RELEVANT_QUANTILE * min(1.0, len(claims) / FULL_SELECTION_CLAIMS)
    cut = float(np.quantile(relevance, quantile))
    keep = [k for k in range(len(claims)) if relevance[k] >= cut and relevance[k] > 0]
    if not keep:
        return []
    option_sims = rows[keep] @ anchors[1:].T
    z = (option_sims - option_sims.mean(axis=0)) / (option_sims.std(axis=0) + 1e-6)
    low, high = float(relevance[keep].min()), float(relevance[keep].max())
    out = []
    for row, k in enumerate(keep):
        probs = _adjust(_softmax(z[row]), claims[k].text)
        weight = 1.0 if high == low else 0.3 + 0.7 * (float(relevance[k]) - low) / (high - low)
        out.append(Point(claims[k], _position(probs), round(weight, 3), probs))
    return out


def _theme_points(corpus: Corpus, axis: Axis, themes: ThemeSet) -> list[Point]:
    theme = themes.themes[int(axis.id.split("-")[1]) - 1]
    out = []
    for sid in theme.sentence_ids:
        s = corpus.sentences[sid]
        if s.speaker not in corpus.delegations:
            continue
        position = (sentence_stand(s.text) + 1) / 2
        out.append(Point(s, position, 1.0, np.array([1 - position, position])))
    return out


def _softmax(values: np.ndarray) -> np.ndarray:
    e = np.exp(values - values.max())
    shares: np.ndarray = e / e.sum()
    return shares


def _adjust(probs: np.ndarray, text: str) -> np.ndarray:
    """Move mass away from the nearest option when the sentence rejects, toward it when it
    endorses."""
    found = cues(text)
    nearest = int(np.argmax(probs))
    probs = probs.copy()
    if found.reject > found.endorse:
        probs[nearest] *= REJECT_DAMPING
    elif found.endorse > found.reject:
        probs[nearest] *= ENDORSE_BOOST
    shares: np.ndarray = probs / probs.sum()
    return shares


def _position(probs: np.ndarray) -> float:
    if len(probs) < 2:
        return 0.5
    return float(np.dot(probs, np.linspace(0.0, 1.0, len(probs))))


def delegation_stance(
    delegation: str, points: list[Point], axis: Axis, declared: str | None = None
) -> DelegationStance:
    """One delegation's smoothed positions on one axis, start to end, and its largest shift."""
    mine = sorted(
        (p for p in points if p.sentence.speaker == delegation),
        key=lambda p: (p.sentence.turn, p.sentence.position),
    )
    if not mine:
        return DelegationStance(
            delegation=delegation,
            points=[],
            start=None,
            end=None,
            change=None,
            leaning=None,
            declared=declared,
            largest_shift=None,
            confidence=0.0,
            turns=[],
        )
    smoothed, level, mass = [], 0.0, 0.0
    tail = np.zeros_like(mine[0].probabilities)
    for p in mine:
        rate = SMOOTHING * (0.5 + 0.5 * p.weight)
        level = (1 - rate) * level + rate * p.position
        tail = (1 - rate) * tail + rate * p.probabilities
        mass = (1 - rate) * mass + rate
        smoothed.append(level / mass)
    stance_points = [
        StancePoint(
            turn=p.sentence.turn,
            position=round(p.position, 3),
            smoothed=round(v, 3),
            weight=p.weight,
            quote=p.sentence.text,
        )
        for p, v in zip(mine, smoothed, strict=True)
    ]
    return DelegationStance(
        delegation=delegation,
        points=stance_points,
        start=round(smoothed[0], 3),
        end=round(smoothed[-1], 3),
        change=round(smoothed[-1] - smoothed[0], 3),
        leaning=axis.options[int(np.argmax(tail))][0],
        declared=declared,
        largest_shift=_largest_shift(mine, smoothed),
        confidence=round(
            min(1.0, 0.25 + 0.15 * len(mine)) * float(np.mean([p.weight for p in mine])), 3
        ),
        turns=sorted({p.sentence.turn for p in mine}),
    )


def _largest_shift(points: list[Point], smoothed: list[float]) -> StanceShift | None:
    if len(points) < 2:
        return None
    deltas = [smoothed[i] - smoothed[i - 1] for i in range(1, len(smoothed))]
    k = int(np.argmax(np.abs(deltas)))
    p = points[k + 1]
    return StanceShift(
        delta=round(deltas[k], 3),
        turn=p.sentence.turn,
        quote=p.sentence.text,
        confidence=round(min(1.0, abs(deltas[k]) * 2) * p.weight, 3),
    )


def question_stances(
    corpus: Corpus, axis: Axis, points: list[Point], declared: dict[str, str] | None = None
) -> QuestionStances:
    """Every delegation's stance on one question."""
    declared = declared or {}
    return QuestionStances(
        question_id=axis.id,
        question=axis.text,
        options=[o for o, _ in axis.options],
        source=axis.source,
        delegations=[
            delegation_stance(d, points, axis, declared.get(d)) for d in corpus.delegations
        ],
    )


def turn_positions(points_by_axis: dict[str, list[Point]]) -> dict[tuple[str, int], float]:
    """Mean position of each (axis, turn), for stance agreement between turns."""
    sums: dict[tuple[str, int], list[float]] = {}
    for axis_id, points in points_by_axis.items():
        for p in points:
            sums.setdefault((axis_id, p.sentence.turn), []).append(p.position)
    return {k: float(np.mean(v)) for k, v in sums.items()}


def agreement_between(
    positions: dict[tuple[str, int], float], axes: list[str]
) -> Callable[[int, int], float | None]:
    """A function (turn, other turn) -> agreement -1 … +1 on the questions both touch, or None."""

    def agreement(turn: int, other: int) -> float | None:
        shared = [
            1.0 - 2.0 * abs(positions[(a, turn)] - positions[(a, other)])
            for a in axes
            if (a, turn) in positions and (a, other) in positions
        ]
        return float(np.mean(shared)) if shared else None

    return agreement
