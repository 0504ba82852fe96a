"""Shared fixtures: where the seed transcript is, and bundled scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "quantum-summit-transcript.md"


@pytest.fixture
def seed_path() -> Path:
    """The seed transcript the product was born from (read-only, beside the checkout)."""
    if not SEED.exists():
        pytest.skip(f"the seed transcript is not at {SEED}")
    return SEED
