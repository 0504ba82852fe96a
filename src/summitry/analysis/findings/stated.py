"""The moderator's stated common ground, checked against what the two delegations said.

Each statement (:mod:`.stated_claims`) is checked against the claims the two delegations made
before it (a summary speaks of what was said; replies to the summary would only echo it). The
claims are those common ground is made of (:class:`.supportive.SupportiveClaims`: supportive,
not a rebuttal of the partner), and the topic is placed in the corpus's space the way authored
theme labels are. How close a claim is to the topic is read on the session's own scale
(:mod:`.topic_scale`):

- *weakly on topic*: the delegation's closest claim is closer to the topic than chance allows
  (p <= 0.05 against claims and phrases that share no word, corrected for taking the best of
  the delegation's n claims);
- *clearly on topic*: in addition, it is as close as three quarters of the claims that use a
  phrase of the session outright are to that phrase (the lower quartile of those similarities).

The verdict rests on what both delegations said and nothing else: *supported* when both speak
supportively and clearly to the topic; *partly supported* when only one does, or both only
weakly; *not supported* otherwise. Whether the analysis's own common-ground findings name the
same theme for the pair is reported beside it (``analysis_agrees``), so the two can disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from summitry.analysis.findings.labels import LabelIndex, build_label_index
from summitry.analysis.findings.responses import Response
from summitry.analysis.findings.stated_claims import Statement, moderator_statements
from summitry.analysis.findings.supportive import SupportiveClaims
from summitry.analysis.findings.topic_scale import TopicScale, baselines, project, topic_scale
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.sentences import Sentence
from summitry.analysis.schema import CommonGroundFinding, Evidence, StatedCommonGround, StatedSide
from summitry.embed import Embedder
from summitry.text.stems import content_stems

__all__ = ["same_theme", "stated_common_ground"]

# a closest claim this likely by chance does not speak to the topic (the usual test level); a convention, not measured
ALPHA = 0.05
EVIDENCE_PER_SIDE = 2  # quotes shown per side (what a reader checks at a glance) (a guess, not measured)


@dataclass(frozen=True)
class _Reading:
    """How close a set of claims comes to a topic: the closest, on the topic's scale."""

    level: str  # "clearly" | "weakly" | "no"
    similarity: float | None
    strength: float
    chance: float
    closest: list[Sentence]

    @property
    def score(self) -> float:
        """0..1: how strongly the claims speak to the topic (significance and closeness)."""
        return 0.5 * (1.0 - self.chance) + 0.5 * self.strength


@dataclass(frozen=True)
class _Side:
    delegation: str
    reading: _Reading  # of its supportive claims
    against: Sentence | None  # a closer claim on the topic that is not supportive

    @property
    def speaks(self) -> bool:
        return self.reading.level != "no"


class _Checker:
    """Checks statements against one corpus: its supportive claims and its topic scale."""

    def __init__(self, corpus: Corpus, scale: TopicScale, responses: Sequence[Response]) -> None:
        self.corpus = corpus
        self.scale = scale
        # the claims common ground is made of, chosen exactly as the common-ground step does
        self.supportive = SupportiveClaims(corpus, responses)

    def side(self, delegation: str, partner: str, topic: tuple[np.ndarray, float], before: int) -> _Side:
        """What the delegation said closest to the topic before turn ``before``: its supportive
        claims, and, when a rejection or a rebuttal of the partner came closer and is on the
        topic, that claim (shown, not counted)."""
        mine = [s for s in self.corpus.claims if s.speaker == delegation and s.turn < before]
        kept = {s.id for s in self.supportive(delegation, partner) if s.turn < before}
        good = self._read([s for s in mine if s.id in kept], topic)
        anything = self._read(mine, topic)
        against = None
        if anything.level != "no" and anything.closest and anything.closest[0].id not in kept:
            against = anything.closest[0]
        return _Side(delegation, good, against)

    def _read(self, claims: list[Sentence], topic: tuple[np.ndarray, float]) -> _Reading:
        if not claims:
            return _Reading("no", None, 0.0, 1.0, [])
        vector, baseline = topic
        sims = self.corpus.centred[[s.id for s in claims]] @ vector - baseline
        order = np.argsort(-sims, kind="stable")
        best = float(sims[order[0]])
        chance = self.scale.chance(best, len(claims))
        level = "no" if chance > ALPHA else "clearly" if best >= self.scale.clear else "weakly"
        shown = [claims[int(i)] for i in order[:EVIDENCE_PER_SIDE] if i == order[0] or sims[i] >= self.scale.clear]
        return _Reading(level, round(best, 3), self.scale.strength(best), chance, shown)


