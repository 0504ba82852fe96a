"""Build the realizer a session names: the composer, or guided generation over a backend.

The realizer's configuration (:class:`~summitry.realize.config.RealizerConfig`) is stored in the
session log, so ``summitry resume`` rebuilds exactly the realizer the session started with.
"""

from __future__ import annotations

from typing import Any

from summitry.backends.registry import backend_names, get_backend
from summitry.backends.wrap import wrap
from summitry.embed import CachedEmbedder, get_embedder
from summitry.errors import UnknownBackendError, did_you_mean
from summitry.realize.base import Realizer
from summitry.realize.composer import Composer
from summitry.realize.config import COMPOSER, RealizerConfig
from summitry.realize.guided import GuidedRealizer

__all__ = ["build_guided", "build_realizer", "realizer_names"]


def realizer_names() -> list[str]:
    """Every name ``--backend`` accepts."""
    return [COMPOSER, *[n for n in backend_names() if n != COMPOSER]]


def build_realizer(config: RealizerConfig) -> Realizer:
    """The realizer for a configuration such as ``RealizerConfig(name="composer")``."""
    if config.is_composer:
        return Composer()
    names = realizer_names()
    if config.name not in names:
        raise UnknownBackendError(
            f"unknown backend '{config.name}'.{did_you_mean(config.name, names)}",
            hint=f"choose one of: {', '.join(names)}",
        )
    return build_guided(config)


def build_guided(config: RealizerConfig) -> GuidedRealizer:
    """The guided realizer over the backend a configuration names (or its replayed calls)."""
    model = None if (config.record and config.replay) else get_backend(config.name, **_backend_options(config))
    wrapped = wrap(model, record=config.record, record_mode="replay" if config.replay else "auto")
    # a chat model writes whole turns and is ranked by meaning; a model that only continues text
    # rewords one sentence, which needs no embedder
    style = "chat" if (config.style or ("chat" if config.name == "openai" else "document")) == "chat" else "document"
    embedder = CachedEmbedder(get_embedder(config.embedder or "auto")) if style == "chat" else None
    realizer = GuidedRealizer(wrapped, embedder, candidates=config.candidates or 3, style=style)
    realizer.warm_up()
    return realizer


def _backend_options(config: RealizerConfig) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if config.name == "local" and config.model:
        options["model_path"] = config.model
    if config.name == "openai":
        options.update({k: v for k, v in (("base_url", config.base_url), ("model", config.model)) if v})
        if config.style in ("chat", "completion"):
            options["style"] = config.style
    return options
