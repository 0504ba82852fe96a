"""Supportive claims: what a delegation said that common ground with a partner can be made of.

A delegation's claims count when they are supportive (their stand is at least the theme step's
``SUPPORT_BASE``) and not a rebuttal; for a given partner, a claim that names the partner without
agreeing with it, or the rest of a turn that rebuts the partner, does not count either: a claim
about the other side, or made against it, is not a claim both share. The common-ground step
(:mod:`.common_ground`) and the check of the moderator's statements (:mod:`.stated`) choose
claims the same way, with :class:`SupportiveClaims`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from summitry.analysis.findings.responses import Response
from summitry.analysis.findings.themes import SUPPORT_BASE, sentence_stand
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.cues import SIGN_MARGIN, cues
from summitry.analysis.primitives.sentences import Sentence
from summitry.text.names import NameMatcher

__all__ = ["REBUTTAL_SIGN", "Sides", "SupportiveClaims", "is_rebuttal"]

REBUTTAL_SIGN = -SIGN_MARGIN  # a response this negative rebuts its target


class Sides(Protocol):
    """Positions on the proposal a debate decides (see :mod:`summitry.analysis.findings.debate`)."""

    def shares(self, a: str, b: str) -> bool: ...
    def keeps(self, sentence: Sentence, partner: str) -> bool: ...
    def allows(self, label: str, quotes: tuple[str, str]) -> bool: ...


class SupportiveClaims:
    """``claims(speaker, partner)``: the speaker's claims that common ground with the partner
    can be made of, in order. ``sides``, for a debate, may keep out more (see :class:`Sides`)."""

    def __init__(self, corpus: Corpus, responses: Sequence[Response], sides: Sides | None = None) -> None:
        self.sides = sides
        self.rebutting = {(r.turn, r.target) for r in responses if r.sign < REBUTTAL_SIGN}
        self.names = NameMatcher(corpus.delegations)
        self.by_speaker: dict[str, list[Sentence]] = {}
        for s in corpus.claims:
            if sentence_stand(s.text) >= SUPPORT_BASE and not is_rebuttal(s, self.names):
                self.by_speaker.setdefault(s.speaker, []).append(s)

    def __call__(self, speaker: str, partner: str) -> list[Sentence]:
        out = []
        for s in self.by_speaker.get(speaker, []):
            named = partner in self.names.addressed(s.text, exclude={speaker})
            agrees = cues(s.text).toward_addressee > 0
            if named and not agrees:
                continue
            if (s.turn, partner) in self.rebutting and not (named and agrees):
                continue
            if self.sides is not None and not self.sides.keeps(s, partner):
                continue
            out.append(s)
        return out


def is_rebuttal(sentence: Sentence, names: NameMatcher) -> bool:
    """A sentence that disagrees outright, or answers another delegation by name and
    disagrees with it."""
    c = cues(sentence.text)
    if c.disagree >= 1.0 and c.toward_addressee < 0:
        return True
    return bool(names.addressed(sentence.text, exclude={sentence.speaker})) and c.toward_addressee < 0
