"""The error tree: where each error sits, and install hints that name real extras."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from summitry.errors import (
    EXTRAS,
    AnalysisError,
    BackendError,
    MissingDependencyError,
    SummitryError,
    missing_dependency,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "summitry"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_a_missing_dependency_is_not_a_backend_failure() -> None:
    error = missing_dependency("onnxruntime", "embed", "the MiniLM sentence embedder")
    assert isinstance(error, MissingDependencyError) and isinstance(error, SummitryError)
    assert not isinstance(error, BackendError | AnalysisError)  # the engine resumes after BackendError only
    assert error.exit_code == 2
    assert str(error) == ("the MiniLM sentence embedder needs the package 'onnxruntime', which is not "
                          "installed — install it with: pip install 'summitry[embed]'")


def test_a_core_dependency_is_named_itself() -> None:
    assert "pip install 'plotly'" in str(missing_dependency("plotly", None, "the report page's charts"))


def test_the_extras_named_in_hints_are_the_extras_of_the_package() -> None:
    extras = set(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"])
    assert set(EXTRAS) == extras
    named = {m for path in SRC.rglob("*.py") for m in re.findall(r"summitry\[(\w+)\]", path.read_text("utf-8"))}
    assert named and named <= extras, named - extras


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_every_extra_installs_something(extra: str) -> None:
    assert tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"][extra]
