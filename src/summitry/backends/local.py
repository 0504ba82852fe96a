"""The ``local`` backend: a GGUF model run in-process by llama.cpp (``llama-cpp-python``).

By default it runs the bundled Gemma 3 270M *base* model (see :mod:`.bundled`): prompt it
with a document to continue, not with chat messages. ``model_path`` takes any other GGUF.

Speed on a small CPU comes from four things:

- threads: all the cores this process may use (llama.cpp's own default is half of them),
  or ``$SUMMITRY_THREADS`` (on a machine busy with other work, fewer threads can be faster:
  llama.cpp's threads wait for each other by spinning);
- one model per process: loaded models are cached by (path, context size, threads, …) and
  shared by every :class:`LlamaCppModel` built with the same settings;
- prompt-prefix reuse: the cache of the last call is kept, and the next call evaluates
  only the tokens after the longest prefix it shares with it. A session whose prompts grow by
  appending turns therefore pays only for the new turn. ``cached_prompt_tokens`` reports what
  was reused. Gemma 3 uses sliding-window attention; reuse needs a full-size window cache
  (``swa_full=True``), and the tests check that a warm run continues as a cold one does.
  (With ``swa_full=False``, llama-cpp-python 0.3.36 still reports the partial cache removal
  as done, and the reused run continues differently.) llama.cpp's arithmetic depends a little
  on how tokens are grouped into batches, so warm and cold runs agree closely (the tests
  bound the difference of their next-token distributions), not bit for bit.
- scoring shares it too: :meth:`LlamaCppModel.score` evaluates the shared prompt once (reusing
  the cache) and then each continuation, and keeps them cached for the prompt that follows;
- candidates decoded together: the ``n`` candidates of a request are parallel sequences of
  one batch sharing the prompt's cache (see :mod:`.parallel`), and each samples with
  llama.cpp's own sampler chain rather than per-token Python code.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summitry.backends.base import (
    Completion,
    CompletionRequest,
    ScoreRequest,
    Scores,
    check_style,
    common_prefix,
)
from summitry.backends.bundled import bundled_model_path
from summitry.backends.dry import DryPenalty
from summitry.backends.llama_adapter import (
    Llama,
    PerfCounters,
    adds_bos,
    clear_cache,
    import_llama_cpp,
    load_llama,
    logits_processors,
    quiet,
)
from summitry.backends.parallel import Decoded, ParallelDecoder, Sampling
from summitry.errors import BackendError, EmptyResponseError, ModelNotFoundError


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


@dataclass
class _Loaded:
    """A loaded model and the lock that serialises its use."""

    llama: Llama
    lock: threading.RLock
    decoder: ParallelDecoder


PARALLEL_SEQUENCES = 4  # candidates decoded in one batch; more are decoded in further rounds

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


def load_model(path: Path, *, n_ctx: int, n_threads: int, swa_full: bool,
               n_batch: int) -> _Loaded:
    """The loaded model for these settings, loading it once per process."""
    key = (str(path.resolve()), n_ctx, n_threads, swa_full, n_batch)
    with _LOADED_LOCK:
        if key in _LOADED:
            return _LOADED[key]
        import_llama_cpp()
        try:
            llama = load_llama(path, n_ctx=n_ctx, n_threads=n_threads, n_batch=n_batch, swa_full=swa_full)
            with quiet():
                decoder = ParallelDecoder(llama, sequences=PARALLEL_SEQUENCES, n_ctx=n_ctx,
                                          n_threads=n_threads, n_batch=n_batch)
        except (ValueError, RuntimeError) as exc:
            raise BackendError(f"llama.cpp could not load {path}: {exc}",
                               hint="check that the file is a complete GGUF model") from exc
        _LOADED[key] = _Loaded(llama=llama, lock=threading.RLock(), decoder=decoder)
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
    can_score = True

    def __init__(
        self,
        model_path: str | Path | None = None,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        seed: int = 0,
        swa_full: bool = True,
        n_batch: int = 512,
    ) -> None:
        import_llama_cpp()
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
        tokens: list[int] = llama.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)
        if adds_bos(llama):
            tokens = [llama.token_bos(), *tokens]
        return tokens

    def clear_cache(self) -> None:
        """Forget the cached prompt: the next call evaluates its whole prompt (a cold run)."""
        with self._loaded.lock:
            clear_cache(self._llama)
            self._loaded.decoder.clear()

    def reusable_prefix(self, tokens: list[int]) -> int:
        """How many of these prompt tokens the cache holds and the next call will not evaluate."""
        return self._loaded.decoder.reusable_prefix(tokens)

    def tokens_decoded(self) -> int:
        """Tokens handed to llama.cpp's decoder in the last call (prompt and candidates)."""
        return self._loaded.decoder.tokens_decoded()

    def perf_counters(self) -> PerfCounters:
        """llama.cpp's own counts and timings of the last call (prompt and generation)."""
        return self._loaded.decoder.context.perf()

    def complete(self, request: CompletionRequest) -> Completion:
        check_style(self, request)
        tokens = self._fitting_tokens(request)
        started = time.perf_counter()
        with self._loaded.lock:
            decoded = self._loaded.decoder.decode(tokens, request.n, _parallel_sampling(request),
                                                  self._seed_for(request, 0))
        if not any(t.strip() for t in decoded.texts):
            raise EmptyResponseError(f"{self.name} produced only empty text",
                                     hint="the prompt may end where the model sees nothing to "
                                          "add; end it with a cue such as an open quote")
        return _completion(self.name, tokens, decoded, time.perf_counter() - started)

    def score(self, request: ScoreRequest) -> Scores:
        """Each continuation's mean log-probability per token after the prompt.

        Each continuation is tokenized together with the prompt, as the model would read the
        document; where the two share a token across the seam, the seam's tokens count as the
        continuation's."""
        started = time.perf_counter()
        prompt = self.prompt_tokens(request.prompt)
        whole = [self.prompt_tokens(request.prompt + c) for c in request.continuations]
        split = min([len(prompt), *[common_prefix(prompt, w) for w in whole]])
        split = max(1, split)
        for tokens in whole:
            if len(tokens) >= self.context_size:
                raise BackendError(
                    f"the prompt and a continuation have {len(tokens)} tokens, more than the context "
                    f"of {self.context_size} tokens of {self.name}",
                    hint="shorten the prompt (summarize older turns) or raise n_ctx",
                )
        with self._loaded.lock:
            scored = self._loaded.decoder.score(prompt[:split], [w[split:] for w in whole])
        return Scores(
            scores=scored.scores, tokens=scored.tokens, model=self.name, prompt_tokens=split,
            cached_prompt_tokens=scored.cached_prompt_tokens, seconds=time.perf_counter() - started,
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



def _completion(name: str, tokens: list[int], decoded: Decoded, seconds: float) -> Completion:
    return Completion(
        texts=decoded.texts, model=name, prompt_tokens=len(tokens),
        cached_prompt_tokens=decoded.cached_prompt_tokens, completion_tokens=decoded.completion_tokens,
        seconds=seconds, generation_seconds=decoded.generation_seconds,
        finish_reasons=decoded.finish_reasons,
    )


def _parallel_sampling(request: CompletionRequest) -> Sampling:
    return Sampling(
        temperature=request.temperature, top_p=request.top_p, top_k=request.top_k or 40,
        repeat_penalty=request.repeat_penalty or 1.0, dry_multiplier=request.dry_multiplier or 0.0,
        stop=tuple(request.stop), max_tokens=request.max_tokens, min_tokens=request.min_tokens or 0,
    )


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
        options["logits_processor"] = logits_processors([DryPenalty(request.dry_multiplier)])
    return options
