"""Phase planners, one per agenda phase, found by the phase's name."""

from __future__ import annotations

from summitry.session.phases.common_ground import plan_common_ground
from summitry.session.phases.discussion import plan_crosstalk, plan_edge_case, plan_probe, plan_reframe
from summitry.session.phases.framing import plan_closing, plan_opening, plan_welcome
from summitry.session.phases.rounds import plan_naive_questions, plan_smartest_questions, plan_synthesis
from summitry.session.planning import PhasePlanner

PLANNERS: dict[str, PhasePlanner] = {
    "welcome": plan_welcome,
    "opening": plan_opening,
    "probe": plan_probe,
    "crosstalk": plan_crosstalk,
    "edge_case": plan_edge_case,
    "reframe": plan_reframe,
    "naive_questions": plan_naive_questions,
    "smartest_questions": plan_smartest_questions,
    "synthesis": plan_synthesis,
    "common_ground": plan_common_ground,
    "closing": plan_closing,
}
