"""The moderator's stated common ground, checked against what the two delegations said.

A moderator summing up says things like "Iran and Israel found common ground on environmental
monitoring" or "Russia and Ukraine discovered shared interests in international law". Such a
sentence is a *statement*: a pair of known delegations and a topic phrase. A small set of
phrasings is recognised (:data:`PHRASINGS`); a question, a negation, a hedge ("I hope", "if")
or a list of more than two delegations is not a statement.

Each statement is checked against the claims the two delegations made before it (a summary
speaks of what was said; replies to the summary would only echo it). The claims are those
common ground is made of (:mod:`.common_ground`: supportive, not a rebuttal of the partner),
and the topic is placed in the corpus's space the way authored theme labels are
(:mod:`.labels`). How close a claim is to the topic (its similarity above the topic's median
similarity to all claims) is read on the session's own scale, built from the recurring phrases
of the transcript (:class:`TopicScale`):

- *weakly on topic*: the delegation's closest claim is closer to the topic than chance allows
  (p <= 0.05 against claims and phrases that share no word, corrected for taking the best of
  the delegation's n claims);
- *clearly on topic*: in addition, it is as close as three quarters of the claims that use a
  phrase of the session outright are to that phrase (the lower quartile of those similarities).

The verdict is *supported* when the analysis's own common-ground finding for the pair names the
same theme (its matched claims are the evidence that both stood for it), or when both
delegations speak supportively and clearly to the topic; *partly supported* when only one
does, or both only weakly; *not supported* otherwise. So the check never contradicts the
report's own common-ground findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from summitry.analysis.common_ground import MAX_SIDE, _Scorer, _spread
from summitry.analysis.corpus import Corpus
from summitry.analysis.labels import LabelIndex, _project, build_label_index
from summitry.analysis.names import Mention, NameMatcher
from summitry.analysis.phrases import PhraseStats
from summitry.analysis.responses import Response
from summitry.analysis.schema import CommonGroundFinding, Evidence, StatedCommonGround, StatedSide
from summitry.analysis.sentences import Sentence
from summitry.analysis.text import is_content, stem, words
from summitry.analysis.themes import ThemeSet
from summitry.embed import Embedder

ALPHA = 0.05  # a closest claim this likely by chance does not speak to the topic
USING_QUANTILE = 0.25  # as close as three quarters of the claims that use a phrase outright
MAX_PHRASES = 200  # recurring phrases of the transcript that calibrate the scale
MIN_PHRASES = 5
MIN_USES = 5
EVIDENCE_PER_SIDE = 2
MAX_TOPIC_WORDS = 12
AGREEMENT_BONUS = 0.15

# -- statements ---------------------------------------------------------------------------

_ADVERBS = (
    r"have|has|had|both|also|each|all|clearly|really|actually|genuinely|finally|already|"
    r"surprisingly|unexpectedly|indeed|ultimately|today|now|even"
)
_FILL = rf"(?:(?:{_ADVERBS})\s+){{0,3}}"
_QUALIFIERS = r"(?:(?:some|real|genuine|unexpected|surprising|clear|solid|strong|a|an|the|new|important)\s+)*"
_ON = (
    r"(?:on|in|over|around|about|regarding|concerning|upon|with respect to|when it comes to|"
    r"through|of|from)"
)

PHRASINGS: dict[str, str] = {
    "common ground": rf"{_FILL}(?:found|find|reached|discovered|share|shared|have|identified|established|built)\s+"
    rf"{_QUALIFIERS}(?:common|shared) ground\s+{_ON}",
    "shared interests": rf"{_FILL}(?:discovered|found|identified|share|shared|have|recognized|recognised|see|saw|"
    rf"uncovered)\s+{_QUALIFIERS}(?:shared|common|mutual) interests?\s+{_ON}",
    "mutual benefits": rf"{_FILL}(?:discovered|found|identified|see|saw|recognized|recognised|share|shared)\s+"
    rf"{_QUALIFIERS}(?:mutual|shared|common) benefits?\s+{_ON}",
    "agreement": rf"{_FILL}(?:agreed|agree|converged|converge|came together|come together|"
    rf"(?:found|reached) (?:agreement|consensus)|see eye to eye|saw eye to eye)\s+"
    rf"(?:on|upon|about|over|around|regarding)",
    "both support": rf"{_FILL}both\s+(?:(?:{_ADVERBS})\s+)?(?:support|supported|back|backed|endorse|endorsed|"
    r"favou?r|favou?red|value|valued|want|wanted|welcome|welcomed|champion|championed|see value in|"
    r"saw value in|stand for|stood for)",
}
_AFTER_PAIR = {kind: re.compile(rf"^\s+{body}\s+(?P<topic>.+)$", re.IGNORECASE) for kind, body in PHRASINGS.items()}
_BETWEEN = re.compile(
    r"(?:common ground|shared interests?|mutual benefits?|agreement|consensus|convergence)\s+between\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BETWEEN_TOPIC = re.compile(rf"^\s+{_ON}\s+(?P<topic>.+)$", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:if|whether|unless|hope|hoped|hoping|wish|until|perhaps|maybe|suppose|imagine|could|would|"
    r"might|should|cannot|can't|not|never)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|failed|fail)\b|n't\b", re.IGNORECASE)
_TOPIC_END = re.compile(
    r"\s*(?:[;:!?(]|\s[-—–]\s|,\s*(?:and|but|while|which|who|where|even|despite|as|because|though|although|"
    r"whereas|yet|so|since)\b|\s(?:while|whereas|although|though|because|despite|even though|even if|but)\b)",
    re.IGNORECASE,
)
_TOPIC_TAIL = re.compile(r"(?:\s+(?:too|as well|today|here|again|together|now))+$|[\s,.]+$", re.IGNORECASE)
_TOPIC_HEAD = re.compile(r"^(?:(?:the|a|an|their|its|some)\s+)+", re.IGNORECASE)
_TRAILING_JOIN = re.compile(r"(?:\s*(?:,|\band\b|\bthe\b))+\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class StatedClaim:
    """Two delegations and the topic a sentence says they found common ground on."""

    pair: tuple[str, str]
    topic: str
    phrasing: str  # a key of PHRASINGS, or "between"


@dataclass(frozen=True)
class Statement:
    """A stated claim with the sentence and turn that state it."""

    claim: StatedClaim
    turn: int
    speaker: str
    quote: str


def find_stated_claims(sentence: str, names: NameMatcher) -> list[StatedClaim]:
    """The claims one sentence states, in order: "A and B <phrasing> <topic>" or "<common
    ground> between A and B on <topic>", over the names the matcher knows. A question, a
    negated or hedged sentence, or a list of three or more names states nothing."""
    if sentence.rstrip("\"'”’ ").endswith("?"):
        return []
    mentions = names.mentions(sentence)
    out: list[StatedClaim] = []
    for k, (first, second) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if first.name == second.name or first.possessive or second.possessive:
            continue
        if not _JOINED.fullmatch(sentence[first.end : second.start]):
            continue
        if _listed(sentence, mentions, k) or _hedged(sentence, mentions, k):
            continue
        found = _after_pair(sentence[second.end :]) or _between(sentence, first, second)
        if found is None:
            continue
        phrasing, raw = found
        topic = clean_topic(raw, names)
        if topic and (first.name, second.name) not in [c.pair for c in out]:
            out.append(StatedClaim((first.name, second.name), topic, phrasing))
    return out


def _listed(sentence: str, mentions: list[Mention], k: int) -> bool:
    """Whether the pair continues a list ("A, B and C"): then it is not a pair."""
    return k > 0 and bool(_LISTED.fullmatch(sentence[mentions[k - 1].end : mentions[k].start]))


def _hedged(sentence: str, mentions: list[Mention], k: int) -> bool:
    """Whether what comes before the pair makes it a wish, a condition or a denial."""
    return bool(_HEDGE.search(sentence[: mentions[k].start]))


def _after_pair(rest: str) -> tuple[str, str] | None:
    for kind, pattern in _AFTER_PAIR.items():
        match = pattern.match(rest)
        if match and not _NEGATION.search(rest[: match.start("topic")]):
            return kind, match.group("topic")
    return None


def _between(sentence: str, first: Mention, second: Mention) -> tuple[str, str] | None:
    before = sentence[: first.start]
    if not _BETWEEN.search(before) or _NEGATION.search(before):
        return None
    match = _BETWEEN_TOPIC.match(sentence[second.end :])
    return ("between", match.group("topic")) if match else None


def clean_topic(raw: str, names: NameMatcher) -> str | None:
    """The topic phrase: up to the end of its clause, before any further delegation named,
    without leading articles and trailing fillers; None when it names nothing."""
    text = raw
    end = _TOPIC_END.search(text)
    if end:
        text = text[: end.start()]
    named = names.mentions(text)
    if named:
        text = _TRAILING_JOIN.sub("", text[: named[0].start])
    text = _TOPIC_TAIL.sub("", text.strip().rstrip("."))
    text = _TOPIC_HEAD.sub("", text).strip(" ,.\"'”’")
    found = words(text)
    if not any(is_content(w) for w in found) or len(found) > MAX_TOPIC_WORDS:
        return None
    return text


def moderator_statements(corpus: Corpus, names: Iterable[str] | None = None) -> list[Statement]:
    """Every claim of common ground the moderator states, sentence by sentence, in order.
    ``names`` are the delegations the statements may name (the corpus's by default)."""
    known = list(dict.fromkeys([*(names or []), *corpus.delegations]))
    matcher = NameMatcher(known)
    out: list[Statement] = []
    for s in corpus.sentences:
        if s.speaker in corpus.moderators and not s.is_quoted:
            out.extend(Statement(c, s.turn, s.speaker, s.text) for c in find_stated_claims(s.text, matcher))
    return out


# -- the scale ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TopicScale:
    """How close a claim is to a short phrase, read on the transcript's own scale.

    ``unrelated`` holds the similarities of claims to recurring phrases they share no word with
    (what chance gives), ``using`` those of claims to the phrases they use (what saying it
    outright gives), both sorted; each is read above its phrase's baseline (:func:`baselines`),
    as a topic's similarities are."""

    unrelated: np.ndarray
    using: np.ndarray

    def chance(self, similarity: float, n: int) -> float:
        """How likely the closest of ``n`` claims unrelated to a phrase is at least this close."""
        if n <= 0:
            return 1.0
        below = np.searchsorted(self.unrelated, similarity, side="left") / len(self.unrelated)
        return float(1.0 - below**n)

    def strength(self, similarity: float) -> float:
        """The share of claims using a phrase outright that are no closer to it than this."""
        return float(np.searchsorted(self.using, similarity, side="right") / len(self.using))

    @property
    def clear(self) -> float:
        """The similarity from which a claim is clearly on a topic."""
        return float(np.quantile(self.using, USING_QUANTILE))


def topic_scale(corpus: Corpus, index: LabelIndex, embedder: Embedder) -> TopicScale | None:
    """The scale of :class:`TopicScale` from the transcript's recurring phrases: claims that use
    a phrase against claims that share no word with it (pairs that share only a word are in
    neither). None when the transcript repeats too few phrases to calibrate it."""
    phrases = _recurring_phrases(index)
    if not phrases:
        return None
    claims = _sample(corpus)
    vectors = project(corpus, [form for _, form in phrases], embedder)
    sims = corpus.centred[[s.id for s in claims]] @ vectors.T
    sims -= np.median(sims, axis=0)  # each phrase's baseline over the same claims
    uses = np.zeros(sims.shape, dtype=bool)
    apart = np.zeros(sims.shape, dtype=bool)
    for row, s in enumerate(claims):
        said = {key for key, _ in index.phrases(s.id)}
        stems = {part for key in said for part in key}
        for col, (key, _) in enumerate(phrases):
            uses[row, col] = key in said
            apart[row, col] = not stems.intersection(key)
    if uses.sum() < MIN_USES or apart.sum() < MIN_USES:
        return None
    return TopicScale(np.sort(sims[apart]), np.sort(sims[uses]))


def _recurring_phrases(index: LabelIndex) -> list[tuple[tuple[str, ...], str]]:
    """Phrases of two or three words used in at least two claims, most used first (single
    words too when there are too few); each with its most common surface form."""
    forms: dict[tuple[str, ...], str] = {}
    for found in index.phrases_of.values():
        for key, form in found:
            forms.setdefault(key, form)
    for min_words in (2, 1):
        keys = [k for k, n in index.totals.items() if n >= 2 and len(k) >= min_words]
        if len(keys) >= MIN_PHRASES:
            ranked = sorted(keys, key=lambda k: (-index.totals[k], k))[:MAX_PHRASES]
            return [(k, forms[k]) for k in ranked]
    return []


def project(corpus: Corpus, phrases: list[str], embedder: Embedder) -> np.ndarray:
    """Phrase vectors comparable with :attr:`Corpus.centred`, as authored labels are placed."""
    return _project(phrases, embedder, corpus, hybrid=corpus.lexical is not None)


def baselines(corpus: Corpus, vectors: np.ndarray) -> np.ndarray:
    """Each phrase's median similarity to the claims. Similarities are read above it: a phrase
    sits nearer to or further from every claim at once (a phrase vector is not centred as the
    claims are; some phrases are broad), and most claims do not speak to any one phrase."""
    medians: np.ndarray = np.median(corpus.centred[[s.id for s in _sample(corpus)]] @ vectors.T, axis=0)
    return medians


def _sample(corpus: Corpus) -> list[Sentence]:
    return _spread(corpus.claims, 3 * MAX_SIDE // 2)


# -- checking -----------------------------------------------------------------------------


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
        self.supportive = _Scorer(corpus, ThemeSet([], {}, PhraseStats()), list(responses))._about_own

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
    findings_before: Callable[[int], Sequence[CommonGroundFinding]] | None = None,
    labels: LabelIndex | None = None,
    names: Iterable[str] | None = None,
) -> list[StatedCommonGround] | None:
    """The moderator's statements of common ground, each with a verdict (None when the
    transcript repeats too few phrases to judge what is on a topic).

    ``embedder`` is the one the corpus was built with; ``responses`` and ``findings`` are the
    analysis's own (who rebutted whom, and its common ground per pair); ``findings_before(turn)``,
    when given, is the analysis's common ground resting on the turns before a statement, which
    is what a statement made then is compared with; ``labels`` the label
    index of its themes, built here when not given; ``names`` the delegations statements may
    name besides the corpus's (a scenario's, including those who never spoke)."""
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
    known: dict[int, Sequence[CommonGroundFinding]] = {}
    for s in statements:
        if s.turn not in known:
            known[s.turn] = findings_before(s.turn) if findings_before is not None else findings
    return [
        _verdict(s, checker, (topics[k], float(base[k])), _matching(known[s.turn], s.claim))
        for k, s in enumerate(statements)
    ]


def _matching(findings: Sequence[CommonGroundFinding], claim: StatedClaim) -> CommonGroundFinding | None:
    """The analysis's finding for the claim's pair: one naming the claim's topic if any does,
    else the first listed."""
    mine = [f for f in findings if frozenset(f.pair) == frozenset(claim.pair)]
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
    if agrees or (len(speaking) == 2 and all(s.reading.level == "clearly" for s in sides)):
        verdict, confidence = "supported", float(np.mean(scores)) + (AGREEMENT_BONUS if agrees else 0.0)
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
    a, b = _stems(label), _stems(topic)
    return bool(a and b) and (a <= b or b <= a)


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text) if is_content(w))
