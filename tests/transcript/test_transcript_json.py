"""The JSON rendering and the foreign JSON shapes."""

from __future__ import annotations

import json

import pytest

from summitry.errors import TranscriptError
from summitry.transcript import parse_json, render_json
from summitry.turns import Transcript, Turn


def _sample() -> Transcript:
    return Transcript(
        title="T",
        premise="P",
        turns=(
            Turn(index=1, speaker="Chair", text="Hi", phase="welcome", is_moderator=True),
            Turn(
                index=2, speaker="Chile", text='Olá \u2014 "q"', tone="warm", addressees=("Chair",)
            ),
        ),
        narration="End",
        moderator="Chair",
    )


def test_json_round_trip_is_exact() -> None:
    original = _sample()
    rendered = render_json(original)
    assert rendered.endswith("\n") and "\u2014" in rendered
    assert json.loads(rendered)["format"] == "summitry.transcript"
    assert parse_json(rendered) == original


def test_own_json_without_moderator_stays_without() -> None:
    original = Transcript(turns=(Turn(index=1, speaker="A", text="x", tone="moderator"),))
    assert parse_json(render_json(original)) == original


def test_list_of_turn_objects() -> None:
    data = [
        {"speaker": "Facilitator", "text": "Begin."},
        {"name": "Peru", "content": "Fine.", "extra": 1},
        {"author": "Chile", "message": "Yes.", "tone": "brisk"},
    ]
    transcript = parse_json(json.dumps(data))
    assert [(t.index, t.speaker, t.text) for t in transcript.turns] == [
        (1, "Facilitator", "Begin."),
        (2, "Peru", "Fine."),
        (3, "Chile", "Yes."),
    ]
    assert transcript.turns[2].tone == "brisk"
    assert transcript.moderator == "Facilitator"


def test_object_with_turns_and_metadata() -> None:
    data = {"title": "X", "turns": [{"speaker": "A", "text": "a"}, {"speaker": "B", "text": "b"}]}
    transcript = parse_json(json.dumps(data), moderator="B")
    assert transcript.title == "X" and transcript.moderator == "B"
    assert [t.is_moderator for t in transcript.turns] == [False, True]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"turns": [', r"t\.json:1: not valid JSON"),
        ("42", "JSON holds no transcript"),
        ('[{"text": "x"}]', "turn 1 has no 'speaker'"),
        ('[{"speaker": "A", "text": 3}]', "turn 1: 'text' must be a string"),
        ('[{"speaker": " ", "text": "x"}]', "turn 1 has an empty speaker"),
        ('["hello"]', "turn 1 is a str, not an object"),
        ('[{"speaker": "A", "text": "x", "addressees": "B"}]', "'addressees' must be a list"),
        ('{"turns": [], "title": 5}', "'title' must be a string"),
        ("[]", "no turns found"),
        ('{"format": "summitry.transcript", "version": 9, "turns": []}', "version 9 is newer"),
        ('{"format": "summitry.transcript", "turns": [{"speaker": "A"}]}', "field 'turns.0"),
    ],
)
def test_bad_json(text: str, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        parse_json(text, "t.json")
