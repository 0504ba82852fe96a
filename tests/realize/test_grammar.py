"""The grammar the composer places the scenario's phrases with."""

from __future__ import annotations

from pathlib import Path

from summitry.realize.composer import condition_clause
from summitry.realize.grammar import address, continuing, join, ordinal_words, proper_words
from summitry.realize.topic import topic_phrase
from summitry.scenario import load_scenario

PAPERS = str(Path(__file__).resolve().parents[1] / "session" / "data" / "papers.yaml")


def test_people_are_addressed_as_people_address_each_other():
    assert address("Professor Amina Diallo") == "Professor Diallo"
    assert address("Dr. Amara Okafor") == "Dr. Okafor"
    assert address("Dr. Chen") == "Dr. Chen"
    assert address("Ms. Ortega") == "Ms. Ortega"


def _with_topic(topic: str, summary: str):
    scenario = load_scenario(PAPERS)
    lesson = scenario.lesson.model_copy(update={"topic": topic, "summary": summary})
    return scenario.model_copy(update={"lesson": lesson, "premise": summary})


def test_a_topic_reads_mid_sentence():
    assert topic_phrase(_with_topic("Sharing a transboundary river", "Rivers.")) == "sharing a transboundary river"
    assert topic_phrase(_with_topic("Quantum computing", "what quantum computing does")) == "quantum computing"
    assert topic_phrase(_with_topic("Arctic shipping routes", "the Arctic is warming")) == "Arctic shipping routes"


def test_a_sentence_runs_on_without_losing_its_names():
    names = proper_words("We met in Jinja, on the shore of Lake Victoria, where the lake begins.")
    assert {"Jinja", "Lake Victoria", "Victoria"} <= names
    assert continuing("Lake Victoria is enormous.", names) == "Lake Victoria is enormous."
    assert continuing("Guidelines can be rewritten.", names) == "guidelines can be rewritten."


def test_a_word_of_a_two_word_name_keeps_its_capital_only_inside_it():
    names = proper_words("The court sits in The Hague, and the mandate is written by the Assembly.")
    assert continuing("The Hague decides.", names) == "The Hague decides."
    assert continuing("The mandate is to end plastic pollution.", names) == "the mandate is to end plastic pollution."


def test_lists_ordinals_and_conditions():
    assert join(["Egypt", "Sudan", "Ethiopia"]) == "Egypt, Sudan and Ethiopia"
    assert ordinal_words(3) == "third"
    assert condition_clause("if the data are shared") == "if the data are shared"
    assert condition_clause("Lowby pays its share.", frozenset({"Lowby"})) == "if Lowby pays its share"
    assert condition_clause("The data are shared.") == "if the data are shared"
