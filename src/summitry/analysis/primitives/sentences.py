"""Sentences: the unit every analysis works on, cut from turns and tagged with who said them.

A :class:`Sentence` remembers its turn, speaker and phase, whether it is a question, whether it
is a quoted hypothetical (a joke or an imagined question, not a position) and whether it is a
*claim*: a delegation's own statement long enough to carry a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitry.text.sentences import split_sentences
from summitry.text.words import is_content, word_count, words
from summitry.turns import Transcript, Turn

MIN_CLAIM_WORDS = 5  # shorter sentences (greetings, thanks) are not claims (a guess, not measured)
MIN_CLAIM_CONTENT_WORDS = 3  # a guess, not measured
QUOTED_SHARE = 0.6  # a sentence this much inside quotation marks quotes rather than states (a guess, not measured)
# a quotation in a turn this short (in sentences) is an imagined question spanning it (a guess, not measured)
QUOTED_TURN_MAX_SENTENCES = 3

_QUOTED = re.compile(
    r"(?:^|(?<=[\s:(]))[\"'“‘]((?:[^\"'“”‘’]|(?<=\w)['’](?=\w)){12,})[\"'”’](?=[\s.,!?;:)]|$)"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one turn."""

    id: int
    turn: int
    speaker: str
    text: str
    position: int
    phase: str | None
    is_moderator: bool
    is_question: bool
    is_quoted: bool
    is_claim: bool  # a delegation's own statement long enough to carry a position


def _claim(text: str, is_moderator: bool, is_quoted: bool) -> bool:
    return (
        not is_moderator
        and not is_quoted
        and word_count(text) >= MIN_CLAIM_WORDS
        and sum(1 for w in words(text) if is_content(w)) >= MIN_CLAIM_CONTENT_WORDS
    )


def _is_quoted(sentence: str) -> bool:
    """A sentence that mostly quotes an imagined question or saying rather than stating a view."""
    match = _QUOTED.search(sentence)
    if not match:
        return False
    inner = match.group(1)
    return len(inner) >= QUOTED_SHARE * len(sentence) or (":" in sentence and inner.rstrip().endswith("?"))


def collective(speaker: str) -> bool:
    """Voices such as 'All nations' speak for everyone and are not a delegation."""
    return speaker.lower().startswith(("all ", "everyone", "together"))


def sentences_of(transcript: Transcript, moderators: set[str] | None = None) -> list[Sentence]:
    """Every sentence of every turn, in order, with its turn's metadata."""
    moderators = moderators or set()
    if transcript.moderator:
        moderators = moderators | {transcript.moderator}
    out: list[Sentence] = []
    for turn in transcript.turns:
        mod = turn.is_moderator or turn.speaker in moderators or collective(turn.speaker)
        out.extend(_turn_sentences(turn, mod, len(out)))
    return out


def _turn_sentences(turn: Turn, is_moderator: bool, start_id: int) -> list[Sentence]:
    pieces = split_sentences(turn.text)
    # A quotation spanning several sentences (an imagined question) is quoted throughout.
    short = len(pieces) <= QUOTED_TURN_MAX_SENTENCES
    quoted_turn = bool(_QUOTED.search(turn.text)) and turn.text.count(":") >= 1 and short
    out = []
    for k, piece in enumerate(pieces):
        quoted = _is_quoted(piece) or (quoted_turn and _in_quote(turn.text, piece))
        out.append(
            Sentence(
                id=start_id + k,
                turn=turn.index,
                speaker=turn.speaker,
                text=piece,
                position=k,
                phase=turn.phase,
                is_moderator=is_moderator,
                is_question=piece.rstrip("\"'”’ ").endswith("?"),
                is_quoted=quoted,
                is_claim=_claim(piece, is_moderator, quoted),
            )
        )
    return out


def _in_quote(text: str, piece: str) -> bool:
    for match in _QUOTED.finditer(text):
        if piece.strip("\"'“”‘’ ") in match.group(0):
            return True
    return False
