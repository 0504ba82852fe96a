"""Figures over seeds: mean, lowest and highest, unknown kept apart."""

from __future__ import annotations

from summitry.evaluation.spread import Spread, spreads


def test_a_spread_leaves_unknown_values_out_and_says_how_many_were_known():
    spread = Spread.of([0.2, None, 0.4])
    assert (spread.mean, spread.min, spread.max, spread.known) == (0.3, 0.2, 0.4, 2)
    assert spread.cell() == "0.300 (0.200–0.400)"


def test_a_figure_unknown_in_every_session_is_unknown_not_zero():
    assert Spread.of([None, None]).cell() == "unknown"
    assert Spread.of([2, 2]).cell() == "2"


def test_spreads_group_sessions_by_backend_and_scenario():
    rows = [
        {"backend": "composer", "scenario": "nile", "seed": 0, "pasted_slots": 0.1},
        {"backend": "composer", "scenario": "nile", "seed": 1, "pasted_slots": 0.3},
        {"backend": "local", "scenario": "nile", "seed": 0, "pasted_slots": 0.0},
    ]
    groups = spreads(rows, ["pasted_slots", "absent"])
    assert [(g["backend"], g["seeds"]) for g in groups] == [("composer", [0, 1]), ("local", [0])]
    assert groups[0]["figures"] == {"pasted_slots": {"mean": 0.2, "min": 0.1, "max": 0.3, "known": 2}}
