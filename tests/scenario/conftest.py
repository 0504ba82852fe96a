"""Fixtures for the scenario tests: the bundled files, the seed transcript, a file writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import summitry

BUNDLED_DIR = Path(summitry.__file__).resolve().parent / "scenarios"
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seed" / "quantum-summit-transcript.md"


@pytest.fixture
def quantum_text() -> str:
    return (BUNDLED_DIR / "quantum-summit.yaml").read_text(encoding="utf-8")


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed transcript not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text or bytes to a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
