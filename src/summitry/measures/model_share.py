"""Model share: the share of the delegations' words that a language model wrote.

Read from the log: every spoken turn may carry ``spans`` (:class:`summitry.session.events.Span`),
stretches of its text marked ``model``, ``template``, ``scenario`` or ``person``. The figure
counts the words of each source over the delegation turns and divides the model's by all.

When any delegation turn of the session has no spans (a log written before the engine recorded
them, or by a realizer that does not), the share is unknown (``None``), never guessed: a turn
without spans could be anyone's words.

What it can show: how much of what the delegations say the model actually wrote, so that a
figure about "the model's" text is read against how little of it there may be. What it cannot:
whether the model's words are any good, or whether a template sentence the model merely chose
among candidates counts as the model's (it does not: choosing is not writing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summitry.session.events import TurnSpoken
from summitry.text.words import words


@dataclass(frozen=True)
class ModelShare:
    """Words of the delegation turns by who wrote them; ``share`` is None when unknown."""

    turns: int
    turns_without_spans: int
    words_by_source: dict[str, int] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        return self.turns > 0 and self.turns_without_spans == 0

    @property
    def share(self) -> float | None:
        total = sum(self.words_by_source.values())
        if not self.known or not total:
            return None
        return round(self.words_by_source.get("model", 0) / total, 3)


def model_share(spoken: Iterable[TurnSpoken], delegations: Sequence[str]) -> ModelShare:
    """The figure over the delegation turns of a session's spoken-turn events."""
    counts: Counter[str] = Counter()
    turns = missing = 0
    for event in spoken:
        if event.turn.speaker not in delegations:
            continue
        turns += 1
        if not event.spans:
            missing += 1
            continue
        for span in event.spans:
            counts[span.source] += len(words(span.text))
    return ModelShare(turns=turns, turns_without_spans=missing, words_by_source=dict(counts))
