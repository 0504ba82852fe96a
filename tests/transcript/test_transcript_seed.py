"""Parsing the seed transcript and rendering it back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summitry.transcript import load_transcript, parse_markdown, render_markdown, render_turn

SEED = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "quantum-summit-transcript.md"
)

NATION_TONES = {
    "United States": "Confident but slightly defensive tone",
    "China": "Measured, emphasizing mutual benefit",
    "Russia": "Skeptical but intellectually engaged",
    "Iran": "Thoughtful but guarded",
    "Israel": "Analytically sharp, security-focused",
    "Ukraine": "Urgently practical",
    "Mexico": "Bridging perspective, economically focused",
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed transcript not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_lines(seed_text: str) -> list[str]:
    return [line for line in seed_text.split("\n") if line.startswith("**")]


def test_seed_has_82_turns_in_order(seed_text: str, seed_lines: list[str]) -> None:
    transcript = parse_markdown(seed_text)
    assert len(transcript.turns) == 82
    assert [t.index for t in transcript.turns] == list(range(1, 83))
    expected = [re.match(r"\*\*(.+?)\*\*", line).group(1) for line in seed_lines]
    assert [t.speaker for t in transcript.turns] == expected


def test_seed_speakers(seed_text: str) -> None:
    transcript = parse_markdown(seed_text)
    assert transcript.speakers == ["Dr. Chen", *NATION_TONES, "All nations"]
    assert transcript.delegations == list(NATION_TONES)
    assert transcript.turns[-2].speaker == "All nations"
    assert transcript.turns[-2].text == "Thank you, Dr. Chen."


def test_seed_tones_only_where_shown(seed_text: str) -> None:
    transcript = parse_markdown(seed_text)
    toned = [(t.speaker, t.tone) for t in transcript.turns if t.tone]
    assert toned == [("Dr. Chen", "International mediator and educator"), *NATION_TONES.items()]
    first = {}
    for turn in transcript.turns:
        first.setdefault(turn.speaker, turn)
    assert all(first[name].tone == tone for name, tone in NATION_TONES.items())


def test_seed_moderator_is_dr_chen(seed_text: str) -> None:
    transcript = parse_markdown(seed_text)
    assert transcript.moderator == "Dr. Chen"
    flagged = {t.speaker for t in transcript.turns if t.is_moderator}
    assert flagged == {"Dr. Chen"}
    chen_turns = [t for t in transcript.turns if t.speaker == "Dr. Chen"]
    assert len(chen_turns) > 10 and all(t.is_moderator for t in chen_turns)


def test_seed_header_epilogue_and_inner_markup(seed_text: str) -> None:
    transcript = parse_markdown(seed_text)
    assert transcript.title == "International Quantum Computing Summit: A Diplomatic Classroom"
    assert transcript.premise.startswith("A virtual diplomatic education session")
    assert not transcript.premise.startswith("*") and not transcript.premise.endswith("*")
    assert transcript.narration.startswith("Session ends with all participants")
    assert not transcript.narration.endswith(")")
    assert transcript.afterword.startswith("This dialogue demonstrates")
    laughing = [t for t in transcript.turns if t.text.startswith("*(laughing)* ")]
    assert len(laughing) == 2
    assert not any(t.text.startswith('"') or t.text.endswith('"') for t in transcript.turns)


def test_render_reproduces_every_turn_line(seed_text: str, seed_lines: list[str]) -> None:
    transcript = parse_markdown(seed_text)
    assert [render_turn(t) for t in transcript.turns] == seed_lines


def test_render_of_parse_is_byte_exact(seed_text: str) -> None:
    assert render_markdown(parse_markdown(seed_text)) == seed_text
    assert render_markdown(parse_markdown(seed_text), final_newline=True) == seed_text + "\n"


def test_load_transcript_reads_the_seed_file(seed_text: str) -> None:
    assert load_transcript(SEED) == parse_markdown(seed_text)


def test_seed_with_windows_line_endings_and_bom(seed_text: str) -> None:
    variant = "\ufeff" + seed_text.replace("\n", "\r\n")
    assert parse_markdown(variant) == parse_markdown(seed_text)
