"""The one adapter around llama-cpp-python: every use of its private parts and its C API.

llama-cpp-python's public ``Llama`` class loads a model, tokenizes and completes. What summitry
needs beyond that (a second context over the same weights with several sequences, the cache's
sequence operations, batches, per-index logits, native sampler chains, performance counters)
lives in its private ``_internals`` module, the ``_model`` and ``_ctx`` attributes of ``Llama``,
and its ctypes bindings of the C API. Those change between releases, so they are reached here
and nowhere else; ``pyproject.toml`` pins the range of releases this module is tested with
(``TESTED_RANGE``).

    import_llama_cpp()    the package, or MissingDependencyError with the pip line
    load_llama()          a ``Llama`` with our settings, loaded without llama.cpp's notes
    quiet()               silences llama.cpp's notes on stderr
    adds_bos(), clear_cache(), logits_processors()
    SequenceContext       a context of several sequences over a loaded model's weights
    SamplerChain          llama.cpp's native sampler chain
    PerfCounters          llama.cpp's own timings of the last call
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from summitry.errors import MissingDependencyError

__all__ = [
    "TESTED_RANGE",
    "Llama",
    "PerfCounters",
    "SamplerChain",
    "SequenceContext",
    "adds_bos",
    "clear_cache",
    "import_llama_cpp",
    "load_llama",
    "logits_processors",
    "quiet",
]

TESTED_RANGE = ">=0.3.16,<0.4"  # the releases whose internals this module is written against
PIECE_BYTES = 64  # longest token text read back; Gemma's longest piece is far shorter

Llama = Any  # llama_cpp.Llama: the package ships no type information


def import_llama_cpp() -> ModuleType:
    """The ``llama_cpp`` package, or an error that says how to install it."""
    try:
        import llama_cpp
    except ImportError as exc:
        raise MissingDependencyError(
            "the local backend needs the package 'llama-cpp-python', which is not installed",
            hint="install it with: pip install 'summitry[local]' "
                 "(or run with --backend composer, which works now)",
        ) from exc
    return llama_cpp


def quiet() -> AbstractContextManager[Any]:
    """llama.cpp prints notes on stderr even when not verbose; this silences them."""
    suppress = getattr(getattr(import_llama_cpp(), "_utils", None), "suppress_stdout_stderr", None)
    return suppress(disable=False) if suppress is not None else nullcontext()


def load_llama(path: Path, *, n_ctx: int, n_threads: int, n_batch: int, swa_full: bool) -> Llama:
    """A loaded model (raises ``ValueError`` or ``RuntimeError`` as llama-cpp-python does)."""
    llama_cpp = import_llama_cpp()
    with quiet():
        return llama_cpp.Llama(
            model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, n_threads_batch=n_threads,
            n_batch=n_batch, swa_full=swa_full, verbose=False,
        )


def adds_bos(llama: Llama) -> bool:
    """Whether the model's vocabulary asks for a beginning-of-text token before a prompt."""
    return bool(llama._model.add_bos_token()) and int(llama.token_bos()) >= 0


def clear_cache(llama: Llama) -> None:
    """Forget the ``Llama`` object's own cache and evaluated tokens."""
    llama.reset()
    llama._ctx.kv_cache_clear()


def logits_processors(processors: Sequence[Callable[[Any, Any], Any]]) -> Any:
    """llama-cpp-python's list of logits processors, for ``create_completion``."""
    return import_llama_cpp().LogitsProcessorList(list(processors))


@dataclass(frozen=True)
class PerfCounters:
    """llama.cpp's own counters since they were last reset: prompt tokens evaluated, tokens
    generated, and the milliseconds each took."""

    prompt_tokens: int
    prompt_ms: float
    generated_tokens: int
    generation_ms: float


class SamplerChain:
    """llama.cpp's native sampler chain: penalties, truncations and a final draw, in order."""

    def __init__(self, native: Any | None = None) -> None:
        self._native = native if native is not None else _internals().LlamaSampler()

    def add_penalties(self, n_vocab: int, window: int, repeat: float) -> None:
        self._native.add_penalties(n_vocab, window, repeat, 0.0, 0.0)

    def add_dry(self, llama: Llama, multiplier: float, base: float, allowed: int, window: int,
                breakers: Sequence[str]) -> None:
        self._native.add_dry(llama._model, multiplier, base, allowed, window, list(breakers))

    def add_top_k(self, k: int) -> None:
        self._native.add_top_k(k)

    def add_top_p(self, p: float) -> None:
        self._native.add_top_p(p, 1)

    def add_min_p(self, p: float) -> None:
        self._native.add_min_p(p, 1)

    def add_temp(self, temperature: float) -> None:
        self._native.add_temp(temperature)

    def add_dist(self, seed: int) -> None:
        self._native.add_dist(seed & 0xFFFFFFFF)

    def add_greedy(self) -> None:
        self._native.add_greedy()

    def accept(self, token: int) -> None:
        self._native.accept(token)

    def clone(self) -> SamplerChain:
        return SamplerChain(self._native.clone())

    def sample(self, context: SequenceContext, index: int) -> int:
        return int(self._native.sample(context.native, index))

    def close(self) -> None:
        self._native.close()


