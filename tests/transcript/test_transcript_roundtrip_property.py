"""Property: any reasonable transcript survives render → parse, in Markdown and in JSON."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.errors import TranscriptError
from summitry.transcript import (
    parse_json,
    parse_markdown,
    parse_transcript,
    render_json,
    render_markdown,
)
from summitry.turns import Transcript, Turn

ROLE_WORDS = re.compile(r"mediat|moderat|chair|facilitat|host|conven|presid|emcee", re.I)
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u00f1\u00fc\u4e2d"
NAME_CHARS = LETTERS + " .'-"
TEXT_CHARS = LETTERS + "0123456789 .,;:!?'\"*()-_#[]\u2014\u201c\u201d"


def _clean(text: str) -> str:
    return " ".join(text.split())


names = (
    st.text(NAME_CHARS, min_size=1, max_size=24)
    .map(_clean)
    .filter(lambda s: bool(s) and s[0].isalpha() and not ROLE_WORDS.search(s))
)
tones = st.none() | st.text(LETTERS + " ,-", min_size=1, max_size=30).map(_clean).filter(
    lambda s: bool(s) and not ROLE_WORDS.search(s)
)
line_text = st.text(TEXT_CHARS, max_size=80).map(str.strip)
paragraph = (
    st.text(LETTERS + " .,", min_size=1, max_size=40)
    .map(_clean)
    .filter(lambda s: bool(s) and s[0].isalpha())
)
# A continuation paragraph starts with a letter, so it cannot look like a turn, a rule or
# a stage direction; the first line may hold anything, quotes, asterisks and colons included.
turn_text = st.builds(
    lambda first, more: "\n\n".join([first, *more]),
    line_text,
    st.lists(paragraph, max_size=2),
)
plain_field = st.text(LETTERS + " .,:'", max_size=40).map(_clean)


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    cast = draw(st.lists(names, min_size=1, max_size=5, unique=True))
    speakers = draw(st.lists(st.sampled_from(cast), min_size=1, max_size=12))
    moderator = draw(st.none() | st.sampled_from(speakers))
    turns = []
    for index, speaker in enumerate(speakers, start=1):
        tone = draw(tones)
        if speaker == moderator and index == speakers.index(speaker) + 1:
            tone = "Session moderator"
        turns.append(
            Turn(
                index=index,
                speaker=speaker,
                text=draw(turn_text),
                tone=tone,
                is_moderator=speaker == moderator,
            )
        )
    return Transcript(
        title=draw(plain_field),
        premise=draw(plain_field),
        turns=tuple(turns),
        narration=draw(st.none() | paragraph),
        afterword=draw(st.none() | paragraph),
        moderator=moderator,
    )


@settings(max_examples=200, deadline=None)
@given(transcripts())
def test_markdown_round_trip(transcript: Transcript) -> None:
    rendered = render_markdown(transcript)
    assert parse_markdown(rendered) == transcript
    assert parse_transcript(rendered) == transcript


@settings(max_examples=100, deadline=None)
@given(transcripts())
def test_json_round_trip(transcript: Transcript) -> None:
    assert parse_json(render_json(transcript)) == transcript


@settings(max_examples=500, deadline=None)
@given(
    st.text(max_size=300)
    | st.text(TEXT_CHARS + "\n\r{}[]", max_size=300)
    | st.integers(1, 5000).map(lambda depth: "[" * depth + "]" * depth)
)
def test_any_text_parses_or_raises_a_transcript_error(text: str) -> None:
    try:
        transcript = parse_transcript(text)
    except TranscriptError as exc:
        assert str(exc).startswith("<transcript>")
    else:
        assert transcript.turns and [t.index for t in transcript.turns] == list(
            range(1, len(transcript.turns) + 1)
        )
