"""The ``local`` backend: a GGUF model run in-process by llama.cpp (``llama-cpp-python``).

By default it runs the bundled Gemma 3 270M *base* model (see :mod:`.bundled`): prompt it
with a document to continue, not with chat messages. ``model_path`` takes any other GGUF.

Speed on a small CPU comes from three things:

- threads: all the cores this process may use (llama.cpp's own default is half of them),
  or ``$SUMMITRY_THREADS`` (on a machine busy with other work, fewer threads can be faster:
  llama.cpp's threads wait for each other by spinning);
- one model per process: loaded models are cached by (path, context size, threads, …) and
  shared by every :class:`LlamaCppModel` built with the same settings;
- prompt-prefix reuse: llama.cpp keeps the key/value cache of the last call, and the next
  call evaluates only the tokens after the longest prefix it shares with it. A session whose
  prompts grow by appending turns therefore pays only for the new turn, and the ``n``
  candidates of one request pay for the prompt once. ``cached_prompt_tokens`` reports what was
  reused. Gemma 3 uses sliding-window attention; reuse is only exact with a full-size window
  cache (``swa_full=True``, the default here), which the tests check token for token. (With
  ``swa_full=False``, llama-cpp-python 0.3.36 still reports the partial cache removal as done,
  and the reused run continues differently from a cold one.)
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summitry.backends.base import Completion, CompletionRequest, check_style
from summitry.backends.bundled import bundled_model_path
from summitry.backends.dry import DryPenalty
from summitry.errors import (
    BackendError,
    EmptyResponseError,
    MissingDependencyError,
    ModelNotFoundError,
)


def available_cores() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_threads() -> int:
    """``$SUMMITRY_THREADS`` when set, else every available core."""
    value = os.environ.get("SUMMITRY_THREADS", "").strip()
    if not value:
        return available_cores()
    if not value.isdigit() or int(value) < 1:
        raise BackendError(f"SUMMITRY_THREADS must be a positive whole number (not {value!r})",
                           hint="unset it to use every available core")
    return int(value)


def _import_llama_cpp() -> Any:
    try:
        import llama_cpp
    except ImportError as exc:
        raise MissingDependencyError(
            "the local backend needs the package 'llama-cpp-python', which is not installed",
            hint="install it with: pip install 'summitry[local]' "
                 "(or run with --backend composer, which works now)",
        ) from exc
    return llama_cpp


@dataclass
class _Loaded:
    """A loaded model and the lock that serialises its use."""

    llama: Any
    lock: threading.RLock


_LOADED: dict[tuple[Any, ...], _Loaded] = {}
_LOADED_LOCK = threading.Lock()


def _check_model_file(path: Path) -> None:
    if not path.is_file():
        raise ModelNotFoundError(f"model file {path} does not exist",
                                 hint="give --model the path of a GGUF file, or leave it out "
                                      "to use the bundled model")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise ModelNotFoundError(f"{path} is not a GGUF model file",
                                 hint="llama.cpp reads GGUF files (*.gguf); convert the model "
                                      "or pick another file")


def _quiet(llama_cpp: Any) -> AbstractContextManager[Any]:
    suppress = getattr(getattr(llama_cpp, "_utils", None), "suppress_stdout_stderr", None)
    return suppress(disable=False) if suppress is not None else nullcontext()


def load_model(path: Path, *, n_ctx: int, n_threads: int, swa_full: bool,
               n_batch: int) -> _Loaded:
    """The loaded model for these settings, loading it once per process."""
    key = (str(path.resolve()), n_ctx, n_threads, swa_full, n_batch)
    with _LOADED_LOCK:
        if key in _LOADED:
            return _LOADED[key]
        llama_cpp = _import_llama_cpp()
        try:
            with _quiet(llama_cpp):  # llama.cpp prints notes on stderr even when not verbose
                llama = llama_cpp.Llama(
                    model_path=str(path), n_ctx=n_ctx, n_threads=n_threads,
                    n_threads_batch=n_threads, n_batch=n_batch, swa_full=swa_full,
                    verbose=False,
                )
        except (ValueError, RuntimeError) as exc:
            raise BackendError(f"llama.cpp could not load {path}: {exc}",
                               hint="check that the file is a complete GGUF model") from exc
        _LOADED[key] = _Loaded(llama=llama, lock=threading.RLock())
        return _LOADED[key]


def unload_all() -> None:
    """Free every loaded model (the next use loads again)."""
    with _LOADED_LOCK:
        for loaded in _LOADED.values():
            loaded.llama.close()
        _LOADED.clear()


class LlamaCppModel:
    """A GGUF model run in this process, reusing its cache across calls."""

    can_stream = True
    needs_key = False
    supports_completion = True
    supports_chat = False  # the bundled model is a base model: documents, not chats

    def __init__(
        self,
        model_path: str | Path | None = None,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        seed: int = 0,
        swa_full: bool = True,
        n_batch: int = 512,
    ) -> None:
        _import_llama_cpp()
        path = Path(model_path).expanduser() if model_path else bundled_model_path()
        _check_model_file(path)
        self.model_path = path
        self.n_threads = n_threads or default_threads()
        self._loaded = load_model(path, n_ctx=n_ctx, n_threads=self.n_threads,
                                  swa_full=swa_full, n_batch=n_batch)
        self._llama = self._loaded.llama
        self._random = random.Random(seed)
        self.name = f"local:{path.name}"
        self.context_size: int = int(self._llama.n_ctx())

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` as a fragment of a prompt (no beginning-of-text token)."""
        if not text:
            return 0
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def prompt_tokens(self, prompt: str) -> list[int]:
        """The tokens of a whole prompt, beginning-of-text token included."""
        llama = self._llama
        tokens = llama.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)
        if llama._model.add_bos_token() and llama.token_bos() >= 0:
            tokens = [llama.token_bos(), *tokens]
        return tokens

    def clear_cache(self) -> None:
        """Forget the cached prompt: the next call evaluates its whole prompt (a cold run)."""
        with self._loaded.lock:
            self._llama.reset()
            self._llama._ctx.kv_cache_clear()

    def reusable_prefix(self, tokens: list[int]) -> int:
        """How many of these prompt tokens the cache holds and the next call will not
        evaluate again (llama.cpp re-evaluates one token when the whole prompt is cached)."""
        llama = self._llama
        if llama.n_tokens == 0:
            return 0
        held = llama.input_ids[: llama.n_tokens].tolist()
        prefix = llama.longest_token_prefix(held, tokens)
        if prefix < len(tokens):
            return prefix
        exact = llama.n_tokens == len(tokens) and not llama._requires_eval
        return prefix if exact else prefix - 1

    def complete(self, request: CompletionRequest) -> Completion:
        check_style(self, request)
        tokens = self._fitting_tokens(request)
        started = time.perf_counter()
        texts: list[str] = []
        reasons: list[str] = []
        cached = completion_tokens = 0
        generation = 0.0
        with self._loaded.lock:
            for index in range(request.n):
                reuse = self.reusable_prefix(tokens)
                cached = reuse if index == 0 else cached
                answer, seconds = self._generate(tokens, request, self._seed_for(request, index))
                choice = answer["choices"][0]
                texts.append(choice["text"])
                reasons.append(choice.get("finish_reason") or "unknown")
                completion_tokens += int(answer["usage"]["completion_tokens"])
                generation += seconds
        if not any(t.strip() for t in texts):
            raise EmptyResponseError(f"{self.name} produced only empty text",
                                     hint="the prompt may end where the model sees nothing to "
                                          "add; end it with a cue such as an open quote")
        return Completion(
            texts=texts, model=self.name, prompt_tokens=len(tokens),
            cached_prompt_tokens=cached, completion_tokens=completion_tokens,
            seconds=time.perf_counter() - started, generation_seconds=generation,
            finish_reasons=reasons,
        )

    def stream(self, request: CompletionRequest) -> Iterator[str]:
        """The first candidate, piece by piece."""
        check_style(self, request)
        tokens = self._fitting_tokens(request)
        with self._loaded.lock:
            chunks = self._llama.create_completion(
                tokens, stream=True, seed=self._seed_for(request, 0), **_sampling(request))
            for chunk in chunks:
                piece = chunk["choices"][0]["text"]
                if piece:
                    yield piece

    def _seed_for(self, request: CompletionRequest, index: int) -> int:
        if request.seed is not None:
            return request.seed + index
        return self._random.randrange(2**31)

    def _fitting_tokens(self, request: CompletionRequest) -> list[int]:
        tokens = self.prompt_tokens(request.prompt or "")
        if len(tokens) >= self.context_size:
            raise BackendError(
                f"the prompt has {len(tokens)} tokens, more than the context of "
                f"{self.context_size} tokens of {self.name}",
                hint="shorten the prompt (summarize older turns) or raise n_ctx",
            )
        return tokens

    def _generate(self, tokens: list[int], request: CompletionRequest,
                  seed: int) -> tuple[dict[str, Any], float]:
        """One candidate; returns the answer and the seconds spent producing output tokens."""
        llama_cpp = _import_llama_cpp()
        context = self._llama._ctx.ctx
        llama_cpp.llama_perf_context_reset(context)
        started = time.perf_counter()
        answer = self._llama.create_completion(tokens, seed=seed, **_sampling(request))
        elapsed = time.perf_counter() - started
        prompt_seconds = llama_cpp.llama_perf_context(context).t_p_eval_ms / 1000.0
        return answer, max(0.0, elapsed - prompt_seconds)


def _sampling(request: CompletionRequest) -> dict[str, Any]:
    options: dict[str, Any] = {
        "max_tokens": request.max_tokens, "temperature": request.temperature,
        "top_p": request.top_p, "stop": list(request.stop) or None,
    }
    if request.top_k is not None:
        options["top_k"] = request.top_k
    if request.repeat_penalty is not None:
        options["repeat_penalty"] = request.repeat_penalty
    if request.dry_multiplier:
        llama_cpp = _import_llama_cpp()
        options["logits_processor"] = llama_cpp.LogitsProcessorList([DryPenalty(request.dry_multiplier)])
    return options
