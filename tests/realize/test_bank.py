"""Phrase banks are validated data that a scenario can extend or replace."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.errors import ScenarioError
from summitry.realize.bank import BANKS, bank_for, bundled, placeholders
from summitry.scenario import load_scenario
from summitry.scenario.model import PhraseOverrides
from summitry.session.run import run_session

PAPERS = str(Path(__file__).resolve().parents[1] / "session" / "data" / "papers.yaml")


def test_bundled_banks_validate_and_use_only_their_slots_placeholders():
    for name in BANKS:
        bank = bundled(name)
        assert bank.slots
        for slot in bank.slots.values():
            offered = {p for n in slot.placeholders for p in (n, n[:1].upper() + n[1:])}
            for phrase in slot.phrases:
                assert set(placeholders(phrase)) <= offered, phrase


def test_no_canned_praise_in_the_mediators_bank():
    text = " ".join(p for slot in bundled("mediator").slots.values() for p in slot.phrases).lower()
    for praise in ("wonderfully", "absurd", "excellent", "brilliant"):
        assert praise not in text


def test_a_scenario_extends_or_replaces_a_slot():
    scenario = load_scenario(PAPERS)
    added = scenario.model_copy(update={"phrases": PhraseOverrides(delegation={"propose": ["Our offer:"]})})
    assert bank_for(added, "delegation")["propose"][-1] == "Our offer:"
    assert len(bank_for(added, "delegation")["propose"]) == len(bundled("delegation")["propose"]) + 1
    replaced = scenario.model_copy(
        update={"phrases": PhraseOverrides(replace=True, mediator={"close_last": ["Merci à toutes et à tous."]})}
    )
    assert bank_for(replaced, "mediator")["close_last"] == ("Merci à toutes et à tous.",)


def test_a_replaced_mediator_voice_is_heard_in_the_session(tmp_path):
    scenario = load_scenario(PAPERS)
    voiced = scenario.model_copy(
        update={"phrases": PhraseOverrides(replace=True, mediator={"close_last": ["Merci à toutes et à tous."]})}
    )
    state = run_session(voiced, tmp_path / "s.jsonl", source="test", sync=False).state
    assert state.turns[-1].text == "Merci à toutes et à tous."


def test_an_unknown_slot_or_placeholder_says_what_to_use():
    scenario = load_scenario(PAPERS)
    unknown = scenario.model_copy(update={"phrases": PhraseOverrides(delegation={"propse": ["x"]})})
    with pytest.raises(ScenarioError, match="propse") as caught:
        bank_for(unknown, "delegation")
    assert "propose" in str(caught.value)
    wrong = scenario.model_copy(update={"phrases": PhraseOverrides(delegation={"ask": ["{b}, tell us:"]})})
    with pytest.raises(ScenarioError, match=r"\{b\}.*offered: \{a\}"):
        bank_for(wrong, "delegation")
