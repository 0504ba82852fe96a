"""Guided generation: a language model writes each delegation's turn from its plan, checked.

For every delegation turn the realizer builds the working document (shared header, the
transcript so far with a stage note per turn, the note and opening words of the new turn),
samples a few candidates in one request, cleans them, and keeps the best one that passes
every check of :mod:`summitry.realize.checks`. When none passes, the composer writes that
turn and the log records a fallback. The mediator's turns carry the lesson's facts and the
analysis's findings, which a small model would garble, so the composer writes them.

With a chat model (``style="chat"``) the same plan goes in as director's notes, with more
freedom: no opening words are imposed.
"""

from __future__ import annotations

import random
import time
from typing import Any

from summitry.backends.base import ChatMessage, CompletionRequest, LanguageModel, estimate_tokens
from summitry.embed import Embedder
from summitry.plan import Move, TurnPlan
from summitry.realize.base import Realization, SessionContext
from summitry.realize.checks import TurnChecker, Verdict, clean_candidate
from summitry.realize.composer import Composer, compose_lead
from summitry.realize.document import DocumentLayout, header, note
from summitry.scenario.model import Scenario

STOP = ['"', "\n"]
MIN_TOKENS = 12  # a candidate develops its opening words: the checks want 8 words of its own


class GuidedRealizer:
    """Realizes delegation turns with a language model, guided by the plan and checked."""

    def __init__(
        self,
        model: LanguageModel,
        embedder: Embedder,
        *,
        candidates: int = 3,
        max_tokens: int = 40,
        temperature: float = 0.8,
        style: str = "document",
        budget: int = 2400,
    ) -> None:
        self.model = model
        self.embedder = embedder
        self.candidates = candidates
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.style = style
        self.budget = budget
        self.composer = Composer()
        self._checker: TurnChecker | None = None
        self._layout: DocumentLayout | None = None

    @property
    def name(self) -> str:
        return self.model.name

    def warm_up(self) -> None:
        """Load the checks' sentence embedder now, so that the session's time is spent on the
        session (the language model itself is loaded when the backend is built)."""
        self.embedder.embed(["The delegation takes the floor."])

    def summary(self) -> dict[str, Any]:
        """Token and time accounting of the model calls, when the model keeps it."""
        summary = getattr(self.model, "summary", None)
        return summary() if callable(summary) else {}

    def realize(self, plan: TurnPlan, context: SessionContext) -> Realization:
        names = [d.name for d in context.scenario.delegations]
        if plan.is_moderator or plan.speaker not in names:
            composed = self.composer.realize(plan, context)
            return Realization(composed.text, realizer=composed.realizer, info={"composed": "moderator"})
        if _authored_question(plan, context):
            composed = self.composer.realize(plan, context)
            return Realization(composed.text, realizer=composed.realizer, info={"composed": "authored question"})
        self._prepare(context.scenario)
        lead = compose_lead(plan, context) if self.style == "document" else ""
        verdicts, usage = self._candidates(plan, context, lead)
        passing = [v for v in verdicts if v.ok]
        info: dict[str, Any] = {
            "usage": usage,
            "candidates": len(verdicts),
            "rejected": [
                {"text": v.text[len(lead) :].strip(), "problems": list(v.problems)} for v in verdicts if not v.ok
            ],
        }
        if passing:
            best = max(passing, key=lambda v: v.score)
            return Realization(best.text, realizer=self.name, info={**info, **best.details})
        composed = self.composer.realize(plan, context)
        return Realization(composed.text, realizer=composed.realizer, fallback=True, info=info)

    def _prepare(self, scenario: Scenario) -> None:
        if self._checker is None or self._checker.scenario is not scenario:
            self._checker = TurnChecker(scenario, self.embedder)
            # folding is decided on a model-independent size, so a replay lays out the same prompts
            self._layout = DocumentLayout(scenario, estimate_tokens, self.budget)

    def _candidates(self, plan: TurnPlan, context: SessionContext, lead: str
                    ) -> tuple[list[Verdict], dict[str, Any]]:
        request = self._request(plan, context, lead)
        completion = self.model.complete(request)
        assert self._checker is not None
        started = time.perf_counter()
        texts = list(dict.fromkeys(clean_candidate(raw, lead) for raw in completion.texts))
        self.embedder.embed([t for t in texts if t])  # one pass for all candidates; the checks reuse it
        verdicts = [self._checker.judge(text, lead, plan, context.turns) for text in texts]
        usage = {
            "prompt_tokens": completion.prompt_tokens,
            "cached_prompt_tokens": completion.cached_prompt_tokens,
            "completion_tokens": completion.completion_tokens,
            "seconds": round(completion.seconds, 4),
            "generation_seconds": round(completion.generation_seconds, 4),
            "check_seconds": round(time.perf_counter() - started, 4),
        }
        return verdicts, usage

    def _request(self, plan: TurnPlan, context: SessionContext, lead: str) -> CompletionRequest:
        seed = random.Random(f"{context.seed}:{plan.index}:model").randrange(2**31)
        common = dict(
            max_tokens=self.max_tokens,
            temperature=self.temperature,
            top_p=0.95,
            n=self.candidates,
            seed=seed,
            tag=plan.speaker,
        )
        if self.style == "chat":
            return CompletionRequest(messages=_chat_messages(plan, context), **common)
        assert self._layout is not None
        prompt = self._layout.prompt(context.turns, context.plans, plan, lead)
        return CompletionRequest(
            prompt=prompt, stop=STOP, repeat_penalty=1.1, dry_multiplier=0.8, min_tokens=MIN_TOKENS, **common
        )


def _authored_question(plan: TurnPlan, context: SessionContext) -> bool:
    """Naive and smartest questions that the scenario's author wrote are asked as written."""
    delegation = context.scenario.delegation(plan.speaker)
    return (plan.move is Move.NAIVE_QUESTION and bool(delegation.naive_question)) or (
        plan.move is Move.SMART_QUESTION and bool(delegation.smartest_question)
    )


def _chat_messages(plan: TurnPlan, context: SessionContext) -> list[ChatMessage]:
    """Director's notes for a chat model: the scenario as system, the plan as the request."""
    transcript = "\n".join(f"{t.speaker}: {t.text}" for t in context.turns[-24:])
    point = f' Draw on this point of theirs: "{plan.talking_point.text}".' if plan.talking_point else ""
    to = f" Address {plan.addressees[0]} by name." if plan.addressees else ""
    tone = context.scenario.delegation(plan.speaker).tone
    direction = (
        f"Write the next turn of {plan.speaker} only, in their voice ({tone})."
        f" Stage note: {note(plan)}.{to}{point} 40 to 90 words, first person plural, no speaker label, "
        "no quotation marks, and do not repeat what anyone has already said."
    )
    return [
        ChatMessage(
            role="system", content="You write turns of a diplomatic classroom session.\n\n" + header(context.scenario)
        ),
        ChatMessage(role="user", content=f"Transcript so far:\n{transcript}\n\n{direction}"),
    ]
