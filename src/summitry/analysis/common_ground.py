"""Common ground between rivals: themes on which two rival delegations both stand, with quotes.

Rivals are the pairs whose relation is negative (``relation(a, b) < 0``), or, with no
relations, the pairs whose exchanges were most negative. For each rival pair and each theme
both spoke to without opposing it, the score combines how closely their claims match (as a
percentile among all cross-speaker claim pairs, so it means the same for any embedder), how
supportive both were, whether one answered the other positively, and how much each said.
Findings are then chosen greedily, one per pair, preferring stronger rivalries and themes not
yet named, as a mediator summing up would.

:func:`find_common_ground` is what the session engine's ``common_ground`` phase calls.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from summitry.analysis.blas import single_threaded
from summitry.analysis.corpus import Corpus, build_corpus
from summitry.analysis.embed import Embedder
from summitry.analysis.labels import pair_label
from summitry.analysis.responses import Response, find_responses
from summitry.analysis.schema import CommonGroundFinding, Evidence
from summitry.analysis.themes import (
    SUPPORT_BASE,
    ThemeCluster,
    ThemeSet,
    find_themes,
    sentence_stand,
)
from summitry.turns import Transcript

Relation = Callable[[str, str], float]
OPPOSED = -0.15
REPEATED_THEME_FACTOR = 0.6


@dataclass(frozen=True)
class _Candidate:
    pair: tuple[str, str]
    theme: ThemeCluster
    confidence: float
    relation: float | None
    evidence: tuple[int, int]  # sentence ids, one per side
    exchange: Response | None


def find_common_ground(
    transcript: Transcript,
    *,
    relation: Relation | None = None,
    embedder: Embedder | None = None,
    limit: int = 3,
) -> list[CommonGroundFinding]:
    """Rival pairs that found common ground in the transcript, best first (at most ``limit``).

    ``relation(a, b)`` gives -1 (rivals) … +1 (allies), e.g. ``Scenario.relation``; pairs below
    zero are rivals. Without it, the pairs whose exchanges were most negative are used. The
    embedder defaults to the fast lexical one.
    """
    with single_threaded():
        corpus = build_corpus(transcript, embedder)
        themes = find_themes(corpus.claims, corpus.vectors, corpus.transcript.speakers)
        responses = find_responses(transcript, corpus.sentences, corpus.vectors, corpus.delegations)
        return common_ground(corpus, themes, responses, relation=relation, limit=limit)


def rival_pairs(
    delegations: list[str], responses: list[Response], relation: Relation | None
) -> dict[tuple[str, str], float | None]:
    """Pairs (in order of first appearance) that are rivals, with their relation if known."""
    out: dict[tuple[str, str], float | None] = {}
    if relation is not None:
        for a, b in itertools.combinations(delegations, 2):
            value = _safe_relation(relation, a, b)
            if value is not None and value < 0:
                out[(a, b)] = value
        return out
    net: dict[tuple[str, str], float] = {}
    for r in responses:
        key = _ordered(r.speaker, r.target, delegations)
        net[key] = net.get(key, 0.0) + r.sign * r.confidence
    worst = sorted((v, k) for k, v in net.items() if v < 0)
    return {k: None for _, k in worst[: max(3, len(delegations) // 2)]}


def common_ground(
    corpus: Corpus,
    themes: ThemeSet,
    responses: list[Response],
    *,
    relation: Relation | None = None,
    limit: int = 3,
) -> list[CommonGroundFinding]:
    """Common-ground findings from an already analysed corpus."""
    if limit <= 0 or not themes.themes:
        return []
    pairs = rival_pairs(corpus.delegations, responses, relation)
    reference = _cross_speaker_similarities(corpus)
    candidates = [
        c for pair, rel in pairs.items() for theme in themes.themes
        if (c := _score(corpus, theme, pair, rel, responses, reference)) is not None
    ]
    return [_finding(corpus, themes, c) for c in _select(candidates, limit)]


def _score(corpus: Corpus, theme: ThemeCluster, pair: tuple[str, str], rel: float | None,
           responses: list[Response], reference: np.ndarray) -> _Candidate | None:
    a, b = pair
    if a not in theme.stand or b not in theme.stand:
        return None
    if theme.stand[a] < OPPOSED or theme.stand[b] < OPPOSED:
        return None
    side_a = _supportive(corpus, theme, a)
    side_b = _supportive(corpus, theme, b)
    if not side_a or not side_b:
        return None
    sims = corpus.vectors[side_a] @ corpus.vectors[side_b].T
    ia, ib = np.unravel_index(int(np.argmax(sims)), sims.shape)
    match = float(np.searchsorted(reference, sims[ia, ib]) / max(1, len(reference)))
    support = min(1.0, max(0.0, (theme.stand[a] + theme.stand[b]) / 2))
    exchange = _positive_exchange(responses, a, b)
    breadth = min(1.0, min(len(side_a), len(side_b)) / 3)
    confidence = 0.5 * match + 0.2 * support + 0.15 * (exchange is not None) + 0.15 * breadth
    return _Candidate(pair, theme, round(confidence, 3), rel, (side_a[ia], side_b[ib]), exchange)


def _supportive(corpus: Corpus, theme: ThemeCluster, speaker: str) -> list[int]:
    """The speaker's sentences on the theme that do not reject what they talk about."""
    return [
        i for i in theme.sentence_ids
        if corpus.sentences[i].speaker == speaker
        and sentence_stand(corpus.sentences[i].text) >= SUPPORT_BASE
    ]


