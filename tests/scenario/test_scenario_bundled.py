"""The bundled scenarios load and have the shape, cast and content they claim."""

from __future__ import annotations

import re

import pytest

from summitry.scenario import PHASE_NAMES, Scenario, bundled_names, bundled_scenarios, load_scenario
from summitry.scenario.position import slug

EXPECTED = {"quantum-summit", "nile-basin", "arctic-council"}
ALL = sorted(EXPECTED)


@pytest.fixture(scope="module")
def scenarios() -> dict[str, Scenario]:
    return {name: load_scenario(name) for name in ALL}


def test_bundled_names_and_listing() -> None:
    assert EXPECTED <= set(bundled_names())
    listed = {b.name: b for b in bundled_scenarios()}
    assert EXPECTED <= set(listed)
    for name in EXPECTED:
        bundled = listed[name]
        assert bundled.path.is_file() and bundled.path.name == f"{name}.yaml"
        assert bundled.title == load_scenario(bundled.path).title


def test_loading_by_name_and_by_path_agree() -> None:
    for bundled in bundled_scenarios():
        assert load_scenario(bundled.name) == load_scenario(str(bundled.path))


@pytest.mark.parametrize("name", ALL)
def test_delegations_are_fully_fleshed_out(scenarios: dict[str, Scenario], name: str) -> None:
    scenario = scenarios[name]
    names = {d.name for d in scenario.delegations}
    question_ids = {q.id for q in scenario.lesson.questions}
    for d in scenario.delegations:
        assert 4 <= len(d.interests) <= 6, d.name
        assert not d.talking_points, f"{d.name}: bundled scenarios argue from position papers"
        assert set(d.answers) == question_ids, f"{d.name} must answer every lesson question"
        assert set(d.relations) == names - {d.name}, f"{d.name} needs a relation with everyone"
        assert d.naive_question and d.naive_question.endswith("?")
        assert d.smartest_question and d.smartest_question.endswith("?")
        assert len(d.summary.split()) >= 15


@pytest.mark.parametrize("name", ALL)
def test_lesson_is_fully_fleshed_out(scenarios: dict[str, Scenario], name: str) -> None:
    lesson = scenarios[name].lesson
    assert 5 <= len(lesson.concepts) <= 7
    assert 2 <= len(lesson.questions) <= 3
    assert all(len(q.options) == 3 for q in lesson.questions)
    assert len(lesson.facts) >= 6
    assert all(f.keywords for f in lesson.facts)
    assert len(lesson.summary.split()) >= 80


@pytest.mark.parametrize("name", ALL)
def test_every_naive_question_meets_a_fact(scenarios: dict[str, Scenario], name: str) -> None:
    """The mediator answers each naive question from the fact sheet, so some fact must match it."""
    scenario = scenarios[name]
    for d in scenario.delegations:
        question = (d.naive_question or "").lower()
        matching = [
            f for f in scenario.lesson.facts if any(k.lower() in question for k in f.keywords)
        ]
        assert matching, f"no fact's keywords match {d.name}'s naive question: {question}"


@pytest.mark.parametrize("name", ALL)
def test_rivalries_and_alliances_exist(scenarios: dict[str, Scenario], name: str) -> None:
    scenario = scenarios[name]
    pairs = [
        (a.name, b.name)
        for i, a in enumerate(scenario.delegations)
        for b in scenario.delegations[i + 1 :]
    ]
    values = [scenario.relation(a, b) for a, b in pairs]
    assert min(values) <= -0.7, "a classroom needs at least one strong rivalry"
    assert max(values) >= 0.5, "and at least one close partnership"


