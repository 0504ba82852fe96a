"""What a session's realizer is: its name and options, stored in the session log.

``summitry resume`` rebuilds exactly the realizer a session started with from this record. Options
left unset are not written, so a log holds only what was chosen (``{"name": "composer"}``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

__all__ = ["COMPOSER", "RealizerConfig"]

COMPOSER = "composer"


class RealizerConfig(BaseModel):
    """The realizer of a session: the composer, or a language-model backend and its options."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(default=COMPOSER, description="'composer', or a backend name: local, openai, …")
    model: str | None = Field(default=None, description="GGUF path (local) or model name (openai)")
    base_url: str | None = Field(default=None, description="URL of an OpenAI-compatible server")
    record: str | None = Field(default=None, description="cassette file that records or replays model calls")
    replay: bool | None = Field(default=None, description="only replay the cassette: never call the model")
    style: Literal["document", "chat", "completion"] | None = Field(
        default=None, description="how the model is prompted: a document to continue, or chat")
    embedder: str | None = Field(default=None, description="sentence embedder of the checks: auto, minilm, lexical")
    candidates: int | None = Field(default=None, ge=1, description="candidates sampled per turn")

    @property
    def is_composer(self) -> bool:
        return self.name == COMPOSER

    @model_serializer(mode="wrap")
    def _only_what_was_set(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        dumped: dict[str, Any] = handler(self)
        return {k: v for k, v in dumped.items() if v is not None}
