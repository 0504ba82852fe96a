"""Building a :class:`~summitry.turns.Transcript` from turns a parser has pulled out of a text.

Every parser (Markdown, plain text, foreign JSON) ends here: the turns are numbered 1..n,
the moderator is chosen and flagged, and the text helpers they share (line endings, the
outer quotes around a turn, italic wrappers) live here too.

The moderator is, in order of preference: the name the caller passes; the speaker whose
turns are already flagged; the first speaker whose tone names a leading role (mediator,
moderator, chair, facilitator, host, convener, presiding officer); the first speaker whose
*name* is such a role ("Moderator", "Chair").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summitry.errors import TranscriptError, did_you_mean
from summitry.turns import Transcript, Turn

ROLE_PATTERN = re.compile(
    r"\b(?:mediator|moderator|moderating|chair(?:person|man|woman)?|facilitator|facilitating"
    r"|convener|presiding|emcee|host(?!\s+(?:nation|country|city|state)))\b",
    re.IGNORECASE,
)


@dataclass
class RawTurn:
    """A turn as a parser found it, before numbering and moderator detection."""

    speaker: str
    text: str
    tone: str | None = None
    phase: str | None = None
    addressees: tuple[str, ...] = ()
    is_moderator: bool = False


def where(source: str | None, line: int | None = None) -> str:
    """The location prefix of an error message: ``path:line`` or ``<transcript>``."""
    place = source or "<transcript>"
    return f"{place}:{line}" if line is not None else place


def normalize_text(text: str) -> str:
    """Drop a byte-order mark and turn Windows or old Mac line endings into ``\\n``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def unquote(text: str) -> str:
    """Remove one pair of outer quotes (straight, else curly) around a turn's text."""
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1]
    if len(text) >= 2 and text[0] == "\u201c" and text[-1] == "\u201d":
        return text[1:-1]
    return text


def turn_text(first: str, rest: Sequence[str]) -> str:
    """A turn's text from its first line and continuation lines, without the outer quotes.

    The quotes are removed around the whole text when it starts and ends with them, else
    around the first line alone (``"Yes."`` followed by an unquoted paragraph).
    """
    whole = join_block([first, *rest])
    unquoted = unquote(whole)
    if unquoted != whole or "\n" not in whole:
        return unquoted
    head, tail = whole.split("\n", 1)
    return unquote(head) + "\n" + tail


def unwrap_italic(text: str) -> str:
    """Remove one pair of italic markers (``*x*`` or ``_x_``) around a paragraph."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "*_":
        return text[1:-1]
    return text


def join_block(lines: Sequence[str]) -> str:
    """Join a turn's lines with newlines, dropping blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def build_transcript(
    turns: Sequence[RawTurn],
    *,
    title: str = "",
    premise: str = "",
    narration: str | None = None,
    afterword: str | None = None,
    moderator: str | None = None,
    source: str | None = None,
) -> Transcript:
    """Number the turns 1..n, choose and flag the moderator, and build the Transcript."""
    if not turns:
        raise TranscriptError(
            f"{where(source)}: no turns found",
            hint='expected lines like **Speaker**: "text" (Markdown) or Speaker: text (plain)',
        )
    chosen = choose_moderator(turns, moderator, source)
    built = tuple(
        Turn(
            index=number,
            speaker=raw.speaker,
            text=raw.text,
            tone=raw.tone,
            phase=raw.phase,
            addressees=raw.addressees,
            is_moderator=raw.is_moderator or raw.speaker == chosen,
        )
        for number, raw in enumerate(turns, start=1)
    )
    return Transcript(
        title=title,
        premise=premise,
        turns=built,
        narration=narration or None,
        afterword=afterword or None,
        moderator=chosen,
    )


def choose_moderator(
    turns: Sequence[RawTurn], moderator: str | None, source: str | None
) -> str | None:
    """The moderator's name (see the module docstring for the order of preference)."""
    speakers = list(dict.fromkeys(raw.speaker for raw in turns))
    if moderator is not None:
        if moderator not in speakers:
            raise TranscriptError(
                f"{where(source)}: the moderator '{moderator}' never speaks in this transcript."
                + did_you_mean(moderator, speakers),
                hint="pass one of the speakers: " + ", ".join(speakers[:12]),
            )
        return moderator
    for raw in turns:
        if raw.is_moderator:
            return raw.speaker
    for raw in turns:
        if raw.tone and ROLE_PATTERN.search(raw.tone):
            return raw.speaker
    for name in speakers:
        if ROLE_PATTERN.search(name):
            return name
    return None
