"""Plain-text transcripts: ``Speaker: text`` lines, as people type them or chat tools export them.

Accepted speaker lines (the speaker is 1 to 5 words starting with a letter, at most 60
characters, and not mostly lower-case words when 3 or more, so "The point is simple: ..."
is not a speaker; the colon must be followed by a space or end the line)::

    Dr. Chen: Welcome, everyone.
    UNITED STATES: Thank you.
    China (measured): We see it differently.
    [12:01] Mexico: Shared challenges first.
    [2024-05-01 12:01:33] Iran: Agreed.
    12:01 - Israel: Verification matters.
    1/5/24, 12:01 - Ukraine: Quickly, please.

A line without a speaker prefix continues the turn above it (blank lines inside a turn are
kept as paragraph breaks). Lines before the first turn become the premise, except a leading
``# Heading`` line, which becomes the title. One pair of outer quotes around a turn's text
is removed, as in Markdown.
"""

from __future__ import annotations

import re

from summitry.transcript.assemble import (
    RawTurn,
    build_transcript,
    join_block,
    normalize_text,
    turn_text,
)
from summitry.turns import Transcript

_DATE = r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s*)?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_DASH = r"(?:[-\u2013\u2014|]\s*)?"
_STAMP = rf"(?:\[[^\]\n]{{1,40}}\]\s*{_DASH}|{_DATE}{_CLOCK}\s*{_DASH})?"
_NAME = r"(?P<name>[^\W\d_][\w.'\u2019&/ -]{0,59}?)"
_TONE = r"(?:\s*[*_]?\((?P<tone>[^()\n]{1,160})\)[*_]?)?"
_SPEAKER_LINE = re.compile(rf"^\s*{_STAMP}{_NAME}{_TONE}\s*:(?:[ \t]+(?P<text>.*))?$")
MAX_NAME_WORDS = 5


def match_speaker_line(line: str) -> tuple[str, str | None, str] | None:
    """Split a ``Speaker (tone): text`` line into (speaker, tone, text); None if it is not one."""
    found = _SPEAKER_LINE.match(line)
    if found is None:
        return None
    name = found.group("name").strip()
    if not _looks_like_name(name):
        return None
    tone = found.group("tone")
    return name, tone.strip() if tone else None, (found.group("text") or "").strip()


def _looks_like_name(name: str) -> bool:
    """1 to 5 words, not mostly lower-case when 3 or more (that is a sentence, not a name)."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    lower = sum(1 for word in words if word[0].islower())
    return len(words) < 3 or lower * 2 <= len(words)


def parse_plain(
    text: str, source: str | None = None, *, moderator: str | None = None
) -> Transcript:
    """Parse a plain ``Speaker: text`` transcript (see the module docstring for the forms).

    ``source`` names the input in error messages; ``moderator`` names the moderator when no
    tone or name gives it away. Raises TranscriptError when no speaker line is found.
    """
    lines = normalize_text(text).split("\n")
    header: list[str] = []
    turns: list[tuple[str, str | None, list[str]]] = []
    for line in lines:
        matched = match_speaker_line(line)
        if matched is not None:
            speaker, tone, first = matched
            turns.append((speaker, tone, [first]))
        elif turns:
            turns[-1][2].append(line.rstrip())
        else:
            header.append(line.strip())
    title, premise = _split_header(header)
    raw = [
        RawTurn(speaker=speaker, tone=tone, text=turn_text(block[0], block[1:]))
        for speaker, tone, block in turns
    ]
    return build_transcript(raw, title=title, premise=premise, moderator=moderator, source=source)


def _split_header(header: list[str]) -> tuple[str, str]:
    """Title (a leading ``# `` line) and premise (the rest) from the lines before the first turn."""
    body = list(header)
    while body and not body[0]:
        body.pop(0)
    title = ""
    if body and body[0].startswith("# "):
        title = body.pop(0)[2:].strip()
    return title, join_block(body)
