"""The mediator says what happened, in the delegations' own words: the reframe names the proposal,
the synthesis quotes complete clauses and names a question left unanswered, the common-ground
finding is followed only by the pairs it names, replying on that ground, and the closing recalls
something said in the session."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from summitry.asked import unanswered_questions
from summitry.plan import CommonGroundNote, Move, TurnPlan
from summitry.realize.reported import quotable
from summitry.scenario import load_scenario
from summitry.scenario.index import unit_index, unit_point
from summitry.session.phases.common_ground import reply_on_common_ground
from summitry.session.phases.rounds import open_question
from summitry.session.planning import PlanContext
from summitry.session.state import SessionState
from summitry.text.words import STOPWORDS, words

from .helpers import run_session

EVALUATION = Path(__file__).resolve().parents[1] / "data" / "scenarios"
SCENARIOS = ["nile-basin", "arctic-council", "quantum-summit"] + [
    str(EVALUATION / f"{name}.yaml") for name in ("orbital-debris", "deep-sea-mining", "pandemic-agreement")
]
SEEDS = range(3)
# words that end no complete clause: a quote stopping on one stops mid-phrase
DANGLING = {"a", "an", "the", "of", "to", "in", "on", "for", "with", "and", "or", "but", "that", "which", "by",
            "from", "at", "as", "than", "its", "their", "our", "every", "no", "not", "into", "under"}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory) -> list[SessionState]:
    folder = tmp_path_factory.mktemp("mediator")
    return [run_session(name, folder / f"{Path(name).stem}-{seed}", seed) for name in SCENARIOS for seed in SEEDS]


def _content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 2}


def test_the_reframe_names_what_was_proposed_in_its_own_words(sessions: list[SessionState]) -> None:
    checked = 0
    for state in sessions:
        units = unit_index(state.scenario)
        for plan in state.plans:
            if not (plan.is_moderator and plan.phase == "reframe" and plan.move is Move.QUESTION):
                continue
            proposal = units[state.plans[plan.responds_to - 1].units[0]]
            said = state.turns[plan.index - 1].text
            shared = _content(quotable(proposal.text)) & _content(said)
            assert len(shared) >= 3, f"{state.scenario.title}: the reframe names nothing of {proposal.text!r}: {said}"
            checked += 1
    assert checked >= 6


def test_no_mediator_quote_stops_mid_phrase(sessions: list[SessionState]) -> None:
    quotes = 0
    for state in sessions:
        for turn in (t for t in state.turns if t.is_moderator):
            assert "…" not in turn.text and "..." not in turn.text, turn.text
            for quote in re.findall(r"'([^']{12,}?)'(?=[\s.,;:]|$)", turn.text):
                last = quote.rstrip("?!").split()[-1].lower()
                assert last not in DANGLING, f"a quote ends on {last!r}: {quote!r}"
                quotes += 1
    assert quotes > 20


def test_the_synthesis_varies_its_frames(sessions: list[SessionState]) -> None:
    for state in sessions:
        plan = next(p for p in state.plans if p.phase == "synthesis" and p.move is Move.SUMMARIZE)
        text = state.turns[plan.index - 1].text
        frames = [re.sub(r"'[^']*'", "Q", s).split()[:2] for s in re.split(r"(?<=[.?])\s+", text)]
        assert frames.count(["From", "the"]) + frames.count(["From", "China"]) <= 2, text


def test_after_no_common_ground_no_delegation_takes_the_floor_before_the_closing(sessions) -> None:
    checked = 0
    for state in sessions:
        finding = next(p for p in state.plans if p.phase == "common_ground")
        replies = [p for p in state.plans if p.phase == "common_ground" and not p.is_moderator]
        met = [n for n in finding.common_ground if n.basis == "engaged"]
        if not met:
            assert not replies, f"{state.scenario.title}: a reply round follows 'no common ground'"
            checked += 1
        named = {name for note in met for name in note.pair}
        assert {p.speaker for p in replies} <= named
    assert checked


def test_a_delegation_named_on_common_ground_replies_on_it_and_never_rebuts_its_partner(sessions, tmp_path) -> None:
    # a reply needs rivals who named each other in agreement and a fresh unit on the point: rare, so
    # the Nile's seeds are searched until one session has a reply
    extra = (run_session("nile-basin", tmp_path / f"nile-{seed}", seed) for seed in range(3, 12))
    replied = 0
    for number, state in enumerate(itertools.chain(sessions, extra)):
        if replied and number >= len(sessions):
            break
        units = unit_index(state.scenario)
        finding = next(p for p in state.plans if p.phase == "common_ground")
        for plan in (p for p in state.plans if p.phase == "common_ground" and not p.is_moderator):
            note = next(n for n in finding.common_ground if plan.speaker in n.pair)
            partner = next(n for n in note.pair if n != plan.speaker)
            assert plan.move is Move.AGREE_EXTEND and plan.addressees == (partner,)
            for uid in plan.units:
                assert units[uid].kind not in ("rebuttal", "red_line", "question")
                assert unit_point(units[uid]) == note.on
            replied += 1
    assert replied, "the Nile's rivals meet on common ground, and reply on it"


def test_the_synthesis_names_a_question_left_unanswered(sessions: list[SessionState]) -> None:
    named = 0
    for state in sessions:
        plan = next(p for p in state.plans if p.phase == "synthesis" and p.move is Move.SUMMARIZE)
        still_open = unanswered_questions(state.plans[: plan.index - 1])
        text = state.turns[plan.index - 1].text
        if not still_open:
            assert not any(unit_index(state.scenario)[u].kind == "question" for u in plan.engages)
            continue
        named_open = open_question(tuple(state.plans[: plan.index - 1]))
        assert named_open and named_open[0] in still_open
        question = unit_index(state.scenario)[named_open[0].unit]
        assert question.id in plan.engages
        assert question.owner in text and (question.to or "") in text, text
        named += 1
    assert named


def test_the_closing_recalls_something_said_in_the_session(sessions: list[SessionState]) -> None:
    for state in sessions:
        plan = next(p for p in state.plans if p.phase == "closing")
        units = unit_index(state.scenario)
        assert plan.engages, f"{state.scenario.title}: nothing to recall"
        unit = units[plan.engages[0]]
        assert any(unit.id in p.units for p in state.plans[: plan.index - 1])
        said = state.turns[plan.index - 1].text
        assert len(_content(quotable(unit.text)) & _content(said)) >= 2 or (unit.on and unit.on in said), said


def test_corrections_come_two_or_three_to_a_turn_and_a_pasted_claim_is_not_capitalised(sessions) -> None:
    for state in sessions:
        explained = [p for p in state.plans if p.move is Move.EXPLAIN]
        assert all(len(p.explanations) <= 3 for p in explained)
        if sum(len(p.explanations) for p in explained) > 3:
            assert all(len(p.explanations) >= 2 for p in explained)
        for plan in explained:
            text = state.turns[plan.index - 1].text
            assert not re.search(r"the idea that (?!I\b)[A-Z][a-z]+ [a-z]", text) or all(
                m in state.scenario.model_dump_json() and m.lower() not in state.scenario.model_dump_json()
                for m in re.findall(r"the idea that ([A-Z][a-z]+)", text)
            ), text


def test_a_delegation_with_only_a_rebuttal_of_its_partner_left_does_not_reply(tmp_path):
    scenario = load_scenario(str(Path(__file__).parent / "data" / "papers.yaml"))
    item = next(i for i in scenario.agenda if i.phase == "common_ground")
    lowby = TurnPlan(index=1, phase="crosstalk", phase_index=2, speaker="Lowby", move=Move.ANSWER, units=("lo-board",))
    said = (lowby,)
    ctx = PlanContext(scenario, item, 5, (), said, 0)
    note = CommonGroundNote(pair=("Upton", "Lowby"), theme="joint board", on="joint board", units=("lo-board",))
    assert reply_on_common_ground(ctx, note, "Upton") is None  # its only unit on the point rebuts Lowby
    data = CommonGroundNote(pair=("Upton", "Lowby"), theme="river data", on="river data", units=("lo-data",))
    plan = reply_on_common_ground(ctx, data, "Upton")
    assert plan is not None and plan.move is Move.AGREE_EXTEND and plan.units[0] in ("up-data", "up-c-data")


def test_the_reframe_does_not_demand_an_answer_from_every_delegation(sessions: list[SessionState]) -> None:
    # the turns after a reframe answer its proposal only when they hold material on it, so the mediator
    # may invite answers but never tells each delegation to give one
    reframes = [t for s in sessions for t, p in zip(s.turns, s.plans, strict=True)
                if p.phase == "reframe" and p.is_moderator]
    assert reframes
    for turn in reframes:
        said = turn.text.lower()
        assert "each of you" not in said and "answer that" not in said and "an answer from" not in said, turn.text