@pytest.mark.parametrize("name", ALL)
def test_every_delegation_has_a_full_position_paper(scenarios: dict[str, Scenario], name: str) -> None:
    """Enough material of every kind for the turns the agenda asks (see docs/scenarios.md)."""
    for d in scenarios[name].delegations:
        paper = d.position
        assert {r.question for r in paper.reasons} == set(d.answers), f"{d.name}: a reason per answer"
        assert 4 <= len(paper.arguments) <= 8, d.name
        assert 3 <= len(paper.rebuttals) <= 5, d.name
        assert 1 <= len(paper.concessions) <= 3 and all(c.condition for c in paper.concessions), d.name
        assert 1 <= len(paper.red_lines) <= 2, d.name
        assert 1 <= len(paper.proposals) <= 3, d.name
        assert 1 <= len(paper.questions) <= 3 and all(q.to for q in paper.questions), d.name
        assert all(u.id and not u.id.startswith(f"{slug(d.name)}.") for u in d.material()), (
            f"{d.name}: give every unit a readable id"
        )


@pytest.mark.parametrize("name", ALL)
def test_rebuttals_aim_at_other_delegations_units(scenarios: dict[str, Scenario], name: str) -> None:
    scenario = scenarios[name]
    owner = {u.id: u.owner for u in scenario.units().values()}
    for d in scenario.delegations:
        targets = [u.target for u in d.material() if u.kind == "rebuttal" and u.target]
        aimed = [t.split(":", 1)[1] for t in targets if t.startswith("unit:")]
        assert len(aimed) >= 2, f"{d.name}: most rebuttals should answer a named unit"
        assert all(owner[uid] != d.name for uid in aimed)


@pytest.mark.parametrize("name", ALL)
def test_material_is_not_repeated(scenarios: dict[str, Scenario], name: str) -> None:
    texts = [u.text for u in scenarios[name].units().values()]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("name", ALL)
def test_units_read_as_sentences(scenarios: dict[str, Scenario], name: str) -> None:
    for u in scenarios[name].units().values():
        for sentence in (u.claim, u.support, u.text if u.kind != "argument" else None):
            if sentence:
                assert sentence[0].isupper() and sentence.rstrip()[-1] in ".?!", (u.id, sentence)


def test_rivals_share_points_for_common_ground(scenarios: dict[str, Scenario]) -> None:
    """Every bundled scenario gives some rival pair a point (`on`) in common to find."""
    for name, scenario in scenarios.items():
        shared = []
        for i, a in enumerate(scenario.delegations):
            for b in scenario.delegations[i + 1 :]:
                if scenario.relation(a.name, b.name) < 0:
                    mine = {u.on for u in a.material() if u.on}
                    shared.extend(mine & {u.on for u in b.material() if u.on})
        assert len(shared) >= 3, name


def test_the_scenarios_differ_in_cast_moderator_and_size(scenarios: dict[str, Scenario]) -> None:
    moderators = {s.moderator.name for s in scenarios.values()}
    assert len(moderators) == len(scenarios)
    sizes = sorted(len(s.delegations) for s in scenarios.values())
    assert any(4 <= n <= 5 for n in sizes) and any(8 <= n <= 10 for n in sizes)
    casts = [frozenset(d.name for d in s.delegations) for s in scenarios.values()]
    assert len(set(casts)) == len(casts)
    topics = {s.lesson.topic for s in scenarios.values()}
    assert len(topics) == len(scenarios)


def test_every_phase_is_exercised(scenarios: dict[str, Scenario]) -> None:
    used = {item.phase for s in scenarios.values() for item in s.agenda}
    assert used == set(PHASE_NAMES)
    for name in ("nile-basin", "arctic-council"):
        crosstalk = [i for i in scenarios[name].agenda if i.phase == "crosstalk"]
        assert crosstalk and all(4 <= i.turns <= 6 for i in crosstalk)
        phases = {i.phase for i in scenarios[name].agenda}
        assert {"probe", "edge_case", "reframe"} <= phases


# --- quantum-summit against the seed transcript -------------------------------------------

FIRST_TURN = re.compile(r"^\*\*(?P<name>[^*]+)\*\* \*\((?P<tone>[^)]+)\)\*:", re.MULTILINE)


