"""Pasted slots: scenario phrases dropped where they do not fit."""

from __future__ import annotations

from summitry.measures.pasted_slots import pasted_share, pasted_slots
from summitry.measures.scenario_words import scenario_texts
from summitry.turns import Turn


def signs(bay, text: str) -> list[tuple[str, str]]:
    turns = [Turn(index=1, speaker="Northport", text=text)]
    return [(p.phrase, p.sign) for p in pasted_slots(bay, turns, scenario_texts(bay))]


def test_a_capitalised_topic_mid_sentence_is_pasted(bay):
    assert signs(bay, "Welcome to this session on Sharing a coastal bay.") == [
        ("Sharing a coastal bay", "capital mid-sentence")
    ]


def test_the_same_topic_written_to_fit_is_not(bay):
    assert signs(bay, "Welcome to this session on sharing a coastal bay.") == []
    assert signs(bay, "Sharing a coastal bay is hard.") == []


def test_an_interest_starting_with_a_name_is_not_a_capital_mid_sentence(bay):
    bay_with_name = bay.model_copy()
    text = "We worry about Tourist ferries."  # "Tourist" is not a name in the scenario
    assert signs(bay_with_name, text) == [("Tourist ferries", "capital mid-sentence")]
    assert signs(bay, "The lesson on dredging was clear, and Northport agrees.") == []


def test_an_adverbial_option_after_a_verb_of_choosing_is_pasted(bay):
    assert signs(bay, "Southbay chose slowly, with a rule for each town.") == [
        ("Slowly, with a rule for each town", "not an object")
    ]


def test_a_noun_phrase_option_after_a_verb_of_choosing_fits(bay):
    assert signs(bay, "Northport chose seasonal catch caps set by a joint board.") == []


def test_the_share_counts_turns_with_a_sign(bay):
    turns = [
        Turn(index=1, speaker="Northport", text="We chose slowly, with a rule for each town."),
        Turn(index=2, speaker="Southbay", text="Ferries pay for the lights."),
    ]
    pastes = pasted_slots(bay, turns, scenario_texts(bay))
    assert pasted_share(turns, pastes) == 0.5
    assert pasted_share([], []) is None
