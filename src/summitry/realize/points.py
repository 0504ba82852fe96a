"""How a scenario's points read after "on": a unit's ``on`` label with its article, a lesson question
by its ``about`` or by what it asks. A point that cannot be named well has no name, and the phrases
that would name it are left out."""

from __future__ import annotations

from collections.abc import Mapping

from summitry.realize.grammar import point_phrase
from summitry.scenario.index import unit_index
from summitry.scenario.model import LessonQuestion, Scenario
from summitry.scenario.position import Unit
from summitry.text.questions import question_subject

__all__ = ["DERIVED_NAME_WORDS", "point_names", "point_of", "question_name"]

# Longest name derived from a lesson question's text that a connecting phrase may repeat. Blind
# readers quoted derived names of 9 to 14 words ("on what the treaty should do about the production
# of primary plastic polymers") as pasted slots; 6 is a guess that keeps "who should coordinate
# traffic in orbit". An author's ``about`` is used whatever its length.
DERIVED_NAME_WORDS = 6


def point_names(scenario: Scenario) -> dict[str, str]:
    """Each point of the scenario as it reads after "on": a unit's ``on`` with the article the
    scenario's sentences give it (:func:`summitry.realize.grammar.point_phrase`); a lesson question
    by its ``about``, or else by what it asks (:func:`summitry.text.questions.question_subject`),
    never by its place in the lesson. A point that cannot be named is absent, and phrases naming
    it are left out."""
    corpus = scenario.model_dump_json(exclude={"title"})
    names: dict[str, str] = {}
    for unit in unit_index(scenario).values():
        if unit.on and unit.kind != "reason" and unit.on not in names:
            phrase = point_phrase(unit.on, corpus)
            if phrase:
                names[unit.on] = phrase
    for question in scenario.lesson.questions:  # a question's id as a unit's point names the question
        subject = question_name(question)
        if subject and not question.about and len(subject.split()) > DERIVED_NAME_WORDS:
            subject = None  # too long to repeat in a connecting phrase: phrases that name it are left out
        if subject:
            names[question.id] = subject
        else:
            names.pop(question.id, None)
    return names


def question_name(question: LessonQuestion) -> str | None:
    """A lesson question as it reads after "on": its ``about``, else what it asks ("who should
    pay"); None when neither can be had (lint asks for an ``about``)."""
    return question.about or question_subject(question.text)


def point_of(points: Mapping[str, str], unit: Unit) -> str:
    """What a unit is on, as it reads after "on" (see :func:`point_names`); "" when it has no name."""
    return points.get((unit.question if unit.kind == "reason" else unit.on) or "", "")
