"""Connecting phrases say only what holds: every phrase declares what it asserts, and a composed
session uses it only where the turn's material shows it; no quoted lesson options; few recurring
frames; the mediator's common ground survives the rest of the session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summitry.realize.bank import ASSERTIONS, bundled
from summitry.realize.relation import holding
from summitry.scenario import load_scenario
from summitry.scenario.index import unit_index, unit_point
from summitry.scenario.model import Scenario
from summitry.session.accord import common_ground_holds
from summitry.session.state import SessionState
from summitry.text.sentences import sentences
from summitry.text.words import words

from .helpers import DATA, run_session

BUNDLED = ["nile-basin", "arctic-council", "quantum-summit"]
OWN = [str(DATA / "fisheries.yaml"), str(DATA / "railway.yaml")]
MAX_FRAME_REUSE = 0.15  # the target for delegation turns reusing an earlier frame
FRAME_WORDS = 6  # a sentence's frame: its first six items once the scenario's words are masked
FRAME_LITERALS = 3  # fewer words of its own and a sentence is the scenario's material, not a frame


def sessions(names: list[str], seeds: range, folder: Path) -> list[SessionState]:
    return [run_session(name, folder / f"{Path(name).stem}-{seed}", seed) for name in names for seed in seeds]


@pytest.fixture(scope="module")
def composed(tmp_path_factory) -> list[SessionState]:
    folder = tmp_path_factory.mktemp("glue")
    return sessions(OWN, range(3), folder) + sessions(BUNDLED, range(1), folder)


def pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as it reads in a turn, with any filler where its placeholders were."""
    pieces = re.split(r"\{[A-Za-z]+\}", phrase.rstrip(":,"))
    return re.compile(".{1,80}?".join(re.escape(p) for p in pieces), re.IGNORECASE)


def asserted(text: str) -> set[str]:
    """What the delegation bank's phrases found in a turn assert."""
    bank = bundled("delegation")
    slots = bank.slots.values()
    return {slot.asserts for slot in slots for p in slot.phrases if len(p) > 12 and pattern(p).search(text)}


def test_every_slot_declares_an_assertion_the_composer_knows() -> None:
    for name in ("delegation", "mediator"):
        for slot in bundled(name).slots.values():
            assert slot.asserts in ASSERTIONS


def test_agreement_holds_only_for_the_same_choice_or_an_offer_taken_up() -> None:
    fish = load_scenario(OWN[0])
    units = unit_index(fish)
    # Norlund and Sudria chose zonal shares, Westmark past catches
    assert "agreement" in holding(fish, [units["su-why-quota"]], [units["no-why-quota"]])
    differ = holding(fish, [units["we-why-quota"]], [units["no-why-quota"]])
    assert "agreement" not in differ and "disagreement" in differ
    # the same point alone is not agreement: two arguments on stock surveys
    assert "agreement" not in holding(fish, [units["we-landings"]], [units["no-surveys"]])
    # a concession taking up a proposal on its point is
    assert "agreement" in holding(fish, [units["we-c-review"]], [units["no-p-review"]])


def test_answer_fact_and_offer_hold_only_where_the_material_shows_them() -> None:
    fish = load_scenario(OWN[0])
    units = unit_index(fish)
    asked = units["we-q"]  # why divide a stock that moved as if it will never move back?
    assert "answer" not in holding(fish, [units["no-jobs"]], [asked])  # coastal jobs do not take it up
    probe = "In which zone is the stock found in summer?"
    assert "answer" in holding(fish, [units["no-surveys"]], [], asked=probe)
    assert "answer" not in holding(fish, [units["no-jobs"]], [], asked=probe)
    assert "fact" in holding(fish, [units["no-jobs"]], [])
    assert "fact" not in holding(fish, [units["we-rl"]], [])  # a red line is not a fact
    assert "offer" in holding(fish, [units["no-c-data"]], [])
    assert "offer" not in holding(fish, [units["no-surveys"]], [])


