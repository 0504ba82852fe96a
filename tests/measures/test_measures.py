"""The measured figures, each defined once and shared by the checks, the evaluation and the report."""

from __future__ import annotations

import numpy as np

from summitry.measures.distinct import distinct_2, distinct_n
from summitry.measures.distinctiveness import speaker_identification
from summitry.measures.echoes import echo_similarity, echoed_phrase, is_echo
from summitry.measures.near_duplicates import (
    is_semantic_duplicate,
    lexical_near_duplicates,
    nearest_earlier,
    semantic_near_duplicates,
)
from summitry.measures.thresholds import SEMANTIC_DUPLICATE


def test_distinct_n_counts_repeated_runs_within_texts_only() -> None:
    assert distinct_2(["a b c", "a b c"]) == 0.5
    assert distinct_n(["a b", "b a"], 1) == 0.5
    assert distinct_2(["one"]) is None


def test_distinct_2_uses_the_one_tokenizer() -> None:
    """Possessives and case do not make a bigram new."""
    assert distinct_2(["China's plan", "china plan"]) == 0.5


def test_semantic_near_duplicates_use_the_one_threshold() -> None:
    a = np.array([1.0, 0.0])
    close = np.array([np.cos(0.3), np.sin(0.3)])  # cosine 0.955
    far = np.array([0.0, 1.0])
    assert is_semantic_duplicate(nearest_earlier(close, np.stack([a])))
    assert not is_semantic_duplicate(nearest_earlier(far, np.stack([a])))
    assert nearest_earlier(a, np.zeros((0, 2))) == 0.0
    assert semantic_near_duplicates(np.stack([a, far, close])) == 1
    assert not is_semantic_duplicate(SEMANTIC_DUPLICATE)


def test_lexical_near_duplicates_share_most_trigrams() -> None:
    turns = [
        (1, "We must share the river data with every state downstream today."),
        (2, "Something else entirely about the naval base and its future."),
        (3, "We must share the river data with every state downstream now."),
    ]
    pairs = lexical_near_duplicates(turns)
    assert [(p.first, p.second) for p in pairs] == [(1, 3)]
    assert 0.5 <= pairs[0].similarity < 1


def test_echoes_of_the_answered_turn_and_of_any_earlier_phrase() -> None:
    said = "The river belongs to all of us and we share it."
    assert is_echo(echo_similarity("The river belongs to all of us, we say.", said))
    assert not is_echo(echo_similarity("Dams need careful rules on filling.", said))
    assert echoed_phrase("Truly the river belongs to all of us.", [said]) == "the river belongs to all"
    assert echoed_phrase("A new thought entirely here.", [said]) is None


def test_speaker_identification_tells_distinct_voices_apart() -> None:
    rng = np.random.default_rng(0)
    centres = {"A": np.array([1.0, 0, 0]), "B": np.array([0, 1.0, 0])}
    speakers = ["A", "B"] * 6
    vectors = np.stack([centres[s] + 0.05 * rng.standard_normal(3) for s in speakers])
    accuracy, chance = speaker_identification(vectors, speakers)
    assert accuracy == 1.0 and chance == 0.5
    assert speaker_identification(vectors[:3], ["A", "B", "C"]) == (None, None)
