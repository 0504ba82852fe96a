"""Every threshold of the measured figures, in one place, each with where its value came from."""

from __future__ import annotations

__all__ = [
    "ECHO_NGRAM",
    "ECHO_SIMILARITY",
    "LEXICAL_DUPLICATE",
    "LEXICAL_DUPLICATE_NGRAM",
    "SEMANTIC_DUPLICATE",
]

# Semantic near-duplicate: embedding cosine with an earlier turn above this. A guess made when
# the candidate checks were written, not tuned; the evaluation counted above 0.9 until both
# were given this one value, so that it counts exactly the turns the check would have refused.
SEMANTIC_DUPLICATE = 0.85

# Lexical near-duplicate: word-trigram Jaccard of two turns at least this. A guess made with the
# first report, not tuned: at one half, most of either turn's wording is shared.
LEXICAL_DUPLICATE = 0.5
LEXICAL_DUPLICATE_NGRAM = 3

# Echo of the turn answered: word-bigram Jaccard with it at least this. A guess made with the
# first report, not tuned.
ECHO_SIMILARITY = 0.3

# Echoed phrase: a run of this many words that an earlier turn already said. A guess made with
# the candidate checks (four-word runs such as "on the other hand" are common idiom), not tuned.
ECHO_NGRAM = 5
