"""Scenario files: the pydantic models, YAML loading with line numbers, the bundled scenarios."""

from summitry.phase import PHASE_NAMES
from summitry.scenario.bundled import BundledScenario, bundled_names
from summitry.scenario.loader import bundled_scenarios, load_scenario, load_scenario_text
from summitry.scenario.model import (
    AgendaItem,
    Concept,
    Delegation,
    Epilogue,
    Fact,
    Lesson,
    LessonQuestion,
    Moderator,
    Option,
    Scenario,
    TalkingPoint,
)
from summitry.scenario.position import (
    UNIT_KINDS,
    Argument,
    Concession,
    PositionPaper,
    Proposal,
    Question,
    Reason,
    Rebuttal,
    RedLine,
    Unit,
)
from summitry.scenario.schema import scenario_json_schema
from summitry.scenario.yaml_source import MAX_BYTES

__all__ = [
    "MAX_BYTES",
    "PHASE_NAMES",
    "UNIT_KINDS",
    "AgendaItem",
    "Argument",
    "Concession",
    "PositionPaper",
    "Proposal",
    "Question",
    "Reason",
    "Rebuttal",
    "RedLine",
    "Unit",
    "BundledScenario",
    "Concept",
    "Delegation",
    "Epilogue",
    "Fact",
    "Lesson",
    "LessonQuestion",
    "Moderator",
    "Option",
    "Scenario",
    "TalkingPoint",
    "bundled_names",
    "bundled_scenarios",
    "load_scenario",
    "load_scenario_text",
    "scenario_json_schema",
]
