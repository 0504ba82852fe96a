"""Pasted slots: a scenario phrase dropped verbatim into a sentence where it does not fit.

A template fills its slots with the scenario's option texts, interests and topic as written. A
reader sees it at once ("Welcome to this session on Sharing a transboundary river", "Egypt chose
slowly, with a rule"); no parser here can say whether a phrase fits, so the figure counts two
detectable signs of a misfit:

- *capital mid-sentence*: the phrase appears as written, not at the start of a sentence, with a
  capital first letter, where the scenario never writes that word with a capital inside a
  sentence (so it is no name: "Sharing", "A permanent commission", but never "Lake Victoria");
- *not an object*: the phrase follows a verb of choosing or backing (data: :data:`CHOICE_VERBS`)
  but opens with a word that cannot open the noun phrase such a verb takes: a preposition, an
  adverb in -ly, or a phrase that breaks at a comma before its third word.

The figure is the share of all turns (the mediator's too) with at least one sign, with the
quotes. What it misses: pastes with a lower-case first word after other verbs ("defend icebreaker
fleet", a missing article), inflection errors, and a pasted unit sentence; it may flag a phrase
quoted on purpose without quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summitry.scenario.model import Scenario
from summitry.text.sentences import sentences
from summitry.turns import Turn

CHOICE_VERBS = frozenset(
    "chose choose chooses chosen favour favours favor favors prefer prefers preferred support supports "
    "select selects selected back backs want wants propose proposes reject rejects oppose opposes".split()
)
"""Verbs whose object is a noun phrase ("we chose X"); a phrase that is no noun phrase does not fit."""

PREPOSITIONS = frozenset(
    "under by with without for from through within into onto against before after during "
    "between among across over via".split()
)
"""Words that open a prepositional phrase, never the object of a verb of choosing."""

QUOTES = "\"'“‘«:—"
"""A phrase right after one of these is quoted or set off, not pasted into a sentence."""


@dataclass(frozen=True)
class PastedSlot:
    turn: int
    speaker: str
    phrase: str
    sign: str
    quote: str


def slot_phrases(scenario: Scenario) -> list[str]:
    """What templates drop into slots: option texts, interests and the topic."""
    phrases = [scenario.lesson.topic]
    phrases += [o.text for q in scenario.lesson.questions for o in q.options]
    phrases += [i for d in scenario.delegations for i in d.interests]
    return list(dict.fromkeys(p.strip() for p in phrases if p.strip()))


def names_in(texts: Sequence[str]) -> frozenset[str]:
    """Words the scenario writes with a capital inside a sentence: names ("Lake", "Arctic")."""
    found: set[str] = set()
    for text in texts:
        for sentence in sentences(text):
            found.update(re.findall(r"(?<=[\w,;)] )[A-Z][\w'\-]*", sentence))
    return frozenset(found)


def _not_an_object(phrase: str) -> bool:
    first = phrase.split()[0].lower().strip(",;")
    head = phrase.split(",")[0]
    return first in PREPOSITIONS or (first.endswith("ly") and len(first) > 3) or (
        "," in phrase and len(head.split()) < 3
    )


def find_pastes(turn: Turn, phrases: Sequence[str], names: frozenset[str]) -> list[PastedSlot]:
    """The signs of a pasted slot in one turn (at most one per phrase and sentence)."""
    found = []
    for sentence in sentences(turn.text):
        for phrase in phrases:
            sign = _sign(sentence, phrase, names)
            if sign:
                found.append(PastedSlot(turn.index, turn.speaker, phrase, sign, sentence[:240]))
    return found


def _sign(sentence: str, phrase: str, names: frozenset[str]) -> str | None:
    first = phrase.split()[0]
    capital = first[:1].upper() + first[1:]
    written = capital + phrase[len(first):]
    at = sentence.find(written, 1)
    if at > 0 and sentence[at - 1] == " " and sentence[:at].rstrip()[-1:] not in QUOTES + ".!?":
        if capital not in names and first[:1].isalpha():
            return "capital mid-sentence"
    pattern = rf"\b(\w+)\s+{re.escape(phrase[:1].lower() + phrase[1:])}"
    for match in re.finditer(pattern, sentence, flags=re.IGNORECASE):
        if match.group(1).lower() in CHOICE_VERBS and _not_an_object(phrase):
            return "not an object"
    return None


def pasted_slots(scenario: Scenario, turns: Sequence[Turn], texts: Sequence[str]) -> list[PastedSlot]:
    """Every sign of a pasted slot in a session; ``texts`` are the scenario's texts."""
    phrases = slot_phrases(scenario)
    names = names_in(texts)
    return [p for t in turns for p in find_pastes(t, phrases, names)]


def pasted_share(turns: Sequence[Turn], pastes: Sequence[PastedSlot]) -> float | None:
    """Share of the turns with at least one sign."""
    if not turns:
        return None
    return round(len({p.turn for p in pastes}) / len(turns), 3)
