"""Language-model backends: one small protocol, the backends behind it, and the wrappers.

    base.py        LanguageModel protocol, CompletionRequest, Completion, ModelWrapper
    registry.py    backend names, the "summitry.backends" entry points, get_backend()
    local.py       the in-process llama.cpp model (the bundled Gemma 3 270M by default)
    parallel.py    several candidates of one prompt decoded together in one batch
    llama_adapter.py  the one module that touches llama-cpp-python's internals
    bundled.py     where the bundled GGUF model file lives
    openai.py      any OpenAI-compatible HTTP server (with sse.py and http_errors.py)
    retry.py       RetryingModel: backoff with seeded jitter, Retry-After honoured
    recording.py   RecordingModel: record to / replay from a JSONL cassette
    accounting.py  AccountingModel: tokens and seconds per call, per tag, per session
    wrap.py        wrap(): the wrappers stacked in the right order

The llama.cpp and HTTP backends are imported only when asked for.
"""

from __future__ import annotations

from typing import Any

from summitry.backends.accounting import AccountingModel, CallRecord
from summitry.backends.base import (
    ChatMessage,
    Completion,
    CompletionRequest,
    LanguageModel,
    ModelWrapper,
    ScoreRequest,
    Scores,
    ScoringModel,
    StreamingModel,
    TokenBudget,
    check_scoring,
    count_tokens,
    estimate_tokens,
    stream_text,
)
from summitry.backends.recording import RecordingModel
from summitry.backends.registry import (
    ENTRY_POINT_GROUP,
    backend_names,
    get_backend,
    load_backend,
    register_backend,
    unregister_backend,
)
from summitry.backends.retry import RetryingModel
from summitry.backends.wrap import wrap

__all__ = [
    "ENTRY_POINT_GROUP",
    "AccountingModel",
    "CallRecord",
    "ChatMessage",
    "Completion",
    "CompletionRequest",
    "LanguageModel",
    "LlamaCppModel",
    "ModelWrapper",
    "OpenAICompatibleModel",
    "RecordingModel",
    "RetryingModel",
    "ScoreRequest",
    "Scores",
    "ScoringModel",
    "StreamingModel",
    "TokenBudget",
    "backend_names",
    "check_scoring",
    "count_tokens",
    "estimate_tokens",
    "get_backend",
    "load_backend",
    "register_backend",
    "stream_text",
    "unregister_backend",
    "wrap",
]

_LAZY = {
    "LlamaCppModel": "summitry.backends.local",
    "OpenAICompatibleModel": "summitry.backends.openai",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'summitry.backends' has no attribute {name!r}")
