"""The working document a language model continues: shared header, transcript, per-turn cue.

Successive turns share the longest possible prefix, so a model that keeps its cache
evaluates only what is new: the header (scenario, lesson, delegations) never changes, the
transcript is appended verbatim, and the cue for the turn being written comes last. Each
turn's label carries a stage direction from its plan, in the seed's shape
(``**China** *(agrees with Russia, on climate)*: "…"``), so the session itself teaches the
model how a direction shapes a turn. Past a token budget, the oldest turns are folded into a
summary in large steps, so the prompt stops growing and the cache is rebuilt only at those
steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from summitry.plan import Move, Stance, TurnPlan
from summitry.scenario.model import Scenario
from summitry.text.names import join_names
from summitry.turns import Turn

STANCE_WORDS = {
    Stance.OPPOSE: "disagrees with",
    Stance.SUPPORT: "agrees with",
    Stance.QUALIFY: "partly agrees with",
    Stance.NEUTRAL: "answers",
}

MOVE_WORDS = {
    Move.PROPOSE: "proposes a shift of focus",
    Move.NAIVE_QUESTION: "asks a naive question",
    Move.SMART_QUESTION: "asks a sharp question",
    Move.REFLECT: "reflects",
}


HEADER_POINTS = 1  # a delegation's own words in the header; each turn's cue brings the one it needs


def header(scenario: Scenario) -> str:
    """The part of the document every turn shares: who is who and what the lesson taught."""
    lesson = scenario.lesson
    lines = [f"# {scenario.title}", "", f"*{scenario.premise}*", "", f"## Lesson: {lesson.topic}", lesson.summary]
    for concept in lesson.concepts:
        lines.append(f"- {concept.name}: {concept.summary}")
    lines += ["", "## Delegations", ""]
    for d in scenario.delegations:
        claims = [u.claim for u in d.material() if u.kind == "argument" and u.claim]
        points = " ".join(f'"{claim}"' for claim in claims[:HEADER_POINTS])
        lines.append(
            f"**{d.name}** ({d.tone}). {d.summary} Cares about {join_names(list(d.interests))}. "
            f"In its own words: {points}"
        )
    lines += ["", f"**{scenario.moderator.name}**: {scenario.moderator.role}.", "", "## Transcript", ""]
    return "\n".join(lines) + "\n"


def direction(plan: TurnPlan) -> str:
    """What the turn does, as a stage direction: whom it answers and how, on what theme."""
    if plan.is_moderator:
        return "moderates"
    target = join_names(list(plan.addressees)) if plan.addressees else ""
    action = MOVE_WORDS.get(plan.move) or (f"{STANCE_WORDS[plan.stance]} {target}" if target else "speaks")
    point = f", on {plan.talking_point.theme}" if plan.talking_point else ""  # its words open the turn
    return f"{action}{point}"


def note(plan: TurnPlan) -> str:
    """A one-line stage note of the turn, for director's notes to a chat model."""
    return f"[{plan.speaker} {direction(plan)}]"


def speaker_line(plan: TurnPlan) -> str:
    """The turn's label with its stage direction in the seed's own shape:
    ``**China** *(agrees with Russia, on climate)*: "``."""
    return f'**{plan.speaker}** *({direction(plan)})*: "'


def turn_block(turn: Turn, plan: TurnPlan) -> str:
    return f'{speaker_line(plan)}{turn.text}"\n\n'


def cue_block(plan: TurnPlan, lead: str) -> str:
    """The end of the prompt: the new turn's label and direction, and its opening words."""
    # no trailing space: the model's next word token carries its own leading space
    return f"{speaker_line(plan)}{lead}"


MAX_SUMMARY_THEMES = 6


def summary_block(turns: tuple[Turn, ...], plans: tuple[TurnPlan, ...]) -> str:
    """Folded turns as one line per speaker: the themes they raised, the latest last.

    Its size is bounded by the number of speakers, so the prompt stops growing."""
    themes: dict[str, list[str]] = {}
    for turn, plan in zip(turns, plans, strict=True):
        raised = themes.setdefault(turn.speaker, [])
        theme = plan.talking_point.theme if plan.talking_point else None
        if theme:
            if theme in raised:
                raised.remove(theme)
            raised.append(theme)
    lines = [
        f"- {speaker} spoke on {join_names(raised[-MAX_SUMMARY_THEMES:])}."
        for speaker, raised in themes.items()
        if raised
    ]
    return "Earlier in the session:\n" + "\n".join(lines) + "\n\n"


@dataclass
class DocumentLayout:
    """Keeps the transcript part of the prompt under a token budget by folding old turns."""

    scenario: Scenario
    count_tokens: Callable[[str], int]
    budget: int = 2400
    chunk: int = 30  # turns are folded this many at a time, so the prefix changes rarely

    def prompt(self, turns: tuple[Turn, ...], plans: tuple[TurnPlan, ...], plan: TurnPlan, lead: str) -> str:
        return self.prefix(turns, plans) + cue_block(plan, lead)

    def prefix(self, turns: tuple[Turn, ...], plans: tuple[TurnPlan, ...]) -> str:
        folded = self.folded(turns, plans)
        parts = [header(self.scenario)]
        if folded:
            parts.append(summary_block(turns[:folded], plans[:folded]))
        parts += [turn_block(t, p) for t, p in zip(turns[folded:], plans[folded:], strict=True)]
        return "".join(parts)

    def folded(self, turns: tuple[Turn, ...], plans: tuple[TurnPlan, ...]) -> int:
        """How many old turns to fold: the fewest whole chunks that bring the rest under budget.

        A pure function of the turns, so a resumed session lays out its prompt exactly as
        the uninterrupted session would have.
        """
        blocks = [turn_block(t, p) for t, p in zip(turns, plans, strict=True)]
        folded = 0
        while folded < len(blocks) and self.count_tokens("".join(blocks[folded:])) > self.budget:
            folded += self.chunk
        return min(folded, len(blocks))
