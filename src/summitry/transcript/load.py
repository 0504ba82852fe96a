"""Reading a transcript from a file or a string, whatever its format.

Formats: ``md`` (:mod:`~summitry.transcript.markdown`), ``plain``
(:mod:`~summitry.transcript.plain`) and ``json`` (:mod:`~summitry.transcript.jsonfmt`);
``auto`` looks at the content, not the file name:

- text starting with ``{`` or ``[`` that parses as JSON is ``json``;
- a first line that is a JSON object with a ``"type"`` key is a summitry session event log
  (JSON Lines), which is not a transcript: it is handed to ``log_loader`` when the caller
  gives one, and is otherwise refused with a TranscriptError pointing at ``summitry render``;
- text with a ``**Speaker**`` line, a ``#`` heading, a ``---`` rule or an italic paragraph
  is ``md``; anything else is ``plain``.

Everything that can go wrong (a missing file, a directory, an empty, binary, non-UTF-8 or
oversized file, text with no turn in it) raises TranscriptError naming the file and the fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from summitry.errors import TranscriptError, did_you_mean
from summitry.transcript.assemble import normalize_text, where
from summitry.transcript.jsonfmt import parse_json
from summitry.transcript.markdown import match_bold_line, parse_markdown
from summitry.transcript.plain import parse_plain
from summitry.turns import Transcript

MAX_BYTES = 50 * 1024 * 1024
LogLoader = Callable[[str, str | None], Transcript]
FORMATS: dict[str, str] = {
    "auto": "auto",
    "md": "md",
    "markdown": "md",
    "plain": "plain",
    "text": "plain",
    "txt": "plain",
    "json": "json",
}
_MARKDOWN_HINTS = re.compile(r"^(?:\s{0,3}#{1,6}\s|\s*-{3,}\s*$|\*[^*\s])", re.MULTILINE)


def detect_format(text: str) -> str:
    """``json``, ``log``, ``md`` or ``plain``, from the content (see the module docstring)."""
    body = normalize_text(text).lstrip()
    if body[:1] in ("{", "["):
        first_line = body.split("\n", 1)[0]
        try:
            head = json.loads(first_line)
        except (json.JSONDecodeError, RecursionError):
            head = None
        if isinstance(head, dict) and "type" in head:
            return "log"
        if body[0] == "{" or _is_json(body):
            return "json"
    if any(match_bold_line(line) for line in body.split("\n")):
        return "md"
    return "md" if _MARKDOWN_HINTS.search(body) else "plain"


def parse_transcript(
    text: str,
    format: str = "auto",
    *,
    source: str | None = None,
    moderator: str | None = None,
    log_loader: LogLoader | None = None,
) -> Transcript:
    """Parse a transcript held in a string.

    ``format`` is ``auto`` (detect), ``md``/``markdown``, ``plain``/``text``/``txt`` or
    ``json``. ``source`` names the input in error messages. ``moderator`` names the moderator
    when no tone gives it away. A session event log is passed to ``log_loader(text, source)``
    when one is given; without one it raises TranscriptError (render logs with
    ``summitry render LOG``, or load them with the session package).
    """
    kind = _resolve_format(format, source)
    _check_text(text, source)
    if kind == "auto":
        kind = detect_format(text)
    if kind == "log":
        if log_loader is None:
            raise TranscriptError(
                f"{where(source)}: this is a summitry session event log, not a transcript",
                hint="turn it into a transcript with: summitry render LOG --format md",
            )
        return log_loader(text, source)
    if kind == "json":
        return parse_json(text, source, moderator=moderator)
    if kind == "plain":
        return parse_plain(text, source, moderator=moderator)
    return parse_markdown(text, source, moderator=moderator)


def load_transcript(
    path: str | Path,
    format: str = "auto",
    *,
    moderator: str | None = None,
    log_loader: LogLoader | None = None,
) -> Transcript:
    """Read and parse the transcript file at ``path`` (UTF-8, at most 50 MB).

    The other arguments are those of :func:`parse_transcript`.
    """
    text = read_text(Path(path))
    return parse_transcript(
        text, format, source=str(path), moderator=moderator, log_loader=log_loader
    )


def read_text(path: Path) -> str:
    """The UTF-8 text of a transcript file, or a TranscriptError saying why it cannot be read."""
    if not path.exists():
        raise TranscriptError(
            f"{path}: no such file", hint="check the path (and the current directory)"
        )
    if path.is_dir():
        raise TranscriptError(f"{path}: is a directory", hint="pass the transcript file inside it")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TranscriptError(
                f"{path}: the file is {size / 2**20:.0f} MB, "
                f"over the {MAX_BYTES // 2**20} MB limit",
                hint="split the transcript into smaller files",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise TranscriptError(
            f"{path}: cannot be read ({exc.strerror or exc})",
            hint="check the file's permissions",
        ) from exc
    if b"\x00" in data[:65536]:
        raise TranscriptError(
            f"{path}: looks like binary data (or UTF-16 text), not a transcript",
            hint="pass a Markdown, plain-text or JSON transcript saved as UTF-8",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TranscriptError(
            f"{path}: is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            hint="re-save the file as UTF-8",
        ) from exc


def _resolve_format(format: str, source: str | None) -> str:
    kind = FORMATS.get(format.lower().strip()) if isinstance(format, str) else None
    if kind is None:
        raise TranscriptError(
            f"{where(source)}: unknown transcript format '{format}'."
            + did_you_mean(str(format), FORMATS),
            hint="use one of: " + ", ".join(FORMATS),
        )
    return kind


def _check_text(text: str, source: str | None) -> None:
    if len(text) > MAX_BYTES:
        raise TranscriptError(
            f"{where(source)}: the transcript is over the {MAX_BYTES // 2**20} MB limit",
            hint="split the transcript into smaller pieces",
        )
    if "\x00" in text:
        raise TranscriptError(
            f"{where(source)}: contains NUL characters, so it looks like binary data",
            hint="pass a Markdown, plain-text or JSON transcript",
        )
    if not normalize_text(text).strip():
        raise TranscriptError(
            f"{where(source)}: the transcript is empty",
            hint='write turns like **Speaker**: "text" or Speaker: text',
        )


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True
