"""Where summitry keeps what it builds once and reuses: assembled models and their exports.

``$SUMMITRY_MODEL_DIR`` when set, else ``$XDG_CACHE_HOME/summitry/models``, else
``~/.cache/summitry/models``. Everything there can be deleted; it is rebuilt on next use.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["model_dir"]


def model_dir() -> Path:
    """Where assembled and exported models are kept."""
    override = os.environ.get("SUMMITRY_MODEL_DIR")
    if override:
        return Path(override).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "summitry" / "models"
