"""Sentences (claims, quoted hypotheticals) and names (addressed, vocative, masked)."""

from __future__ import annotations

from summitry.analysis.primitives.sentences import sentences_of
from summitry.text.names import NameMatcher
from summitry.text.sentences import split_sentences
from summitry.turns import Transcript, Turn


def test_split_keeps_abbreviated_quotes_and_drops_stage_directions() -> None:
    parts = split_sentences("*(laughing)* Okay. We agree! Do you? 'Shared knowledge,' they said.")
    assert parts == ["Okay.", "We agree!", "Do you?", "'Shared knowledge,' they said."]


def test_quoted_imagined_questions_are_not_claims() -> None:
    transcript = Transcript(
        turns=(
            Turn(index=1, speaker="Chair", text="Ask your most naive question.", is_moderator=True),
            Turn(
                index=2,
                speaker="Northland",
                text="Mine is: 'Can we encrypt our borders so nobody crosses?'",
            ),
            Turn(
                index=3,
                speaker="Southland",
                text="We think the lesson's monitoring concept could really help farmers.",
            ),
        )
    )
    sentences = sentences_of(transcript)
    by_turn = {s.turn: s for s in sentences}
    assert by_turn[2].is_quoted and not by_turn[2].is_claim
    assert by_turn[3].is_claim and not by_turn[3].is_quoted
    assert by_turn[1].is_moderator and not by_turn[1].is_claim


def test_addressed_names_subject_possessive_vocative_and_joined() -> None:
    m = NameMatcher(["United States", "Mexico", "Russia", "Iran"])
    assert m.addressed("Mexico's concerns are valid, and we agree.") == ["Mexico"]
    assert m.addressed("But Iran and Russia raise valid points about inclusion.") == [
        "Iran",
        "Russia",
    ]
    assert m.addressed(
        "The United States offers regional cooperation to Mexico while restricting it."
    ) == ["United States"]
    assert m.vocatives("Thank you. Mexico, how would you respond?") == ["Mexico"]
    assert m.credited("Mexico raises an excellent point. Iran, your view?") == ["Mexico"]
    assert m.addressed("the US and Russia agree") == ["United States", "Russia"]


def test_mask_replaces_names_with_pronouns() -> None:
    m = NameMatcher(["United States", "Russia"])
    assert m.mask("Russia's argument and the US position") == "their argument and the they position"
