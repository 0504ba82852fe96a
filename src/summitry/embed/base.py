"""What an embedder is: sentences in, one unit-length vector per sentence out.

A dot product of two rows is then their cosine similarity. The analysis, the realizer's
checks and the session's common-ground phase see sentences only through :class:`Embedder`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "Vectors", "normalise_rows"]

Vectors = npt.NDArray[np.float32]  # one row per sentence


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    @property
    def name(self) -> str: ...

    def embed(self, sentences: list[str]) -> Vectors:
        """One unit-length float32 row per sentence, in order."""
        ...


def normalise_rows(matrix: npt.ArrayLike) -> Vectors:
    """Scale each row to unit length; all-zero rows stay zero."""
    rows = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    scaled: Vectors = (rows / norms).astype(np.float32, copy=False)
    return scaled
