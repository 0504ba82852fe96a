"""The language-model protocol: a request in, candidate texts and their cost out.

Every backend (the in-process llama.cpp model, any OpenAI-compatible server, the
scripted fake) and every wrapper (retry, record/replay, accounting) implements the same
small :class:`LanguageModel` protocol. What a backend can do is declared in attributes
(``can_stream``, ``needs_key``, ``supports_completion``, ``supports_chat``, ``can_score``),
never discovered by trying.

A :class:`CompletionRequest` is either document-style (``prompt``: text to continue) or
chat-style (``messages``); it asks for ``n`` candidates at once, so a backend can share
the prompt's evaluation between them. A :class:`Completion` carries the texts and what they
cost: prompt tokens, prompt tokens served from the cache, completion tokens and seconds.

A model that ``can_score`` also answers a :class:`ScoreRequest` (a shared prompt and several
continuations of it) with :class:`Scores`: each continuation's mean log-probability per token
given the prompt, so a caller can choose among wordings it already has.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summitry.errors import BackendError


class ChatMessage(BaseModel):
    """One message of a chat-style request."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Literal["system", "user", "assistant"]
    content: str


class CompletionRequest(BaseModel):
    """What to generate: a document to continue or a chat, and how to sample.

    ``top_k``, ``repeat_penalty``, ``dry_multiplier`` (the DRY penalty on extending runs of
    tokens already in the context) and ``min_tokens`` (end of text and tokens holding a stop
    string are held back until a candidate has this many tokens) are not part of the OpenAI
    API; ``None`` leaves them to the backend's default (and keeps them out of requests to
    servers that reject them).
    ``tag`` labels the call for accounting (e.g. the speaker) and never changes the output.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt: str | None = None
    messages: list[ChatMessage] | None = None
    max_tokens: int = Field(default=256, ge=1)
    temperature: float = Field(default=0.8, ge=0.0, le=5.0)
    top_p: float = Field(default=0.95, gt=0.0, le=1.0)
    top_k: int | None = Field(default=None, ge=0)
    repeat_penalty: float | None = Field(default=None, gt=0.0)
    dry_multiplier: float | None = Field(default=None, ge=0.0, description="DRY anti-copy penalty")
    min_tokens: int | None = Field(default=None, ge=0, description="no stop before this many tokens")
    stop: list[str] = Field(default_factory=list)
    seed: int | None = None
    n: int = Field(default=1, ge=1, le=64, description="number of candidates to sample")
    tag: str | None = None

    @model_validator(mode="after")
    def _one_style(self) -> CompletionRequest:
        if (self.prompt is None) == (self.messages is None):
            raise ValueError("give exactly one of 'prompt' (document style) or 'messages' (chat)")
        if self.messages is not None and not self.messages:
            raise ValueError("'messages' must hold at least one message")
        return self

    @property
    def style(self) -> Literal["completion", "chat"]:
        """'completion' for a document to continue, 'chat' for messages."""
        return "completion" if self.prompt is not None else "chat"

    def cache_key(self) -> str:
        """A stable hash of everything that shapes the output (sorted JSON, ``tag`` left out)."""
        data = self.model_dump(mode="json", exclude={"tag"})
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def text_of_prompt(self) -> str:
        """The prompt, or the messages joined as plain text (for counting and echoing)."""
        if self.prompt is not None:
            return self.prompt
        return "\n".join(f"{m.role}: {m.content}" for m in self.messages or [])


FinishReason = Literal["stop", "length", "error", "unknown"]


class Completion(BaseModel):
    """The candidates a backend produced for one request, and what producing them cost.

    ``prompt_tokens`` counts the whole prompt once; ``cached_prompt_tokens`` is the part of it
    that was not evaluated again thanks to the cache, so ``evaluated_prompt_tokens`` is what the
    call really paid. ``completion_tokens`` sums over all candidates. ``generation_seconds`` is
    the time spent producing output tokens (``seconds`` also includes prompt evaluation).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    texts: list[str]
    model: str = ""
    prompt_tokens: int = Field(default=0, ge=0)
    cached_prompt_tokens: int = Field(default=0, ge=0)
    completion_tokens: int = Field(default=0, ge=0)
    seconds: float = Field(default=0.0, ge=0.0)
    generation_seconds: float = Field(default=0.0, ge=0.0)
    finish_reasons: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Completion:
        if not self.texts:
            raise ValueError("a completion holds at least one text")
        if self.finish_reasons and len(self.finish_reasons) != len(self.texts):
            raise ValueError("give one finish reason per text, or none")
        if self.cached_prompt_tokens > self.prompt_tokens:
            raise ValueError("cached_prompt_tokens cannot exceed prompt_tokens")
        return self

    @property
    def text(self) -> str:
        """The first candidate."""
        return self.texts[0]

    @property
    def evaluated_prompt_tokens(self) -> int:
        """Prompt tokens the backend actually evaluated for this call."""
        return self.prompt_tokens - self.cached_prompt_tokens


