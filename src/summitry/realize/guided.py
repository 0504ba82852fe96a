"""Guided generation: a language model takes the part of a turn it can be trusted with, checked.

The composer writes every turn from its plan first. Then:

- a small base model (``style="document"``, the bundled ``local`` one) chooses, it does not write:
  the composer offers several complete wordings of the same plan (other connecting phrases, the
  material's sentences unchanged), the model scores each as the continuation of the session
  document (:mod:`summitry.realize.document`; mean log-probability per token) and the likeliest
  is spoken. The spans stay the composer's, and the record keeps the scores;
- a capable chat model (``style="chat"``) writes the whole turn from the plan and its units; the
  turn must pass the checks of :mod:`summitry.realize.checks` and carry its units faithfully.

Where nothing passes, the composer's wording stands and the log records a fallback with the reasons.
The mediator's turns carry the lesson's facts and what the session showed, so the composer writes them.
"""

from __future__ import annotations

import random
import time
from typing import Any

from summitry.backends.base import (
    ChatMessage,
    CompletionRequest,
    LanguageModel,
    ScoreRequest,
    check_scoring,
    estimate_tokens,
)
from summitry.embed import Embedder
from summitry.plan import Move, TurnPlan
from summitry.realize.base import Realization, SessionContext
from summitry.realize.checks import TurnChecker, clean_candidate
from summitry.realize.composer import Composer
from summitry.realize.document import DocumentLayout, header, note, speaker_line
from summitry.realize.fidelity import turn_problems
from summitry.scenario.index import material_of, unit_index
from summitry.scenario.touch import touched_units

CLOSING = '"'  # a wording is scored with the quote that ends it, so a turn that ends well scores well


class GuidedRealizer:
    """Realizes delegation turns with the composer and a language model, checked."""

    def __init__(
        self,
        model: LanguageModel,
        embedder: Embedder | None = None,
        *,
        candidates: int = 3,
        max_tokens: int = 120,
        temperature: float = 0.8,
        style: str = "document",
    ) -> None:
        self.model = model
        self.embedder = embedder  # the chat checks rank by meaning; a rewording needs none
        self.candidates = candidates
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.style = style
        self.composer = Composer()
        self._checker: TurnChecker | None = None
        self._layout: DocumentLayout | None = None
        if style == "document":
            check_scoring(model)

    @property
    def name(self) -> str:
        return self.model.name

    def warm_up(self) -> None:
        """Load the checks' sentence embedder now, so that the session's time is spent on the session."""
        if self.embedder is not None:
            self.embedder.embed(["The delegation takes the floor."])

    def summary(self) -> dict[str, Any]:
        """Token and time accounting of the model calls, when the model keeps it."""
        summary = getattr(self.model, "summary", None)
        return summary() if callable(summary) else {}

    def realize(self, plan: TurnPlan, context: SessionContext) -> Realization:
        composed = self.composer.realize(plan, context)
        names = [d.name for d in context.scenario.delegations]
        if plan.is_moderator or plan.speaker not in names:
            return Realization(composed.text, composed.realizer, info={"composed": "moderator"}, spans=composed.spans)
        if _authored_question(plan, context):
            return Realization(
                composed.text, composed.realizer, info={"composed": "authored question"}, spans=composed.spans
            )
        if self.style == "chat":
            return self._written(plan, context, composed)
        return self._chosen(plan, context, composed)

    def _chosen(self, plan: TurnPlan, context: SessionContext, composed: Realization) -> Realization:
        """The wording of the plan that the model finds likeliest after the session so far."""
        wordings = self.composer.wordings(plan, context, self.candidates)
        if len(wordings) < 2:
            return Realization(composed.text, composed.realizer, info={"composed": "one wording"},
                               spans=composed.spans)
        if self._layout is None or self._layout.scenario is not context.scenario:
            # laid out by a tokenizer-free count, so a replayed session folds as the recorded one did
            self._layout = DocumentLayout(context.scenario, estimate_tokens)
        prompt = self._layout.prefix(context.turns, context.plans) + speaker_line(plan)
        request = ScoreRequest(prompt=prompt, continuations=[w.text + CLOSING for w in wordings], tag=plan.speaker)
        scores = self.model.score(request)  # type: ignore[attr-defined]
        best = wordings[scores.best]
        info = {
            "candidates": len(wordings),
            "chosen": scores.best,
            "scores": [round(s, 4) for s in scores.scores],
            "usage": {
                "prompt_tokens": scores.prompt_tokens,
                "cached_prompt_tokens": scores.cached_prompt_tokens,
                "completion_tokens": 0,
                "seconds": round(scores.seconds, 4),
                "generation_seconds": 0.0,
            },
        }
        return Realization(best.text, self.name, info=info, spans=best.spans)

    def _written(self, plan: TurnPlan, context: SessionContext, composed: Realization) -> Realization:
        if self._checker is None or self._checker.scenario is not context.scenario:
            assert self.embedder is not None, "a chat model's turns are checked by meaning: pass an embedder"
            self._checker = TurnChecker(context.scenario, self.embedder)
        request = CompletionRequest(
            messages=_chat_messages(plan, context),
            max_tokens=self.max_tokens,
            temperature=self.temperature,
            top_p=0.95,
            n=self.candidates,
            seed=_seed(context, plan),
            tag=plan.speaker,
        )
        completion, started = self.model.complete(request), time.perf_counter()
        units = [unit_index(context.scenario)[u].text for u in plan.units if u in unit_index(context.scenario)]
        verdicts = []
        for text in dict.fromkeys(clean_candidate(raw, "") for raw in completion.texts):
            verdict = self._checker.judge(text, "", plan, context.turns)
            extra = turn_problems(text, units, context.scenario, plan.speaker)
            verdicts.append(verdict if not extra else type(verdict)(text, (*verdict.problems, *extra), verdict.score))
        passing = [v for v in verdicts if v.ok]
        info: dict[str, Any] = {
            "candidates": len(verdicts),
            "rejected": [{"text": v.text, "problems": list(v.problems)} for v in verdicts if not v.ok],
            "usage": _usage(completion, started),
        }
        if not passing:
            return Realization(composed.text, composed.realizer, fallback=True, info=info, spans=composed.spans)
        best = max(passing, key=lambda v: v.score)
        own = material_of(context.scenario, plan.speaker)
        info["touches"] = [t.unit for t in touched_units(best.text, own)]  # what the model's words say
        return Realization(best.text, self.name, info={**info, **best.details}, spans=((best.text, "model"),))


