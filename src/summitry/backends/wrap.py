"""Stacking the wrappers around a backend in the one order that makes sense.

    accounting( recording( retrying( backend ) ) )

Retry sits next to the backend (it repeats what failed there); recording sits above it (it
keeps only answers that arrived, and a replay needs no retry); accounting sits outside (it
counts what the session saw, so a replayed session reports the recorded figures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summitry.backends.accounting import AccountingModel
from summitry.backends.base import LanguageModel
from summitry.backends.recording import Mode, RecordingModel
from summitry.backends.retry import RetryingModel
from summitry.errors import BackendError


def wrap(
    model: LanguageModel | None,
    *,
    retry: bool | dict[str, Any] = True,
    record: str | Path | None = None,
    record_mode: Mode = "auto",
    account: bool | dict[str, Any] = True,
) -> LanguageModel:
    """Wrap ``model``; ``retry`` and ``account`` take True/False or the wrapper's options.

    ``model`` may be None only to replay a cassette (``record=PATH, record_mode="replay"``).
    """
    wrapped: LanguageModel | None = model
    if model is not None and retry:
        wrapped = RetryingModel(model, **(retry if isinstance(retry, dict) else {}))
    if record is not None:
        wrapped = RecordingModel(wrapped, record, mode=record_mode)  # replays alone when wrapped is None
    if wrapped is None:
        raise BackendError("no backend to wrap",
                           hint="pass a model, or replay a cassette (record=PATH, "
                                "record_mode='replay')")
    if account:
        wrapped = AccountingModel(wrapped, **(account if isinstance(account, dict) else {}))
    return wrapped
