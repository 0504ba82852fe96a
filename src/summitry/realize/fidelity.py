"""Fidelity: whether words a model wrote still say what the planned material says.

A capable chat model writes a whole turn from its planned units (the small local model writes no
words: it chooses among the composer's wordings). Its words must keep the material's substance:

- the planned unit's content words are kept (a share of them, and every figure);
- no stance is turned around: a negation ('not', 'never', "can't" …) is neither added nor lost;
- nothing contradicts the speaker's answers: no option the speaker did not choose is embraced;
- the text does not contradict itself: it does not both assert and deny the same content word;
- no name or figure appears that the material did not have.

Each check returns the problems it found, in words, so a rejected candidate says why.
"""

from __future__ import annotations

import re

from summitry.scenario.model import Scenario
from summitry.text.sentences import sentences
from summitry.text.stems import content_stems
from summitry.text.words import words

MIN_COVERED = 0.35  # share of each planned unit's content words a whole written turn says (a guess)
SAME_CLAIM = 0.8  # two sentences sharing this share of content words make the same claim (a guess)
NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "cannot", "none", "nothing", "neither"})
_FIGURE = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][A-Za-z\-]+")


def negations(text: str) -> int:
    """How many negations a text says ("can't" and "won't" count)."""
    return sum(1 for w in words(text) if w in NEGATIONS or w.endswith("n't"))


def turn_problems(text: str, units: list[str], scenario: Scenario, speaker: str) -> list[str]:
    """Why a written turn does not carry its planned units faithfully (empty when it does)."""
    problems: list[str] = []
    said = content_stems(text)
    for unit in units:
        own = content_stems(unit)
        covered = len(own & said) / len(own) if own else 1.0
        if covered < MIN_COVERED:
            problems.append(f"says {covered:.0%} of a planned unit")
    problems += _new_names_or_figures(" ".join(units), text, allowed=_names(scenario))
    problems += contradicts_answers(text, scenario, speaker)
    problems += self_contradiction(text)
    return problems


def contradicts_answers(text: str, scenario: Scenario, speaker: str) -> list[str]:
    """An option the speaker did not choose, embraced in so many words ('we chose …', 'we support …')."""
    me = scenario.delegation(speaker)
    lowered = " ".join(words(text))
    found = []
    for question in scenario.lesson.questions:
        for option in question.options:
            if option.id == me.answers.get(question.id):
                continue
            phrase = " ".join(words(option.text))
            if re.search(rf"\bwe (?:chose|choose|support|prefer|want) {re.escape(phrase)}", lowered):
                found.append(f"embraces '{option.text}', which {speaker} did not choose")
    return found


def self_contradiction(text: str) -> list[str]:
    """A sentence that denies what another sentence of the same text asserts: the two say nearly
    the same content words (SAME_CLAIM of the shorter), one with a negation and one without."""
    said = [(negations(s) > 0, content_stems(s)) for s in sentences(text)]
    for negated, mine in said:
        for other_negated, theirs in said:
            shorter = min(len(mine), len(theirs))
            if negated and not other_negated and shorter and len(mine & theirs) >= SAME_CLAIM * shorter:
                return ["asserts and denies the same claim"]
    return []


def _new_names_or_figures(original: str, candidate: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    known = set(_FIGURE.findall(original)) | {w.lower() for w in re.findall(r"[A-Za-z\-]+", original)}
    known |= {a.lower() for a in allowed}
    for figure in _FIGURE.findall(candidate):
        if figure.rstrip(".,") not in {k.rstrip(".,") for k in known}:
            return [f"adds the figure {figure}"]
    for name in _NAME.findall(candidate):
        if name.lower() not in known:
            return [f"adds the name {name}"]
    missing = [f for f in _FIGURE.findall(original) if f.rstrip(".,") not in candidate]
    return [f"drops the figure {missing[0].rstrip('.,')}"] if missing else []


def _names(scenario: Scenario) -> frozenset[str]:
    words_ = {w for d in scenario.delegations for w in d.name.split()} | set(scenario.moderator.name.split())
    return frozenset(words_)
