"""Connecting phrases claim only what the plan and the session's record show: a decline only where
the speaker has nothing on the question's point, the addressee's view only where it spoke on the
point, a fact added only on the point the addressee made. A small scenario of our own: three
towns round a lake."""

from __future__ import annotations

import random
import re

import pytest

from summitry.plan import Move, TurnPlan
from summitry.realize.bank import bundled
from summitry.realize.base import SessionContext
from summitry.realize.composer import Composer
from summitry.realize.writer import Writer
from summitry.scenario import Scenario, load_scenario_text
from summitry.turns import Turn

LAKE = """
title: The Lake
premise: Three towns share one lake.
lesson:
  topic: Sharing a lake
  summary: The lesson covered fishing, quarries and the ferries.
  questions:
    - id: rules
      text: Who should set the rules for the lake?
      options:
        - {id: board, text: A joint board of the three towns}
        - {id: each, text: Each town for its own shore}
moderator:
  name: Dr. Ana Ruiz
delegations:
  - name: Westland
    tone: blunt
    summary: A fishing town.
    interests: [fish stocks]
    answers: {rules: board}
    relations: {Eastmark: -0.2, Northvale: 0.5}
    position:
      arguments:
        - id: w-levy
          on: fishing levy
          claim: A levy on every catch would pay for new hatcheries within three years.
          support: The hatcheries at the northern inlet cost about a million a year to run.
        - id: w-silt
          on: quarry silt
          claim: The quarry silt has choked the spawning beds every spring.
          support: Divers counted half as many nests below the quarries as elsewhere.
        - id: w-ferry-wake
          on: ferry traffic
          claim: The ferry traffic has torn up the reed beds where young fish hide.
          support: Two thirds of the reed beds along the ferry lane have gone since 2010.
      rebuttals:
        - id: w-r-quarry
          against: {delegation: Eastmark}
          on: quarry silt
          text: The quarry silt must not keep pouring into the spawning beds, however many jobs the quarries bring.
      proposals:
        - {id: w-p-levy, on: fishing levy, text: We propose a levy of two per cent on every catch.}
  - name: Eastmark
    tone: cheerful
    summary: A quarry and ferry town.
    interests: [quarry jobs]
    answers: {rules: each}
    position:
      arguments:
        - id: e-ferry
          on: ferry traffic
          claim: The ferry traffic is what brings most of the lake's visitors in summer.
          support: Ticket sales paid for the harbour lights last year.
        - id: e-quarry
          on: quarry silt
          claim: The quarries have fitted silt screens along the whole eastern shore.
          support: The screens were installed in 2022 at the quarries' own cost.
      questions:
        - {id: e-q-levy, to: Westland, on: fishing levy, text: "Westland, who would pay the fishing levy?"}
  - name: Northvale
    tone: calm
    summary: A small farming town.
    interests: [clean water]
    answers: {rules: board}
    position:
      arguments:
        - id: n-water
          on: clean water
          claim: Our wells draw on the lake, so what the quarries leave in it reaches our taps.
          support: The wells supply about four thousand homes.
      rebuttals:
        - id: n-r-quarry
          against: {delegation: Westland}
          on: quarry silt
          text: Closing the quarries outright would cost our farmers their winter work.
agenda:
  - phase: opening
"""
SEEDS = range(24)  # enough draws of the composer's phrases that a slot it may use shows up


@pytest.fixture(scope="module")
def lake() -> Scenario:
    return load_scenario_text(LAKE, "lake.yaml")


def _turns(scenario: Scenario, steps: list[dict]) -> tuple[tuple[Turn, ...], tuple[TurnPlan, ...]]:
    """Plans and turns for the given steps; each turn says its units' own words."""
    units = {u.id: u for d in scenario.delegations for u in d.material()}
    plans, turns = [], []
    for i, step in enumerate(steps, start=1):
        plan = TurnPlan(index=i, phase="discussion", phase_index=0, **step)
        plans.append(plan)
        turns.append(Turn(index=i, speaker=plan.speaker, text=" ".join(units[u].text for u in plan.units)))
    return tuple(turns), tuple(plans)


def _texts(scenario: Scenario, before: list[dict], plan: dict) -> list[str]:
    turns, plans = _turns(scenario, before)
    final = TurnPlan(index=len(before) + 1, phase="discussion", phase_index=0, **plan)
    composer = Composer()
    return [composer.realize(final, SessionContext(scenario, turns, (*plans, final), seed)).text for seed in SEEDS]


