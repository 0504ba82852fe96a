"""Phase planners, one per agenda phase, found by the phase's name."""

from __future__ import annotations

from summitry.phase import Phase
from summitry.session.phases.common_ground import plan_common_ground
from summitry.session.phases.discussion import plan_crosstalk, plan_edge_case, plan_probe, plan_reframe
from summitry.session.phases.framing import plan_closing, plan_opening, plan_welcome
from summitry.session.phases.rounds import plan_naive_questions, plan_smartest_questions, plan_synthesis
from summitry.session.planning import PhasePlanner

PLANNERS: dict[Phase, PhasePlanner] = {
    Phase.WELCOME: plan_welcome,
    Phase.OPENING: plan_opening,
    Phase.PROBE: plan_probe,
    Phase.CROSSTALK: plan_crosstalk,
    Phase.EDGE_CASE: plan_edge_case,
    Phase.REFRAME: plan_reframe,
    Phase.NAIVE_QUESTIONS: plan_naive_questions,
    Phase.SMARTEST_QUESTIONS: plan_smartest_questions,
    Phase.SYNTHESIS: plan_synthesis,
    Phase.COMMON_GROUND: plan_common_ground,
    Phase.CLOSING: plan_closing,
}
