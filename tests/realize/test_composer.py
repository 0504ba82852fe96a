"""The composer on the bundled scenarios: the material's own sentences, short varied glue, options
quoted rather than pasted, the mediator named rarely, and the same session whatever the hash seed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from summitry.realize.grammar import address
from summitry.realize.topic import topic_phrase
from summitry.scenario import bundled_names
from summitry.session.run import run_session
from summitry.text.sentences import sentences
from summitry.text.words import STOPWORDS

MAX_FRAME_REUSE = 0.15  # the target set for unseen scenarios


def _session(name: str, folder, seed: int = 0):
    return run_session(name, folder / "s.jsonl", seed=seed, sync=False).state


def _delegation_events(state):
    names = {d.name for d in state.scenario.delegations}
    return [s for s in state.spoken if s.turn.speaker in names]


@pytest.mark.parametrize("name", bundled_names())
def test_few_delegation_turns_reuse_a_frame_once_the_scenarios_words_are_masked(tmp_path, name):
    state = _session(name, tmp_path)
    vocabulary = {w.lower() for w in re.findall(r"[A-Za-z']+", state.scenario.model_dump_json())} - STOPWORDS
    seen: set[str] = set()
    reused = 0
    events = _delegation_events(state)
    for event in events:
        glue = " ".join(s.text for s in event.spans if s.source == "template")
        frames = set()
        for sentence in sentences(glue):
            masked = " ".join(
                "X" if t.lower() in vocabulary else t.lower() for t in re.findall(r"[A-Za-z']+", sentence)
            )
            if masked.strip("X "):
                frames.add(masked)
        reused += bool(frames & seen)
        seen |= frames
    assert reused / len(events) <= MAX_FRAME_REUSE


@pytest.mark.parametrize("name", bundled_names())
def test_every_delegation_turn_says_some_of_the_scenarios_material(tmp_path, name):
    state = _session(name, tmp_path)
    for event in _delegation_events(state):
        assert any(s.source == "scenario" for s in event.spans), f"posture only: {event.turn.text}"


@pytest.mark.parametrize("name", bundled_names())
def test_option_texts_are_quoted_never_pasted_into_a_sentence(tmp_path, name):
    state = _session(name, tmp_path)
    options = [o.text for q in state.scenario.lesson.questions for o in q.options]
    for event in state.spoken:
        glue = "".join(s.text for s in event.spans if s.source == "template")
        for option in options:
            for found in re.finditer(re.escape(option), glue, re.IGNORECASE):
                before = glue[found.start() - 1] if found.start() else ""
                assert before == "'", f"option pasted unquoted in turn {event.turn.index}: {event.turn.text}"


@pytest.mark.parametrize("name", bundled_names())
def test_the_topic_is_never_capitalised_mid_sentence_and_the_mediator_is_named_rarely(tmp_path, name):
    state = _session(name, tmp_path)
    topic = state.scenario.lesson.topic
    mediator = address(state.scenario.moderator.name)
    events = _delegation_events(state)
    if topic_phrase(state.scenario) != topic:  # a topic that does not begin with a name
        for turn in state.turns:
            assert not re.search(rf"[a-z,] {re.escape(topic)}", turn.text), turn.text
    named = sum(mediator in e.turn.text for e in events)
    assert named / len(events) <= 0.2


@pytest.mark.slow
def test_a_composer_session_reads_the_same_whatever_the_hash_seed() -> None:
    script = (
        "import tempfile, pathlib\n"
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
            timeout=300,
        ).stdout
        for seed in ("1", "2")
    ]
    assert texts[0] and texts[0] == texts[1]


def test_no_two_delegation_turns_open_with_the_same_words(tmp_path):
    state = _session("nile-basin", tmp_path)
    openings = Counter(" ".join(e.turn.text.split()[:4]) for e in _delegation_events(state))
    assert openings.most_common(1)[0][1] <= 2
