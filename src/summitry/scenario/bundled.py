"""The scenarios shipped inside the package (``summitry/scenarios/*.yaml``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

_PACKAGE = "summitry"
_FOLDER = "scenarios"


@dataclass(frozen=True)
class BundledScenario:
    """A bundled scenario: the name to call it by, its title, and its file."""

    name: str
    title: str
    path: Path


@functools.cache
def _folder() -> Path:
    return Path(str(resources.files(_PACKAGE).joinpath(_FOLDER)))


def bundled_names() -> list[str]:
    """Names of the bundled scenarios (file names without ``.yaml``), sorted."""
    folder = _folder()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if p.is_file())


def bundled_path(name: str) -> Path:
    """The file of the bundled scenario ``name`` (which must be one of :func:`bundled_names`)."""
    return _folder() / f"{name}.yaml"

