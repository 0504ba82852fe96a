"""Sentences said twice: a sentence (case and punctuation aside) that anyone says again.

Every turn of the session counts, the mediator's too, and a repeat by another speaker counts
like one by the same speaker. Sentences shorter than ``REPEAT_MIN_WORDS`` (5) words are left out:
"Thank you, Dr. Chen." said twice is conversation, not repetition.

What it can show: copies, which a reader notices at once. What it cannot: a sentence repeated
with one word changed, or the same point made again in other words (see skeleton repetition
for the first, near-duplicates for the second).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summitry.measures.thresholds import REPEAT_MIN_WORDS
from summitry.text.sentences import normalize_sentence, sentences
from summitry.turns import Turn


@dataclass(frozen=True)
class RepeatedSentence:
    """A sentence said again: where it was first said, and the turns that repeat it."""

    text: str
    first_turn: int
    repeated_in: tuple[int, ...]


def repeated_sentences(turns: Sequence[Turn]) -> list[RepeatedSentence]:
    """Every sentence said more than once, in the order of its first saying."""
    first: dict[str, tuple[str, int]] = {}
    again: dict[str, list[int]] = {}
    for turn in turns:
        for sentence in sentences(turn.text):
            key = normalize_sentence(sentence)
            if len(key.split()) < REPEAT_MIN_WORDS:
                continue
            if key in first:
                again.setdefault(key, []).append(turn.index)
            else:
                first[key] = (sentence, turn.index)
    return [RepeatedSentence(first[k][0], first[k][1], tuple(v)) for k, v in again.items()]


def repeat_count(repeats: Sequence[RepeatedSentence]) -> int:
    """How many times a sentence was said again, over all repeated sentences."""
    return sum(len(r.repeated_in) for r in repeats)
