"""summitry: diplomatic classrooms run by language models, offline by default.

The public entry points: :func:`run_session` and :func:`resume_session` (with
:class:`RealizerConfig` to name the realizer); the packages hold the rest (``summitry.analysis``,
``summitry.embed``, ``summitry.backends``, ``summitry.testing``…).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summitry.realize.config import RealizerConfig
    from summitry.session.run import SessionOutcome, resume_session, run_session

from summitry.version import __version__

__all__ = ["RealizerConfig", "SessionOutcome", "__version__", "resume_session", "run_session"]

# loaded on first use: ``import summitry.embed`` (say) need not load the session engine
_HOMES = {
    "RealizerConfig": "summitry.realize.config",
    "SessionOutcome": "summitry.session.run",
    "resume_session": "summitry.session.run",
    "run_session": "summitry.session.run",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'summitry' has no attribute {name!r}")
