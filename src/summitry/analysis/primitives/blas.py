"""One BLAS thread for the analysis's small matrices.

Multi-threaded BLAS makes a 150 x 4096 product a hundred times slower on a busy machine than
one thread does, so analysis runs under a one-thread limit when ``threadpoolctl`` is present
(it comes with scikit-learn); without it, nothing changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def single_threaded() -> Iterator[None]:
    """Limit BLAS to one thread inside the block, when that can be done."""
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]
    except ImportError:
        yield
        return
    with threadpool_limits(1, user_api="blas"):
        yield
