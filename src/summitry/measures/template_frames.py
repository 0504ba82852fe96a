"""Template frames: delegation turns whose connecting phrases repeat the frame of an earlier turn.

Skeleton repetition (:mod:`summitry.measures.skeleton`) compares whole sentences once the
scenario's words are masked, so a lead-in glued to ever-different material ("We share X's view
on Y. <material>") rarely matches a whole earlier sentence. A reader sees the lead-in recur all
the same. This figure looks at the template part of each turn only: the spans of a spoken turn
whose source is ``template`` (:class:`summitry.session.events.Span`). A span's *frame* is its
first ``TEMPLATE_FRAME_WORDS`` (3) items once the scenario's words are masked
(:mod:`summitry.measures.scenario_words`), and needs two words of its own: "We disagree with
Russia on …" and "We disagree with China on …" share the frame ``we disagree with``; "Egypt,"
alone has none.

The figure is the share of delegation turns with a template frame that an earlier delegation turn
of the same session already used, with the recurring frames and their counts. It is unknown
(``None``) when any delegation turn has no spans.

What it can show: the families of lead-ins a reader calls formula, which whole-turn figures
miss. What it cannot: two lead-ins that open with different words but do the same thing ("We
agree with …", "We stand with …") count as different frames; a recurring frame in the scenario's
own material or in a model's words is not looked at; and it says nothing of whether a lead-in
fits the turn it opens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summitry.measures.scenario_words import SLOT, ScenarioMask
from summitry.measures.thresholds import TEMPLATE_FRAME_LITERALS, TEMPLATE_FRAME_WORDS
from summitry.session.events import Span, TurnSpoken
from summitry.text.words import words

__all__ = ["TemplateFrames", "span_frame", "template_frames"]


@dataclass(frozen=True)
class TemplateFrames:
    """Share of delegation turns repeating an earlier turn's template frame; None when unknown."""

    turns: int
    known: bool
    reusing: tuple[int, ...]
    frames: tuple[tuple[str, int], ...]

    @property
    def share(self) -> float | None:
        if not self.known or not self.turns:
            return None
        return round(len(self.reusing) / self.turns, 3)


def span_frame(text: str, mask: ScenarioMask) -> tuple[str, ...] | None:
    """The frame of one template span, or None when it has too few words of its own."""
    items = tuple(mask.mask(words(text))[:TEMPLATE_FRAME_WORDS])
    if sum(1 for x in items if x != SLOT) < TEMPLATE_FRAME_LITERALS:
        return None
    return items


def turn_template_frames(spans: Iterable[Span], mask: ScenarioMask) -> list[tuple[str, ...]]:
    """The frames of a turn's template spans, in order, each once."""
    frames = (span_frame(s.text, mask) for s in spans if s.source == "template")
    return list(dict.fromkeys(f for f in frames if f is not None))


def template_frames(spoken: Iterable[TurnSpoken], delegations: Sequence[str], mask: ScenarioMask) -> TemplateFrames:
    """The figure over the delegation turns of a session's spoken-turn events, in order."""
    counts: Counter[tuple[str, ...]] = Counter()
    reusing: list[int] = []
    turns = 0
    known = True
    for event in spoken:
        if event.turn.speaker not in delegations:
            continue
        turns += 1
        known = known and bool(event.spans)
        frames = turn_template_frames(event.spans, mask)
        if any(counts[f] for f in frames):
            reusing.append(event.turn.index)
        counts.update(frames)
    recurring = sorted(((" ".join(f), n) for f, n in counts.items() if n > 1), key=lambda x: (-x[1], x[0]))
    return TemplateFrames(turns=turns, known=known, reusing=tuple(reusing), frames=tuple(recurring))
