"""The analysed corpus: a transcript cut into sentences, with who is who and one vector each.

Built once per analysis and shared by every step, so each sentence is embedded once. Names of
delegations are masked before embedding ("Russia's argument" → "their argument"), so that
vectors follow what is said rather than who is named.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from summitry.analysis.primitives.sentences import Sentence, collective, sentences_of
from summitry.embed import CachedEmbedder, Embedder, LexicalEmbedder, normalise_rows
from summitry.text.names import NameMatcher
from summitry.text.words import is_content, words
from summitry.turns import Transcript

MODERATOR_VOCATIVE_SHARE = 0.3  # a guess, not measured
TOPIC_SHARE = 0.4  # a guess, not measured
TOPIC_MIN_CLAIMS = 40  # fewer claims than this give no topic direction worth removing (a guess, not measured)


@dataclass
class Corpus:
    """Sentences, vectors and roles of one transcript."""

    transcript: Transcript
    delegations: list[str]
    moderators: set[str]
    sentences: list[Sentence]
    vectors: np.ndarray
    embedder_name: str
    notes: list[str] = field(default_factory=list)
    rounds: dict[int, int] = field(default_factory=dict)  # turn -> round (mediator to mediator)
    lexical: np.ndarray | None = None  # topic-free word vectors, joined to a neural embedder's
    _centred: np.ndarray | None = None

    @property
    def centred(self) -> np.ndarray:
        """Vectors with what all claims share (the session's topic) removed, re-normalised:
        similarities then follow what differs between claims."""
        if self._centred is None:
            claims = [s.id for s in self.claims]
            if len(claims) < 2:
                self._centred = self.vectors
            else:
                mean = self.vectors[claims].mean(axis=0, keepdims=True)
                self._centred = normalise_rows(self.vectors - mean)
                if self.lexical is not None:
                    self._centred = normalise_rows(np.hstack([self._centred, self.lexical]))
        return self._centred

    _claims: list[Sentence] | None = None

    @property
    def claims(self) -> list[Sentence]:
        """The delegations' claim sentences, in order."""
        if self._claims is None:
            members = set(self.delegations)
            self._claims = [s for s in self.sentences if s.is_claim and s.speaker in members]
        return self._claims

    def of_turn(self, turn: int) -> list[Sentence]:
        return [s for s in self.sentences if s.turn == turn]


def guess_moderators(transcript: Transcript) -> tuple[set[str], str | None]:
    """The moderator(s) as recorded, or guessed: the first speaker when they mostly invite
    others by name. Returns the set and a note when it was a guess."""
    recorded = {t.speaker for t in transcript.turns if t.is_moderator}
    if transcript.moderator:
        recorded.add(transcript.moderator)
    if recorded or not transcript.turns:
        return recorded, None
    first = transcript.turns[0].speaker
    others = [s for s in transcript.speakers if s != first]
    matcher = NameMatcher(others)
    theirs = [t for t in transcript.turns if t.speaker == first]
    inviting = sum(1 for t in theirs if matcher.vocatives(t.text) or t.text.rstrip().endswith("?"))
    if len(others) >= 2 and len(theirs) >= 2 and inviting / len(theirs) >= MODERATOR_VOCATIVE_SHARE:
        return {first}, f"no moderator was recorded; '{first}' was taken as the moderator"
    return set(), None


def build_corpus(
    transcript: Transcript,
    embedder: Embedder | None = None,
    delegations: list[str] | None = None,
    moderators: set[str] | None = None,
) -> Corpus:
    """Cut the transcript into sentences and embed each once (lexical embedder by default).

    ``delegations`` and ``moderators`` override what the transcript records (from a scenario).
    """
    embedder = LexicalEmbedder() if embedder is None else embedder
    cached = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder)
    guessed, note = guess_moderators(transcript)
    if moderators:
        guessed, note = guessed | moderators, None
    moderators = guessed
    speakers = transcript.speakers
    members = [s for s in speakers if s not in moderators and not collective(s)]
    if delegations is not None:
        spoken = [d for d in delegations if d in set(speakers)]
        members = spoken + [m for m in members if m not in spoken]
    sentences = sentences_of(transcript, moderators)
    matcher = NameMatcher(sorted(set(speakers) | set(delegations or [])))
    texts = [matcher.mask(s.text) for s in sentences]
    vectors = cached.embed(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    corpus = Corpus(
        transcript,
        members,
        moderators,
        sentences,
        vectors,
        cached.name,
        [note] if note else [],
        _rounds(transcript, set(members)),
    )
    if cached.name != LexicalEmbedder.name and texts:
        corpus.lexical = _topic_free_lexical(texts, [s.is_claim for s in sentences])
    return corpus


def _topic_free_lexical(texts: list[str], is_claim: list[bool]) -> np.ndarray:
    """Word vectors of the texts without the words that most claims use (the session's topic)."""
    claims = [t for t, c in zip(texts, is_claim, strict=True) if c]
    topic = topic_words([{w for w in words(text) if is_content(w)} for text in claims])
    stripped = [" ".join(w for w in words(t) if w not in topic) for t in texts]
    return LexicalEmbedder().embed(stripped)


def topic_words(word_sets: list[set[str]]) -> set[str]:
    """The session's topic: the words (or stems) that more than ``TOPIC_SHARE`` of the claims use,
    one set of words per claim; none when there are fewer than ``TOPIC_MIN_CLAIMS`` claims."""
    if len(word_sets) < TOPIC_MIN_CLAIMS:
        return set()
    share = Counter(w for found in word_sets for w in found)
    return {w for w, n in share.items() if n > TOPIC_SHARE * len(word_sets)}


def _rounds(transcript: Transcript, members: set[str]) -> dict[int, int]:
    """Number the rounds: a new one starts whenever someone other than a delegation speaks."""
    out: dict[int, int] = {}
    current = 0
    for turn in transcript.turns:
        if turn.speaker not in members:
            current += 1
        out[turn.index] = current
    return out
