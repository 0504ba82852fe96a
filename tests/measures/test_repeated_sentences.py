"""Sentences said twice, by anyone."""

from __future__ import annotations

from summitry.measures.repeated_sentences import repeat_count, repeated_sentences
from summitry.turns import Turn


def test_a_sentence_said_again_by_anyone_is_found_whatever_its_case_and_punctuation():
    turns = [
        Turn(index=1, speaker="A", text="The bay belongs to all of us. We want caps."),
        Turn(index=2, speaker="B", text="Thank you, Dr. Ruiz. THE BAY BELONGS TO ALL OF US!"),
        Turn(index=3, speaker="A", text="The bay belongs to all of us. Thank you, Dr. Ruiz."),
    ]
    repeats = repeated_sentences(turns)
    assert [(r.text, r.first_turn, r.repeated_in) for r in repeats] == [
        ("The bay belongs to all of us.", 1, (2, 3))
    ]
    assert repeat_count(repeats) == 2


def test_different_sentences_are_not_repeats():
    turns = [
        Turn(index=1, speaker="A", text="The bay belongs to all of us."),
        Turn(index=2, speaker="B", text="The bay belongs to the fish first."),
    ]
    assert repeated_sentences(turns) == []
