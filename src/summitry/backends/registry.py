"""The registry of backends: names mapped to factories, found and loaded lazily.

Built-in backends are listed the same way as third-party ones: a name and a target
``"module:attribute"``. Third-party packages add theirs through the entry-point group
``summitry.backends``::

    [project.entry-points."summitry.backends"]
    mymodel = "my_package.backend:MyModel"

Nothing is imported until :func:`get_backend` asks for that name, so a missing optional
dependency only matters to the backend that needs it.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from summitry.backends.base import LanguageModel
from summitry.errors import BackendError, MissingDependencyError, UnknownBackendError, did_you_mean

ENTRY_POINT_GROUP = "summitry.backends"

BUILTIN_BACKENDS: dict[str, str] = {
    "local": "summitry.backends.local:LlamaCppModel",
    "openai": "summitry.backends.openai:OpenAICompatibleModel",
}  # the scripted fake of summitry.testing is not one: tests register it (register_backend)

_registered: dict[str, str | Callable[..., LanguageModel]] = {}


def register_backend(name: str, target: str | Callable[..., LanguageModel]) -> None:
    """Add a backend at run time: a ``"module:attribute"`` target or a factory."""
    _registered[name] = target


def unregister_backend(name: str) -> None:
    """Remove a backend added with :func:`register_backend` (no error if absent)."""
    _registered.pop(name, None)


def _entry_point_targets() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def backend_names() -> list[str]:
    """Every backend name known: built-in, installed through entry points, registered."""
    names = set(BUILTIN_BACKENDS) | set(_entry_point_targets()) | set(_registered)
    return sorted(names)


def _import_target(name: str, target: str) -> Callable[..., LanguageModel]:
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        missing = exc.name or module_name
        raise MissingDependencyError(
            f"backend '{name}' needs the module '{missing}', which cannot be imported",
            hint=f"install the package that provides '{missing}'",
        ) from exc
    try:
        return getattr(module, attribute) if attribute else module  # type: ignore[return-value]
    except AttributeError as exc:
        raise BackendError(
            f"backend '{name}' points at '{target}', but '{module_name}' has no '{attribute}'",
            hint="fix the entry point of the package that registers it",
        ) from exc


def load_backend(name: str) -> Callable[..., LanguageModel]:
    """The factory (usually a class) of the backend called ``name``."""
    if name in _registered:
        target = _registered[name]
        return target if callable(target) else _import_target(name, target)
    if name in BUILTIN_BACKENDS:
        return _import_target(name, BUILTIN_BACKENDS[name])
    entry_point = _entry_point_targets().get(name)
    if entry_point is None:
        raise UnknownBackendError(
            f"unknown backend '{name}'.{did_you_mean(name, backend_names())}",
            hint="known backends: " + ", ".join(backend_names()),
        )
    try:
        factory: Callable[..., LanguageModel] = entry_point.load()
        return factory
    except ImportError as exc:
        raise MissingDependencyError(
            f"backend '{name}' (from entry point '{entry_point.value}') cannot be imported: {exc}",
            hint="reinstall the package that provides it",
        ) from exc


def _check_options(name: str, factory: Callable[..., Any], options: dict[str, Any]) -> None:
    try:
        signature = inspect.signature(factory)
    except (TypeError, ValueError):
        return
    parameters = signature.parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return
    accepted = [p.name for p in parameters
                if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    for option in options:
        if option not in accepted:
            raise BackendError(
                f"backend '{name}' has no option '{option}'.{did_you_mean(option, accepted)}",
                hint="valid options: " + ", ".join(accepted),
            )


def get_backend(name: str, /, **options: Any) -> LanguageModel:
    """Build the backend called ``name`` with these options (unknown options are refused)."""
    factory = load_backend(name)
    _check_options(name, factory, options)
    return factory(**options)
