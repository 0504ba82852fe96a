"""The lesson's topic as the composer and the mediator say it mid-sentence."""

from __future__ import annotations

import re

from summitry.scenario.model import Scenario
from summitry.text.casing import lower_first

__all__ = ["topic_phrase"]


def topic_phrase(scenario: Scenario) -> str:
    """The lesson's topic as it reads mid-sentence: its first word loses its capital ('Sharing the
    waters…', 'Orbital debris…', 'Quantum computing') unless it is a name: an acronym, a word of a
    delegation's name, or a word the scenario writes with a capital in the middle of a sentence
    ('Arctic shipping')."""
    lesson = scenario.lesson
    corpus = " ".join(
        [lesson.summary, *(c.summary for c in lesson.concepts), scenario.premise,
         *(q.text for q in lesson.questions), *(u.text for u in scenario.units().values())]
    )
    word = lesson.topic.split()[0] if lesson.topic.split() else ""
    names = {w for d in scenario.delegations for w in d.name.split()}
    named = re.search(rf"[a-z,;] {re.escape(word)}\b", corpus)  # written with a capital mid-sentence: a name
    if not word or word.isupper() or word in names or named:
        return lesson.topic
    return lower_first(lesson.topic)
