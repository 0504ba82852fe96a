"""Calibrated confidence of a stance placement, from a table measured on labelled debates.

``data/calibration.yaml`` holds, for each kind of evidence a placement can rest on (an explicit
vote, a judgement of the text, a judgement of part of it, what the speaker says of the two
sides), how many placements of that kind were made on the tuning half of the real debates in
``tests/data/debates`` and how many matched the recorded vote. A placement's confidence is that
share with one success and one failure added (Laplace's rule), so a kind seen twice is not
"certain"; below the table's threshold the analysis says "unknown" instead of guessing.
``bench/analysis_accuracy.py --calibrate`` measures the table again and rewrites the file.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summitry.errors import AnalysisError

EvidenceKind = Literal["vote", "text", "part", "side"]
KINDS: tuple[EvidenceKind, ...] = ("vote", "text", "part", "side")  # strongest first
CALIBRATION_FILE = "data/calibration.yaml"


class Count(BaseModel):
    """Placements of one kind on labelled debates, and how many matched the vote."""

    model_config = ConfigDict(extra="forbid")
    n: int = Field(ge=0)
    correct: int = Field(ge=0)

    @property
    def confidence(self) -> float:
        return round((self.correct + 1) / (self.n + 2), 3)


class Calibration(BaseModel):
    """The measured table: a count per evidence kind and the threshold for saying "unknown"."""

    model_config = ConfigDict(extra="forbid")
    threshold: float = Field(ge=0, le=1)
    kinds: dict[EvidenceKind, Count]

    def confidence(self, kind: EvidenceKind) -> float:
        """The measured share of placements of this kind that matched the vote (0.5 if unmeasured)."""
        count = self.kinds.get(kind)
        return count.confidence if count is not None else 0.5

    def decided(self, confidence: float) -> bool:
        """Whether a placement this confident is reported, rather than "not enough evidence"."""
        return confidence >= self.threshold

    def to_yaml(self, header: str) -> str:
        """The table as the YAML file stores it, under a comment header."""
        body = yaml.safe_dump(self.model_dump(), sort_keys=False, default_flow_style=None)
        return header.rstrip("\n") + "\n" + body


@lru_cache(maxsize=1)
def calibration() -> Calibration:
    """The bundled table (loaded once)."""
    source = resources.files("summitry.analysis").joinpath(CALIBRATION_FILE)
    return load_calibration(source.read_text(encoding="utf-8"), CALIBRATION_FILE)


def load_calibration(text: str, where: str) -> Calibration:
    """Parse and validate a calibration table; the error names the file and the fix."""
    try:
        return Calibration.model_validate(yaml.safe_load(text))
    except (ValidationError, yaml.YAMLError) as exc:
        raise AnalysisError(
            f"{where} is not a valid calibration table: {exc}",
            hint="measure it again with: python bench/analysis_accuracy.py --calibrate",
        ) from exc


def calibration_path() -> Path:
    """Where the bundled table lives in the source tree (for the bench to rewrite it)."""
    return Path(str(resources.files("summitry.analysis").joinpath(CALIBRATION_FILE)))
