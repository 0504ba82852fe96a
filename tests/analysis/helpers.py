"""Test helpers for the analysis: locate the seed, a quick transcript loader, a seed-like scenario.

The package's own ``load_transcript`` reads files; ``quick_parse`` builds small transcripts
from strings written inside tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from summitry.scenario.model import Scenario
from summitry.turns import Transcript, Turn

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / ".." / "shared" / "seed" / "quantum-summit-transcript.md"
DATA = Path(__file__).resolve().parent / "data"

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


SEED_RELATIONS = {
    ("United States", "China"): -0.7,
    ("Russia", "Ukraine"): -0.9,
    ("Iran", "Israel"): -0.9,
    ("United States", "Russia"): -0.5,
    ("United States", "Iran"): -0.6,
    ("United States", "Mexico"): 0.5,
    ("United States", "Israel"): 0.7,
    ("United States", "Ukraine"): 0.6,
    ("China", "Russia"): 0.5,
    ("Russia", "Iran"): 0.4,
}


def seed_like_scenario() -> Scenario:
    """A scenario with the seed's cast, lesson question and rivalries, built by hand."""
    names = ["United States", "China", "Russia", "Iran", "Israel", "Ukraine", "Mexico"]
    relations: dict[str, dict[str, float]] = {n: {} for n in names}
    for (a, b), value in SEED_RELATIONS.items():
        relations[a][b] = value
        relations[b][a] = value
    answers = {
        "United States": "allied",
        "China": "cooperative",
        "Russia": "sovereign",
        "Iran": "sovereign",
        "Israel": "allied",
        "Ukraine": "cooperative",
        "Mexico": "cooperative",
    }
    return Scenario.model_validate(
        {
            "title": "International Quantum Computing Summit",
            "premise": "A diplomatic classroom after a lesson on quantum computing.",
            "lesson": {
                "topic": "Quantum computing and its governance",
                "summary": "What quantum computers can and cannot do, and how to govern them.",
                "questions": [
                    {
                        "id": "access",
                        "text": "How should access to quantum computing be governed?",
                        "options": [
                            {
                                "id": "cooperative",
                                "text": "A cooperative international approach with shared access",
                            },
                            {"id": "allied", "text": "Sharing within allied frameworks only"},
                            {
                                "id": "sovereign",
                                "text": "National programmes with mutual restraint and sovereignty",
                            },
                        ],
                    }
                ],
            },
            "moderator": {"name": "Dr. Chen", "role": "International mediator and educator"},
            "delegations": [
                {
                    "name": n,
                    "tone": "measured",
                    "summary": f"The delegation of {n}.",
                    "interests": ["security"],
                    "answers": {"access": answers[n]},
                    "talking_points": [{"theme": "security", "text": "Security matters."}],
                    "relations": relations[n],
                }
                for n in names
            ],
            "agenda": [{"phase": "welcome"}, {"phase": "opening"}, {"phase": "closing"}],
        }
    )
