"""The lesson's topic as the composer and the mediator say it mid-sentence."""

from __future__ import annotations

from summitry.scenario.model import Scenario
from summitry.text.casing import mid_sentence

__all__ = ["topic_phrase"]


def topic_phrase(scenario: Scenario) -> str:
    """The lesson's topic as it reads mid-sentence."""
    lesson = scenario.lesson
    corpus = " ".join([lesson.summary, *(c.summary for c in lesson.concepts), scenario.premise])
    return mid_sentence(lesson.topic, corpus)
