"""The example in docs/scenarios.md is a valid delegation, so the documentation cannot drift."""

from __future__ import annotations

from pathlib import Path

import yaml

from summitry.scenario.model import Delegation
from summitry.scenario.yaml_source import ScenarioLoader

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"


def test_the_documented_delegation_validates_with_every_kind_of_unit() -> None:
    block = DOC.read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    (raw,) = yaml.load(block, Loader=ScenarioLoader)
    delegation = Delegation.model_validate(raw)
    kinds = {u.kind for u in delegation.material()}
    assert kinds == {"reason", "argument", "rebuttal", "concession", "red_line", "proposal", "question"}
