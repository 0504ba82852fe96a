"""The judge's prompt: the rubric, the answer's schema, and the transcript with numbered turns.

The rubric is package data (``rubric.md``), so it can be read and changed without touching code.
The transcript is written one turn a line, ``[12] Egypt: …``, so the model can cite turns by
number. When the whole does not fit the judge model's context, :func:`fit` says so (a judge that
read half a session would score the half it read).
"""

from __future__ import annotations

import json
from importlib.resources import files

from summitry.backends.base import ChatMessage, count_tokens
from summitry.errors import AnalysisError
from summitry.judge.verdict import Verdict
from summitry.turns import Transcript


def rubric() -> str:
    """The rubric the judge reads, as shipped with the package."""
    return files("summitry.judge").joinpath("rubric.md").read_text(encoding="utf-8")


def numbered(transcript: Transcript) -> str:
    """The transcript one turn a line, each with its number in square brackets."""
    lines = [f"# {transcript.title}"] if transcript.title else []
    if transcript.premise:
        lines.append(transcript.premise)
    for turn in transcript.turns:
        role = " (mediator)" if turn.is_moderator or turn.speaker == transcript.moderator else ""
        lines.append(f"[{turn.index}] {turn.speaker}{role}: {turn.text}")
    return "\n\n".join(lines)


def instructions() -> str:
    """The system message: the rubric and the exact JSON to answer with."""
    schema = json.dumps(Verdict.model_json_schema(), separators=(",", ":"))
    return (
        f"{rubric()}\n\n# Your answer\n\nAnswer with one JSON object and nothing else, valid against this "
        f"JSON Schema (every field is required; an empty list where you found nothing):\n{schema}"
    )


def messages(transcript: Transcript) -> list[ChatMessage]:
    """The chat messages of a first request."""
    return [
        ChatMessage(role="system", content=instructions()),
        ChatMessage(role="user", content=f"The transcript:\n\n{numbered(transcript)}"),
    ]


def correction(answer: str, error: str) -> list[ChatMessage]:
    """Messages that hand an invalid answer back with what was wrong with it."""
    return [
        ChatMessage(role="assistant", content=answer),
        ChatMessage(
            role="user",
            content=f"That answer is not valid: {error}\nAnswer again with the whole JSON object only.",
        ),
    ]


def fit(model: object, request_messages: list[ChatMessage], context: int, answer_tokens: int) -> int:
    """Tokens the request needs; raises when it and the answer do not fit the context."""
    needed = sum(count_tokens(model, m.content) for m in request_messages)
    if needed + answer_tokens > context:
        raise AnalysisError(
            f"the transcript and rubric need about {needed} tokens and the answer {answer_tokens}, "
            f"more than the judge model's context of {context} tokens",
            hint="use a judge model with a longer context and pass its size with --judge-context, "
            "or judge a shorter session",
        )
    return needed
