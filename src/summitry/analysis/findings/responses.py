"""Who answers whom: one signed edge per (turn, delegation it answers).

For each delegation turn, whom it answers is decided in this order:

1. ``addressees`` recorded on the turn (sessions made by summitry know them);
2. delegations the turn names near a sentence start, by possessive or by vocative;
3. "previous speakers" / "both perspectives": the last one or two other delegations;
4. a moderator turn just before it that credits a delegation ("Mexico raises an excellent
   reframing") when the speaker was not the one invited: the reply is to that delegation;
5. otherwise, unless the speaker was invited by the moderator, the most similar recent turn.

The sign comes from cue words in the sentences that carry the reference (agree/disagree) and,
where the caller can say how far two turns' stances agree, from that agreement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from summitry.analysis.primitives.cues import SIGN_MARGIN, cues
from summitry.analysis.primitives.sentences import Sentence
from summitry.text.names import NameMatcher
from summitry.turns import Transcript, Turn

SIMILAR_WINDOW = 6  # turns back searched for a sentence a turn takes up (a guess, not measured)
SIMILAR_FLOOR = 0.12  # a take-up less similar than this is no response (a guess, not measured)
_PREVIOUS = re.compile(
    r"\b(?:(?P<two>both|the two) (?:previous speakers|perspectives|of you|positions)|"
    r"previous speakers|the (?:last|previous) speaker)\b",
    re.IGNORECASE,
)

_EVERYONE = re.compile(r"\b(?:you(?:'re| are) all|all of you|everyone here)\b", re.IGNORECASE)

IMPLICIT = ("relayed", "similar")
SIMILAR_MAX_CONFIDENCE = 0.6  # a take-up found by similarity alone is never surer than this (a guess, not measured)
CARRIER_CHARS = 400  # characters of the sentence that carries a response kept as its quote (a guess, not measured)
TAKE_UP_WEIGHT = 0.5  # an implicit response weighs half an explicit one (a guess, not measured)

# prior confidence per way a response was found, strongest first (a guess, not measured)
HOW_CONFIDENCE = {
    "addressees": 0.95,
    "named": 0.9,
    "previous": 0.8,
    "everyone": 0.7,
    "relayed": 0.6,
}


@dataclass(frozen=True, slots=True)
class Response:
    """One turn answering one delegation."""

    turn: int
    speaker: str
    target: str
    target_turn: int | None
    sign: float
    how: str
    confidence: float
    quote: str

    @property
    def polarity(self) -> str:
        return "agree" if self.sign > SIGN_MARGIN else "disagree" if self.sign < -SIGN_MARGIN else "neutral"


class ResponseFinder:
    """Finds the responses of a transcript given its sentences and their vectors."""

    def __init__(
        self,
        transcript: Transcript,
        sentences: list[Sentence],
        vectors: np.ndarray,
        delegations: list[str],
        agreement: Callable[[int, int], float | None] | None = None,
    ) -> None:
        self.transcript = transcript
        self.delegations = delegations
        self.members = set(delegations)
        self.names = NameMatcher(delegations)
        self.agreement = agreement
        self.by_turn: dict[int, list[Sentence]] = {}
        for s in sentences:
            self.by_turn.setdefault(s.turn, []).append(s)
        self.turn_vectors = _turn_vectors(transcript, sentences, vectors)

    def find(self) -> list[Response]:
        out: list[Response] = []
        last_turn_of: dict[str, int] = {}
        recent: list[Turn] = []
        for turn in self.transcript.turns:
            if turn.speaker in self.members:
                out.extend(self._responses(turn, last_turn_of, recent))
                last_turn_of[turn.speaker] = turn.index
            recent.append(turn)
        return out

    def _responses(self, turn: Turn, last: dict[str, int], recent: list[Turn]) -> list[Response]:
        sents = self.by_turn.get(turn.index, [])
        targets = self._targets(turn, sents, last, recent)
        out = []
        for target, how, carrier, conf in targets:
            if target == turn.speaker or target not in self.members:
                continue
            target_turn = last.get(target)
            sign = self._sign(carrier, turn.index, target_turn, implicit=how in IMPLICIT)
            out.append(
                Response(
                    turn.index, turn.speaker, target, target_turn, sign, how, conf, carrier[:CARRIER_CHARS]
                )
            )
        return out

    def _targets(
        self, turn: Turn, sents: list[Sentence], last: dict[str, int], recent: list[Turn]
    ) -> list[tuple[str, str, str, float]]:
        opening = " ".join(s.text for s in sents[:2])
        if turn.addressees:
            return [
                (a, "addressees", opening, HOW_CONFIDENCE["addressees"])
                for a in turn.addressees
                if a in self.members
            ]
        named: dict[str, list[str]] = {}
        for s in sents:
            for name in self.names.addressed(s.text, exclude={turn.speaker}):
                named.setdefault(name, []).append(s.text)
        if named:
            return [(n, "named", " ".join(t), HOW_CONFIDENCE["named"]) for n, t in named.items()]
        previous = _PREVIOUS.search(opening)
        if previous:
            count = 2 if previous.group("two") or "speakers" in previous.group(0).lower() else 1
            speakers = self._previous_speakers(turn.speaker, recent, count)
            return [(p, "previous", opening, HOW_CONFIDENCE["previous"]) for p in speakers]
        return self._implicit_targets(turn, opening, recent)

    def _implicit_targets(
        self, turn: Turn, opening: str, recent: list[Turn]
    ) -> list[tuple[str, str, str, float]]:
        run = self._run_since_moderator(recent)
        if _EVERYONE.search(opening):
            speakers = list(dict.fromkeys(t.speaker for t in run if t.speaker != turn.speaker))
            return [(s, "everyone", opening, HOW_CONFIDENCE["everyone"]) for s in speakers]
        moderator_turn = recent[-len(run) - 1] if len(run) < len(recent) else None
        if moderator_turn is not None:
            if turn.speaker in self.names.vocatives(moderator_turn.text):
                return []  # invited by the mediator: it answers the mediator
            credited = [n for n in self.names.credited(moderator_turn.text) if n != turn.speaker]
            if len(credited) == 1:
                return [(credited[0], "relayed", opening, HOW_CONFIDENCE["relayed"])]
        if all(s.is_quoted for s in self.by_turn.get(turn.index, [])):
            return []
        similar = self._most_similar_recent(turn, run)
        return [similar] if similar else []

    def _run_since_moderator(self, recent: list[Turn]) -> list[Turn]:
        """The delegation turns spoken since the mediator last spoke (all of them if never)."""
        run: list[Turn] = []
        for t in reversed(recent):
            if t.speaker not in self.members:
                break
            run.append(t)
        return run[::-1]

    def _previous_speakers(self, speaker: str, recent: list[Turn], count: int) -> list[str]:
        found: list[str] = []
        for t in reversed(recent):
            if t.speaker in self.members and t.speaker != speaker and t.speaker not in found:
                found.append(t.speaker)
                if len(found) == count:
                    break
        return found

    def _most_similar_recent(
        self, turn: Turn, recent: list[Turn]
    ) -> tuple[str, str, str, float] | None:
        vector = self.turn_vectors.get(turn.index)
        if vector is None:
            return None
        best: tuple[float, Turn] | None = None
        for t in recent[-SIMILAR_WINDOW:]:
            other = self.turn_vectors.get(t.index)
            if t.speaker not in self.members or t.speaker == turn.speaker or other is None:
                continue
            sim = float(vector @ other)
            if best is None or sim > best[0]:
                best = (sim, t)
        if best is None or best[0] < SIMILAR_FLOOR:
            return None
        opening = " ".join(s.text for s in self.by_turn.get(turn.index, [])[:2])
        return best[1].speaker, "similar", opening, round(min(SIMILAR_MAX_CONFIDENCE, 0.2 + best[0] / 2), 3)

    def _sign(self, carrier: str, turn: int, target_turn: int | None, implicit: bool) -> float:
        found = cues(carrier)
        sign = found.toward_addressee
        if not sign and implicit:
            # Taking up what was put on the table: endorsing it is agreeing, weakly.
            sign = TAKE_UP_WEIGHT * found.toward_topic
        if self.agreement is not None and target_turn is not None:
            agreement = self.agreement(turn, target_turn)
            if agreement is not None:
                sign = 0.75 * sign + 0.25 * agreement if sign else 0.5 * agreement
        return round(max(-1.0, min(1.0, sign)), 3)


def _turn_vectors(
    transcript: Transcript, sentences: list[Sentence], vectors: np.ndarray
) -> dict[int, np.ndarray]:
    rows: dict[int, list[int]] = {}
    for s in sentences:
        rows.setdefault(s.turn, []).append(s.id)
    out = {}
    for turn, ids in rows.items():
        v = vectors[ids].mean(axis=0)
        norm = float(np.linalg.norm(v))
        if norm > 0:
            out[turn] = v / norm
    return out


def find_responses(
    transcript: Transcript,
    sentences: list[Sentence],
    vectors: np.ndarray,
    delegations: list[str],
    agreement: Callable[[int, int], float | None] | None = None,
) -> list[Response]:
    """Every response of the transcript: who answers whom, how we know, and with what sign."""
    return ResponseFinder(transcript, sentences, vectors, delegations, agreement).find()
