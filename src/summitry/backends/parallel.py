"""Several candidates of one prompt decoded together, in one llama.cpp batch.

A turn asks for a few candidates of the same prompt. Decoded one after another, each pays
for every output token alone; in one batch the weights are read once for all of them (how
much that saves depends on the machine: on two cores, where computing logits over Gemma's
262,144-token vocabulary dominates a step, ``bench/candidates.py`` measures 1.12×). So the
candidates run as parallel *sequences* of one context: the prompt is evaluated once into sequence 0, its cache
entries are shared with sequences 1…n−1 (``llama_memory_seq_cp`` on a unified cache, which
copies no data), and every step decodes one token of each unfinished candidate in a single
batch. Each candidate has its own sampler chain (repetition and DRY penalties, top-k, top-p,
min-p, temperature, and a random draw seeded ``seed + i``), fed with the prompt's recent
tokens so the penalties see the context.

Between calls the context keeps every sequence (the prompt and each candidate's tokens). The
next prompt continues the sequence it shares the longest prefix with (in a session, the
candidate that was kept and written into the transcript) and evaluates only what follows. Gemma 3
uses sliding-window attention; the context keeps a full-size window cache (``swa_full``), so
removing the end of a sequence and decoding again is exact.

Scoring (:meth:`ParallelDecoder.score`) reuses the same cache: the shared prompt is brought into
sequence 0 as for generation, and each continuation is decoded into a sequence of its own that
shares the prompt's entries, with logits at every position; its score is the mean log-probability
of its tokens. Each scored continuation stays in the cache, so the next prompt (the transcript
with the chosen wording appended) continues from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from summitry.backends.base import common_prefix
from summitry.backends.llama_adapter import Llama, SamplerChain, SequenceContext
from summitry.errors import BackendError

PENALTY_WINDOW = 64  # tokens the repetition penalty looks back on (llama-cpp-python's default)
DRY_WINDOW = 4096  # tokens the DRY penalty searches for runs to extend
DRY_BASE = 1.75
DRY_ALLOWED = 2  # runs of up to this many tokens are never penalised
DRY_BREAKERS = ("\n",)  # a run never extends across a line break
NEW_DOCUMENT = 32  # a prompt sharing fewer tokens than this with the cache starts afresh
TOP_K = 40
MIN_P = 0.05


@dataclass(frozen=True)
class Sampling:
    """How each candidate picks its next token."""

    temperature: float = 0.8
    top_p: float = 0.95
    top_k: int = TOP_K
    repeat_penalty: float = 1.0
    dry_multiplier: float = 0.0
    stop: tuple[str, ...] = ()
    max_tokens: int = 64
    min_tokens: int = 0  # until a candidate has this many, no end of text and no stop string


@dataclass
class Decoded:
    """What one call produced: the texts, why each ended, and what it cost."""

    texts: list[str]
    finish_reasons: list[str]
    completion_tokens: int
    cached_prompt_tokens: int
    prompt_seconds: float
    generation_seconds: float


@dataclass
class Scored:
    """What scoring produced: each continuation's mean log-probability and token count."""

    scores: list[float]
    tokens: list[int]
    cached_prompt_tokens: int


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Log-probabilities of a row (or rows) of logits."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    result: np.ndarray = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return result


@dataclass
class _Candidate:
    """One sequence being decoded."""

    seq: int
    sampler: SamplerChain
    tokens: list[int] = field(default_factory=list)
    data: bytes = b""
    finish: str | None = None
    logits_index: int = -1
    decoded: int = 0  # tokens fed back into the cache (all but a last one that ended it)

    def text(self, stop: tuple[str, ...]) -> str:
        text = self.data.decode("utf-8", errors="ignore")
        return _cut_at_stop(text, stop)[0]


