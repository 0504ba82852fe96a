"""Which units of the scenario's material a text touches.

A turn written by a person at a seat, or by a language model, does not say which units it uses;
this finds them by what the words share. A unit is touched when the text says enough of the
unit's own content words: the share of the unit's content words (its point and its words) that
the text also says. The same function reads every turn, whoever wrote it, so a planned unit and a
free text are matched the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from summitry.scenario.position import Unit
from summitry.text.stems import content_stems

MIN_SHARE = 0.34  # a third of a unit's content words: measured on the bundled scenarios' talking points
MIN_SHARED = 3  # and at least three of them, so that a short unit is not touched by one common word


@dataclass(frozen=True)
class Touch:
    """A unit a text touches, and how much of it the text says (0 … 1)."""

    unit: str
    share: float


def touched_units(text: str, units: Iterable[Unit], *, min_share: float = MIN_SHARE) -> list[Touch]:
    """The units the text touches, the most fully said first (ties in the order given)."""
    said = content_stems(text)
    found: list[Touch] = []
    for unit in units:
        own = content_stems(f"{unit.on or ''} {unit.text}")
        shared = len(own & said)
        if own and shared >= min(MIN_SHARED, len(own)) and shared / len(own) >= min_share:
            found.append(Touch(unit.id, shared / len(own)))
    return sorted(found, key=lambda t: -t.share)


# A question's words are fewer than a unit's: two of its content words said back, and a third of
# them, show that a text takes the question up. A guess, checked by reading the bundled sessions.
QUESTION_MIN_SHARED = 2


def touches_question(text: str, question: str) -> bool:
    """Whether a text takes up a question: it says enough of the question's own content words."""
    asked = content_stems(question)
    shared = len(asked & content_stems(text))
    return bool(asked) and shared >= min(QUESTION_MIN_SHARED, len(asked)) and shared / len(asked) >= MIN_SHARE
