"""The lesson's topic as the composer and the mediator say it mid-sentence."""

from __future__ import annotations

import re

from lemminflect import getAllLemmasOOV

from summitry.scenario.model import Scenario
from summitry.text.casing import lower_first, mid_sentence

__all__ = ["topic_phrase"]


def topic_phrase(scenario: Scenario) -> str:
    """The lesson's topic as it reads mid-sentence: a gerund ('Sharing the waters…') loses its
    capital (lemminflect's rules tell a gerund from a noun), as does a first word the lesson writes in
    lower case ('Quantum computing'); a name keeps it ('Arctic shipping')."""
    lesson = scenario.lesson
    corpus = " ".join([lesson.summary, *(c.summary for c in lesson.concepts), scenario.premise])
    word = lesson.topic.split()[0] if lesson.topic.split() else ""
    first = word.lower()
    # lemminflect's rules, not its dictionary: loading the dictionary costs more than a composer session
    lemmas = getAllLemmasOOV(first, upos="VERB").get("VERB", ()) if first.endswith("ing") else ()
    named = re.search(rf"[a-z,;] {re.escape(word)}\b", corpus)  # written with a capital mid-sentence: a name
    gerund = bool(lemmas) and first not in lemmas and not named
    return lower_first(lesson.topic) if gerund else mid_sentence(lesson.topic, corpus)
