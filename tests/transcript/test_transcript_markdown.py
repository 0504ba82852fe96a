"""The Markdown renderer's shape and the hand-written variants the parser accepts."""

from __future__ import annotations

import pytest

from summitry.errors import TranscriptError
from summitry.transcript import parse_markdown, render_markdown
from summitry.turns import Transcript, Turn


def _transcript(**fields: object) -> Transcript:
    turns = (
        Turn(index=1, speaker="Chair", text="Welcome.", tone="Session chair", is_moderator=True),
        Turn(index=2, speaker="Norway", text='We said "no".'),
    )
    return Transcript(**{"turns": turns, "moderator": "Chair", **fields})


def test_render_full_shape() -> None:
    text = render_markdown(
        _transcript(title="T", premise="P.", narration="All leave", afterword="A.")
    )
    assert text == (
        "# T\n\n*P.*\n\n---\n\n"
        '**Chair** *(Session chair)*: "Welcome."\n\n'
        '**Norway**: "We said "no"."\n\n'
        "*(All leave)*\n\n---\n\n*A.*"
    )


def test_render_without_header_or_epilogue() -> None:
    assert render_markdown(_transcript()) == (
        '**Chair** *(Session chair)*: "Welcome."\n\n**Norway**: "We said "no"."'
    )


def test_render_multi_paragraph_fields_round_trip() -> None:
    original = _transcript(
        title="T", premise="One.\n\nTwo.", narration="Lights dim\n\nDoors close", afterword="x"
    )
    assert parse_markdown(render_markdown(original)) == original


@pytest.mark.parametrize(
    "line",
    [
        '**Norway** *(calm)*: "Hello there."',
        "**Norway** *(calm)*: Hello there.",
        "**Norway (calm):** Hello there.",
        "**Norway (calm)**: Hello there.",
        "**Norway** (calm): Hello there.",
        "**Norway** _(calm)_: \u201cHello there.\u201d",
    ],
)
def test_turn_line_variants(line: str) -> None:
    turn = parse_markdown(line).turns[0]
    assert (turn.speaker, turn.tone, turn.text) == ("Norway", "calm", "Hello there.")


@pytest.mark.parametrize(
    "line", ["**Norway:** Hello: there.", '**Norway**: "Hello: there."', "**Norway**:Hello: there."]
)
def test_turn_without_tone(line: str) -> None:
    turn = parse_markdown(line).turns[0]
    assert (turn.speaker, turn.tone, turn.text) == ("Norway", None, "Hello: there.")


def test_multi_paragraph_turns_and_other_headings() -> None:
    text = (
        "# Summit\n\nIntro line.\n\n## Opening\n\n"
        "**Chair**: First paragraph.\nsame paragraph.\n\nSecond paragraph.\n\n"
        "## Debate\n\n**Peru**: Short.\n\n**Chair**: Last one.\n\nStill the chair.\n"
    )
    transcript = parse_markdown(text)
    assert transcript.title == "Summit"
    assert transcript.premise == "Intro line."
    assert [t.text for t in transcript.turns] == [
        "First paragraph.\nsame paragraph.\n\nSecond paragraph.",
        "Short.",
        "Last one.\n\nStill the chair.",
    ]
    assert transcript.moderator == "Chair"  # its name is a leading role
    assert transcript.narration is None and transcript.afterword is None


def test_quoted_first_paragraph_then_unquoted_ones() -> None:
    transcript = parse_markdown('**A**: "Yes."\n\nAnd more.\n\n**B**: "One\n\ntwo."')
    assert [t.text for t in transcript.turns] == ["Yes.\n\nAnd more.", "One\n\ntwo."]


def test_speaker_on_its_own_line() -> None:
    transcript = parse_markdown('**Peru**:\n"Spoken on the next line."\n\n**Chile**: ok')
    assert transcript.turns[0].text == "Spoken on the next line."


def test_document_without_bold_names() -> None:
    text = "# Round table\n\n*A premise.*\n\n---\n\nHost (facilitator): Hi.\n\nKenya: Hello.\n"
    transcript = parse_markdown(text)
    assert [(t.speaker, t.tone, t.text) for t in transcript.turns] == [
        ("Host", "facilitator", "Hi."),
        ("Kenya", None, "Hello."),
    ]
    assert transcript.premise == "A premise." and transcript.moderator == "Host"


def test_stage_direction_after_last_turn_is_narration() -> None:
    transcript = parse_markdown('**A**: "x"\n\n*(They leave.)*')
    assert transcript.narration == "They leave." and transcript.turns[-1].text == "x"


def test_moderator_argument() -> None:
    transcript = parse_markdown("**Ana**: hi\n\n**Bo**: hey\n\n**Ana**: bye", moderator="Ana")
    assert transcript.moderator == "Ana"
    assert [t.is_moderator for t in transcript.turns] == [True, False, True]


def test_moderator_argument_must_be_a_speaker() -> None:
    with pytest.raises(TranscriptError, match="'Anna' never speaks.*Did you mean 'Ana'"):
        parse_markdown("**Ana**: hi\n\n**Bo**: hey", moderator="Anna")


def test_no_moderator_when_nothing_says_so() -> None:
    transcript = parse_markdown("**Ana** *(curious)*: hi\n\n**Bo**: hey")
    assert transcript.moderator is None and not any(t.is_moderator for t in transcript.turns)


def test_text_without_turns_is_refused() -> None:
    with pytest.raises(TranscriptError, match="no turns found"):
        parse_markdown("# Just a title\n\nSome prose, **bold** words, nothing spoken.")