def _internals() -> ModuleType:
    import_llama_cpp()
    from llama_cpp import _internals

    return _internals


class SequenceContext:
    """A llama.cpp context of ``sequences`` parallel sequences over a loaded model's weights,
    with one unified cache and a batch of its own.

    ``ctx`` and ``memory`` are the raw C handles, for the few callers (tests of the decoder)
    that must call the C API themselves.
    """

    def __init__(self, llama: Llama, *, sequences: int, n_ctx: int, n_threads: int, n_batch: int) -> None:
        llama_cpp = import_llama_cpp()
        internals = _internals()
        self._c = llama_cpp
        self.llama = llama
        # the loaded model's own settings (attention kernel, cache types…), so both contexts
        # compute the same numbers; then room for several sequences in one shared cache
        params = llama_cpp.llama_context_params.from_buffer_copy(llama.context_params)
        params.n_ctx = n_ctx
        params.n_batch = n_batch
        params.n_ubatch = n_batch
        params.n_seq_max = sequences
        params.n_threads = params.n_threads_batch = n_threads
        params.kv_unified = True
        params.no_perf = False
        self.native = internals.LlamaContext(model=llama._model, params=params, verbose=False)
        self._batch = internals.LlamaBatch(n_tokens=max(n_batch, sequences), embd=0, n_seq_max=sequences,
                                           verbose=False)
        self.vocab = llama._model.vocab
        self.n_vocab = int(llama._model.n_vocab())
        self.ctx = self.native.ctx
        self.memory = self.native.memory

    @property
    def n_ctx(self) -> int:
        return int(self.native.n_ctx())

    def clear(self) -> None:
        """Empty the cache of every sequence."""
        self.native.kv_cache_clear()

    def seq_rm(self, seq: int, start: int, end: int) -> bool:
        """Remove positions ``start``…``end`` (−1: to the end) of a sequence; False if it cannot."""
        return bool(self._c.llama_memory_seq_rm(self.memory, seq, start, end))

    def seq_cp(self, source: int, target: int) -> None:
        """Let ``target`` share every cache entry of ``source`` (no data is copied)."""
        self._c.llama_memory_seq_cp(self.memory, source, target, -1, -1)

    def decode(self, entries: Sequence[tuple[int, int, int, bool]]) -> int:
        """Decode one batch of (token, position, sequence, wants logits); llama.cpp's status."""
        batch = self._batch.batch
        batch.n_tokens = len(entries)
        for i, (token, position, seq, logits) in enumerate(entries):
            batch.token[i] = token
            batch.pos[i] = position
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = seq
            batch.logits[i] = logits
        return int(self._c.llama_decode(self.ctx, batch))

    def logits(self, index: int) -> np.ndarray:
        """The logits at this batch index, as a writable view (changing it changes sampling)."""
        return np.ctypeslib.as_array(self._c.llama_get_logits_ith(self.ctx, index), shape=(self.n_vocab,))

    def is_end_of_generation(self, token: int) -> bool:
        return bool(self._c.llama_vocab_is_eog(self.vocab, token))

    def piece(self, token: int) -> bytes:
        """The bytes of one token's text."""
        buffer = ctypes.create_string_buffer(PIECE_BYTES)
        size = self._c.llama_token_to_piece(self.vocab, token, buffer, PIECE_BYTES, 0, False)
        return buffer.raw[: max(size, 0)]

    def reset_perf(self) -> None:
        """Start llama.cpp's counters afresh (they then cover one call)."""
        self._c.llama_perf_context_reset(self.ctx)

    def perf(self) -> PerfCounters:
        data = self._c.llama_perf_context(self.ctx)
        return PerfCounters(int(data.n_p_eval), float(data.t_p_eval_ms), int(data.n_eval), float(data.t_eval_ms))
