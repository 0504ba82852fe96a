"""The judge: a capable chat model reads a transcript with the rubric and answers in JSON.

:func:`judge_transcript` sends the rubric and the numbered transcript, parses the answer (a
JSON object, possibly inside a code fence) and validates it against :class:`Verdict`. A
malformed or partial answer is handed back once with the validation error; a second bad answer
raises :class:`~summitry.errors.AnalysisError` saying what was wrong. Errors of the backend
itself (server down, 5xx, an unreadable body) pass through as the backend's errors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from pydantic import ValidationError

from summitry.backends.base import ChatMessage, CompletionRequest, LanguageModel
from summitry.errors import AnalysisError
from summitry.judge.prompt import correction, fit, messages, numbered
from summitry.judge.verdict import Judgement, Verdict
from summitry.turns import Transcript

ANSWER_TOKENS = 4096
"""Room left for the answer: seven lists of quoted findings and seven reasons (a guess that
holds the verdicts of 60-turn sessions with room to spare)."""

DEFAULT_CONTEXT = 32768
"""Context assumed for a model that does not say its own (a guess: most capable chat models
served today read at least this much)."""

Reader = Callable[[Transcript, list[str]], Judgement]
"""Reads a transcript, knowing which speakers are delegations, and returns a verdict."""

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def parse_verdict(answer: str) -> Verdict:
    """The verdict in a model's answer; raises ValueError saying what is wrong with it."""
    fenced = _FENCE.search(answer)
    text = fenced.group(1) if fenced else answer
    start, end = text.find("{"), text.rfind("}")
    if start < 0:
        raise ValueError("it holds no JSON object")
    try:
        data = json.loads(text[start : end + 1] if end > start else text[start:])
    except json.JSONDecodeError as exc:
        raise ValueError(f"it is not valid JSON ({exc})") from exc
    try:
        return Verdict.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'the object'}: {e['msg']}" for e in exc.errors()[:8]
        )
        raise ValueError(f"it does not match the schema ({problems})") from exc


def judge_transcript(
    model: LanguageModel,
    transcript: Transcript,
    delegations: list[str],
    *,
    context: int | None = None,
    seed: int | None = 0,
) -> Judgement:
    """Ask the model for a verdict on this transcript, with one retry on a bad answer."""
    window = context or getattr(model, "context_size", None) or DEFAULT_CONTEXT
    sent = messages(transcript)
    fit(model, sent, window, ANSWER_TOKENS)
    answer = _ask(model, sent, seed)
    try:
        verdict = parse_verdict(answer)
    except ValueError as first:
        sent = [*sent, *correction(answer, str(first))]
        fit(model, sent, window, ANSWER_TOKENS)
        answer = _ask(model, sent, seed)
        try:
            verdict = parse_verdict(answer)
        except ValueError as second:
            raise AnalysisError(
                f"the judge model '{model.name}' answered twice without a valid verdict; the second "
                f"time {second}",
                hint="use a more capable chat model for --judge, or one that follows JSON instructions",
            ) from second
    turns = sum(1 for t in transcript.turns if t.speaker in delegations)
    return Judgement.of(verdict, numbered(transcript), turns, model.name)


def _ask(model: LanguageModel, sent: list[ChatMessage], seed: int | None) -> str:
    request = CompletionRequest(messages=sent, max_tokens=ANSWER_TOKENS, temperature=0.0, seed=seed, tag="judge")
    return model.complete(request).text
