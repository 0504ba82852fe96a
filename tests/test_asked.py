"""A question put to one delegation is open until that delegation takes it up in a later turn."""

from __future__ import annotations

from summitry.asked import put_questions, unanswered_questions
from summitry.plan import Move, TurnPlan
from summitry.session.phases.rounds import open_question


def _plan(index: int, speaker: str, move: Move = Move.ANSWER, **fields) -> TurnPlan:
    return TurnPlan(index=index, phase="crosstalk", phase_index=2, speaker=speaker, move=move, **fields)


def test_a_question_is_open_until_its_addressee_engages_it():
    asked = (_plan(1, "Upton", Move.ASK, addressees=("Lowby",), units=("up-q",)),)
    assert [q.unit for q in unanswered_questions(asked)] == ["up-q"]
    # someone else taking it up does not answer it, nor does the addressee speaking of something else
    later = (*asked, _plan(2, "Midmere", engages=("up-q",)), _plan(3, "Lowby", units=("lo-rl",), engages=("mi-x",)))
    assert [q.unit for q in unanswered_questions(later)] == ["up-q"]
    answered = (*later, _plan(4, "Lowby", units=("lo-rl",), engages=("up-q",)))
    assert unanswered_questions(answered) == []
    assert put_questions(answered)[0].answered_in == 4


def test_a_question_to_the_room_or_an_answer_before_the_question_does_not_count():
    room = _plan(2, "Upton", Move.ASK, addressees=("Lowby", "Midmere"), units=("up-q",))
    early = _plan(1, "Lowby", engages=("up-q",))
    assert unanswered_questions((room,)) == []
    to_lowby = _plan(2, "Upton", Move.ASK, addressees=("Lowby",), units=("up-q",))
    assert [q.asker for q in unanswered_questions((early, to_lowby))] == ["Upton"]


def test_the_synthesis_names_a_question_its_addressee_let_pass_before_one_just_asked():
    from_upton = _plan(1, "Upton", Move.ASK, addressees=("Lowby",), units=("up-q",))
    lowby_speaks = _plan(2, "Lowby", units=("lo-rl",))
    from_midmere = _plan(3, "Midmere", Move.ASK, addressees=("Upton",), units=("mi-q",))
    assert [q.unit for q in open_question((from_upton, lowby_speaks, from_midmere))] == ["up-q"]
    assert [q.unit for q in open_question((from_upton, from_midmere))] == ["mi-q"]
