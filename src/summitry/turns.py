"""The turn model: what was said, by whom, in which phase — shared by every part of summitry.

A :class:`Transcript` is the reader's view of a session: a title, a premise, the spoken
turns in order and the closing narration. The engine derives it from the event log, the
transcript parsers build it from Markdown, plain text or JSON, and analysis reads it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Turn(BaseModel):
    """One spoken turn."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    index: int = Field(ge=1, description="1-based position of the turn in the session")
    speaker: str = Field(min_length=1)
    text: str
    tone: str | None = Field(default=None, description="the stage direction shown after the name")
    phase: str | None = Field(default=None, description="agenda phase the turn belongs to")
    addressees: tuple[str, ...] = Field(default=(), description="whom the turn addresses, if known")
    is_moderator: bool = False


class Transcript(BaseModel):
    """A whole session as a reader sees it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = ""
    premise: str = ""
    turns: tuple[Turn, ...] = ()
    narration: str | None = Field(default=None, description="closing stage narration")
    afterword: str | None = Field(default=None, description="italic note after the final rule")
    moderator: str | None = None

    @property
    def speakers(self) -> list[str]:
        """Speakers in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            seen.setdefault(turn.speaker, None)
        return list(seen)

    @property
    def delegations(self) -> list[str]:
        """Speakers other than the moderator and collective voices, in order of first appearance."""
        return [
            s
            for s in self.speakers
            if s != self.moderator
            and not any(t.is_moderator for t in self.turns if t.speaker == s)
            and not s.lower().startswith("all ")
        ]
