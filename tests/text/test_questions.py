"""A lesson question named by what it asks: wh-questions, yes/no questions, and what cannot be derived."""

from __future__ import annotations

import pytest

from summitry.text.questions import question_subject


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Who should coordinate traffic in orbit?", "who should coordinate traffic in orbit"),
        ("What should be done about old dams?", "what should be done about old dams"),
        ("How should the benefits of the fishery be shared?", "how the benefits of the fishery should be shared"),
        ("What should quantum governance secure first?", "what quantum governance should secure first"),
        ("What institution does the basin need first?", "what institution the basin needs first"),
        ("Why do rich countries pay less?", "why rich countries pay less"),
        ("What is the role of the Authority?", "what the role of the Authority is"),
    ],
)
def test_a_wh_question_reads_as_the_clause_it_asks(question, subject):
    assert question_subject(question) == subject


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Should commercial fishing in the bay begin?", "whether commercial fishing in the bay should begin"),
        ("Can a small state protect its fisheries?", "whether a small state can protect its fisheries"),
        ("Did the pledge work?", "whether the pledge worked"),
    ],
)
def test_a_yes_no_question_becomes_a_whether_clause(question, subject):
    assert question_subject(question) == subject


def test_a_preposed_wh_phrase_becomes_a_noun_phrase():
    assert question_subject("On what terms should ports share their data?") == (
        "the terms on which ports should share their data"
    )


@pytest.mark.parametrize(
    "text", ["The future of the river.", "Which path for the river?", "Is nuclear power worth it?"]
)
def test_what_is_no_question_or_has_no_verb_to_find_has_no_subject(text):
    assert question_subject(text) is None


def test_a_trailing_clause_of_time_is_left_out_of_a_long_name_only():
    assert question_subject("What should Arctic cooperation put first as the ice retreats?") == (
        "what Arctic cooperation should put first"
    )
    assert question_subject("What should be done when a virus appears?") == "what should be done when a virus appears"
