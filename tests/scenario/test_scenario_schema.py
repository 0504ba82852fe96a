"""The JSON Schema of scenario files agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from summitry.scenario import PHASE_NAMES, bundled_scenarios, scenario_json_schema
from summitry.scenario.yaml_source import ScenarioLoader

jsonschema = pytest.importorskip("jsonschema")


def read(path: Path) -> Any:
    """As the loader reads it: YAML 1.2 scalars, so a unit's `on:` key stays text, not True."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=ScenarioLoader)


def test_schema_declares_its_dialect_and_title() -> None:
    schema = scenario_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "summitry scenario"
    assert set(schema["required"]) == {"title", "premise", "lesson", "moderator", "delegations",
                                       "agenda"}
    assert schema["additionalProperties"] is False
    json.dumps(schema)  # serialisable as it is


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(scenario_json_schema())


def test_bundled_scenarios_validate_against_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(scenario_json_schema())
    for bundled in bundled_scenarios():
        data = read(bundled.path)
        errors = list(validator.iter_errors(data))
        assert not errors, (bundled.name, [e.message for e in errors[:3]])


def test_schema_rejects_unknown_fields_and_phases() -> None:
    validator = jsonschema.Draft202012Validator(scenario_json_schema())
    data = read(bundled_scenarios()[0].path)
    data["delegations"][0]["mood"] = "cheerful"
    assert not validator.is_valid(data)
    del data["delegations"][0]["mood"]
    assert validator.is_valid(data)
    data["agenda"].append({"phase": "karaoke"})
    assert not validator.is_valid(data)


def test_schema_lists_every_phase() -> None:
    items = scenario_json_schema()["properties"]["agenda"]["items"]
    assert items["discriminator"]["propertyName"] == "phase"
    assert set(items["discriminator"]["mapping"]) == set(PHASE_NAMES)
