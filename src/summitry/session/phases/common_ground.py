"""The common-ground phase: the mediator names rivals who converged, from what was said."""

from __future__ import annotations

from summitry.analysis.findings.common_ground import find_common_ground
from summitry.analysis.findings.labels import theme_vocabulary
from summitry.embed import LexicalEmbedder
from summitry.plan import CommonGroundNote, Move, TurnPlan
from summitry.session.planning import PlanContext, delegation_turn
from summitry.turns import Transcript

_EMBEDDER = LexicalEmbedder()


def plan_common_ground(ctx: PlanContext) -> TurnPlan | None:
    """First the mediator's findings, then each delegation's reply, those named first."""
    if not ctx.phase_plans:
        notes = find_notes(ctx)
        return ctx.plan(ctx.moderator, Move.SUMMARIZE, addressees=_named(notes), common_ground=notes)
    notes = ctx.phase_plans[0].common_ground
    order = list(_named(notes)) + [n for n in ctx.names if n not in _named(notes)]
    waiting = [n for n in order if not ctx.spoke_in_phase(n)]
    if not waiting:
        return None
    speaker = waiting[0]
    partner = _partner(notes, speaker)
    theme = next((n.theme for n in notes if speaker in n.pair), "")
    partner_turn = next((t for t in reversed(ctx.turns) if t.speaker == partner), None)
    return delegation_turn(
        ctx, speaker, Move.REFLECT, f"common ground {theme}".strip(), answer_to=partner_turn, recent=1
    )


def find_notes(ctx: PlanContext) -> tuple[CommonGroundNote, ...]:
    """Run the analysis on the turns so far and keep what the mediator will say."""
    transcript = Transcript(title=ctx.scenario.title, turns=ctx.turns, moderator=ctx.moderator)
    findings = find_common_ground(
        transcript,
        relation=ctx.scenario.relation,
        embedder=_EMBEDDER,
        limit=ctx.item.pairs,
        themes=theme_vocabulary(ctx.scenario),
    )
    return tuple(
        CommonGroundNote(pair=f.pair, theme=f.theme, sentence=f.sentence, turns=tuple(e.turn for e in f.evidence))
        for f in findings
    )


def _named(notes: tuple[CommonGroundNote, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for note in notes:
        for name in note.pair:
            seen.setdefault(name, None)
    return tuple(seen)


def _partner(notes: tuple[CommonGroundNote, ...], speaker: str) -> str | None:
    for note in notes:
        if speaker in note.pair:
            return note.pair[1] if note.pair[0] == speaker else note.pair[0]
    return None
