"""Loading a scenario from a file, a bundled name or text, with errors that name file and line.

``load_scenario("quantum-summit")`` loads a bundled scenario; ``load_scenario("my.yaml")`` a
file. Whatever goes wrong (a missing file, binary data, YAML syntax, a field that does not
validate, a name that refers to nothing) is raised as one
:class:`~summitry.errors.ScenarioError` that says what, where and how to fix it.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from summitry.errors import ScenarioError, did_you_mean
from summitry.scenario import yaml_source
from summitry.scenario.bundled import BundledScenario, bundled_names, bundled_path
from summitry.scenario.diagnose import diagnose
from summitry.scenario.model import Scenario

_FILE_SUFFIXES = (".yaml", ".yml", ".json")
_TOP_LEVEL = ", ".join(Scenario.model_fields)


def load_scenario(source: str | Path) -> Scenario:
    """Load a scenario from a YAML file path or the name of a bundled scenario."""
    path, label = resolve(source)
    return load_scenario_text(yaml_source.read_text(path, label), label)


def load_scenario_text(text: str, path_label: str = "<scenario>") -> Scenario:
    """Validate scenario YAML given as text; ``path_label`` is the name used in messages."""
    document = yaml_source.parse(text, path_label)
    data = document.data
    if data is None:
        raise ScenarioError(
            "is empty" if not text.strip() else "holds no YAML value (only comments or blanks)",
            path=path_label,
            hint="start from a bundled scenario: summitry scenarios show quantum-summit",
        )
    if not isinstance(data, dict):
        raise ScenarioError(
            f"the top level must be a mapping of fields, not {_kind(data)}",
            path=path_label,
            line=1 if document.root is None else document.root.start_mark.line + 1,
            hint=f"write 'key: value' lines for: {_TOP_LEVEL}",
        )
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise diagnose(exc, document.root, path_label) from exc
    except RecursionError:
        raise ScenarioError("is nested too deeply to validate", path=path_label) from None


def resolve(source: str | Path) -> tuple[Path, str]:
    """The file behind ``source`` and the label to show for it in messages."""
    if isinstance(source, Path):
        return source, str(source)
    text = str(source)
    try:
        path = Path(text).expanduser()
        if path.is_file():
            return path, text
        if text in bundled_names():
            bundled = bundled_path(text)
            return bundled, str(bundled)
        if path.exists() or _looks_like_path(text):
            return path, text
    except (OSError, ValueError) as exc:  # a name too long for the system, a NUL byte, …
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ScenarioError(f"cannot be used as a file name ({reason})", path=repr(text)[1:-1],
                            hint="give the path to a .yaml file") from exc
    names = bundled_names()
    close = did_you_mean(text, names)
    raise ScenarioError(
        f"no scenario file or bundled scenario named '{text}'" + (f".{close}" if close else ""),
        path=text,
        hint=f"bundled scenarios: {', '.join(names)}; or give the path to a .yaml file",
    )


def _looks_like_path(text: str) -> bool:
    separators = {os.sep, "/"} | ({os.altsep} if os.altsep else set())
    return any(s in text for s in separators) or text.lower().endswith(_FILE_SUFFIXES)


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a single text value"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return f"a value of type {type(value).__name__}"


def bundled_scenarios() -> list[BundledScenario]:
    """Every bundled scenario, loaded and validated, sorted by name."""
    found = []
    for name in bundled_names():
        path = bundled_path(name)
        found.append(BundledScenario(name=name, title=load_scenario(path).title, path=path))
    return found
