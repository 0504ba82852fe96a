"""Transcripts on paper: render a :class:`~summitry.turns.Transcript` and parse one back.

- :mod:`.markdown`  the seed's Markdown shape (render and parse, with hand-written variants)
- :mod:`.plain`     ``Speaker: text`` lines and chat exports (parse)
- :mod:`.jsonfmt`   summitry's JSON rendering and simple foreign JSON (render and parse)
- :mod:`.load`      files and format detection
- :mod:`.assemble`  numbering, moderator detection and text helpers shared by the parsers
"""

from summitry.transcript.assemble import ROLE_PATTERN
from summitry.transcript.jsonfmt import parse_json, render_json
from summitry.transcript.load import (
    FORMATS,
    MAX_BYTES,
    LogLoader,
    detect_format,
    load_transcript,
    parse_transcript,
)
from summitry.transcript.markdown import parse_markdown, render_markdown, render_turn
from summitry.transcript.plain import parse_plain

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "ROLE_PATTERN",
    "LogLoader",
    "detect_format",
    "load_transcript",
    "parse_json",
    "parse_markdown",
    "parse_plain",
    "parse_transcript",
    "render_json",
    "render_markdown",
    "render_turn",
]
