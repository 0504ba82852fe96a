"""Template frames: delegation turns whose connecting phrases repeat the frame of an earlier turn.

Skeleton repetition (:mod:`summitry.measures.skeleton`) compares whole sentences once the
scenario's words are masked, so a lead-in glued to ever-different material ("We share X's view
on Y. <material>") rarely matches a whole earlier sentence. A reader sees the lead-in recur all
the same. This figure looks at the template part of each turn only: the spans of a spoken turn
whose source is ``template`` (:class:`summitry.session.events.Span`). A span's *frame* is the
slot of the phrase bank it was drawn from, when the caller gives the banks' phrases
(:class:`Families`): "We agree with Russia on …" and "We share China's view on …" are both the
``agree`` frame. Otherwise, or for a span no phrase matches, it is the span's first
``TEMPLATE_FRAME_WORDS`` (3) items once the scenario's words are masked
(:mod:`summitry.measures.scenario_words`), with two words of its own at least: "We disagree with
Russia on …" and "We disagree with China on …" share ``we disagree with``; "Egypt," alone has none.

The figure is the share of delegation turns with a template frame that an earlier delegation turn
of the same session already used, with the recurring frames and their counts. It is unknown
(``None``) when any delegation turn has no spans.

What it can show: the families of lead-ins a reader calls formula, which whole-turn figures
miss. What it cannot: without the banks, two lead-ins that open with different words but do the
same thing ("We agree with …", "We stand with …") count as different frames; with them, a slot
whose phrases a reader would hear as different things counts as one; a recurring shape in the
scenario's own material or in a model's words is not looked at; and it says nothing of whether a
lead-in fits the turn it opens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from summitry.measures.scenario_words import SLOT, ScenarioMask
from summitry.measures.thresholds import TEMPLATE_FRAME_LITERALS, TEMPLATE_FRAME_WORDS
from summitry.session.events import Span, TurnSpoken
from summitry.text.words import words

__all__ = ["Families", "TemplateFrames", "span_frame", "template_frames"]


@dataclass(frozen=True)
class Families:
    """The phrase banks' slots, each with the patterns of its phrases (placeholders match any words)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...] = field(default=())

    @classmethod
    def of(cls, slots: Mapping[str, Sequence[str]]) -> Families:
        """From each slot's phrases, as the banks write them ('{A} is right about {point}, …')."""
        found = [(slot, p) for slot, phrases in slots.items() for p in phrases]
        found.sort(key=lambda sp: -len(re.sub(r"\{[A-Za-z_]+\}", "", sp[1])))  # the most specific first
        return cls(tuple((slot, _pattern(p)) for slot, p in found))

    def slot_of(self, text: str) -> str | None:
        """The slot whose phrase the text opens with, if any."""
        return next((slot for slot, pattern in self.patterns if pattern.match(text.strip())), None)


def _pattern(phrase: str) -> re.Pattern[str]:
    pieces = re.split(r"\{[A-Za-z_]+\}", phrase)
    return re.compile("[^.:;!?]+?".join(re.escape(p) for p in pieces), re.IGNORECASE)


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


def turn_template_frames(
    spans: Iterable[Span], mask: ScenarioMask, families: Families = Families()
) -> list[tuple[str, ...]]:
    """The frames of a turn's template spans, in order, each once."""
    frames = []
    for span in spans:
        if span.source == "template":
            slot = families.slot_of(span.text)
            frames.append((f"slot {slot}",) if slot else span_frame(span.text, mask))
    return list(dict.fromkeys(f for f in frames if f is not None))


def template_frames(
    spoken: Iterable[TurnSpoken], delegations: Sequence[str], mask: ScenarioMask, families: Families = Families()
) -> TemplateFrames:
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
        frames = turn_template_frames(event.spans, mask, families)
        if any(counts[f] for f in frames):
            reusing.append(event.turn.index)
        counts.update(frames)
    recurring = sorted(((" ".join(f), n) for f, n in counts.items() if n > 1), key=lambda x: (-x[1], x[0]))
    return TemplateFrames(turns=turns, known=known, reusing=tuple(reusing), frames=tuple(recurring))