def stated_common_ground(
    corpus: Corpus,
    embedder: Embedder,
    *,
    responses: Sequence[Response] = (),
    findings: Sequence[CommonGroundFinding] = (),
    labels: LabelIndex | None = None,
    names: Iterable[str] | None = None,
) -> list[StatedCommonGround] | None:
    """The moderator's statements of common ground, each with a verdict (None when the
    transcript repeats too few phrases to judge what is on a topic).

    ``embedder`` is the one the corpus was built with; ``responses`` and ``findings`` are the
    analysis's own (who rebutted whom, and its common ground per pair): the verdict uses the
    responses only to tell rebuttals, and the findings whose quotes all come before a statement
    only fill ``analysis_theme`` and ``analysis_agrees``; ``labels`` the label index of its
    themes, built here when not given; ``names`` the delegations statements may name besides
    the corpus's (a scenario's, including those who never spoke)."""
    statements = moderator_statements(corpus, names)
    if not statements:
        return []
    index = labels or build_label_index(corpus.claims, corpus.centred, corpus.transcript.speakers)
    scale = topic_scale(corpus, index, embedder) if corpus.claims else None
    if scale is None:
        return None
    checker = _Checker(corpus, scale, responses)
    topics = project(corpus, [s.claim.topic for s in statements], embedder)
    base = baselines(corpus, topics)
    return [
        _verdict(s, checker, (topics[k], float(base[k])), _matching(findings, s))
        for k, s in enumerate(statements)
    ]


def _matching(findings: Sequence[CommonGroundFinding], statement: Statement) -> CommonGroundFinding | None:
    """The analysis's finding for the statement's pair among those resting on the turns before
    it: one naming the stated topic if any does, else the first listed."""
    claim = statement.claim
    mine = [
        f
        for f in findings
        if frozenset(f.pair) == frozenset(claim.pair) and all(e.turn < statement.turn for e in f.evidence)
    ]
    return next((f for f in mine if same_theme(f.theme, claim.topic)), mine[0] if mine else None)


def _verdict(
    statement: Statement,
    checker: _Checker,
    topic: tuple[np.ndarray, float],
    finding: CommonGroundFinding | None,
) -> StatedCommonGround:
    a, b = statement.claim.pair
    sides = [checker.side(a, b, topic, statement.turn), checker.side(b, a, topic, statement.turn)]
    agrees = None if finding is None else same_theme(finding.theme, statement.claim.topic)
    speaking = [s for s in sides if s.speaks]
    scores = sorted(s.reading.score for s in sides)
    if len(speaking) == 2 and all(s.reading.level == "clearly" for s in sides):
        verdict, confidence = "supported", float(np.mean(scores))
    elif speaking:
        verdict, confidence = "partly supported", scores[1] * (1.0 - scores[0])
    else:
        verdict, confidence = "not supported", 1.0 - scores[1]
    return StatedCommonGround(
        pair=statement.claim.pair,
        topic=statement.claim.topic,
        phrasing=statement.claim.phrasing,
        turn=statement.turn,
        speaker=statement.speaker,
        quote=statement.quote,
        verdict=verdict,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
        sides=[_side_record(s) for s in sides],
        analysis_theme=finding.theme if finding is not None else None,
        analysis_agrees=agrees,
    )


def _side_record(side: _Side) -> StatedSide:
    r = side.reading
    return StatedSide(
        delegation=side.delegation,
        on_topic=r.level,
        similarity=r.similarity,
        strength=round(r.strength, 3),
        chance=round(r.chance, 3),
        evidence=[_evidence(s) for s in r.closest],
        against=_evidence(side.against) if side.against is not None else None,
    )


def _evidence(s: Sentence) -> Evidence:
    return Evidence(turn=s.turn, speaker=s.speaker, quote=s.text)


def same_theme(label: str, topic: str) -> bool:
    """Whether two phrases name the same theme: the content words of one include the other's."""
    a, b = content_stems(label), content_stems(topic)
    return bool(a and b) and (a <= b or b <= a)
