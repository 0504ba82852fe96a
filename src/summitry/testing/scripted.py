"""A scripted language model: answers queued in advance, and a history of what it was asked.

``ScriptedModel`` implements the language-model protocol without any model, so tests of a
realizer, an engine or a user's scenario run instantly and deterministically:

    model = ScriptedModel()
    model.enqueue(["We agree with Mexico.", lambda request: request.tag or "?"])
    model.complete(CompletionRequest(prompt="...", n=2)).texts   # both answers

Each candidate consumes one queued item: a string, a callable taking the request, or an
exception to raise (to test error handling). When the queue is empty it answers with
``default`` (a string or callable), or raises a clear error if there is none. Token counts are
words; the prompt's words shared with the previous call's prompt count as cached, as a
prefix-reusing backend would report them.

Scoring answers from the script too: each :meth:`ScriptedModel.score` call takes one queued list
of scores (``enqueue_scores([[-1.0, -2.5]])``), else asks ``scorer(prompt, continuation)`` for
each continuation, else raises a clear error. ``score_history`` keeps the scoring requests.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from summitry.backends.base import Completion, CompletionRequest, ScoreRequest, Scores, common_prefix
from summitry.errors import BackendError

Answer = str | Callable[[CompletionRequest], str] | BaseException
Scorer = Callable[[str, str], float]


class ScriptedModel:
    """A fake backend that returns queued answers and records every request."""

    can_stream = True
    needs_key = False
    supports_completion = True
    supports_chat = True
    can_score = True

    def __init__(
        self,
        responses: Iterable[Answer] | None = None,
        *,
        default: str | Callable[[CompletionRequest], str] | None = None,
        script: str | Path | None = None,
        name: str = "scripted",
        context_size: int = 8192,
        scorer: Scorer | None = None,
    ) -> None:
        self.name = name
        self.context_size = context_size
        self.default = default
        self.history: list[CompletionRequest] = []
        self.scorer = scorer
        self.score_history: list[ScoreRequest] = []
        self._scores: deque[list[float]] = deque()
        self._queue: deque[Answer] = deque()
        self._previous_prompt: list[str] = []
        self._lock = threading.Lock()
        if script is not None:
            self.enqueue(_load_script(Path(script)))
        if responses is not None:
            self.enqueue(responses)

    def enqueue(self, answers: Iterable[Answer]) -> ScriptedModel:
        """Queue answers, one per candidate to be generated; returns the model for chaining."""
        if isinstance(answers, str | bytes):
            raise TypeError("enqueue takes a list of answers, e.g. enqueue(['text'])")
        with self._lock:
            self._queue.extend(answers)
        return self

    def enqueue_scores(self, scores: Iterable[list[float]]) -> ScriptedModel:
        """Queue the answers of scoring calls, one list of scores per call."""
        with self._lock:
            self._scores.extend(list(s) for s in scores)
        return self

    def score(self, request: ScoreRequest) -> Scores:
        with self._lock:
            self.score_history.append(request)
            if self._scores:
                scores = self._scores.popleft()
            elif self.scorer is not None:
                scores = [float(self.scorer(request.prompt, c)) for c in request.continuations]
            else:
                raise BackendError(
                    f"the scripted model has no scores left for scoring call {len(self.score_history)}",
                    hint="queue them with model.enqueue_scores([[...]]) or pass scorer=...",
                )
        if len(scores) != len(request.continuations):
            raise BackendError(
                f"the scripted scores hold {len(scores)} values for {len(request.continuations)} continuations",
                hint="queue one score per continuation of each scoring call",
            )
        return Scores(scores=scores, tokens=[self.count_tokens(c) for c in request.continuations],
                      model=self.name, prompt_tokens=self.count_tokens(request.prompt))

    @property
    def pending(self) -> int:
        """How many queued answers are left."""
        return len(self._queue)

    @property
    def requests(self) -> list[CompletionRequest]:
        """The requests received so far, oldest first (same as ``history``)."""
        return list(self.history)

    def count_tokens(self, text: str) -> int:
        """Words, standing in for tokens."""
        return len(text.split())

    def complete(self, request: CompletionRequest) -> Completion:
        started = time.perf_counter()
        with self._lock:
            self.history.append(request)
            texts = [self._answer(request) for _ in range(request.n)]
            words = request.text_of_prompt().split()
            cached = common_prefix(self._previous_prompt, words)
            self._previous_prompt = words
        completion_tokens = sum(self.count_tokens(t) for t in texts)
        elapsed = time.perf_counter() - started
        return Completion(
            texts=texts,
            model=self.name,
            prompt_tokens=len(words),
            cached_prompt_tokens=min(cached, max(len(words) - 1, 0)),
            completion_tokens=completion_tokens,
            seconds=elapsed,
            generation_seconds=elapsed,
            finish_reasons=["stop"] * len(texts),
        )

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        """The first candidate, word by word."""
        text = self.complete(request.model_copy(update={"n": 1})).text
        pieces = text.split(" ")
        for i, piece in enumerate(pieces):
            yield piece if i == 0 else " " + piece

    def _answer(self, request: CompletionRequest) -> str:
        if self._queue:
            item = self._queue.popleft()
        elif self.default is not None:
            item = self.default
        else:
            raise BackendError(
                f"the scripted model has no answer left for call {len(self.history)}",
                hint="enqueue more answers with model.enqueue([...]) or pass default=...",
            )
        if isinstance(item, BaseException):
            raise item
        if callable(item):
            return str(item(request))
        return str(item)


def echo(request: CompletionRequest) -> str:
    """An answer that repeats the last line of the prompt (a handy ``default``)."""
    lines = [line for line in request.text_of_prompt().splitlines() if line.strip()]
    return f"Echo: {lines[-1].strip()}" if lines else "Echo."



def _load_script(path: Path) -> list[str]:
    """Answers from a JSON file holding a list of strings."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackendError(f"script file {path} does not exist",
                           hint="pass a JSON file holding a list of answers") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackendError(f"script file {path} is not readable JSON: {exc}",
                           hint='write a JSON list of strings, e.g. ["first answer", "second"]',
                           ) from exc
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise BackendError(f"script file {path} must hold a JSON list of strings",
                           hint='e.g. ["first answer", "second answer"]')
    return data
