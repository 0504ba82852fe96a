"""Template frames: the connecting phrases of turns, compared by their first words."""

from __future__ import annotations

from summitry.measures.scenario_words import ScenarioMask
from summitry.measures.template_frames import Families, template_frames
from summitry.session.events import Span, TurnSpoken
from summitry.turns import Turn


def spoken(index: int, speaker: str, *spans: tuple[str, str]) -> TurnSpoken:
    text = "".join(t for t, _ in spans)
    return TurnSpoken(turn=Turn(index=index, speaker=speaker, text=text), realizer="composer",
                      spans=[Span(text=t, source=s) for t, s in spans])


def test_the_same_lead_in_with_other_names_and_other_material_is_a_reuse(bay):
    names = [d.name for d in bay.delegations]
    a, b = names[0], names[1]
    events = [
        spoken(1, a, (f"We disagree with {b} on the cod:", "template"), (" Our boats came first.", "scenario")),
        spoken(2, b, ("Lifeguards cost money.", "scenario")),
        spoken(3, b, (f"We disagree with {a} on ferries:", "template"), (" Ferries feed the town.", "scenario")),
    ]
    result = template_frames(events, names, ScenarioMask.of(bay))
    assert result.reusing == (3,)
    assert result.share == round(1 / 3, 3)
    assert result.frames[0] == ("we disagree with", 2)


def test_different_lead_ins_a_bare_name_and_the_scenarios_own_words_do_not_count(bay):
    names = [d.name for d in bay.delegations]
    a, b = names[0], names[1]
    events = [
        spoken(1, a, (f"{b},", "template"), (" Our boats came first.", "scenario")),
        spoken(2, b, (f"{a},", "template"), (" Our boats came first, they say.", "scenario")),
        spoken(3, a, ("Let me move toward the others:", "template"), (" we could share.", "scenario")),
    ]
    result = template_frames(events, names, ScenarioMask.of(bay))
    assert result.reusing == ()
    assert result.share == 0.0


def test_a_session_without_spans_is_unknown(bay):
    names = [d.name for d in bay.delegations]
    events = [TurnSpoken(turn=Turn(index=1, speaker=names[0], text="We disagree."), realizer="composer")]
    assert template_frames(events, names, ScenarioMask.of(bay)).share is None


def test_with_the_banks_phrases_a_frame_is_the_slot_it_was_drawn_from(bay):
    names = [d.name for d in bay.delegations]
    a, b = names[0], names[1]
    families = Families.of({"agree": ("We agree with {a} on {point}:", "{A} is right about {point}."),
                            "name_only": ("{A},",)})
    events = [
        spoken(1, a, (f"We agree with {b} on the cod:", "template"), (" Our boats came first.", "scenario")),
        spoken(2, b, (f"{a} is right about ferries.", "template"), (" Ferries feed the town.", "scenario")),
        spoken(3, a, (f"{b},", "template"), (" the reef matters.", "scenario")),
    ]
    result = template_frames(events, names, ScenarioMask.of(bay), families)
    assert result.reusing == (2,)
    assert result.frames == (("slot agree", 2),)
    assert template_frames(events, names, ScenarioMask.of(bay)).reusing == ()  # by words, two frames
