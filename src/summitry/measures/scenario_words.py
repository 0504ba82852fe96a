"""The scenario's own words: every phrase a scenario file supplies, and a mask that hides them.

A turn built from a template carries two kinds of words: the template's glue, which recurs
from turn to turn, and the fillers it takes from the scenario (names, option texts, interests,
the topic, the material's sentences). Figures that look for recurring frames must see the glue
and not the fillers, so they mask the scenario's words first.

What is masked, in a turn's lower-cased words:
- every run of words that also appears, word for word and in the same order, in one of the
  scenario file's texts, as long as the run holds at least one content word (a stretch made of
  function words only, "of the", is glue, not a filler); function words at the edges of a run
  stay visible, so "because the river floods" keeps "because the";
- names on their own: each word of a delegation's or the mediator's name, and scenario phrases
  of a single word (an interest or a point written as one word).

What it cannot do: a filler the template inflects or rewords ("dam" for "dams", "sharing" for
"share") is not found, and a glue word that happens to stand next to the same word in the
scenario is masked with it. Both sides of a comparison are masked the same way, so a frame
still matches itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from summitry.measures.thresholds import SCENARIO_MAX_RUN
from summitry.scenario.model import Scenario
from summitry.text.words import STOPWORDS, words

SLOT = "_"
"""What a masked run of words becomes."""

_SKIPPED_KEYS = frozenset({"id", "phase", "question", "option", "unit", "format_version"})


def scenario_texts(scenario: Scenario) -> list[str]:
    """Every piece of text the scenario file holds: titles, topic, options, interests, material…"""
    return list(_strings(scenario.model_dump(mode="json")))


def _strings(value: Any, key: str | None = None) -> Iterator[str]:
    if isinstance(value, str):
        if key not in _SKIPPED_KEYS:
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v, k)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v, key)


def is_glue(word: str) -> bool:
    """A function word or a very short word: never a filler on its own."""
    return word in STOPWORDS or len(word) < 3


@dataclass(frozen=True)
class ScenarioMask:
    """Hides the scenario's own words in a sequence of lower-cased words."""

    ngrams: frozenset[tuple[str, ...]]
    singles: frozenset[str]

    @classmethod
    def from_texts(cls, texts: Iterable[str], names: Iterable[str] = ()) -> ScenarioMask:
        """A mask for these texts; ``names`` (and one-word texts) are masked even on their own."""
        grams: set[tuple[str, ...]] = set()
        singles: set[str] = set()
        for text in texts:
            w = words(text)
            if len(w) == 1 and not is_glue(w[0]):
                singles.add(w[0])
            for n in range(2, SCENARIO_MAX_RUN + 1):
                grams.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
        for name in names:
            singles.update(x for x in words(name) if not is_glue(x))
        return cls(frozenset(grams), frozenset(singles))

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioMask:
        names = [d.name for d in scenario.delegations] + [scenario.moderator.name]
        return cls.from_texts(scenario_texts(scenario), names)

    def hidden(self, tokens: list[str]) -> list[bool]:
        """For each word, whether it is one of the scenario's words (see the module's rules)."""
        hide = [t in self.singles for t in tokens]
        i = 0
        while i < len(tokens) - 1:
            j = i + 1
            while j < len(tokens) and j - i < SCENARIO_MAX_RUN and tuple(tokens[i : j + 1]) in self.ngrams:
                j += 1
            if j - i >= 2:
                self._hide_run(tokens, hide, i, j)
                i = j - 1  # a run may chain on from its last word
            else:
                i += 1
        return hide

    @staticmethod
    def _hide_run(tokens: list[str], hide: list[bool], start: int, stop: int) -> None:
        while start < stop and is_glue(tokens[start]):
            start += 1
        while stop > start and is_glue(tokens[stop - 1]):
            stop -= 1
        for k in range(start, stop):
            hide[k] = True

    def mask(self, tokens: list[str]) -> list[str]:
        """The words with each hidden run replaced by one :data:`SLOT`."""
        out: list[str] = []
        for token, hidden in zip(tokens, self.hidden(tokens), strict=True):
            if not hidden:
                out.append(token)
            elif not out or out[-1] != SLOT:
                out.append(SLOT)
        return out
