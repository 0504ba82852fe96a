"""Common ground between rivals: what two rival delegations both stood for, with the quotes.

Rivals are the pairs whose relation is negative (``relation(a, b) < 0``), or, with no
relations, the pairs whose exchanges were most negative (see :mod:`.selection`). For a rival
pair, every pair of their claims is a possible *match*, except claims that reject what they
talk about, claims about the partner that do not agree with it, and the rest of a turn that
rebuts the partner. A match scores its similarity as a percentile among all cross-speaker
claim pairs (so it means the same for any embedder), plus a little when one turn answered the
other or both spoke in the same round. A pair's candidates are its best match per theme,
scored with how supportive both were on the theme, whether one ever agreed with the other,
and how much each said about it; such a finding is labelled by the phrase that best names the
claims around its match (see :mod:`.labels`).

With the theme labels a scenario's author wrote for each delegation (``themes``), each of a
pair's best matches is named by the authored label that fits both of its claims best (labels
both delegations hold first), and the pair's candidates are one per label: the match where
similarity and fit add up best, so the quotes show what the label says. A pair none of whose
matches any label fits keeps the themes found in the transcript.

The findings a mediator would name are the set of disjoint pairs (each delegation named once)
with the largest total of rivalry x confidence, preferring different themes found in the
transcript; the other rival pairs follow, best first.

:func:`find_common_ground` is what the session engine's ``common_ground`` phase calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from summitry.analysis.findings.labels import AuthoredThemes
from summitry.analysis.findings.responses import Response, find_responses
from summitry.analysis.findings.selection import Relation, choose_disjoint, rival_pairs
from summitry.analysis.findings.supportive import Sides, SupportiveClaims
from summitry.analysis.findings.themes import ThemeCluster, ThemeSet, find_themes
from summitry.analysis.primitives.blas import single_threaded
from summitry.analysis.primitives.corpus import Corpus, build_corpus
from summitry.analysis.primitives.cues import SIGN_MARGIN
from summitry.analysis.primitives.sentences import Sentence
from summitry.analysis.schema import CommonGroundFinding, Evidence
from summitry.embed import Embedder, LexicalEmbedder
from summitry.turns import Transcript

__all__ = [
    "Candidate",
    "common_ground",
    "evenly_spaced",
    "MAX_SIDE",
    "find_common_ground",
    "rank_candidates",
]

OPPOSED = -SIGN_MARGIN  # a stand below this on a theme opposes it
ANSWERED_BONUS = 0.15  # a guess, not measured
SAME_ROUND_BONUS = 0.15  # a guess, not measured
MATCHES_PER_PAIR = 12  # a cap on cost (a guess, not measured)
MAX_SIDE = 400  # claims per side compared in a long session, evenly spaced (a cap on cost; a guess, not measured)
AUTHORED_CELLS = 40  # best matches of a pair that an authored label may name (a guess, not measured)
FIT_FULL = 0.3  # a fit this good counts in full towards confidence (a guess, not measured)
FIT_WEIGHT = 0.5  # how much a label's fit weighs against the match itself when choosing one (a guess, not measured)


@dataclass(frozen=True)
class Candidate:
    """One possible finding: a rival pair, a theme, the matching claims and a confidence."""

    pair: tuple[str, str]
    theme_id: int
    confidence: float
    relation: float | None
    evidence: tuple[int, int]  # sentence ids, one per side
    exchange: Response | None
    label: str | None = None  # the authored label, when one names the match

    @property
    def topic(self) -> int | None:
        """What a summary should not repeat: the theme found in the transcript. An authored
        label is not a topic to avoid: the author gave it to several delegations on purpose,
        and it was chosen because it names this match best, so no other label would do."""
        return self.theme_id if self.label is None else None

    @property
    def weight(self) -> float:
        rivalry = abs(self.relation) if self.relation is not None else 0.5
        return self.confidence * (0.5 + rivalry)


def find_common_ground(
    transcript: Transcript,
    *,
    relation: Relation | None = None,
    embedder: Embedder | None = None,
    limit: int = 3,
    themes: Mapping[str, Sequence[str]] | None = None,
) -> list[CommonGroundFinding]:
    """Rival pairs that found common ground in the transcript, best first (at most ``limit``).

    ``relation(a, b)`` gives -1 (rivals) … +1 (allies), e.g. ``Scenario.relation``; pairs below
    zero are rivals. Without it, the pairs whose exchanges were most negative are used. The
    embedder defaults to the fast lexical one. ``themes`` maps each delegation to the theme
    labels its author wrote (see :func:`summitry.analysis.findings.labels.theme_vocabulary`); findings
    are then named with those labels where one fits.
    """
    embedder = LexicalEmbedder() if embedder is None else embedder
    with single_threaded():
        corpus = build_corpus(transcript, embedder)
        found = find_themes(corpus.claims, corpus.centred, corpus.transcript.speakers, terms=False)
        responses = find_responses(transcript, corpus.sentences, corpus.vectors, corpus.delegations)
        return common_ground(
            corpus,
            found,
            responses,
            relation=relation,
            limit=limit,
            authored=themes,
            embedder=embedder,
        )


def common_ground(
    corpus: Corpus,
    themes: ThemeSet,
    responses: list[Response],
    *,
    relation: Relation | None = None,
    limit: int = 3,
    authored: Mapping[str, Sequence[str]] | None = None,
    embedder: Embedder | None = None,
    sides: Sides | None = None,
) -> list[CommonGroundFinding]:
    """Common-ground findings from an already analysed corpus: the named ones first.

    ``authored`` (delegation -> theme labels) needs the ``embedder`` the corpus was built with;
    without it the labels are embedded only when the corpus is lexical. ``sides``: positions on
    a debate's proposal, which decide which pairs, sentences and labels may count (see debate.py)."""
    vocabulary = AuthoredThemes.for_corpus(corpus, authored, embedder) if authored else None
    ranked = rank_candidates(corpus, themes, responses, relation, vocabulary, sides)
    if sides is not None:
        said = lambda c: tuple(corpus.sentences[i].text for i in c.evidence)  # noqa: E731
        label = lambda c: c.label or themes.themes[c.theme_id].label  # noqa: E731
        ranked = [c for c in ranked if sides.shares(*c.pair) and sides.allows(label(c), said(c))]
    if limit <= 0 or not ranked:
        return []
    named = choose_disjoint(ranked, limit)
    rest = _best_per_pair([c for c in ranked if c.pair not in {n.pair for n in named}])
    return [_finding(corpus, themes, c) for c in (named + rest)[:limit]]


