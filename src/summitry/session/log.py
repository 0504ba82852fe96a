"""The JSON Lines event log: written before anything is shown, read back to rebuild a session.

Each event is one line, flushed and synced to disk as it is appended, so a session killed
at any moment (Ctrl-C, kill -9, power loss) loses at most a half-written last line, which
the reader drops. Damage anywhere else is reported, never guessed around.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from summitry.errors import LogCorruptError, SessionError, TranscriptError
from summitry.scenario.model import Scenario
from summitry.session.events import EVENT_ADAPTER, Event, SessionStarted
from summitry.session.state import SessionState
from summitry.turns import Transcript

MAX_LOG_BYTES = 512 * 1024 * 1024


class EventLog:
    """An append-only event log file."""

    def __init__(self, path: Path, *, sync: bool = True) -> None:
        self.path = Path(path)
        self.sync = sync
        self._file: IO[str] | None = None

    def open(self) -> EventLog:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _drop_partial_tail(self.path)
        self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        return self

    def append(self, event: Event) -> None:
        if self._file is None:
            raise SessionError(f"event log {self.path} is not open")
        line = event.model_dump_json(exclude_none=False)
        self._file.write(line + "\n")
        self._file.flush()
        if self.sync:
            os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> EventLog:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _drop_partial_tail(path: Path) -> None:
    """Cut a half-written last line (no newline at the end) so appends start clean."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as f:
        data = f.read()
        if data.endswith(b"\n"):
            return
        cut = data.rfind(b"\n") + 1
        f.truncate(cut)


def read_events(path: str | Path) -> list[Event]:
    """Read every complete event of a log; a half-written last line is ignored."""
    path = Path(path)
    raw = _read_log_bytes(path)
    lines = raw.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    events: list[Event] = []
    for number, line in enumerate(complete, start=1):
        if not line.strip():
            continue
        events.append(_parse_line(path, number, line))
    if tail.strip():
        try:  # a last line without newline is complete only if it parses
            events.append(_parse_line(path, len(complete) + 1, tail))
        except LogCorruptError:
            pass
    if not events or not isinstance(events[0], SessionStarted):
        raise LogCorruptError(
            f"{path}: not a summitry session log (it does not begin with a session_started event)",
            hint="pass the session.jsonl that 'summitry run' wrote",
        )
    return events


def _read_log_bytes(path: Path) -> bytes:
    if not path.exists():
        raise SessionError(f"{path}: no such file", hint="check the path to session.jsonl")
    if path.is_dir():
        candidate = path / "session.jsonl"
        if candidate.exists():
            return _read_log_bytes(candidate)
        raise SessionError(f"{path} is a folder with no session.jsonl in it", hint="pass the log file")
    if path.stat().st_size > MAX_LOG_BYTES:
        raise SessionError(f"{path} is larger than {MAX_LOG_BYTES // 2**20} MiB; not a session log")
    return path.read_bytes()


def _parse_line(path: Path, number: int, line: bytes) -> Event:
    try:
        return EVENT_ADAPTER.validate_python(json.loads(line.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        raise LogCorruptError(
            f"{path}:{number}: this line is not a valid session event ({type(exc).__name__})",
            hint="the log was edited or damaged; restore it, or cut it before this line to resume",
        ) from exc


def resolve_log_path(path: str | Path) -> Path:
    """Accept a log file or the folder 'summitry run' wrote it into."""
    path = Path(path)
    return path / "session.jsonl" if path.is_dir() else path


def read_state(path: str | Path) -> SessionState:
    """Rebuild a session's state from its log."""
    return SessionState.from_events(read_events(resolve_log_path(path)))


def read_transcript(path: str | Path) -> Transcript:
    """The transcript of a logged session (complete or not)."""
    try:
        return read_state(path).transcript()
    except SessionError as exc:
        raise TranscriptError(exc.message, hint=exc.hint) from exc


def read_scenario(path: str | Path) -> Scenario:
    """The scenario a logged session ran."""
    return read_state(path).scenario
