"""The DRY ("don't repeat yourself") penalty, as a logits processor for in-process models.

A small model continuing a transcript tends to copy runs of words from earlier turns. DRY
penalises the token that would extend a run already seen in the context: if the last L
tokens also occur earlier followed by token t, then t loses ``multiplier * base**(L - allowed)``
from its logit, for L above ``allowed``. Short common runs stay free; long copies become
very unlikely, while names and set phrases that the context predicts strongly survive.
"""

from __future__ import annotations

import numpy as np

MAX_MATCH = 40


class DryPenalty:
    """A logits processor ``(input_ids, scores) -> scores`` applying the DRY penalty."""

    def __init__(self, multiplier: float = 0.8, base: float = 1.75, allowed: int = 2, window: int = 4096):
        self.multiplier = multiplier
        self.base = base
        self.allowed = allowed
        self.window = window

    def __call__(self, input_ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        ids = np.asarray(input_ids[-self.window :])
        if len(ids) < self.allowed + 2:
            return scores
        for token, length in self.extensions(ids).items():
            if length > self.allowed and token < len(scores):
                scores[token] -= self.multiplier * self.base ** min(length - self.allowed, 12)
        return scores

    @staticmethod
    def extensions(ids: np.ndarray) -> dict[int, int]:
        """For each token that followed an earlier occurrence of the current suffix, the
        length of the longest such suffix match."""
        last = ids[-1]
        best: dict[int, int] = {}
        for p in np.nonzero(ids[:-1] == last)[0]:
            length = 1
            while length < MAX_MATCH and p - length >= 0 and ids[p - length] == ids[-1 - length]:
                length += 1
            follower = int(ids[p + 1])
            if length > best.get(follower, 0):
                best[follower] = length
        return best
