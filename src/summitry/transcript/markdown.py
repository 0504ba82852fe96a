"""Markdown transcripts in the shape of the seed: render and parse.

The shape, blocks separated by one blank line, with no newline after the last block::

    # Title

    *Premise paragraph.*

    ---

    **Dr. Chen** *(International mediator and educator)*: "Welcome ..."

    **United States**: "Thank you, Dr. Chen. ..."

    *(Session ends with all participants appearing thoughtful ...)*

    ---

    *Afterword paragraph.*

Field conventions (what the :class:`~summitry.turns.Transcript` holds):

- ``premise`` and ``afterword`` are stored without the asterisks; each paragraph is rendered
  in italics on its own.
- ``narration`` is stored without the asterisks *and* without the parentheses: the renderer
  writes ``*(narration)*``.
- a turn's ``text`` is stored without its outer quotes; its inside is verbatim
  (``*(laughing)* Okay ...`` stays as it is). The tone is shown only where it is set.

The parser also accepts the forms people write by hand: text without quotes,
``**Speaker:** text``, ``**Speaker (tone)**: text``, ``**Speaker** (tone): text``, documents
with no bold names at all (``Speaker (tone): text``, as in :mod:`summitry.transcript.plain`),
turns spread over several lines or paragraphs (a line that does not start a turn continues
the one above), Windows line endings, a byte-order mark, and headings other than the title
(ignored). After the last turn, the first italic paragraph or horizontal rule ends it:
italic paragraphs before the rule are the narration, paragraphs after it the afterword.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summitry.transcript.assemble import (
    RawTurn,
    build_transcript,
    normalize_text,
    turn_text,
    unwrap_italic,
)
from summitry.transcript.plain import match_speaker_line
from summitry.turns import Transcript, Turn

RULE = "---"
MAX_NAME_CHARS = 80

_BOLD = re.compile(r"^\s*\*\*(?P<inner>[^*\n]+?)\*\*(?P<rest>.*)$")
_AFTER_NAME = re.compile(
    r"^\s*(?:[*_]\((?P<tone>.*?)\)[*_]|\((?P<tone2>[^()\n]*)\))?\s*:\s*(?P<text>.*)$"
)
_NAME_AND_TONE = re.compile(r"^(?P<name>.+?)\s*(?:\((?P<tone>[^()]*)\))?$")
_RULE_LINE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")

LineMatcher = Callable[[str], tuple[str, str | None, str] | None]


def render_turn(turn: Turn) -> str:
    """One turn as ``**Speaker** *(tone)*: "text"`` (the tone only where it is set)."""
    tone = f" *({turn.tone})*" if turn.tone else ""
    return f'**{turn.speaker}**{tone}: "{turn.text}"'


def render_markdown(transcript: Transcript, *, final_newline: bool = False) -> str:
    """The transcript as Markdown in the seed's shape (see the module docstring).

    Like the seed, the result has no newline after its last line unless ``final_newline``.
    """
    blocks: list[str] = []
    if transcript.title:
        blocks.append(f"# {transcript.title}")
    blocks.extend(f"*{part}*" for part in _paragraphs_of(transcript.premise))
    if blocks:
        blocks.append(RULE)
    blocks.extend(render_turn(turn) for turn in transcript.turns)
    blocks.extend(f"*({part})*" for part in _paragraphs_of(transcript.narration))
    if transcript.afterword:
        blocks.append(RULE)
        blocks.extend(f"*{part}*" for part in _paragraphs_of(transcript.afterword))
    text = "\n\n".join(blocks)
    return text + "\n" if final_newline else text


def match_bold_line(line: str) -> tuple[str, str | None, str] | None:
    """Split a ``**Speaker** *(tone)*: text`` line (or a hand-written variant) into parts."""
    found = _BOLD.match(line)
    if found is None:
        return None
    inner, rest = found.group("inner").strip(), found.group("rest")
    if inner.endswith(":"):
        name, tone = _split_name(inner[:-1])
        text = rest.strip()
    else:
        after = _AFTER_NAME.match(rest)
        if after is None:
            return None
        name, tone = _split_name(inner)
        tone = after.group("tone") or after.group("tone2") or tone
        text = after.group("text").strip()
    if not name or len(name) > MAX_NAME_CHARS:
        return None
    return name, tone.strip() if tone else None, text


def parse_markdown(
    text: str, source: str | None = None, *, moderator: str | None = None
) -> Transcript:
    """Parse a Markdown transcript (the seed's shape or the variants in the module docstring).

    ``source`` names the input in error messages; ``moderator`` names the moderator when no
    speaker's tone says mediator, moderator, chair or facilitator. Turns are numbered 1..n.
    Raises TranscriptError when no turn is found or the moderator named never speaks.
    """
    lines = normalize_text(text).split("\n")
    matcher: LineMatcher = match_bold_line
    starts = [i for i, line in enumerate(lines) if match_bold_line(line)]
    if not starts:
        matcher = match_speaker_line
        starts = [i for i, line in enumerate(lines) if match_speaker_line(line)]
    if not starts:
        return build_transcript([], source=source)
    title, premise = _parse_header(lines[: starts[0]])
    end = _end_of_last_turn(lines, starts[-1])
    turns = [
        _read_turn(lines, start, stop, matcher)
        for start, stop in zip(starts, [*starts[1:], end], strict=True)
    ]
    narration, afterword = _parse_epilogue(lines[end:])
    return build_transcript(
        turns,
        title=title,
        premise=premise,
        narration=narration,
        afterword=afterword,
        moderator=moderator,
        source=source,
    )


def _split_name(inner: str) -> tuple[str, str | None]:
    found = _NAME_AND_TONE.match(inner.strip())
    if found is None:
        return "", None
    return found.group("name").strip(), found.group("tone")


def _read_turn(lines: list[str], start: int, stop: int, matcher: LineMatcher) -> RawTurn:
    matched = matcher(lines[start])
    assert matched is not None  # start was chosen because it matches
    speaker, tone, first = matched
    rest = [line.rstrip() for line in lines[start + 1 : stop] if not _is_separator(line)]
    return RawTurn(speaker=speaker, tone=tone, text=turn_text(first, rest))


def _is_separator(line: str) -> bool:
    return bool(_RULE_LINE.match(line) or _HEADING.match(line))


def _is_italic_paragraph(text: str) -> bool:
    text = text.strip()
    return (
        len(text) >= 2
        and text[0] in "*_"
        and text[-1] == text[0]
        and not text.startswith(text[0] * 2)
    )


def _end_of_last_turn(lines: list[str], last: int) -> int:
    """Index of the first line after the last turn: a rule, a heading or an italic paragraph."""
    for i in range(last + 1, len(lines)):
        if _is_separator(lines[i]):
            return i
        if lines[i].strip() and not lines[i - 1].strip():
            paragraph = _paragraph_at(lines, i)
            if _is_italic_paragraph(paragraph):
                return i
    return len(lines)


def _paragraph_at(lines: list[str], start: int) -> str:
    stop = start
    while stop < len(lines) and lines[stop].strip():
        stop += 1
    return "\n".join(lines[start:stop])


def _paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of a region, split at blank lines, rules and headings (which are dropped)."""
    found: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip() and not _is_separator(line):
            current.append(line.rstrip())
        elif current:
            found.append("\n".join(current).strip())
            current = []
    return found


def _parse_header(lines: list[str]) -> tuple[str, str]:
    title = ""
    for i, line in enumerate(lines):
        if re.match(r"^\s{0,3}#\s", line):
            title = line.strip()[1:].strip()
            lines = lines[:i] + lines[i + 1 :]
            break
    premise = "\n\n".join(unwrap_italic(part) for part in _paragraphs(lines))
    return title, premise


def _parse_epilogue(lines: list[str]) -> tuple[str | None, str | None]:
    rule = next((i for i, line in enumerate(lines) if _RULE_LINE.match(line)), len(lines))
    narration = "\n\n".join(_unwrap_narration(p) for p in _paragraphs(lines[:rule]))
    afterword = "\n\n".join(unwrap_italic(p) for p in _paragraphs(lines[rule + 1 :]))
    return narration or None, afterword or None


def _unwrap_narration(paragraph: str) -> str:
    inner = unwrap_italic(paragraph)
    if len(inner) >= 2 and inner[0] == "(" and inner[-1] == ")":
        return inner[1:-1]
    return inner


def _paragraphs_of(text: str | None) -> list[str]:
    if not text:
        return []
    return [part for part in text.split("\n\n") if part.strip()]