def _select(candidates: list[_Candidate], limit: int) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    used_pairs: set[tuple[str, str]] = set()
    used_themes: set[int] = set()
    pool = list(candidates)
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda c: (_priority(c, used_themes), c.pair))
        chosen.append(best)
        used_pairs.add(best.pair)
        used_themes.add(best.theme.id)
        pool = [c for c in pool if c.pair not in used_pairs]
    return chosen


def _priority(c: _Candidate, used_themes: set[int]) -> float:
    rivalry = 0.6 + 0.4 * abs(c.relation) if c.relation is not None else 1.0
    repeat = REPEATED_THEME_FACTOR if c.theme.id in used_themes else 1.0
    return c.confidence * rivalry * repeat


def _finding(corpus: Corpus, themes: ThemeSet, c: _Candidate) -> CommonGroundFinding:
    a, b = c.pair
    sa, sb = (corpus.sentences[i] for i in c.evidence)
    evidence = [Evidence(turn=s.turn, speaker=s.speaker, quote=s.text) for s in (sa, sb)]
    if c.exchange is not None:
        evidence.append(Evidence(turn=c.exchange.turn, speaker=c.exchange.speaker,
                                 quote=c.exchange.quote))
    label = pair_label(themes, c.theme, [sa.text, sb.text])
    return CommonGroundFinding(
        pair=c.pair, theme=label, sentence=f"{a} and {b} found common ground on {label}",
        confidence=c.confidence, evidence=evidence, relation=c.relation,
        theme_id=c.theme.id, exchange=c.exchange is not None,
    )


def _positive_exchange(responses: list[Response], a: str, b: str) -> Response | None:
    best = None
    for r in responses:
        if {r.speaker, r.target} == {a, b} and r.sign > 0.15:
            if best is None or r.sign * r.confidence > best.sign * best.confidence:
                best = r
    return best


def _cross_speaker_similarities(corpus: Corpus, cap: int = 600) -> np.ndarray:
    claims = corpus.claims
    if len(claims) > cap:
        step = len(claims) / cap
        claims = [claims[int(i * step)] for i in range(cap)]
    ids = [s.id for s in claims]
    codes = {name: k for k, name in enumerate(dict.fromkeys(s.speaker for s in claims))}
    speakers = np.array([codes[s.speaker] for s in claims])
    sims = corpus.vectors[ids] @ corpus.vectors[ids].T
    mask = np.triu(speakers[:, None] != speakers[None, :], k=1)
    return np.sort(sims[mask])


def _safe_relation(relation: Relation, a: str, b: str) -> float | None:
    try:
        return float(relation(a, b))
    except (KeyError, ValueError, TypeError):
        return None


def _ordered(a: str, b: str, order: list[str]) -> tuple[str, str]:
    rank = {n: i for i, n in enumerate(order)}
    return (a, b) if rank.get(a, 0) <= rank.get(b, 0) else (b, a)