def _cut_at_stop(text: str, stop: tuple[str, ...]) -> tuple[str, bool]:
    """The text up to the first stop string, and whether one was found."""
    cuts = [text.find(s) for s in stop if s and s in text]
    return (text[: min(cuts)], True) if cuts else (text, False)


class ParallelDecoder:
    """Decodes up to ``sequences`` candidates of one prompt together on a model's weights.

    It owns a llama.cpp context of its own (a unified cache shared by the sequences) over the
    weights of an already loaded ``llama_cpp.Llama``; calls must be serialised by the caller.
    """

    def __init__(self, llama: Llama, *, sequences: int = 4, n_ctx: int, n_threads: int, n_batch: int) -> None:
        self.llama = llama
        self.sequences = sequences
        self.n_batch = n_batch
        self.context = SequenceContext(llama, sequences=sequences, n_ctx=n_ctx, n_threads=n_threads,
                                       n_batch=n_batch)
        self.n_vocab = self.context.n_vocab
        self.held: list[list[int]] = [[]]  # the tokens each sequence holds in the cache, in order
        self._decoded = 0
        self._last_index = 0
        self._ending_tokens: dict[tuple[str, ...], list[int]] = {}
        # every token's text, read once with the model (under a second for 262k tokens)
        self._pieces = [self.context.piece(t) for t in range(self.n_vocab)]
        self._eog = {t for t in range(self.n_vocab) if self.context.is_end_of_generation(t)}

    @property
    def n_ctx(self) -> int:
        return self.context.n_ctx

    def clear(self) -> None:
        """Forget every cached token: the next call evaluates its whole prompt."""
        self.context.clear()
        self.held = [[]]

    def tokens_decoded(self) -> int:
        """Tokens handed to llama.cpp's decoder since the last call began (prompt and
        candidates alike), counted batch by batch: a check on the call's own accounting."""
        return self._decoded

    def reusable_prefix(self, tokens: list[int]) -> int:
        """How many of these prompt tokens are cached and will not be evaluated again (the
        last prompt token is always evaluated, since its logits start the candidates)."""
        return self._continuation(tokens)[1]

    def _continuation(self, tokens: list[int]) -> tuple[int, int]:
        """The cached sequence these tokens continue furthest, and how many of them it holds
        that need no evaluation (never the last: its logits start the candidates)."""
        shared = [common_prefix(held, tokens) for held in self.held]
        best = max(range(len(shared)), key=shared.__getitem__)
        return best, min(shared[best], len(tokens) - 1)

    def decode(self, tokens: list[int], n: int, sampling: Sampling, seed: int) -> Decoded:
        """``n`` candidates continuing ``tokens``; candidate ``i`` draws with ``seed + i``."""
        if not tokens:
            raise BackendError("the prompt is empty", hint="give the model some text to continue")
        self.context.reset_perf()  # llama.cpp's counters cover this call
        self._decoded = 0
        started = time.perf_counter()
        cached = self._evaluate_prompt(tokens)
        prompt_seconds = time.perf_counter() - started
        texts: list[str] = []
        reasons: list[str] = []
        produced = 0
        generation = 0.0
        for first in range(0, n, self.sequences):
            if first:  # a later round: sequence 0 must hold the prompt alone again
                self._evaluate_prompt(tokens)
            began = time.perf_counter()
            group = self._generate(tokens, range(first, min(n, first + self.sequences)), sampling, seed)
            generation += time.perf_counter() - began
            texts += [c.text(sampling.stop) for c in group]
            reasons += [c.finish or "length" for c in group]
            produced += sum(len(c.tokens) for c in group)
        return Decoded(texts, reasons, produced, cached, prompt_seconds, generation)

    def score(self, prompt: list[int], continuations: list[list[int]]) -> Scored:
        """Each continuation's mean log-probability per token after ``prompt`` (every
        continuation holds at least one token). Continuation ``i`` is decoded in sequence
        ``1 + i % (sequences - 1)``, which keeps it in the cache afterwards."""
        if not prompt or not all(continuations):
            raise BackendError("scoring needs a prompt and continuations of at least one token",
                               hint="give the model some text before and after the split")
        if self.sequences < 2:
            raise BackendError("scoring needs a context of at least two sequences",
                               hint="build the decoder with sequences=2 or more")
        self.context.reset_perf()
        self._decoded = 0
        cached = self._evaluate_prompt(prompt)
        first = log_softmax(self.context.logits(self._last_index).astype(np.float64))  # copied
        scores: list[float] = []
        for index, tokens in enumerate(continuations):
            seq = 1 + index % (self.sequences - 1)
            self.context.seq_rm(seq, -1, -1)
            self.context.seq_cp(0, seq)
            rows = self._continuation_logits(tokens, len(prompt), seq)
            picked = [first[tokens[0]]]
            picked += [log_softmax(row)[token] for row, token in zip(rows, tokens[1:], strict=True)]
            scores.append(float(np.mean(picked)))
            self.held += [[]] * (seq + 1 - len(self.held))
            self.held[seq] = prompt + tokens
        return Scored(scores, [len(t) for t in continuations], cached)

    def _continuation_logits(self, tokens: list[int], start: int, seq: int) -> list[np.ndarray]:
        """Decode ``tokens`` at positions ``start``… of sequence ``seq``; the logits after each
        token but the last (which predict the next one), as float64 copies."""
        rows: list[np.ndarray] = []
        for offset in range(0, len(tokens), self.n_batch):
            chunk = tokens[offset : offset + self.n_batch]
            entries = [(t, start + offset + i, seq, offset + i < len(tokens) - 1) for i, t in enumerate(chunk)]
            self._run(entries)
            wanted = sum(1 for entry in entries if entry[3])
            rows += [self.context.logits(i).astype(np.float64) for i in range(wanted)]
        return rows

    # -- the prompt ------------------------------------------------------------------------

    def _evaluate_prompt(self, tokens: list[int]) -> int:
        """Bring sequence 0 to exactly ``tokens``, evaluating only what is not cached; the
        last token's logits are left at batch index ``self._last_index``."""
        best, reuse = self._continuation(tokens)
        if reuse < NEW_DOCUMENT and self.held != [[]]:
            # a new document (say, the next session of a batch): start from an empty cache, so
            # its outputs do not depend on where earlier work left its entries in the cache
            # (llama.cpp's sums run over the cache in cell order)
            self.clear()
            best, reuse = 0, 0
        context = self.context
        if best != 0:  # continue the candidate this prompt goes on with
            context.seq_rm(0, -1, -1)
            context.seq_cp(best, 0)
        for seq in range(1, self.sequences):
            context.seq_rm(seq, -1, -1)
        if not context.seq_rm(0, reuse, -1):
            self.clear()  # a cache that cannot cut a sequence short is rebuilt from scratch
            reuse = 0
        self.held = [self.held[best][:reuse]]
        rest = tokens[reuse:]
        for start in range(0, len(rest), self.n_batch):
            chunk = rest[start : start + self.n_batch]
            last = start + len(chunk) == len(rest)
            entries = [(t, reuse + start + i, 0, last and i == len(chunk) - 1) for i, t in enumerate(chunk)]
            self._run(entries)
            self.held[0] += chunk
        self._last_index = len(rest) - 1 - (len(rest) - 1) // self.n_batch * self.n_batch
        return reuse

    # -- the candidates --------------------------------------------------------------------

    def _generate(self, tokens: list[int], indices: range, sampling: Sampling, seed: int) -> list[_Candidate]:
        samplers = self._samplers(tokens, sampling, [seed + i for i in indices])
        group = [_Candidate(seq=k, sampler=sampler) for k, sampler in enumerate(samplers)]
        for candidate in group[1:]:
            self.context.seq_cp(0, candidate.seq)
        for candidate in group:
            candidate.logits_index = self._last_index
        position = len(tokens)
        try:
            while True:
                active = [c for c in group if c.finish is None]
                for candidate in active:
                    self._step(candidate, sampling)
                active = [c for c in active if c.finish is None]
                if not active:
                    break
                self._run([(c.tokens[-1], position, c.seq, True) for c in active])
                for index, candidate in enumerate(active):
                    candidate.logits_index = index
                    candidate.decoded += 1
                position += 1
            self.held = [tokens + c.tokens[: c.decoded] for c in group]
        finally:
            for candidate in group:
                candidate.sampler.close()
        return group

    def _step(self, candidate: _Candidate, sampling: Sampling) -> None:
        """Sample the candidate's next token and decide whether it is done."""
        if len(candidate.tokens) < sampling.min_tokens:
            self._hold_back_endings(candidate.logits_index, sampling.stop)
        token = candidate.sampler.sample(self.context, candidate.logits_index)
        if self.context.is_end_of_generation(token):
            candidate.finish = "stop"
            return
        candidate.tokens.append(token)
        candidate.data += self._pieces[token]
        if sampling.stop and _cut_at_stop(candidate.data.decode("utf-8", errors="ignore"), sampling.stop)[1]:
            candidate.finish = "stop"
        elif len(candidate.tokens) >= sampling.max_tokens:
            candidate.finish = "length"

    def _hold_back_endings(self, index: int, stop: tuple[str, ...]) -> None:
        """Make end of text, and every token whose piece holds a stop string, impossible at
        this batch index (a stop string split across tokens is not caught)."""
        self.context.logits(index)[self._endings(stop)] = -np.inf

    def _endings(self, stop: tuple[str, ...]) -> list[int]:
        """The tokens that would end a candidate: end-of-generation ones and those whose text
        holds a stop string (found once per set of stop strings, over the whole vocabulary)."""
        if stop not in self._ending_tokens:
            encoded = [s.encode("utf-8") for s in stop if s]
            self._ending_tokens[stop] = [
                t for t, piece in enumerate(self._pieces) if t in self._eog or any(e in piece for e in encoded)
            ]
        return self._ending_tokens[stop]

    def _samplers(self, tokens: list[int], sampling: Sampling, seeds: list[int]) -> list[SamplerChain]:
        """One sampler chain per candidate, each with its own seeded draw. The penalties see
        the prompt's recent tokens: they are fed once to a shared chain, which is then cloned."""
        shared = SamplerChain()
        shared.add_penalties(self.n_vocab, PENALTY_WINDOW, sampling.repeat_penalty)
        if sampling.dry_multiplier:
            shared.add_dry(self.llama, sampling.dry_multiplier, DRY_BASE, DRY_ALLOWED, DRY_WINDOW, DRY_BREAKERS)
        if sampling.temperature > 0.0:
            shared.add_top_k(sampling.top_k)
            shared.add_top_p(sampling.top_p)
            shared.add_min_p(MIN_P)
            shared.add_temp(sampling.temperature)
        for token in tokens[-max(PENALTY_WINDOW, DRY_WINDOW if sampling.dry_multiplier else 0) :]:
            shared.accept(token)
        chains = []
        for seed in seeds:
            chain = shared.clone()
            if sampling.temperature > 0.0:
                chain.add_dist(seed)
            else:
                chain.add_greedy()
            chains.append(chain)
        shared.close()
        return chains

    # -- llama.cpp -------------------------------------------------------------------------

    def _run(self, entries: list[tuple[int, int, int, bool]]) -> None:
        """Decode one batch of (token, position, sequence, wants logits)."""
        status = self.context.decode(entries)
        self._decoded += len(entries)
        if status != 0:
            self.clear()
            raise BackendError(f"llama.cpp could not decode a batch of {len(entries)} tokens (status {status})",
                               hint="the context may be full: shorten the prompt or raise n_ctx")
