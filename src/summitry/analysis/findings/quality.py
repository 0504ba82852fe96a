"""Dialogue quality: distinct voices, repetition, echoes and speakers confused with others.

Each figure is defined once in :mod:`summitry.measures`; this module applies them to a corpus:

- *distinctiveness*: leave-one-out speaker identification of the delegation turns (a turn's
  vector is the mean of its claims'), next to chance (:mod:`summitry.measures.distinctiveness`);
- *distinct-2*: distinct word bigrams over all bigrams of the delegations' turns;
- *near-duplicate* turns: the lexical variant, word-trigram Jaccard
  (:mod:`summitry.measures.near_duplicates`);
- *echoes*: a turn whose word bigrams overlap the turn it answers (:mod:`summitry.measures.echoes`);
- *identity confusion*: a delegation speaking as another ("as Egypt, we …", "we in Egypt").
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from summitry.analysis.findings.responses import Response
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.schema import Evidence, Quality, TurnPair
from summitry.identity import identity_confusions as find_confusions
from summitry.measures.distinct import distinct_2
from summitry.measures.distinctiveness import speaker_identification
from summitry.measures.echoes import echo_similarity, is_echo
from summitry.measures.near_duplicates import lexical_near_duplicates

QUOTE_CHARS = 300  # characters of a turn quoted as evidence (a guess, not measured)
CONTEXT_CHARS = 60  # characters either side of a confused name quoted with it (a guess, not measured)
MAX_LISTED = 20  # pairs and quotes listed per section: what a reader scans (a guess)


def distinctiveness(corpus: Corpus) -> tuple[float | None, float | None]:
    """Leave-one-out speaker identification accuracy on the delegation turns that made claims
    (each the mean of its claims' vectors), and chance level."""
    rows: dict[int, list[int]] = defaultdict(list)
    for s in corpus.claims:
        rows[s.turn].append(s.id)
    speaker_of = {t.index: t.speaker for t in corpus.transcript.turns}
    turns = [t for t in rows if speaker_of[t] in corpus.delegations]
    if not turns:
        return None, None
    vectors = np.stack([corpus.centred[rows[t]].mean(axis=0) for t in turns])
    return speaker_identification(vectors, [speaker_of[t] for t in turns])


def near_duplicates(corpus: Corpus) -> list[TurnPair]:
    """Pairs of delegation turns that share most of their word trigrams."""
    turns = [(t.index, t.text) for t in corpus.transcript.turns if t.speaker in corpus.delegations]
    text_of = dict(turns)
    return [
        TurnPair(turns=(p.first, p.second), similarity=p.similarity, quote=text_of[p.second][:QUOTE_CHARS])
        for p in lexical_near_duplicates(turns)[:MAX_LISTED]
    ]


def echoes(corpus: Corpus, responses: list[Response]) -> list[TurnPair]:
    """Turns that repeat much of the turn they answer."""
    text_of = {t.index: t.text for t in corpus.transcript.turns}
    out, seen = [], set()
    for r in responses:
        if not r.target_turn or (r.turn, r.target_turn) in seen:
            continue
        seen.add((r.turn, r.target_turn))
        j = echo_similarity(text_of[r.turn], text_of[r.target_turn])
        if is_echo(j):
            out.append(
                TurnPair(
                    turns=(r.target_turn, r.turn),
                    similarity=round(j, 3),
                    quote=text_of[r.turn][:QUOTE_CHARS],
                )
            )
    return sorted(out, key=lambda p: -p.similarity)[:MAX_LISTED]


def identity_confusions(corpus: Corpus) -> list[Evidence]:
    """Turns in which a delegation speaks as another one (the check that guards generation)."""
    out = []
    for t in corpus.transcript.turns:
        if t.speaker not in corpus.delegations:
            continue
        hits = find_confusions(t.text, t.speaker, corpus.delegations)
        if hits:
            at = t.text.find(hits[0])
            out.append(Evidence(turn=t.index, speaker=t.speaker,
                                quote=t.text[max(0, at - CONTEXT_CHARS) : at + len(hits[0]) + CONTEXT_CHARS]))
    return out[:MAX_LISTED]


def quality(corpus: Corpus, responses: list[Response]) -> Quality:
    """The dialogue-quality section of the report."""
    accuracy, chance = distinctiveness(corpus)
    texts = [t.text for t in corpus.transcript.turns if t.speaker in corpus.delegations]
    n = len(texts)
    return Quality(
        distinctiveness=accuracy,
        distinctiveness_chance=chance,
        distinct_2=distinct_2(texts),
        near_duplicates=near_duplicates(corpus),
        echoes=echoes(corpus, responses),
        identity_confusions=identity_confusions(corpus),
        confidence=round(min(1.0, n / 30), 3) if n else 0.0,
    )
