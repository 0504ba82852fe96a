"""What the mediator may claim: common ground holds only where two delegations engaged each other
on a point, on the same side, and neither rebuts the other on it; the synthesis names positions
actually taken."""

from __future__ import annotations

from summitry.plan import Move, Stance, TurnPlan
from summitry.scenario import load_scenario
from summitry.session.accord import common_ground_holds, could_rebut, positions_taken, rival_common_ground

from .helpers import DATA

PAPERS = str(DATA / "papers.yaml")


def _plan(index: int, speaker: str, units: tuple[str, ...], move: Move = Move.ANSWER, **fields) -> TurnPlan:
    return TurnPlan(index=index, phase="crosstalk", phase_index=2, speaker=speaker, move=move, units=units, **fields)


def test_a_claim_resting_on_only_one_side_is_rejected():
    scenario = load_scenario(PAPERS)
    # only Midmere spoke of river data: Upton and Lowby did not find common ground on it
    plans = (_plan(1, "Midmere", ("mi-p-data",)), _plan(2, "Lowby", ("lo-board",)))
    assert not common_ground_holds(scenario, plans, "Upton", "Lowby", "river data")
    plans = (*plans, _plan(3, "Lowby", ("lo-data",)))
    assert not common_ground_holds(scenario, plans, "Upton", "Lowby", "river data")


def test_two_offers_that_never_met_are_not_common_ground():
    scenario = load_scenario(PAPERS)
    # both made an offer on river data, but neither spoke to the other on it
    plans = (_plan(1, "Upton", ("up-c-data",), Move.CONCEDE), _plan(2, "Midmere", ("mi-p-data",), Move.PROPOSE))
    assert not common_ground_holds(scenario, plans, "Upton", "Midmere", "river data")
    met = (_plan(1, "Midmere", ("mi-p-data",), Move.PROPOSE),
           _plan(2, "Upton", ("up-c-data",), Move.CONCEDE, engages=("mi-p-data",), addressees=("Midmere",)))
    assert common_ground_holds(scenario, met, "Upton", "Midmere", "river data")
    assert not common_ground_holds(scenario, met, "Upton", "Midmere", "dam costs")


def test_a_claim_that_a_later_turn_contradicts_is_rejected():
    scenario = load_scenario(PAPERS)
    agreed = (
        _plan(1, "Lowby", ("lo-data",)),
        _plan(2, "Upton", ("up-data",), Move.AGREE_EXTEND, engages=("lo-data",), addressees=("Lowby",)),
    )
    assert common_ground_holds(scenario, agreed, "Upton", "Lowby", "river data")
    # later in the session Lowby opposes Upton's own unit on the same point
    later = (*agreed, _plan(3, "Lowby", ("lo-board",), Move.REBUT, engages=("up-data",), addressees=("Upton",),
                            stance=Stance.OPPOSE))
    assert not common_ground_holds(scenario, later, "Upton", "Lowby", "river data")


def test_no_common_ground_is_claimed_while_a_rebuttal_on_the_point_is_unused():
    scenario = load_scenario(PAPERS)
    # Lowby spoke of its joint board, and Upton still holds a rebuttal of exactly that unit
    plans = (_plan(1, "Lowby", ("lo-board",)),)
    assert could_rebut(scenario, plans, "Upton", "Lowby", "joint board")
    assert could_rebut(scenario, plans, "Lowby", "Upton", "joint board")  # either side counts
    assert not could_rebut(scenario, plans, "Upton", "Lowby", "river data")
    used = (*plans, _plan(2, "Upton", ("up-r-board",), Move.REBUT, engages=("lo-board",), addressees=("Lowby",)))
    assert not could_rebut(scenario, used, "Upton", "Lowby", "joint board")


def test_an_agreement_with_the_others_unit_is_common_ground_and_a_rebuttal_is_not():
    scenario = load_scenario(PAPERS)
    agreed = (
        _plan(1, "Lowby", ("lo-data",)),
        _plan(2, "Upton", ("up-data",), Move.AGREE_EXTEND, engages=("lo-data",), addressees=("Lowby",)),
    )
    assert common_ground_holds(scenario, agreed, "Upton", "Lowby", "river data")
    rebutted = (
        _plan(1, "Lowby", ("lo-data",)),
        _plan(2, "Upton", ("up-data",), Move.REBUT, engages=("lo-data",), addressees=("Lowby",), stance=Stance.OPPOSE),
    )
    assert not common_ground_holds(scenario, rebutted, "Upton", "Lowby", "river data")


def test_reasons_agree_only_when_the_choices_do():
    scenario = load_scenario(PAPERS)
    plans = (_plan(1, "Upton", ("up-why",)), _plan(2, "Lowby", ("lo-why",)))
    assert not common_ground_holds(scenario, plans, "Upton", "Lowby", "release")


def test_rival_common_ground_names_rivals_only():
    scenario = load_scenario(PAPERS)
    plans = (
        _plan(1, "Midmere", ("mi-p-data",), Move.PROPOSE),
        _plan(2, "Upton", ("up-c-data",), Move.CONCEDE, engages=("mi-p-data",), addressees=("Midmere",)),
        _plan(3, "Lowby", ("lo-p-share",), Move.PROPOSE),
    )
    assert rival_common_ground(scenario, plans, 3) == []  # Upton and Midmere agree, but are not rivals
    plans = (*plans, _plan(4, "Lowby", ("lo-data",)), _plan(5, "Upton", ("up-data",), Move.AGREE_EXTEND,
                                                            engages=("lo-data",), addressees=("Lowby",)))
    found = rival_common_ground(scenario, plans, 3)
    assert [(f.pair, f.on) for f in found] == [(("Upton", "Lowby"), "river data")]


def test_positions_taken_are_units_the_delegations_used():
    scenario = load_scenario(PAPERS)
    plans = (_plan(1, "Upton", ("up-cost",)), _plan(2, "Lowby", ("lo-p-share", "lo-data")))
    taken = positions_taken(scenario, plans, "who pays for the dam")
    assert taken == ("up-cost", "lo-p-share")  # Midmere said nothing, so nothing is said for it


def test_an_agreement_worded_without_naming_the_other_is_not_common_ground():
    scenario = load_scenario(PAPERS)
    plans = (
        _plan(1, "Lowby", ("lo-data",)),
        _plan(2, "Upton", ("up-data",), Move.AGREE_EXTEND, engages=("lo-data",), addressees=("Lowby",)),
    )
    # planned as taking Lowby up, but spoken as a bare statement of Upton's own: no one heard it meet Lowby
    bare = {1: "Daily release figures would end most of our quarrels.",
            2: "Our gauges already measure the inflow every hour."}
    assert not common_ground_holds(scenario, plans, "Upton", "Lowby", "river data", bare)
    assert rival_common_ground(scenario, plans, 3, bare) == []
    named = {**bare, 2: "Lowby is right about the figures. Our gauges already measure the inflow every hour."}
    assert common_ground_holds(scenario, plans, "Upton", "Lowby", "river data", named)
    assert [p.pair for p in rival_common_ground(scenario, plans, 3, named)] == [("Upton", "Lowby")]
