"""The analysed corpus: a transcript cut into sentences, with who is who and one vector each.

Built once per analysis and shared by every step, so each sentence is embedded once. Names of
delegations are masked before embedding ("Russia's argument" → "their argument"), so that
vectors follow what is said rather than who is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from summitry.analysis.embed import CachedEmbedder, Embedder, LexicalEmbedder
from summitry.analysis.names import NameMatcher
from summitry.analysis.sentences import Sentence, collective, sentences_of
from summitry.turns import Transcript

MODERATOR_VOCATIVE_SHARE = 0.3


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

    @property
    def claims(self) -> list[Sentence]:
        return [s for s in self.sentences if s.is_claim and s.speaker in self.delegations]

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
) -> Corpus:
    """Cut the transcript into sentences and embed each once (lexical embedder by default)."""
    embedder = LexicalEmbedder() if embedder is None else embedder
    cached = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder)
    moderators, note = guess_moderators(transcript)
    speakers = transcript.speakers
    members = [s for s in speakers if s not in moderators and not collective(s)]
    if delegations is not None:
        members = [d for d in delegations if d in set(speakers)]
    sentences = sentences_of(transcript, moderators)
    matcher = NameMatcher(sorted(set(speakers) | set(delegations or [])))
    texts = [matcher.mask(s.text) for s in sentences]
    vectors = cached.embed(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    return Corpus(transcript, members, moderators, sentences, vectors, cached.name,
                  [note] if note else [])
