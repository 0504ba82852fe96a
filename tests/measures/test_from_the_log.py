"""Figures read from the log: model share (spans), material use and responsiveness (plans)."""

from __future__ import annotations

from summitry.measures.content_responsiveness import content_responsiveness
from summitry.measures.material_use import material_use
from summitry.measures.model_share import model_share
from summitry.plan import Move, TurnPlan
from summitry.session.events import Span, TurnSpoken
from summitry.turns import Turn

NAMES = ["Northport", "Southbay"]


def spoken(index: int, speaker: str, *spans: tuple[str, str]) -> TurnSpoken:
    text = "".join(t for t, _ in spans)
    return TurnSpoken(
        turn=Turn(index=index, speaker=speaker, text=text),
        realizer="test",
        spans=tuple(Span(text=t, source=s) for t, s in spans),  # type: ignore[arg-type]
    )


def plan(index: int, speaker: str, units: tuple[str, ...] = (), responds_to: int | None = None) -> TurnPlan:
    return TurnPlan(index=index, phase="crosstalk", phase_index=0, speaker=speaker, move=Move.ANSWER,
                    units=units, responds_to=responds_to, is_moderator=speaker == "Dr. Ana Ruiz")


def test_model_share_counts_delegation_words_by_source():
    events = [
        spoken(1, "Dr. Ana Ruiz", ("Welcome, all of you, to the bay.", "model")),
        spoken(2, "Northport", ("We answer plainly. ", "template"), ("Cod need the reef.", "model")),
        spoken(3, "Southbay", ("Ferry tickets pay for the lights.", "scenario")),
    ]
    share = model_share(events, NAMES)
    assert share.words_by_source == {"template": 3, "model": 4, "scenario": 6}
    assert share.share == round(4 / 13, 3)


def test_model_share_is_unknown_when_a_delegation_turn_has_no_spans():
    events = [
        spoken(1, "Northport", ("Cod need the reef.", "model")),
        TurnSpoken(turn=Turn(index=2, speaker="Southbay", text="Ferries matter."), realizer="composer"),
    ]
    share = model_share(events, NAMES)
    assert share.turns_without_spans == 1
    assert share.share is None


def test_material_use_per_delegation(bay):
    plans = [
        plan(1, "Dr. Ana Ruiz", ("northport.argument.1",)),  # the mediator's plans do not count
        plan(2, "Northport", ("northport.argument.2",)),
        plan(3, "Southbay", ("southbay.argument.1",)),
        plan(4, "Northport", ("northport.argument.2",)),
    ]
    use = material_use(bay, plans)
    north, south = use.delegations
    assert (north.used, north.reused, north.unused) == (
        ("northport.argument.2",), ("northport.argument.2",), ("northport.argument.1",))
    assert (south.used, south.reused, south.unused) == (
        ("southbay.argument.1",), (), ("southbay.argument.2",))
    assert (use.used_share, use.reused_share, use.unused_share) == (0.5, 0.25, 0.5)


def test_material_use_is_unknown_when_no_plan_names_a_unit(bay):
    use = material_use(bay, [plan(1, "Northport"), plan(2, "Southbay")])
    assert not use.known
    assert use.used_share is None


def test_a_reply_that_takes_up_the_answered_unit_engages_it(bay):
    turns = [
        Turn(index=1, speaker="Northport", text="Dredging stirs silt that smothers our spawning grounds."),
        Turn(index=2, speaker="Southbay", text="Northport, the silt settles within a week; spawning grounds recover."),
        Turn(index=3, speaker="Northport", text="Southbay is wrong, and Southbay knows it."),
    ]
    plans = [
        plan(1, "Northport", ("northport.argument.2",)),
        plan(2, "Southbay", ("southbay.argument.2",), responds_to=1),
        plan(3, "Northport", (), responds_to=2),
    ]
    result = content_responsiveness(bay, turns, plans)
    assert [(r.turn, r.answers, r.engaged) for r in result.replies] == [(2, 1, True), (3, 2, False)]
    assert result.replies[0].shared == ("ground", "silt", "spawn")  # stems
    assert result.share == 0.5


def test_background_words_and_names_do_not_count_as_engagement(bay):
    # "dredging" is in both delegations' material: background; naming Northport earns nothing
    turns = [
        Turn(index=1, speaker="Northport", text="Dredging stirs silt that smothers our spawning grounds."),
        Turn(index=2, speaker="Southbay", text="Northport speaks of dredging, but dredging means jobs."),
    ]
    plans = [plan(1, "Northport", ("northport.argument.2",)), plan(2, "Southbay", responds_to=1)]
    assert content_responsiveness(bay, turns, plans).share == 0.0


def test_responsiveness_is_unknown_without_planned_units(bay):
    turns = [Turn(index=1, speaker="Northport", text="Cod."), Turn(index=2, speaker="Southbay", text="Ferries.")]
    plans = [plan(1, "Northport"), plan(2, "Southbay", responds_to=1)]
    assert content_responsiveness(bay, turns, plans).share is None