def rank_candidates(
    corpus: Corpus,
    themes: ThemeSet,
    responses: list[Response],
    relation: Relation | None,
    vocabulary: AuthoredThemes | None = None,
    sides: Sides | None = None,
) -> list[Candidate]:
    """Every (rival pair, theme) candidate, by weight (rivalry x confidence)."""
    if not themes.themes:
        return []
    scorer = _Scorer(corpus, themes, responses, vocabulary, sides)
    out = []
    for pair, rel in rival_pairs(corpus.delegations, responses, relation).items():
        out.extend(scorer.candidates(pair, rel))
    return sorted(out, key=lambda c: (-c.weight, c.pair, c.theme_id))


class _Scorer:
    def __init__(
        self,
        corpus: Corpus,
        themes: ThemeSet,
        responses: list[Response],
        vocabulary: AuthoredThemes | None = None,
        sides: Sides | None = None,
    ) -> None:
        self.corpus = corpus
        self.sides = sides
        self.themes = themes
        self.responses = responses
        self.vocabulary = vocabulary
        self.reference = _cross_speaker_similarities(corpus)
        self.answered = {(r.turn, r.target_turn) for r in responses if r.target_turn and r.sign > -SIGN_MARGIN}
        self.rebutted = {(r.turn, r.target_turn) for r in responses if r.target_turn and r.sign < -SIGN_MARGIN}
        self.supportive = SupportiveClaims(corpus, responses, sides)

    def candidates(self, pair: tuple[str, str], rel: float | None) -> list[Candidate]:
        a, b = pair
        side_a = evenly_spaced(self.supportive(a, b), MAX_SIDE)
        side_b = evenly_spaced(self.supportive(b, a), MAX_SIDE)
        if not side_a or not side_b:
            return []
        vectors = self.corpus.centred
        sims = vectors[[s.id for s in side_a]] @ vectors[[s.id for s in side_b]].T
        exchange = _positive_exchange(self.responses, a, b)
        match = self._matches(sims, side_a, side_b)
        if self.vocabulary is not None:
            named = self._authored(pair, rel, (side_a, side_b), match, exchange)
            if named:
                return named
        best: dict[int, Candidate] = {}
        for i, j in _top_cells(match, MATCHES_PER_PAIR):
            theme_id = self._theme_of(side_a[i].id, side_b[j].id)
            if theme_id is None or theme_id in best:
                continue
            found = self._candidate(pair, rel, (side_a[i], side_b[j]), float(match[i, j]), exchange)
            if found is not None:
                best[theme_id] = found
        return list(best.values())

    def _authored(
        self,
        pair: tuple[str, str],
        rel: float | None,
        sides: tuple[list[Sentence], list[Sentence]],
        match: np.ndarray,
        exchange: Response | None,
    ) -> list[Candidate]:
        """One candidate per authored label that names one of the pair's best matches (labels
        both hold, or either when they share none): the match where similarity and fit add
        up best."""
        assert self.vocabulary is not None
        cells = _top_cells(match, AUTHORED_CELLS)
        matches = [(sides[0][i], sides[1][j]) for i, j in cells]
        pool = self.vocabulary.candidates(*pair)
        best: dict[int, tuple[float, int, float]] = {}
        for c, (k, fit) in enumerate(self.vocabulary.name(matches, pool)):
            value = float(match[cells[c]]) + FIT_WEIGHT * fit
            if k >= 0 and value > best.get(k, (-1.0, 0, 0.0))[0]:
                best[k] = (value, c, fit)
        found = [
            self._candidate(
                pair, rel, matches[c], float(match[cells[c]]), exchange, self.vocabulary.labels[pool[k]], fit
            )
            for k, (_, c, fit) in best.items()
        ]
        return [f for f in found if f is not None]

    def _candidate(
        self,
        pair: tuple[str, str],
        rel: float | None,
        evidence: tuple[Sentence, Sentence],
        match: float,
        exchange: Response | None,
        label: str | None = None,
        fit: float = 0.0,
    ) -> Candidate | None:
        """A match scored with the pair's stand and breadth on its theme (None when one of
        them opposes the theme); an authored label's fit counts for a tenth."""
        a, b = pair
        sa, sb = evidence
        theme_id = self._theme_of(sa.id, sb.id)
        if theme_id is None:
            return None
        theme = self.themes.themes[theme_id]
        if min(theme.stand.get(a, 0.0), theme.stand.get(b, 0.0)) < OPPOSED:
            return None
        support = min(1.0, max(0.0, (theme.stand.get(a, 0.0) + theme.stand.get(b, 0.0)) / 2))
        breadth = min(1.0, min(_count(theme, a, self.corpus), _count(theme, b, self.corpus)) / 3)
        similar = 0.55 if label is None else 0.45
        confidence = (
            similar * match
            + (0.1 * min(1.0, fit / FIT_FULL) if label is not None else 0.0)
            + 0.15 * support
            + 0.15 * (exchange is not None)
            + 0.15 * breadth
        )
        return Candidate(pair, theme_id, round(min(1.0, confidence), 3), rel, (sa.id, sb.id), exchange, label)

    def _matches(self, sims: np.ndarray, side_a: list[Sentence], side_b: list[Sentence]) -> np.ndarray:
        """Similarity percentiles, raised where one turn answered the other or both answered
        the same prompt (same round): claims made in reply to the same thing are comparable."""
        rank = np.searchsorted(self.reference, sims) / max(1, len(self.reference))
        rounds_a = np.array([self.corpus.rounds.get(s.turn, -1) for s in side_a])
        rounds_b = np.array([self.corpus.rounds.get(s.turn, -2) for s in side_b])
        bonus = np.where(rounds_a[:, None] == rounds_b[None, :], SAME_ROUND_BONUS, 0.0)
        columns: dict[int, list[int]] = {}
        for j, s in enumerate(side_b):
            columns.setdefault(s.turn, []).append(j)
        for i, sa in enumerate(side_a):
            for tb, js in columns.items():
                if (sa.turn, tb) in self.rebutted or (tb, sa.turn) in self.rebutted:
                    bonus[i, js] = -1.0  # a rebuttal and what it rebuts are not common ground
                elif (sa.turn, tb) in self.answered or (tb, sa.turn) in self.answered:
                    bonus[i, js] = ANSWERED_BONUS
        return np.clip(rank + bonus, 0.0, 1.0)

    def _theme_of(self, id_a: int, id_b: int) -> int | None:
        """The theme of a match: the one both sentences share, else the closest to both."""
        ta, tb = self.themes.theme_of.get(id_a), self.themes.theme_of.get(id_b)
        if ta is not None and ta == tb:
            return ta
        anchor = self.corpus.centred[id_a] + self.corpus.centred[id_b]
        scores = [float(t.centroid @ anchor) for t in self.themes.themes]
        return int(np.argmax(scores)) if scores else None


