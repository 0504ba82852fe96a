"""The lesson's topic as the composer and the mediator say it mid-sentence."""

from __future__ import annotations

from lemminflect import getLemma

from summitry.scenario.model import Scenario
from summitry.text.casing import lower_first, mid_sentence

__all__ = ["topic_phrase"]


def topic_phrase(scenario: Scenario) -> str:
    """The lesson's topic as it reads mid-sentence: a gerund ('Sharing the waters…') loses its
    capital (lemminflect tells a gerund from a noun), as does a first word the lesson writes in
    lower case ('Quantum computing'); a name keeps it ('Arctic shipping')."""
    lesson = scenario.lesson
    corpus = " ".join([lesson.summary, *(c.summary for c in lesson.concepts), scenario.premise])
    first = lesson.topic.split()[0].lower() if lesson.topic.split() else ""
    gerund = first.endswith("ing") and first not in getLemma(first, upos="VERB")
    return lower_first(lesson.topic) if gerund else mid_sentence(lesson.topic, corpus)