def test_composed_turns_assert_only_what_holds(composed: list[SessionState]) -> None:
    checked = 0
    for state in composed:
        units = unit_index(state.scenario)
        for plan, turn in zip(state.plans, state.turns, strict=True):
            if plan.is_moderator or not plan.units or turn.speaker not in names_of(state.scenario):
                continue
            mine = [units[u] for u in plan.units if u in units]
            theirs = [units[u] for u in plan.engages if u in units]
            claims = asserted(turn.text) & {"agreement", "disagreement", "fact", "offer"}
            holds = holding(state.scenario, mine, theirs)
            assert claims <= holds, f"turn {turn.index} of {state.scenario.title} asserts {claims - holds}: {turn.text}"
            checked += 1
    assert checked > 100


def test_no_turn_quotes_a_lesson_question_or_option(composed: list[SessionState]) -> None:
    for state in composed:
        lesson = state.scenario.lesson
        quoted = [q.text for q in lesson.questions] + [o.text for q in lesson.questions for o in q.options]
        for turn in state.turns:
            for text in quoted:
                assert f"'{text.rstrip('.?')}" not in turn.text and f"'{text[:1].lower()}{text[1:]}" not in turn.text
            assert not re.search(r"\b(?:we|our) (?:answered|chose|answer was) '", turn.text, re.IGNORECASE)


def test_no_sentence_reports_another_delegation_in_the_third_person(composed: list[SessionState]) -> None:
    for state in composed:
        for turn in state.turns:
            for name in names_of(state.scenario):
                if name != turn.speaker:
                    assert not re.search(rf"{re.escape(name)} (?:claims|argues|tells us|reminds us) that", turn.text)


def names_of(scenario: Scenario) -> set[str]:
    return {d.name for d in scenario.delegations}


def masked(text: str, scenario: Scenario) -> list[str]:
    """A turn's words with the scenario's own words (its material, names, options, points) as '_'."""
    fillers = sorted(scenario_phrases(scenario), key=len, reverse=True)
    lowered = text.lower()
    for phrase in fillers:
        lowered = lowered.replace(phrase, " _ ")
    return lowered.split()


def scenario_phrases(scenario: Scenario) -> set[str]:
    found: set[str] = {d.name.lower() for d in scenario.delegations} | {scenario.moderator.name.lower()}
    for unit in unit_index(scenario).values():
        for text in (unit.text, unit.claim, unit.support, unit.condition, unit.on):
            if text:
                found.add(text.strip().rstrip(".?!").lower())
    for question in scenario.lesson.questions:
        found |= {question.text.lower().rstrip("?")} | {o.text.lower() for o in question.options}
    return {p for p in found if len(p) > 2}


def frame_reuse(state: SessionState) -> float:
    """Share of delegation turns holding a sentence whose frame an earlier delegation turn had."""
    seen: list[tuple[str, ...]] = []
    turns = [t for t in state.turns if t.speaker in names_of(state.scenario)]
    reusing = 0
    for turn in turns:
        frames = []
        for sentence in sentences(turn.text):
            items = tuple(w if w == "_" else "".join(words(w)) or w for w in masked(sentence, state.scenario))
            frame = items[:FRAME_WORDS]
            if sum(1 for x in frame if x != "_") >= FRAME_LITERALS:
                frames.append(frame)
        if any(f[: len(k)] == k[: len(f)] for f in frames for k in seen):
            reusing += 1
        seen.extend(frames)
    return reusing / len(turns)


def test_few_delegation_turns_reuse_an_earlier_frame(composed: list[SessionState]) -> None:
    shares = [(state.scenario.title, round(frame_reuse(state), 3)) for state in composed]
    assert max(share for _, share in shares) <= MAX_FRAME_REUSE, shares


def test_common_ground_named_by_the_mediator_holds_to_the_end(composed: list[SessionState]) -> None:
    named = 0
    for state in composed:
        for plan in state.plans:
            for note in plan.common_ground:
                if note.basis == "same_answer":  # a shared choice: both stated the same answer, nothing more
                    answers = [state.scenario.delegation(n).answers.get(note.on) for n in note.pair]
                    assert answers[0] is not None and answers[0] == answers[1]
                    assert [state.plans[i - 1].speaker for i in note.turns] == list(note.pair)
                    continue
                point = unit_point(unit_index(state.scenario)[note.units[0]])
                assert common_ground_holds(state.scenario, tuple(state.plans), *note.pair, point or "")
                named += 1
    assert named > 0
