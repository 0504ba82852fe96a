"""Skeleton repetition: delegation turns that reuse a sentence frame of an earlier turn.

A *frame* is what is left of a sentence once the scenario's own words are masked
(:mod:`summitry.measures.scenario_words`): the sentence's lower-cased words with every
scenario run replaced by one slot, cut to its first ``SKELETON_FRAME_WORDS`` (6) items. Two frames
match when one is the start of the other, so a sentence that ends on its filler matches one
that goes on after it. "We back
building dams fast because it protects farming." and "We back sharing river data because it
protects fishing." have the same frame, ``we back _ because it protects``, when the options and
interests come from the scenario. A sentence whose frame keeps fewer than ``SKELETON_MIN_LITERALS`` (3)
words of its own (a sentence that is mostly scenario material) has no frame.

The figure is the share of delegation turns holding at least one sentence whose frame already
appeared in an earlier delegation turn (anyone's), with the recurring frames and their counts.

What it can show: templates that recur with different fillers, which distinct-n and
near-duplicate checks miss. What it cannot: a template that varies its first words escapes it;
two natural sentences that happen to open alike ("we do not agree that the …") count as a reuse;
a turn's later sentences are compared by their own openings only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summitry.measures.scenario_words import SLOT, ScenarioMask
from summitry.measures.thresholds import SKELETON_FRAME_WORDS, SKELETON_MIN_LITERALS
from summitry.text.sentences import sentences
from summitry.text.words import words
from summitry.turns import Turn


@dataclass(frozen=True)
class SkeletonRepetition:
    """Share of delegation turns reusing an earlier frame, and the frames seen more than once."""

    turns: int
    reusing: tuple[int, ...]
    frames: tuple[tuple[str, int], ...]

    @property
    def share(self) -> float | None:
        return round(len(self.reusing) / self.turns, 3) if self.turns else None


def sentence_frame(sentence: str, mask: ScenarioMask) -> tuple[str, ...] | None:
    """The frame of one sentence, or None when too little of it is the speaker's own."""
    items = tuple(mask.mask(words(sentence))[:SKELETON_FRAME_WORDS])
    if sum(1 for x in items if x != SLOT) < SKELETON_MIN_LITERALS:
        return None
    return items


def turn_frames(text: str, mask: ScenarioMask) -> list[tuple[str, ...]]:
    """The frames of a turn's sentences, in order, each once."""
    frames = (sentence_frame(s, mask) for s in sentences(text))
    return list(dict.fromkeys(f for f in frames if f is not None))


def same_frame(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two frames match when one is the start of the other: a sentence that ends on its filler
    ("we back _.") has the frame of one that goes on ("we back _, and always will")."""
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def skeleton_repetition(turns: Sequence[Turn], mask: ScenarioMask) -> SkeletonRepetition:
    """The figure over these delegation turns, in the order they were spoken."""
    counts: dict[tuple[str, ...], int] = {}
    reusing: list[int] = []
    for turn in turns:
        reused = False
        for frame in turn_frames(turn.text, mask):
            known = next((k for k in counts if same_frame(k, frame)), None)
            if known is None:
                counts[frame] = 1
                continue
            reused = True
            seen = counts.pop(known) + 1
            counts[min(known, frame, key=len)] = seen
        if reused:
            reusing.append(turn.index)
    recurring = sorted(((" ".join(f), n) for f, n in counts.items() if n > 1), key=lambda x: -x[1])
    return SkeletonRepetition(turns=len(turns), reusing=tuple(reusing), frames=tuple(recurring))