class ScoreRequest(BaseModel):
    """Continuations of one shared prompt, to be scored by how likely the model finds each."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt: str
    continuations: list[str] = Field(min_length=1)
    tag: str | None = None

    @model_validator(mode="after")
    def _no_empty(self) -> ScoreRequest:
        empty = [i for i, c in enumerate(self.continuations) if not c.strip()]
        if empty:
            raise ValueError(f"continuation {empty[0]} is empty; give every continuation some text")
        return self

    def cache_key(self) -> str:
        """A stable hash of the prompt and continuations (``tag`` left out)."""
        data = {"score": self.model_dump(mode="json", exclude={"tag"})}
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Scores(BaseModel):
    """Each continuation's mean log-probability per token given the prompt (higher is likelier),
    in the order asked, and what scoring cost."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    scores: list[float] = Field(min_length=1)
    tokens: list[int] = Field(default_factory=list)  # tokens scored in each continuation
    model: str = ""
    prompt_tokens: int = Field(default=0, ge=0)
    cached_prompt_tokens: int = Field(default=0, ge=0)
    seconds: float = Field(default=0.0, ge=0.0)

    @model_validator(mode="after")
    def _consistent(self) -> Scores:
        if self.tokens and len(self.tokens) != len(self.scores):
            raise ValueError("give one token count per score, or none")
        if self.cached_prompt_tokens > self.prompt_tokens:
            raise ValueError("cached_prompt_tokens cannot exceed prompt_tokens")
        return self

    @property
    def best(self) -> int:
        """The index of the likeliest continuation (the first of equals)."""
        return max(range(len(self.scores)), key=self.scores.__getitem__)


@runtime_checkable
class LanguageModel(Protocol):
    """Generates text. Capabilities are declared, not discovered."""

    @property
    def name(self) -> str: ...

    @property
    def can_stream(self) -> bool: ...

    @property
    def needs_key(self) -> bool: ...

    @property
    def supports_completion(self) -> bool: ...

    @property
    def supports_chat(self) -> bool: ...

    def complete(self, request: CompletionRequest) -> Completion: ...


@runtime_checkable
class StreamingModel(LanguageModel, Protocol):
    """A model that can also hand out the first candidate piece by piece."""

    def stream(self, request: CompletionRequest) -> Iterator[str]: ...


@runtime_checkable
class ScoringModel(LanguageModel, Protocol):
    """A model that can also say how likely it finds given continuations of a prompt."""

    @property
    def can_score(self) -> bool: ...

    def score(self, request: ScoreRequest) -> Scores: ...


def check_scoring(model: object) -> None:
    """Raise a clear error when the model cannot score continuations."""
    if not getattr(model, "can_score", False):
        raise BackendError(
            f"backend '{getattr(model, 'name', model)}' cannot score continuations",
            hint="use a backend that gives token log-probabilities (local, or an OpenAI-compatible "
                 "server with a completions endpoint that echoes the prompt's logprobs)",
        )


@runtime_checkable
class TokenBudget(Protocol):
    """A model that can say how long a text is in its tokens and how much fits."""

    context_size: int | None

    def count_tokens(self, text: str) -> int: ...


def common_prefix(a: Sequence[Any], b: Sequence[Any]) -> int:
    """How many leading items (tokens, words, characters) two sequences share."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate (about four characters a token) for models that cannot count."""
    return max(1, math.ceil(len(text) / 4)) if text else 0


def count_tokens(model: object, text: str) -> int:
    """Tokens of ``text`` for this model: exact where it can count, estimated otherwise."""
    counter = getattr(model, "count_tokens", None)
    return int(counter(text)) if callable(counter) else estimate_tokens(text)


def stream_text(model: LanguageModel, request: CompletionRequest) -> Iterator[str]:
    """Stream the first candidate where the model can, or yield the whole text at once."""
    if getattr(model, "can_stream", False) and callable(getattr(model, "stream", None)):
        yield from model.stream(request)  # type: ignore[attr-defined]
    else:
        yield model.complete(request).text


def check_style(model: LanguageModel, request: CompletionRequest) -> None:
    """Raise a clear error when the model cannot serve this style of request."""
    if request.style == "completion" and not model.supports_completion:
        raise BackendError(
            f"backend '{model.name}' does not take document-style prompts",
            hint="send chat messages instead (CompletionRequest(messages=[...]))",
        )
    if request.style == "chat" and not model.supports_chat:
        raise BackendError(
            f"backend '{model.name}' does not take chat messages",
            hint="send a document to continue instead (CompletionRequest(prompt=...))",
        )


class ModelWrapper:
    """Base of the wrappers: forwards the name, capabilities and token budget of ``inner``."""

    def __init__(self, inner: LanguageModel) -> None:
        self.inner = inner

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def can_stream(self) -> bool:
        return bool(getattr(self.inner, "can_stream", False))

    @property
    def needs_key(self) -> bool:
        return bool(getattr(self.inner, "needs_key", False))

    @property
    def supports_completion(self) -> bool:
        return bool(getattr(self.inner, "supports_completion", True))

    @property
    def supports_chat(self) -> bool:
        return bool(getattr(self.inner, "supports_chat", False))

    @property
    def can_score(self) -> bool:
        return bool(getattr(self.inner, "can_score", False))

    @property
    def context_size(self) -> int | None:
        return getattr(self.inner, "context_size", None)

    def count_tokens(self, text: str) -> int:
        return count_tokens(self.inner, text)

    def complete(self, request: CompletionRequest) -> Completion:
        return self.inner.complete(request)

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        return stream_text(self.inner, request)

    def score(self, request: ScoreRequest) -> Scores:
        check_scoring(self.inner)
        return self.inner.score(request)  # type: ignore[attr-defined]

    def unwrap(self, kind: type[Any]) -> Any | None:
        """The first model of type ``kind`` in this chain of wrappers (self included)."""
        model: Any = self
        while model is not None:
            if isinstance(model, kind):
                return model
            model = getattr(model, "inner", None)
        return None
