"""Loading files, detecting formats, and refusing bad input with a clear TranscriptError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitry.errors import TranscriptError
from summitry.transcript import (
    MAX_BYTES,
    detect_format,
    load_transcript,
    parse_transcript,
    render_json,
    render_markdown,
)
from summitry.turns import Transcript, Turn

SAMPLE = Transcript(
    title="Water Summit",
    premise="Rivers cross borders.",
    turns=(
        Turn(
            index=1, speaker="Mediator", text="Begin.", tone="Neutral mediator", is_moderator=True
        ),
        Turn(index=2, speaker="Egypt", text="The Nile is life."),
    ),
    narration="Talks continue",
    moderator="Mediator",
)
LOG_LINE = '{"type": "session_started", "seq": 0}\n{"type": "turn_spoken", "seq": 1}\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (render_markdown(SAMPLE), "md"),
        (render_json(SAMPLE), "json"),
        (json.dumps([{"speaker": "A", "text": "b"}]), "json"),
        ("A: one\nB: two", "plain"),
        ("[12:01] A: one\n[12:02] B: two", "plain"),
        (LOG_LINE, "log"),
        ("# Title\n\nA: one", "md"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


@pytest.mark.parametrize("render", [render_markdown, render_json])
def test_auto_parse_round_trips(render, tmp_path: Path) -> None:
    path = tmp_path / "transcript.any"
    path.write_text(render(SAMPLE), encoding="utf-8")
    assert load_transcript(path) == SAMPLE
    assert parse_transcript(render(SAMPLE)) == SAMPLE


def test_explicit_format_and_aliases() -> None:
    assert parse_transcript("A: x\nB: y", "txt").speakers == ["A", "B"]
    assert parse_transcript(render_markdown(SAMPLE), "Markdown") == SAMPLE
    with pytest.raises(TranscriptError, match="unknown transcript format 'jsn'.*'json'"):
        parse_transcript("A: x", "jsn")


def test_session_log_is_refused_without_a_loader(tmp_path: Path) -> None:
    path = tmp_path / "session.jsonl"
    path.write_text(LOG_LINE, encoding="utf-8")
    with pytest.raises(
        TranscriptError, match="session.jsonl: this is a summitry session event log"
    ):
        load_transcript(path)


def test_session_log_goes_to_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "session.jsonl"
    path.write_text(LOG_LINE, encoding="utf-8")
    seen: list[tuple[str, str | None]] = []

    def loader(text: str, source: str | None) -> Transcript:
        seen.append((text, source))
        return SAMPLE

    assert load_transcript(path, log_loader=loader) == SAMPLE
    assert seen == [(LOG_LINE, str(path))]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "the transcript is empty"),
        ("blank.md", b"\xef\xbb\xbf \n\r\n", "the transcript is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("utf16.txt", "A: hi".encode("utf-16"), "binary data"),
        ("latin.txt", "Peru: se\u00f1or".encode("latin-1"), r"not UTF-8 \(byte 0xf1 at offset 8\)"),
        ("prose.md", b"Nothing anyone said.\nJust prose.", "no turns found"),
        ("bad.json", b'{"turns": [}', "bad.json:1: not valid JSON"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(TranscriptError, match=message) as caught:
        load_transcript(path)
    assert str(path) in str(caught.value)
    assert caught.value.hint


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="nope.md: no such file"):
        load_transcript(tmp_path / "nope.md")
    with pytest.raises(TranscriptError, match="is a directory"):
        load_transcript(tmp_path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 50 MB actually written
    with pytest.raises(TranscriptError, match="over the 50 MB limit"):
        load_transcript(path)


def test_huge_string_is_refused() -> None:
    with pytest.raises(TranscriptError, match="over the 50 MB limit"):
        parse_transcript("A: x\n" * (MAX_BYTES // 5 + 1))
