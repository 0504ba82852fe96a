"""Cue words of spoken argument: agreeing and disagreeing with someone, endorsing and rejecting.

Embeddings place a sentence near a topic but miss negation and attitude ("we cannot accept X"
sits right next to "we accept X"), so the analysis adds these plain-English cues. Each cue is a
regular expression with a weight; a sentence's score is the clipped sum of the weights it
matches. Nothing here names a topic, a nation or a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# a sign (agreement minus disagreement, or a stand, on -1..1) beyond ±SIGN_MARGIN agrees or disagrees,
# within it is neutral; one margin for responses, stands, rivals and the graph (a guess, not measured)
SIGN_MARGIN = 0.15

# the weight of each cue below (1.0 a plain statement, less a hedged or ambiguous one) is a guess, not measured
_AGREE = {
    r"\b(?:i|we) (?:fully |strongly |also )?agree\b": 1.0,
    r"\bagree(?:s|d|ing)? with\b": 1.0,
    r"\b(?:stand|work|meet) together\b|\bsame place\b|\ba partner\b": 0.7,
    r"\b(?:has|have|with) (?:real |some |great )?merit\b": 1.0,
    r"\b(?:raises?|makes?|identif(?:y|ies)|ha(?:s|ve)) (?:an? )?"
    r"(?:important|valid|good|fair|excellent|crucial|key|the core) "
    r"(?:points?|distinction|question|concerns?|problem|argument)\b": 1.0,
    r"\b(?:is|are|was|were) (?:valid|right|correct|fair)\b": 1.0,
    r"\b(?:you're|you are|they are|is) (?:all )?(?:absolutely |quite )?right\b": 1.0,
    r"\bcorrectly\b": 1.0,
    r"\bresonates?\b": 1.0,
    r"\bexactly\b(?! where)": 0.8,
    r"^\W*(?:yes|indeed|absolutely|agreed)\b": 0.6,
    r"\bi appreciate\b|\bwe appreciate\b": 0.7,
    r"\bwell said\b|\bgood point\b|\bfair point\b": 1.0,
    r"\b(?:building|build) on\b": 0.6,
    r"\b(?:real|great|genuine) potential\b": 0.7,
    r"\bwe (?:support|welcome|share|echo|endorse)\b": 0.8,
    r"\bmutually beneficial\b": 0.6,
    r"\bsounds? (?:reasonable|right)\b(?! until)": 0.6,
}

_DISAGREE = {  # weights: a guess, not measured (as above)
    r"\bbut\b(?! only)": 0.5,
    r"\bbut only\b": 0.25,
    r"\bhowever\b": 0.5,
    r"\b(?:i|we) (?:strongly |must |respectfully )?disagree\b": 1.0,
    r"\bpush(?:es|ing)? back\b|\bpaths diverge\b|\bsee things (?:very )?differently\b": 1.0,
    r"\b(?:do not|don't) accept the premise\b": 1.0,
    r"\b(?:misses?|ignores?|overlooks?|forgets?|masks?|misreads?|distorts?)\b": 1.0,
    r"\bviolat(?:e|es|ing|ed)\b": 1.0,
    r"\b(?:wrong|mistaken|hypocri\w*|naive|idealistic|selective)\b": 0.8,
    r"\bsounds? reasonable until\b": 1.2,
    r"\bcannot (?:accept|agree|support)\b": 1.0,
    r"\bwe reject\b|\brejects?\b": 1.0,
    r"\bconcern(?:ing|ed)\b": 0.4,
    r"\bnot (?:so )?simple\b|\blet'?s not\b": 0.6,
    r"\bwhile (?:violating|restricting|ignoring|claiming)\b": 0.8,
}

_ENDORSE = {  # weights: a guess, not measured (as above)
    r"\b(?:we|i) (?:support|endorse|favou?r|prefer|selected|chose|choose|back|welcome|"
    r"propose)\b": 1.0,
    r"\b(?:could|can|would|will) "
    r"(?:benefit|help|enable|build|strengthen|improve|serve|provide|demonstrate)\b": 0.6,
    r"\b(?:is|are) (?:valuable|essential|crucial|critical|vital|promising|encouraging)\b": 0.7,
    r"\binterested in\b|\bappeals? to\b|\bopen to\b|\bwilling to\b": 0.7,
    r"\bsupports?\b|\bwelcomes?\b|\bendorses?\b": 0.6,
    r"\b(?:real|genuine|great) potential\b|\bhas merit\b": 0.7,
    r"\b(?:mutual(?:ly)? benefi\w*|win-win|shared benefits?)\b": 0.5,
}

_REJECT = {  # weights: a guess, not measured (as above)
    r"\b(?:cannot|can't|won't|will not|must not|should not|refuse to) "
    r"(?:accept|allow|support|agree)\b": 1.0,
    r"\b(?:we|i) (?:reject|oppose|refuse|resist)\b|\brejects?\b|\bopposes\b": 1.0,
    r"\b(?:unacceptable|unworkable|a trap|a mistake|dangerous)\b": 0.8,
    r"\b(?:threaten|undermine|destabili[sz]e|exacerbate)s?\b": 0.5,
    r"\b(?:discriminat\w*|exclusion|colonialism|dominan\w*|imposed|aggression)\b": 0.5,
    r"\bnot (?:a|the) (?:solution|answer|way)\b": 0.8,
    r"\bconcern(?:ed|ing|s)? about\b": 0.4,
}

_NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|won't|don't|doesn't|isn't|aren't|without)\b"
)


def _compile(table: dict[str, float]) -> list[tuple[re.Pattern[str], float]]:
    return [(re.compile(pattern, re.IGNORECASE), weight) for pattern, weight in table.items()]


@dataclass(frozen=True)
class CueScores:
    """Attitude cues found in one piece of text, each clipped to 0..1."""

    agree: float
    disagree: float
    endorse: float
    reject: float

    @property
    def toward_addressee(self) -> float:
        """-1 (disagrees with whom it answers) … +1 (agrees)."""
        return max(-1.0, min(1.0, self.agree - self.disagree))

    @property
    def toward_topic(self) -> float:
        """-1 (rejects what it talks about) … +1 (endorses it)."""
        return max(-1.0, min(1.0, self.endorse - self.reject))


_TABLES = {
    name: _compile(table)
    for name, table in {
        "agree": _AGREE,
        "disagree": _DISAGREE,
        "endorse": _ENDORSE,
        "reject": _REJECT,
    }.items()
}


def _score(text: str, table: list[tuple[re.Pattern[str], float]]) -> float:
    return min(1.0, sum(weight for pattern, weight in table if pattern.search(text)))


_CONTRAST = re.compile(r"\b(?:rather than|instead of|not just|not only)\b[^,.;:!?]*", re.IGNORECASE)


@lru_cache(maxsize=65536)
def cues(text: str) -> CueScores:
    """Score one sentence or turn for agreement, disagreement, endorsement and rejection.

    What follows "rather than" or "instead of" is what the speaker turns away from, so it
    counts neither as endorsed nor as rejected.
    """
    stated = _CONTRAST.sub(" ", text)
    return CueScores(
        _score(text, _TABLES["agree"]),
        _score(text, _TABLES["disagree"]),
        _score(stated, _TABLES["endorse"]),
        _score(stated, _TABLES["reject"]),
    )


def is_negated(text: str) -> bool:
    """Whether the text holds a plain negation word."""
    return bool(_NEGATION.search(text))
