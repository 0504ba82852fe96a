"""Participation balance and dialogue quality, on small transcripts with known answers."""

from __future__ import annotations

from summitry.analysis.findings.participation import gini, invited_turns, participation
from summitry.analysis.findings.quality import quality
from summitry.analysis.findings.responses import find_responses
from summitry.analysis.primitives.corpus import build_corpus
from summitry.measures.distinct import distinct_2

from .helpers import DATA, quick_parse


def test_gini_of_even_and_skewed_shares() -> None:
    assert gini([10, 10, 10, 10]) == 0.0
    assert gini([0, 0, 0, 40]) == 0.75
    assert gini([5]) is None and gini([0, 0]) is None


def analysed(text: str, moderator: str | None = "Chair"):
    transcript = quick_parse(text, moderator=moderator)
    corpus = build_corpus(transcript)
    return corpus, find_responses(transcript, corpus.sentences, corpus.vectors, corpus.delegations)


def test_invited_self_started_and_unanswered() -> None:
    corpus, responses = analysed((DATA / "bridge-table.txt").read_text(encoding="utf-8"))
    assert invited_turns(corpus) == {2, 11}
    p = participation(corpus, responses)
    by = {s.speaker: s for s in p.speakers}
    assert by["Avalon"].turns == 4 and by["Avalon"].invited == 1 and by["Avalon"].self_started == 3
    assert by["Corvo"].invited == 1
    assert p.moderator_turns == 2
    assert 0 <= p.gini_words < 0.3
    answered = {r.target_turn for r in responses}
    assert all(t not in answered for t in p.unanswered_turns)
    assert 14 not in p.unanswered_turns  # the last round could not be answered yet


def test_duplicates_echoes_and_identity_confusion_are_found() -> None:
    plea = "a ceasefire along the river and observers on both banks starting next week"
    text = "\n".join(
        [
            "Chair: Welcome, everyone. Redland, would you begin?",
            f"Redland: We want {plea}.",
            f"Blueland: Redland wants {plea}, and so do we.",
            "Greenland: As Redland, we insist that the observers come from neutral countries.",
            f"Redland: We want {plea}.",
        ]
    )
    corpus, responses = analysed(text)
    q = quality(corpus, responses)
    assert any(pair.turns == (2, 5) for pair in q.near_duplicates)
    assert any(pair.turns == (2, 3) for pair in q.echoes)
    assert [e.turn for e in q.identity_confusions] == [4]
    assert q.distinct_2 is not None and q.distinct_2 < 0.8


def test_distinctive_voices_are_recognised_and_identical_ones_are_not() -> None:
    voices = {
        "Farmers": "Our harvest needs water from the river for the wheat and barley fields.",
        "Sailors": "Our ships need deep channels and safe harbours for the cargo fleet.",
    }
    lines = ["Chair: Welcome."]
    for k in range(4):
        for who, said in voices.items():
            lines.append(f"{who}: {said} Season {k} matters.")
    corpus, responses = analysed("\n".join(lines))
    q = quality(corpus, responses)
    assert q.distinctiveness == 1.0 and q.distinctiveness_chance == 0.5
    same = ["Chair: Welcome."] + [
        f"{who}: We all want lasting peace, shared prosperity and clean water for every nation."
        for _ in range(4)
        for who in voices
    ]
    corpus, responses = analysed("\n".join(same))
    assert quality(corpus, responses).distinctiveness <= 0.5


def test_distinct_2_counts_repeated_word_pairs() -> None:
    assert distinct_2(["a b c", "a b c"]) == 0.5
    assert distinct_2([]) is None
