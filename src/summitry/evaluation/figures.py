"""The honest figures of one logged session, each from its one definition in ``summitry.measures``.

:func:`honest_figures` reads a session's state (rebuilt from its log) and returns flat figures
for the evaluation table, plus the evidence behind them (recurring frames, repeated sentences,
pasted slots, material per delegation) for the JSON. A figure the log cannot support (no spans,
no plans naming units) is ``None``: shown as "unknown", never guessed.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from summitry.measures.content_responsiveness import content_responsiveness
from summitry.measures.material_use import material_use
from summitry.measures.model_share import model_share
from summitry.measures.pasted_slots import pasted_share, pasted_slots
from summitry.measures.repeated_sentences import repeat_count, repeated_sentences
from summitry.measures.scenario_words import ScenarioMask, scenario_texts
from summitry.measures.skeleton import skeleton_repetition
from summitry.measures.template_frames import Families, template_frames
from summitry.realize.bank import bank_for
from summitry.session.state import SessionState

EVIDENCE_LISTED = 10
"""Items of each kind of evidence kept in figures.json (the figure itself counts them all)."""


def honest_figures(state: SessionState) -> tuple[dict[str, Any], dict[str, Any]]:
    """The figures of a session, and the evidence behind them."""
    scenario = state.scenario
    names = [d.name for d in scenario.delegations]
    delegation_turns = [t for t in state.turns if t.speaker in names]
    texts = scenario_texts(scenario)
    share = model_share(state.spoken, names)
    mask = ScenarioMask.of(scenario)
    skeleton = skeleton_repetition(delegation_turns, mask)
    bank = bank_for(scenario, "delegation")
    frames = template_frames(state.spoken, names, mask, Families.of({s: bank[s] for s in bank.slots}))
    material = material_use(scenario, state.plans)
    replies = content_responsiveness(scenario, state.turns, state.plans)
    repeats = repeated_sentences(state.turns)
    pastes = pasted_slots(scenario, state.turns, texts)
    figures = {
        "model_share": share.share,
        "skeleton_repetition": skeleton.share,
        "template_frame_repetition": frames.share,
        "material_used": material.used_share,
        "material_reused": material.reused_share,
        "material_unused": material.unused_share,
        "content_responsiveness": replies.share,
        "sentences_said_twice": repeat_count(repeats),
        "pasted_slots": pasted_share(state.turns, pastes),
    }
    evidence = {
        "words_by_source": share.words_by_source,
        "turns_without_spans": share.turns_without_spans,
        "recurring_frames": [{"frame": f, "turns": n} for f, n in skeleton.frames[:EVIDENCE_LISTED]],
        "turns_reusing_a_frame": list(skeleton.reusing),
        "recurring_template_frames": [{"frame": f, "turns": n} for f, n in frames.frames[:EVIDENCE_LISTED]],
        "turns_reusing_a_template_frame": list(frames.reusing),
        "material": [asdict(d) for d in material.delegations] if material.known else None,
        "replies": [asdict(r) for r in replies.replies],
        "sentences_said_twice": [asdict(r) for r in repeats[:EVIDENCE_LISTED]],
        "pasted_slots": [asdict(p) for p in pastes[:EVIDENCE_LISTED]],
    }
    return figures, evidence