def evenly_spaced(items: list[Sentence], cap: int) -> list[Sentence]:
    """At most ``cap`` of the items, evenly spaced through them (all of them when they fit)."""
    if len(items) <= cap:
        return items
    step = len(items) / cap
    return [items[int(k * step)] for k in range(cap)]


def _top_cells(matrix: np.ndarray, n: int) -> list[tuple[int, int]]:
    flat = np.argsort(-matrix, axis=None, kind="stable")[:n]
    return [(int(row), int(column)) for row, column in (np.unravel_index(k, matrix.shape) for k in flat)]


def _count(theme: ThemeCluster, speaker: str, corpus: Corpus) -> int:
    return sum(1 for i in theme.sentence_ids if corpus.sentences[i].speaker == speaker)


def _best_per_pair(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in candidates:
        if c.pair not in seen:
            seen.add(c.pair)
            out.append(c)
    return out


def _finding(corpus: Corpus, themes: ThemeSet, c: Candidate) -> CommonGroundFinding:
    a, b = c.pair
    sa, sb = (corpus.sentences[i] for i in c.evidence)
    evidence = [Evidence(turn=s.turn, speaker=s.speaker, quote=s.text) for s in (sa, sb)]
    if c.exchange is not None:
        evidence.append(Evidence(turn=c.exchange.turn, speaker=c.exchange.speaker, quote=c.exchange.quote))
    label = c.label if c.label is not None else themes.themes[c.theme_id].label
    return CommonGroundFinding(
        pair=c.pair,
        theme=label,
        sentence=f"{a} and {b} found common ground on {label}",
        confidence=c.confidence,
        evidence=evidence,
        relation=c.relation,
        theme_id=c.theme_id,
        exchange=c.exchange is not None,
    )


def _positive_exchange(responses: list[Response], a: str, b: str) -> Response | None:
    """The strongest reply of one to the other that agrees with it, if any (replies to
    everyone at once do not count: they single no one out)."""
    best = None
    for r in responses:
        if {r.speaker, r.target} == {a, b} and r.sign > SIGN_MARGIN and r.how != "everyone":
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
    sims = corpus.centred[ids] @ corpus.centred[ids].T
    mask = np.triu(speakers[:, None] != speakers[None, :], k=1)
    return np.sort(sims[mask])