def _seed(context: SessionContext, plan: TurnPlan) -> int:
    return random.Random(f"{context.seed}:{plan.index}:model").randrange(2**31)


def _usage(completion: Any, started: float) -> dict[str, Any]:
    return {
        "prompt_tokens": completion.prompt_tokens,
        "cached_prompt_tokens": completion.cached_prompt_tokens,
        "completion_tokens": completion.completion_tokens,
        "seconds": round(completion.seconds, 4),
        "generation_seconds": round(completion.generation_seconds, 4),
        "check_seconds": round(time.perf_counter() - started, 4),
    }


def _authored_question(plan: TurnPlan, context: SessionContext) -> bool:
    """Naive and smartest questions that the scenario's author wrote are asked as written."""
    delegation = context.scenario.delegation(plan.speaker)
    return (plan.move is Move.NAIVE_QUESTION and bool(delegation.naive_question)) or (
        plan.move is Move.SMART_QUESTION and bool(delegation.smartest_question)
    )


def _chat_messages(plan: TurnPlan, context: SessionContext) -> list[ChatMessage]:
    """Director's notes for a chat model: the scenario as system; the plan, its units and what
    they answer as the request."""
    units = unit_index(context.scenario)
    transcript = "\n".join(f"{t.speaker}: {t.text}" for t in context.turns[-24:])
    own = "".join(f'\n- "{units[u].text}"' for u in plan.units if u in units)
    answered = "".join(f'\n- {units[u].owner}: "{units[u].text}"' for u in plan.engages if u in units)
    to = f" Address {plan.addressees[0]} by name." if plan.addressees else ""
    tone = context.scenario.delegation(plan.speaker).tone
    direction = (
        f"Write the next turn of {plan.speaker} only, in their voice ({tone})."
        f" Stage note: {note(plan)}.{to}"
        + (f" It answers what was said here:{answered}" if answered else "")
        + (f"\nSay the substance of these points of theirs, keeping every figure and name:{own}" if own else "")
        + "\n40 to 110 words, first person plural, no speaker label, no quotation marks, add no new facts, "
        "and do not repeat what anyone has already said."
    )
    return [
        ChatMessage(
            role="system", content="You write turns of a diplomatic classroom session.\n\n" + header(context.scenario)
        ),
        ChatMessage(role="user", content=f"Transcript so far:\n{transcript}\n\n{direction}"),
    ]
