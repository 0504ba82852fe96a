"""Build the realizer a session names: the composer, or guided generation over a backend.

The realizer's configuration is stored in the session log, so ``summitry resume`` rebuilds
exactly the realizer the session started with.
"""

from __future__ import annotations

from typing import Any

from summitry.errors import UnknownBackendError, did_you_mean
from summitry.realize.base import Realizer
from summitry.realize.composer import Composer

COMPOSER = "composer"


def realizer_names() -> list[str]:
    """Every name ``--backend`` accepts."""
    from summitry.backends.registry import backend_names

    return [COMPOSER, *[n for n in backend_names() if n != COMPOSER]]


def build_realizer(config: dict[str, Any]) -> Realizer:
    """The realizer for a configuration such as ``{"name": "composer"}``."""
    name = str(config.get("name", COMPOSER))
    if name == COMPOSER:
        return Composer()
    names = realizer_names()
    if name not in names:
        raise UnknownBackendError(
            f"unknown backend '{name}'.{did_you_mean(name, names)}",
            hint=f"choose one of: {', '.join(names)}",
        )
    from summitry.realize.guided import build_guided

    return build_guided(config)
