"""Readable labels for themes and findings, chosen from the phrases people actually used.

A label is a phrase of two or three content words ("environmental monitoring") that:

- several speakers used near the thing being named (its sentences and their nearest claims),
- is concentrated there rather than spread over the whole session (precision), and
- for a pair's common ground, was used by one of the pair or shares a word both of them used.

Words found in a large share of all claims (the session's topic, e.g. the lesson's subject)
and speakers' names never enter a label.

When the session ran a scenario, its author already named the themes each delegation cares
about (the ``theme`` of every talking point, and its interests). :class:`AuthoredThemes` holds
that vocabulary: a finding between two rivals is then named by the author's label, one both of
them hold when they share any, that fits what both said (see :meth:`AuthoredThemes.name`), and
by a phrase from the transcript when none fits.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from summitry.analysis.primitives.corpus import Corpus, topic_words
from summitry.analysis.primitives.phrases import candidates
from summitry.analysis.primitives.scenario_view import ScenarioView
from summitry.analysis.primitives.sentences import Sentence
from summitry.embed import Embedder, LexicalEmbedder, normalise_rows
from summitry.scenario.position import points
from summitry.text.names import name_words
from summitry.text.stems import content_stems, stem
from summitry.text.words import is_content, words

NEIGHBOURHOOD = 10  # nearest claims a candidate label is scored against (a guess, not measured)
PAIR_USE_BONUS = 1.0  # a guess, not measured
SHARED_WORD_BONUS = 0.5  # a guess, not measured
MAX_LABEL_WORDS = 3  # longer authored items (interests) only say who holds a theme (a guess, not measured)
# Words that make an authored item a clause or tie it to someone: never in a label.
CLAUSE_WORDS = frozenset(
    "who whom whose which that where when while because if unless its their our his her my your".split()
)
FIT_FLOOR = 0.08  # an authored label fitting a match less than this does not name it (a guess, not measured)

Key = tuple[str, ...]


@dataclass
class LabelIndex:
    """Phrase counts over all claims of a corpus, and the words too common to name anything."""

    claims: list[Sentence]
    vectors: np.ndarray  # rows indexed by sentence id
    exclude: set[str]
    topic_stems: set[str]
    phrases_of: dict[int, list[tuple[Key, str]]]  # sentence id -> candidates
    totals: Counter[Key]

    def phrases(self, sentence_id: int) -> list[tuple[Key, str]]:
        return self.phrases_of.get(sentence_id, [])

    def neighbourhood(self, anchor: np.ndarray, size: int = NEIGHBOURHOOD) -> list[Sentence]:
        """The claims most similar to an anchor vector."""
        if not self.claims:
            return []
        ids = [s.id for s in self.claims]
        sims = self.vectors[ids] @ anchor
        order = np.argsort(-sims, kind="stable")[:size]
        return [self.claims[int(i)] for i in order]


def build_label_index(claims: list[Sentence], vectors: np.ndarray, names: Iterable[str]) -> LabelIndex:
    """Count every candidate phrase of every claim, once per sentence."""
    exclude = name_words(names)
    topic = topic_words([{stem(w) for w in words(s.text) if is_content(w)} for s in claims])
    phrases_of: dict[int, list[tuple[Key, str]]] = {}
    totals: Counter[Key] = Counter()
    for s in claims:
        found = [(k, f) for k, f in candidates(s.text, exclude) if not _touches(k, topic)]
        phrases_of[s.id] = found
        totals.update({k for k, _ in found})
    return LabelIndex(claims, vectors, exclude, topic, phrases_of, totals)


def _touches(key: Key, topic: set[str]) -> bool:
    return any(part in topic or any(p in topic for p in part.split("-")) for part in key)


def best_phrase(
    index: LabelIndex,
    sentences: Sequence[Sentence],
    pair: tuple[str, str] | None = None,
) -> str | None:
    """The phrase that best names what a group of sentences is about (None when none fits)."""
    uses: Counter[Key] = Counter()
    speakers: dict[Key, set[str]] = {}
    forms: dict[Key, Counter[str]] = {}
    for s in sentences:
        for key, form in index.phrases(s.id):
            uses[key] += 1
            speakers.setdefault(key, set()).add(s.speaker)
            forms.setdefault(key, Counter())[form] += 1
    if not uses:
        return None
    shared = _shared_stems(sentences, pair, index) if pair else set()
    multi = [k for k in uses if len(k) > 1]
    pool = multi if multi else list(uses)

    def score(key: Key) -> tuple[float, int, Key]:  # ties: the longer, then a fixed order
        precision = uses[key] / max(1, index.totals[key])
        value = len(speakers[key]) * precision
        if pair and speakers[key] & set(pair):
            value += PAIR_USE_BONUS
        if shared and set(key) & shared:
            value += SHARED_WORD_BONUS
        return (round(value, 6), len(key), key)

    best = max(pool, key=score)
    return forms[best].most_common(1)[0][0]


def _shared_stems(sentences: Sequence[Sentence], pair: tuple[str, str], index: LabelIndex) -> set[str]:
    a, b = pair
    side: dict[str, set[str]] = {a: set(), b: set()}
    for s in sentences:
        if s.speaker in side:
            side[s.speaker].update(stem(w) for w in words(s.text) if is_content(w) and w not in index.exclude)
    return (side[a] & side[b]) - index.topic_stems


def theme_vocabulary(scenario: ScenarioView | None) -> dict[str, list[str]] | None:
    """Each delegation's authored theme labels: the points its material argues, then its interests
    (None without a scenario). This is what :func:`find_common_ground` takes as ``themes``."""
    if scenario is None:
        return None
    out: dict[str, list[str]] = {}
    for d in scenario.delegations:
        items = points(d.material()) + list(d.interests)
        out[d.name] = list(dict.fromkeys(i.strip() for i in items if i and i.strip()))
    return out


def _is_label(item: str, names: set[str]) -> bool:
    """Whether an authored item reads as a label: a short noun phrase ("freedom of navigation",
    "search and rescue"), not a clause ("partners who keep doors open"), naming no one."""
    found = set(words(item))
    content = [w for w in found if is_content(w)]
    return 0 < len(content) <= MAX_LABEL_WORDS and not found & (CLAUSE_WORDS | names)


@dataclass
class AuthoredThemes:
    """Theme labels written by a scenario's author, per delegation, placed in a corpus's space.

    A delegation *holds* a label when one of its items is that label or contains all of its
    content words ("international law" is held by an interest "international law and
    legitimacy"). Only short items become labels; longer ones (interests written as
    sentences) still count for who holds what.
    """

    labels: list[str]
    held_by: dict[str, set[int]]  # delegation -> indices of the labels it holds
    claims: np.ndarray  # similarity of each claim (row = sentence id) to each label
    turns: dict[int, np.ndarray]  # turn -> similarity of its claims' mean vector to each label

    @classmethod
    def for_corpus(
        cls, corpus: Corpus, themes: Mapping[str, Sequence[str]], embedder: Embedder | None
    ) -> AuthoredThemes | None:
        """The labels of ``themes`` (delegation -> items) placed in the corpus's space, with the
        embedder the corpus was built with (None: only a lexical corpus can do without it)."""
        if embedder is None and corpus.embedder_name == LexicalEmbedder.name:
            embedder = LexicalEmbedder()
        if embedder is None or not corpus.claims:
            return None
        items = {str(k): [str(v).strip() for v in ([vs] if isinstance(vs, str) else vs)] for k, vs in themes.items()}
        names = name_words([*corpus.delegations, *corpus.transcript.speakers])
        labels = list(dict.fromkeys(v for vs in items.values() for v in vs if _is_label(v, names)))
        if not labels:
            return None
        keys = [content_stems(label) for label in labels]
        owned = {name: [content_stems(v) for v in vs] for name, vs in items.items()}
        held = {name: {k for k, key in enumerate(keys) if any(key <= o for o in own)} for name, own in owned.items()}
        vectors = project_labels(labels, embedder, corpus, hybrid=corpus.lexical is not None)
        ids = [s.id for s in corpus.claims]
        turn_of = {t: k for k, t in enumerate(dict.fromkeys(s.turn for s in corpus.claims))}
        by_turn = np.zeros((len(turn_of), vectors.shape[1]), dtype=np.float32)
        np.add.at(by_turn, [turn_of[s.turn] for s in corpus.claims], corpus.centred[ids])
        claims = np.zeros((len(corpus.sentences), len(labels)), dtype=np.float32)
        claims[ids] = corpus.centred[ids] @ vectors.T
        turns = {t: row for t, row in zip(turn_of, normalise_rows(by_turn) @ vectors.T, strict=True)}
        return cls(labels, held, claims, turns)

    def candidates(self, a: str, b: str) -> list[int]:
        """Indices of the labels that may name common ground between two delegations: those
        both hold, or, when they share none, those either holds."""
        ha, hb = self.held_by.get(a, set()), self.held_by.get(b, set())
        return sorted(ha & hb) or sorted(ha | hb)

    def name(self, matches: Sequence[tuple[Sentence, Sentence]], pool: list[int]) -> list[tuple[int, float]]:
        """For each match (a claim of each side), the label of ``pool`` that names it (its
        position in ``pool``, or -1 when none fits) and how well it fits.

        A label's fit to a claim is its similarity to the claim averaged with its similarity to
        the claim's whole turn (a label names what the turn is about, not a word said in
        passing); its fit to a match is the lower of the two sides' (common ground is named in
        what both said). Matches between the same two turns are one convergence and get one
        name: the label that fits them best together, if it fits one of them well enough."""
        if not pool or not matches:
            return [(-1, 0.0)] * len(matches)
        sides = [self._in_context([m[side] for m in matches])[:, pool] for side in (0, 1)]
        fits = np.minimum(*sides)
        groups: dict[tuple[int, int], list[int]] = {}
        for c, (sa, sb) in enumerate(matches):
            groups.setdefault((sa.turn, sb.turn), []).append(c)
        out = [(-1, 0.0)] * len(matches)
        for members in groups.values():
            k = int(np.argmax(fits[members].mean(axis=0)))
            if fits[members, k].max() >= FIT_FLOOR:  # one good fit is enough to name them
                for c in members:
                    out[c] = (k, float(fits[c, k]))
        return out

    def _in_context(self, sentences: list[Sentence]) -> np.ndarray:
        """Each sentence's similarity to every label, averaged with its turn's."""
        own = self.claims[[s.id for s in sentences]]
        mixed: np.ndarray = (own + np.stack([self.turns[s.turn] for s in sentences])) / 2
        return mixed


def project_labels(labels: list[str], embedder: Embedder, corpus: Corpus, *, hybrid: bool) -> np.ndarray:
    """Label vectors comparable with :attr:`Corpus.centred`: word features weighted by how
    rare they are among the claims (so "regional cooperation" fits a claim about the region,
    not every claim about cooperation); a neural embedder's vectors, minus the claims' mean,
    joined to those word features when ``hybrid``, as the corpus joins its own."""
    texts = [s.text for s in corpus.claims]
    inner = getattr(embedder, "inner", embedder)
    if isinstance(inner, LexicalEmbedder) and not hybrid:
        return _rare_words(labels, texts, inner)
    claims = corpus.vectors[[s.id for s in corpus.claims]]
    mean = claims.mean(axis=0, keepdims=True) if len(claims) > 1 else 0.0
    dense = normalise_rows(embedder.embed(labels) - mean)
    if not hybrid:
        return dense
    return normalise_rows(np.hstack([dense, _rare_words(labels, texts, LexicalEmbedder())]))


def _rare_words(labels: list[str], claims: Sequence[str], lexical: LexicalEmbedder) -> np.ndarray:
    """Word-feature vectors of the labels, each feature weighted by its inverse frequency
    among the claims."""
    df: Counter[str] = Counter()
    for text in claims:
        df.update(lexical.features(text).keys())
    n = len(claims)
    out = np.zeros((len(labels), lexical.dim), dtype=np.float32)
    for row, label in enumerate(labels):
        for feature, weight in lexical.features(label).items():
            out[row, lexical.bucket(feature)] += weight * math.log((1 + n) / (1 + df[feature]))
    return normalise_rows(out)
