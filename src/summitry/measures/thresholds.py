"""Every threshold of the measured figures, in one place, each with where its value came from."""

from __future__ import annotations

__all__ = [
    "ECHO_NGRAM",
    "ECHO_SIMILARITY",
    "LEXICAL_DUPLICATE",
    "LEXICAL_DUPLICATE_NGRAM",
    "SEMANTIC_DUPLICATE",
    "SCENARIO_MAX_RUN",
    "SKELETON_FRAME_WORDS",
    "SKELETON_MIN_LITERALS",
    "ENGAGE_MIN_SHARED",
    "BACKGROUND_SHARE",
    "REPEAT_MIN_WORDS",
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

# Scenario words masked before frames are compared: n-grams up to this length are indexed, longer
# runs are masked as chained runs. A guess that keeps the index small, not tuned.
SCENARIO_MAX_RUN = 12

# Skeleton repetition: a sentence's frame is its first this many items (words and slots) once the
# scenario's words are masked. A guess: a template's glue before its first filler is rarely
# longer, and longer frames let fillers of different lengths hide a reuse. Not tuned; with it the
# founding transcript measures 0.125, the bundled composer sessions 0.22-0.42 (docs/quality.md).
SKELETON_FRAME_WORDS = 6

# Skeleton repetition: a frame needs this many words of the speaker's own; fewer is a sentence
# made of the scenario's own words, which is substance, not a skeleton. A guess, not tuned.
SKELETON_MIN_LITERALS = 3

# Responsiveness on content: distinctive words a reply must share with a unit of the turn it
# answers (all of them when the unit has fewer). A guess: one shared word is often chance.
ENGAGE_MIN_SHARED = 2

# Responsiveness on content: a word in the material of at least this share of the delegations
# (and of two at least) is background of the whole scenario, not a sign of a point answered.
# A guess, not tuned.
BACKGROUND_SHARE = 0.5

# Sentences said twice: shortest sentence that counts, in words. A guess: a courtesy with a title
# and a name ("Thank you, Dr. Chen.") runs to four words and is conversation, not repetition.
REPEAT_MIN_WORDS = 5

# Template frames: a template span's frame is its first this many items once the scenario's words
# are masked, and needs this many words of its own. A guess: three words name a lead-in's family
# ("we disagree with", "let me answer") as a reader hears it; fewer merge unrelated phrases
# ("we are …"), more split one family by its filler. Not tuned to a scenario.
TEMPLATE_FRAME_WORDS = 3
TEMPLATE_FRAME_LITERALS = 2
