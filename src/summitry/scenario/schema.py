"""The JSON Schema of the scenario format, for editors and other tools."""

from __future__ import annotations

from typing import Any

from summitry.scenario.model import Scenario

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema every scenario file must satisfy (cross-references aside)."""
    generated = Scenario.model_json_schema()
    schema: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "summitry scenario",
        "description": (
            "A diplomatic classroom: a lesson, a moderator, delegations of nations and an agenda "
            "of phases. Names used in answers, relations and agenda targets must also refer to "
            "existing questions, options and delegations; 'summitry scenarios validate' checks "
            "those."
        ),
    }
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    return schema
