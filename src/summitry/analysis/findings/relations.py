"""Signed relations between speakers: who criticises whom and who endorses whom.

An edge runs from a speaker to a delegation it names in a sentence that also praises
(thanks, welcomes, commends, works together with) or criticises (abuse, veto, isolated,
hypocrisy, blocked …) — the cues are in ``data/debate_cues.yaml``. A mere mention counts for
nothing: "we voted with France" is no edge, "we thank France" is one. Names are found with
their other forms ("Washington", "Russian"), so a sentence about "our American colleagues"
reaches the United States.

Confidence is a fixed prior, not a measured rate: 0.8 when the named delegation is what the
sentence is about (its subject, a possessive or a vocative), 0.6 when it is named further on.
Edges about a veto are marked, because criticising a veto is taking a side on the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.debate_cues import CueBook, cue_book
from summitry.analysis.primitives.sentences import Sentence
from summitry.text.names import NameMatcher

# a prior: the name is the sentence's subject, possessive or vocative; a guess, not measured
ADDRESSED_CONFIDENCE = 0.8
MENTIONED_CONFIDENCE = 0.6  # a prior: the name comes later in the sentence (a guess, not measured)
_YOU = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_VETO = re.compile(r"\bveto(?:ed|es|ing)?\b|\bblock(?:ed|s)? (?:the )?adoption\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Relation:
    """One sentence in which ``source`` praises (+1) or criticises (-1) ``target``."""

    source: str
    target: str
    sign: int
    sentence: Sentence
    confidence: float
    about_veto: bool


def speaker_matcher(corpus: Corpus, book: CueBook | None = None) -> NameMatcher:
    """A name matcher for the delegations of a corpus, with the other forms of their names."""
    book = book or cue_book()
    return NameMatcher(corpus.delegations, book.aliases_for(corpus.delegations))


def find_relations(corpus: Corpus, book: CueBook | None = None) -> list[Relation]:
    """Every praising or criticising mention of one delegation by another, in order."""
    book = book or cue_book()
    names = speaker_matcher(corpus, book)
    members = set(corpus.delegations)
    out: list[Relation] = []
    for s in corpus.sentences:
        if s.speaker not in members or s.is_quoted:
            continue
        sign = book.attitude(s.text)
        if sign == 0:
            continue
        addressed = set(names.addressed(s.text, exclude={s.speaker}))
        for target in _targets(s.text, names, book, s.speaker):
            confidence = ADDRESSED_CONFIDENCE if target in addressed else MENTIONED_CONFIDENCE
            out.append(Relation(s.speaker, target, sign, s, confidence, bool(_VETO.search(s.text))))
    return out


def _targets(text: str, names: NameMatcher, book: CueBook, speaker: str) -> list[str]:
    """Whom a judging sentence judges: whom it speaks to when it says "you" (the vocatives),
    else every delegation it names, except the victims ("the invasion of Ukraine")."""
    mentions = [m for m in names.mentions(text) if m.name != speaker]
    if _YOU.search(text):
        mentions = [m for m in mentions if m.vocative]
    kept = [m.name for m in mentions if not book.victim.search(text[: m.start])]
    return list(dict.fromkeys(kept))


def ties(relations: list[Relation]) -> dict[tuple[str, str], float]:
    """Net signed weight of each directed pair (source, target): praise minus criticism."""
    net: dict[tuple[str, str], float] = defaultdict(float)
    for r in relations:
        net[(r.source, r.target)] += r.sign * r.confidence
    return dict(net)


def between(relations: list[Relation], a: str, b: str) -> list[Relation]:
    """The relations from a to b and from b to a."""
    return [r for r in relations if {r.source, r.target} == {a, b}]