def _first_turn_tones(seed_text: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for match in FIRST_TURN.finditer(seed_text):
        seen.setdefault(match["name"], match["tone"])
    return list(seen.items())


def test_quantum_cast_and_tones_match_the_seed(seed_text: str) -> None:
    scenario = load_scenario("quantum-summit")
    tones = _first_turn_tones(seed_text)
    moderator, *nations = tones
    assert moderator == (scenario.moderator.name, scenario.moderator.role)
    assert moderator == ("Dr. Chen", "International mediator and educator")
    assert [(d.name, d.tone) for d in scenario.delegations] == nations
    assert len(nations) == 7


def test_quantum_title_premise_and_epilogue_match_the_seed(seed_text: str) -> None:
    scenario = load_scenario("quantum-summit")
    lines = seed_text.splitlines()
    assert lines[0] == f"# {scenario.title}"
    assert f"*{scenario.premise}*" in lines
    assert f"*({scenario.epilogue.narration})*" in lines
    assert f"*{scenario.epilogue.afterword}*" in lines


def test_quantum_questions_are_the_seeds(seed_text: str) -> None:
    scenario = load_scenario("quantum-summit")
    for d in scenario.delegations:
        assert f"'{d.naive_question}'" in seed_text, d.name
        assert f'**{d.name}**: "{d.smartest_question}"' in seed_text, d.name
    synthesis = next(i for i in scenario.agenda if i.phase == "synthesis")
    assert synthesis.question in seed_text


def test_quantum_agenda_follows_the_seed(seed_text: str) -> None:
    agenda = load_scenario("quantum-summit").agenda
    assert [i.phase for i in agenda] == [
        "welcome", "opening", "probe", "probe", "probe", "crosstalk", "edge_case", "reframe",
        "edge_case", "naive_questions", "smartest_questions", "synthesis", "common_ground",
        "closing",
    ]
    probes = [(i.target, i.responses) for i in agenda if i.phase == "probe"]
    assert [target for target, _ in probes] == ["China", "Iran", "Mexico"]
    assert [n for _, n in probes][:2] == [2, 2]
    # after Mexico's answer the United States reacts, then China answers the United States:
    # one probe response and one free exchange, two turns as in the seed
    crosstalk = next(i for i in agenda if i.phase == "crosstalk")
    assert probes[2][1] + crosstalk.turns == 2
    edges = [i for i in agenda if i.phase == "edge_case"]
    assert [e.responses for e in edges] == [6, 7]
    assert "non-state actor" in edges[0].scenario and "uninhabitable" in edges[1].scenario
    reframe = next(i for i in agenda if i.phase == "reframe")
    assert (reframe.by, reframe.responses) == ("Mexico", 6)
    assert "climate" in (reframe.focus or "") and "pandemic" in (reframe.focus or "")
    for probe in (i for i in agenda if i.phase == "probe"):
        assert probe.question.rstrip("?")[-40:] in seed_text


def test_quantum_relations_reflect_the_seed() -> None:
    s = load_scenario("quantum-summit")
    for a, b in [("United States", "China"), ("Russia", "Ukraine"), ("Iran", "Israel")]:
        assert s.relation(a, b) <= -0.7, (a, b)
    for a, b in [("United States", "Mexico"), ("United States", "Israel"),
                 ("United States", "Ukraine"), ("China", "Russia"), ("Russia", "Iran")]:
        assert s.relation(a, b) >= 0.4, (a, b)


def test_quantum_rivals_share_the_seeds_common_ground() -> None:
    """The seed's closing names these rival pairs and what they found in common."""
    s = load_scenario("quantum-summit")
    for a, b, theme in [("Iran", "Israel", "environmental monitoring"),
                        ("Russia", "Ukraine", "international law"),
                        ("China", "United States", "regional cooperation")]:
        for name in (a, b):
            assert theme in {u.on for u in s.delegation(name).material()}, (name, theme)


def test_quantum_lesson_covers_the_seeds_concepts() -> None:
    lesson = load_scenario("quantum-summit").lesson
    names = " ".join(c.name for c in lesson.concepts)
    for concept in ("confidence-building", "verification", "dual use", "quantum communication",
                    "quantum-resistant", "equity"):
        assert concept in names
    questions = {q.id: [o.id for o in q.options] for q in lesson.questions}
    assert questions["access"] == ["cooperative", "allied", "sovereign"]
    corrections = " ".join(f.correction for f in lesson.facts)
    assert "no-signalling" in corrections
