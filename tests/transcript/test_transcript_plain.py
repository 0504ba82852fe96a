"""Plain ``Speaker: text`` transcripts and chat exports."""

from __future__ import annotations

import pytest

from summitry.errors import TranscriptError
from summitry.transcript import parse_plain


def test_plain_lines_with_continuations_and_premise() -> None:
    text = (
        "A practice round before the summit.\n\n"
        "Moderator: Welcome.\nPlease be brief.\n\n"
        "Brazil: We agree.\n\nA second paragraph.\n"
        "Japan (cautious): Perhaps.\n"
    )
    transcript = parse_plain(text)
    assert transcript.premise == "A practice round before the summit."
    assert [(t.index, t.speaker, t.tone, t.text) for t in transcript.turns] == [
        (1, "Moderator", None, "Welcome.\nPlease be brief."),
        (2, "Brazil", None, "We agree.\n\nA second paragraph."),
        (3, "Japan", "cautious", "Perhaps."),
    ]
    assert transcript.moderator == "Moderator" and transcript.turns[0].is_moderator


@pytest.mark.parametrize(
    "line",
    [
        "[12:01] Dr. Chen: Hello all.",
        "[12:01:33] Dr. Chen: Hello all.",
        "[2024-05-01 12:01:33] Dr. Chen: Hello all.",
        "12:01 - Dr. Chen: Hello all.",
        "1/5/24, 12:01 - Dr. Chen: Hello all.",
        "[1/5/24, 12:01:33 PM] Dr. Chen: Hello all.",
        'Dr. Chen: "Hello all."',
    ],
)
def test_chat_export_lines(line: str) -> None:
    turn = parse_plain(line).turns[0]
    assert (turn.speaker, turn.text) == ("Dr. Chen", "Hello all.")


def test_upper_case_speakers_are_kept() -> None:
    transcript = parse_plain("UNITED STATES: Thank you.\nCHINA: Indeed.")
    assert transcript.speakers == ["UNITED STATES", "CHINA"]


def test_title_and_windows_line_endings() -> None:
    transcript = parse_plain("# Debate\r\nIntro\r\nA: one\r\nB: two\r\n")
    assert transcript.title == "Debate" and transcript.premise == "Intro"
    assert [t.text for t in transcript.turns] == ["one", "two"]


def test_lines_that_are_not_speakers() -> None:
    text = "Kenya: See https://example.org for details.\nThe point is simple: share.\n"
    transcript = parse_plain(text)
    assert len(transcript.turns) == 1
    assert transcript.turns[0].text.endswith("The point is simple: share.")
    long_label = "A: ok\nThis is a very long sentence before: a colon"
    assert len(parse_plain(long_label).turns) == 1


def test_no_speaker_line_is_an_error() -> None:
    with pytest.raises(TranscriptError, match="notes.txt: no turns found"):
        parse_plain("just some notes\nwithout speakers", "notes.txt")