def _uses(slot: str, text: str) -> bool:
    """Whether the text has one of the slot's phrases, whatever filled its placeholders."""
    for phrase in bundled("delegation")[slot]:
        pattern = re.escape(phrase)
        pattern = re.sub(r"\\\{[A-Za-z_]+\\\}", ".+?", pattern)
        if re.search(pattern, text, re.IGNORECASE):
            return True
    return False


ASKED = {"speaker": "Eastmark", "move": Move.ASK, "addressees": ("Westland",), "units": ("e-q-levy",)}


def test_a_decline_is_said_when_the_speaker_has_nothing_on_the_point(lake):
    decline = {"speaker": "Westland", "move": Move.DECLINE, "addressees": ("Eastmark",), "responds_to": 1,
               "units": ("w-silt",)}
    assert all(_uses("decline", t) for t in _texts(lake, [ASKED], decline))


def test_no_decline_before_material_on_the_questions_point(lake):
    decline = {"speaker": "Westland", "move": Move.DECLINE, "addressees": ("Eastmark",), "responds_to": 1,
               "units": ("w-levy",)}
    texts = _texts(lake, [ASKED], decline)
    assert not any(_uses("decline", t) for t in texts), texts[0]


def test_no_decline_on_a_point_the_speaker_already_spoke_on(lake):
    proposed = {"speaker": "Westland", "move": Move.PROPOSE, "units": ("w-p-levy",)}
    decline = {"speaker": "Westland", "move": Move.DECLINE, "addressees": ("Eastmark",), "responds_to": 2,
               "units": ("w-silt",)}
    texts = _texts(lake, [proposed, ASKED], decline)
    assert not any(_uses("decline", t) for t in texts), texts[0]
    assert all(_uses("said_before", t) for t in texts)


REBUTTAL = {"speaker": "Westland", "move": Move.REBUT, "addressees": ("Eastmark",), "responds_to": 1,
            "units": ("w-r-quarry",), "engages": ("e-ferry",)}


def test_a_rebuttal_names_the_addressees_view_only_where_it_spoke_on_the_point(lake):
    ferry = {"speaker": "Eastmark", "move": Move.ANSWER, "units": ("e-ferry",)}
    texts = _texts(lake, [ferry], REBUTTAL)
    assert not any(_uses("rebut_point", t) or _uses("differ", t) for t in texts)
    assert all(t.startswith("The quarry silt") for t in texts)  # the rebuttal stands on its own words
    quarry = {"speaker": "Eastmark", "move": Move.ANSWER, "units": ("e-quarry",)}
    texts = _texts(lake, [quarry, ferry], {**REBUTTAL, "responds_to": 2})
    assert any(_uses("rebut_point", t) for t in texts)  # once it has spoken on quarry silt, it may be named


def test_a_fact_is_added_only_on_the_point_the_addressee_made(lake):
    ferry = {"speaker": "Eastmark", "move": Move.ANSWER, "units": ("e-ferry",)}
    other = {"speaker": "Westland", "move": Move.ANSWER, "addressees": ("Eastmark",), "responds_to": 1,
             "units": ("w-silt",), "engages": ("e-ferry",)}
    assert not any(_uses("add_fact", t) for t in _texts(lake, [ferry], other))
    same = {**other, "units": ("w-ferry-wake",)}
    assert any(_uses("add_fact", t) for t in _texts(lake, [ferry], same))


def test_an_ally_is_not_told_we_simply_disagree(lake):
    westland = {"speaker": "Westland", "move": Move.ANSWER, "units": ("w-r-quarry",)}
    quarry = {"speaker": "Eastmark", "move": Move.ANSWER, "units": ("e-quarry",)}
    to_ally = {"speaker": "Northvale", "move": Move.REBUT, "addressees": ("Westland",), "responds_to": 2,
               "units": ("n-r-quarry",), "engages": ("w-r-quarry",)}
    texts = _texts(lake, [quarry, westland], to_ally)
    assert not any(_uses("rebut_point", t) for t in texts)
    assert any(_uses("differ", t) for t in texts)  # a difference on the point, said as one


def test_material_after_a_vocative_starts_lower_case_unless_a_name():
    writer = Writer((), random.Random(0), frozenset({"The Hague", "Rwanda"}))
    writer.add("Rwanda,")
    writer.add("The mandate is to end plastic pollution.", source="scenario")
    assert writer.text() == "Rwanda, the mandate is to end plastic pollution."
    named = Writer((), random.Random(0), frozenset({"The Hague"}))
    named.add("Rwanda,")
    named.add("The Hague will rule on it.", source="scenario")
    assert named.text() == "Rwanda, The Hague will rule on it."
