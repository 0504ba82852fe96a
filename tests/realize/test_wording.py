"""How the composer's connecting phrases read: lesson questions named by what they ask, a name at
the start of a turn only when the turn answers or asks that delegation, no phrase that announces
what the material says anyway, and no two connecting phrases in a row."""

from __future__ import annotations

import re

import pytest

from summitry.realize.grammar import point_phrase
from summitry.realize.points import DERIVED_NAME_WORDS, point_names
from summitry.scenario import bundled_names, load_scenario
from summitry.scenario.bundled import bundled_path
from summitry.scenario.index import unit_index
from summitry.scenario.lint import lint
from summitry.session.run import run_session
from summitry.text.questions import question_subject
from summitry.text.stems import content_stems
from summitry.text.words import words

SEEDS = (0, 1)
ORDINALS = re.compile(r"\b(first|second|third|fourth|fifth|sixth) question\b", re.IGNORECASE)


def _state(name: str, folder, seed: int):
    return run_session(name, folder / f"{name}-{seed}.jsonl", seed=seed, sync=False).state


def _delegation_events(state):
    names = {d.name for d in state.scenario.delegations}
    plans = {p.index: p for p in state.plans}
    return [(e, plans[e.turn.index]) for e in state.spoken if e.turn.speaker in names]


def test_a_lesson_question_is_named_by_its_about_or_else_by_what_it_asks():
    scenario = load_scenario(str(bundled_path("nile-basin")))
    first, second = scenario.lesson.questions[:2]
    given = first.model_copy(update={"about": "the river's shares"})
    lesson = scenario.lesson.model_copy(update={"questions": [given, *scenario.lesson.questions[1:]]})
    names = point_names(scenario.model_copy(update={"lesson": lesson}))
    assert names[first.id] == "the river's shares"
    derived = question_subject(second.text)
    assert derived is not None
    if len(derived.split()) <= DERIVED_NAME_WORDS:
        assert names[second.id] == derived
    else:  # a long derived name is not repeated in connecting phrases
        assert second.id not in names
    assert not any(ORDINALS.search(n) for n in names.values())


def test_lint_asks_for_about_only_where_the_question_cannot_be_read():
    scenario = load_scenario(str(bundled_path("nile-basin")))
    assert not any("about" in w.problem for w in lint(scenario))
    unreadable = scenario.lesson.questions[0].model_copy(update={"text": "The river's future."})
    lesson = scenario.lesson.model_copy(update={"questions": [unreadable, *scenario.lesson.questions[1:]]})
    warnings = [w for w in lint(scenario.model_copy(update={"lesson": lesson})) if "about" in w.problem]
    assert len(warnings) == 1 and unreadable.id in warnings[0].problem and "about:" in warnings[0].fix
    named = unreadable.model_copy(update={"about": "the river's future"})
    lesson = scenario.lesson.model_copy(update={"questions": [named, *scenario.lesson.questions[1:]]})
    assert not any("about" in w.problem for w in lint(scenario.model_copy(update={"lesson": lesson})))


def test_a_point_takes_the_article_the_scenario_gives_it_or_is_left_out():
    corpus = "We want a binding agreement. The vaccine reserve is small. Rules on space traffic are old."
    assert point_phrase("binding agreement", corpus) == "a binding agreement"
    assert point_phrase("vaccine reserve", corpus) == "the vaccine reserve"
    assert point_phrase("space traffic", corpus) == "space traffic"
    assert point_phrase("anti-satellite tests", corpus) == "anti-satellite tests"  # plural: no article needed
    assert point_phrase("river commission", corpus) is None  # singular, never written: left out


@pytest.mark.parametrize("name", bundled_names())
def test_no_lesson_question_is_named_by_its_place(tmp_path, name):
    for seed in SEEDS:
        for event, _ in _delegation_events(_state(name, tmp_path, seed)):
            glue = " ".join(s.text for s in event.spans if s.source == "template")
            assert not ORDINALS.search(glue), event.turn.text


@pytest.mark.parametrize("name", bundled_names())
def test_a_turn_opens_on_a_name_only_when_it_answers_or_asks_that_delegation(tmp_path, name):
    for seed in SEEDS:
        state = _state(name, tmp_path, seed)
        units = unit_index(state.scenario)
        names = [d.name for d in state.scenario.delegations]
        for event, plan in _delegation_events(state):
            first = event.spans[0]
            named = next((n for n in names if re.match(rf"(the )?{re.escape(n)},", first.text, re.IGNORECASE)), None)
            if first.source != "template" or named is None:
                continue
            asked_me = any(units[u].kind == "question" and units[u].owner == named for u in plan.engages)
            i_ask = any(units[u].kind == "question" and units[u].to == named for u in plan.units)
            assert asked_me or i_ask, f"turn {plan.index} names {named} without answering or asking: {event.turn.text}"


@pytest.mark.parametrize("name", bundled_names())
def test_a_connecting_phrase_neither_repeats_the_material_nor_follows_another(tmp_path, name):
    for seed in SEEDS:
        state = _state(name, tmp_path, seed)
        points = sorted(point_names(state.scenario).values(), key=len, reverse=True)
        for event, _ in _delegation_events(state):
            sources = [s.source for s in event.spans]
            for glue, after in zip(event.spans, event.spans[1:], strict=False):
                if glue.source == "template" and after.source == "scenario":
                    phrase = glue.text
                    for point in points:  # the point named is the scenario's; the phrase's own words are checked
                        phrase = phrase.replace(point, " ")
                    own = content_stems(re.sub(r"[A-Z]\w+", " ", phrase))  # names aside
                    coming = content_stems(" ".join(words(after.text)[:6]))
                    assert not own & coming, event.turn.text
            assert "template template" not in " ".join(sources), event.turn.text
