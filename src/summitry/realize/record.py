"""What a realizer reports of how it produced a turn, logged with the turn (``TurnSpoken.info``).

A language model's turn records its candidates, the ones the checks rejected and why, the tokens
and seconds of the call, and the checks' figures for the kept one; where the model chose among
the composer's wordings, how many there were, each one's score and which was spoken; a turn the composer wrote in a
model session says why. Readers use the fields; keys that older versions wrote and that are no
longer known are kept as extra fields, so every old log still reads.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

__all__ = ["GenerationRecord", "Rejected", "Usage"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Usage(_Record):
    """Tokens and seconds of one model call, and the seconds its candidates took to check."""

    prompt_tokens: int
    cached_prompt_tokens: int = 0
    completion_tokens: int
    seconds: float
    generation_seconds: float
    check_seconds: float = 0.0

    @property
    def evaluated_prompt_tokens(self) -> int:
        """Prompt tokens the model had to evaluate (not found in its cache)."""
        return self.prompt_tokens - self.cached_prompt_tokens


class Rejected(_Record):
    """A candidate the checks turned down, and why."""

    text: str
    problems: tuple[str, ...]


class GenerationRecord(BaseModel):
    """How a turn was produced. Empty for the composer's own sessions."""

    model_config = ConfigDict(frozen=True, extra="allow")

    candidates: int | None = None
    chosen: int | None = None  # which of the composer's wordings the model chose (0: the composer's own)
    scores: tuple[float, ...] | None = None  # each wording's mean log-probability per token, as the model scored it
    rejected: tuple[Rejected, ...] | None = None
    usage: Usage | None = None
    composed: str | None = None  # why the composer wrote this turn of a model session
    nearest: float | None = None  # the kept candidate's checks: closest earlier turn (cosine)
    coverage: float | None = None  # … closeness to its talking point
    persona_margin: float | None = None  # … how much more it sounds like its speaker than others
    touches: tuple[str, ...] | None = None  # the kept turn's units of material its words carry

    @property
    def rejections(self) -> tuple[Rejected, ...]:
        """The rejected candidates (none when nothing was generated)."""
        return self.rejected or ()

    @property
    def chose(self) -> bool:
        """Whether the model chose this turn among wordings rather than writing it."""
        return self.chosen is not None

    @property
    def generated(self) -> bool:
        """Whether a language model was asked for this turn."""
        return self.candidates is not None

    @model_serializer(mode="wrap")
    def _only_what_was_set(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        dumped: dict[str, Any] = handler(self)
        return {k: v for k, v in dumped.items() if v is not None}
