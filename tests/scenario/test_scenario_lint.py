"""Lint: the turns an agenda asks of each delegation, against the material it has."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from summitry.scenario import bundled_names, load_scenario, load_scenario_text
from summitry.scenario.lint import expected_turns, lint, shared_points, unanswered
from summitry.scenario.model import Scenario
from summitry.scenario.yaml_source import ScenarioLoader

EVALUATION = Path(__file__).resolve().parents[1] / "data" / "scenarios"
FULL = ["orbital-debris", "deep-sea-mining", "plastics-treaty"]
THIN = "pandemic-agreement"


def nile_data() -> dict[str, Any]:
    bundled = load_scenario("nile-basin")
    path = Path(__file__).resolve().parents[2] / "src" / "summitry" / "scenarios" / "nile-basin.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=ScenarioLoader)
    assert data["title"] == bundled.title
    return data


def build(data: dict[str, Any]) -> Scenario:
    return load_scenario_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "edited.yaml")


def paper(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(d for d in data["delegations"] if d["name"] == name)["position"]


def messages(scenario: Scenario) -> list[str]:
    """The material warnings (questions that nothing answers are tested apart, below)."""
    unanswered_ones = {str(w) for w in unanswered(scenario)}
    return [str(w) for w in lint(scenario) if str(w) not in unanswered_ones]


@pytest.mark.parametrize("name", bundled_names())
def test_bundled_scenarios_have_enough_material(name: str) -> None:
    assert messages(load_scenario(name)) == []


def test_turns_follow_the_agenda_with_the_engines_defaults() -> None:
    data = nile_data()
    data["agenda"] = [
        {"phase": "welcome"},
        {"phase": "opening"},  # one each
        {"phase": "probe", "target": "Egypt", "question": "Why?"},  # Egypt 1; 2 responses among 4 others
        {"phase": "crosstalk"},  # 4 turns among 5
        {"phase": "edge_case", "scenario": "A flood."},  # 3 responses among 5
        {"phase": "reframe", "by": "Sudan"},  # Sudan 1; 3 responses among 4 others
        {"phase": "naive_questions"},
        {"phase": "synthesis", "question": "What now?"},  # one each
    ]
    turns = expected_turns(build(data))
    assert turns["Egypt"].material == pytest.approx(1 + 1 + 4 / 5 + 3 / 5 + 3 / 4 + 1)
    assert turns["Sudan"].material == pytest.approx(1 + 2 / 4 + 4 / 5 + 3 / 5 + 1 + 1)
    assert turns["Uganda"].material == pytest.approx(1 + 2 / 4 + 4 / 5 + 3 / 5 + 3 / 4 + 1)
    assert (turns["Egypt"].probed, turns["Sudan"].reframes, turns["Egypt"].naive, turns["Egypt"].smartest) == (
        1, 1, True, False,
    )


def test_a_long_agenda_makes_material_thin() -> None:
    data = nile_data()
    data["agenda"] += [{"phase": "crosstalk", "turns": 60}]  # twelve more turns each
    found = messages(build(data))
    egypt = next(m for m in found if m.startswith("Egypt: "))
    assert egypt == (
        "Egypt: 7 arguments and 20 units in all for about 20 turns; add arguments or rebuttals (about 21 units in all)"
    )


def test_a_missing_reason_is_named_with_its_question() -> None:
    data = nile_data()
    paper(data, "Ethiopia")["reasons"] = [r for r in paper(data, "Ethiopia")["reasons"] if r["question"] != "dams"]
    assert messages(build(data)) == ["Ethiopia: no reason for its answer to `dams`; add a reason with `question: dams`"]


def test_rebuttals_that_aim_only_at_options_aim_at_no_one() -> None:
    data = nile_data()
    sudan = paper(data, "Sudan")
    for rebuttal in sudan["rebuttals"]:  # kept, since others answer them, but aimed at an option
        rebuttal["against"] = {"option": "dams.owner"}
    found = messages(build(data))
    assert "Sudan: no rebuttal aims at anyone; add `against: {unit: ID}` naming another delegation's unit, " \
           "or `against: {delegation: NAME}`" in found
    sudan["rebuttals"][0]["against"] = {"delegation": "Ethiopia"}
    assert not any(m.startswith("Sudan: no rebuttal") for m in messages(build(data)))


def test_rivals_without_a_shared_point_leave_no_common_ground() -> None:
    data = nile_data()
    for d in data["delegations"]:  # every unit on a point of its own
        for kind in ("arguments", "rebuttals", "concessions", "red_lines", "proposals", "questions"):
            for i, unit in enumerate(d["position"].get(kind, [])):
                unit["on"] = f"{d['name']} point {kind} {i}"
    scenario = build(data)
    assert shared_points(scenario) == {}
    assert messages(scenario)[-1].startswith("no two rivals share a point (`on`); common ground cannot be found; ")


def test_shared_points_are_found_between_rivals_only() -> None:
    scenario = load_scenario("nile-basin")
    pairs = shared_points(scenario)
    assert all(scenario.relation(a, b) < 0 for a, b in pairs)
    assert "drought rules" in pairs[("Egypt", "Ethiopia")]


def test_a_reframe_needs_a_proposal_and_a_probe_something_to_give() -> None:
    data = nile_data()
    paper(data, "South Sudan")["proposals"] = []
    paper(data, "Ethiopia")["concessions"] = []
    paper(data, "Ethiopia")["red_lines"] = []
    paper(data, "Ethiopia")["rebuttals"] = [
        r for r in paper(data, "Ethiopia")["rebuttals"]
        if r["against"].get("unit") not in {"et-c-data", "et-c-drought"}
    ]
    for d in data["delegations"]:  # rebuttals aimed at the removed units go too
        d["position"]["rebuttals"] = [
            r for r in d["position"]["rebuttals"]
            if r["against"].get("unit") not in {"et-c-data", "et-c-drought", "et-rl-veto", "ss-p-benefit-fund"}
        ]
    found = messages(build(data))
    assert "South Sudan: leads a reframe but has no proposal; add a proposal on the focus it proposes" in found
    assert ("Ethiopia: is probed but has no concession and no red line to answer with; "
            "add a concession with its condition, or a red line") in found


def test_older_files_with_talking_points_only_are_thin_but_valid() -> None:
    data = nile_data()
    for d in data["delegations"]:
        d.pop("position")
        d["talking_points"] = [{"theme": "water", "text": f"{d['name']} needs the river."}]
    found = messages(build(data))
    assert "Egypt: 1 argument and 1 unit in all for about 8 turns; add arguments or rebuttals (about 9 units in all)" \
        in found
    assert "Egypt: has no rebuttal; add rebuttals aimed at other delegations' units (`against: {unit: ID}`)" in found


@pytest.mark.parametrize("name", FULL)
def test_evaluation_scenarios_validate_and_lint_clean(name: str) -> None:
    scenario = load_scenario(str(EVALUATION / f"{name}.yaml"))
    assert 3 <= len(scenario.delegations) <= 8
    assert messages(scenario) == []


def test_the_thin_evaluation_scenario_draws_warnings() -> None:
    scenario = load_scenario(str(EVALUATION / f"{THIN}.yaml"))
    assert 3 <= len(scenario.delegations) <= 8
    found = messages(scenario)
    thin = [m for m in found if "units in all for about" in m]
    assert len(thin) == len(scenario.delegations)
    assert any(m.startswith("no two rivals share a point") for m in found)


def test_evaluation_topics_differ_from_the_bundled_ones() -> None:
    bundled = {load_scenario(n).lesson.topic for n in bundled_names()}
    topics = {load_scenario(str(p)).lesson.topic for p in EVALUATION.glob("*.yaml")}
    assert len(topics) == len(list(EVALUATION.glob("*.yaml"))) and not topics & bundled


def test_lint_names_a_question_that_nothing_answers_with_the_link_that_fixes_it() -> None:
    scenario = load_scenario(str(EVALUATION / f"{THIN}.yaml"))
    found = [str(w) for w in unanswered(scenario)]
    assert (
        "Germany: nothing answers South Africa's question south-africa.question.1; "
        "add a unit with `answers: [south-africa.question.1]`"
    ) in found
    assert any(w.startswith("Germany: nothing answers the mediator's probe probe.2") and "`answers: [probe]`" in w
               for w in found)
    assert any("hard case edge_case.4" in w and "`answers: [edge_case]`" in w for w in found)


def test_a_linked_unit_silences_the_warning_and_a_bad_link_is_an_error() -> None:
    data = nile_data()
    assert any("sd-q-gauges" in str(w) for w in unanswered(build(data))) is False  # et-c-data answers it
    ethiopia = paper(data, "Ethiopia")
    ethiopia["concessions"] = [{k: v for k, v in c.items() if k != "answers"} for c in ethiopia["concessions"]]
    assert any("sd-q-gauges" in str(w) for w in unanswered(build(data)))
    ethiopia["concessions"][0]["answers"] = ["no-such-question"]
    with pytest.raises(Exception, match="answers 'no-such-question'.*'probe', 'edge_case'"):
        build(data)
