"""Skeleton repetition: frames once the scenario's words are masked."""

from __future__ import annotations

from summitry.measures.scenario_words import SLOT, ScenarioMask
from summitry.measures.skeleton import sentence_frame, skeleton_repetition
from summitry.text.words import words
from summitry.turns import Turn


def turn(index: int, speaker: str, text: str) -> Turn:
    return Turn(index=index, speaker=speaker, text=text)


def test_the_mask_hides_scenario_runs_and_names_but_keeps_glue(bay):
    mask = ScenarioMask.of(bay)
    text = "Northport says the eelgrass meadows near the northern reef matter because of ferry revenue."
    masked = mask.mask(words(text))
    assert masked == [SLOT, "says", "the", SLOT, "matter", "because", "of", SLOT]


def test_a_run_of_function_words_alone_is_not_masked():
    mask = ScenarioMask.from_texts(["the future of the bay"])
    assert mask.mask(words("we think of the children")) == ["we", "think", "of", "the", "children"]


def test_the_same_frame_with_other_fillers_is_a_reuse(bay):
    turns = [
        turn(1, "Northport", "We stand firmly behind seasonal catch caps set by a joint board. Cod matter."),
        turn(2, "Southbay", "We stand firmly behind ferry revenue, and always will."),
        turn(3, "Northport", "We stand firmly behind protecting the cod nursery."),
    ]
    result = skeleton_repetition(turns, ScenarioMask.of(bay))
    assert result.reusing == (2, 3)
    assert result.share == round(2 / 3, 3)
    assert result.frames[0] == ("we stand firmly behind _", 3)


def test_turns_built_differently_do_not_count(bay):
    turns = [
        turn(1, "Northport", "We stand firmly behind seasonal catch caps set by a joint board."),
        turn(2, "Southbay", "Who pays for the lifeguards if the ferries stop running?"),
        turn(3, "Northport", "Our boats have fished this water for three hundred years."),
    ]
    result = skeleton_repetition(turns, ScenarioMask.of(bay))
    assert result.reusing == ()
    assert result.share == 0.0
    assert result.frames == ()


def test_a_sentence_made_of_scenario_material_has_no_frame(bay):
    mask = ScenarioMask.of(bay)
    assert sentence_frame("Juvenile cod shelter in the eelgrass meadows near the northern reef.", mask) is None
    assert sentence_frame("Southbay, we hear you on ferry revenue.", mask) == ("_", "we", "hear", "you", "on", "_")


def test_no_turns_no_figure(bay):
    assert skeleton_repetition([], ScenarioMask.of(bay)).share is None
