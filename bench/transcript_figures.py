"""The honest figures a transcript alone supports, for a reference transcript such as the seed.

Model share, material use and responsiveness on content need a session log (spans and plans);
skeleton repetition, sentences said twice and pasted slots need only the turns and the scenario.

    python bench/transcript_figures.py ../shared/seed/quantum-summit-transcript.md quantum-summit
"""

from __future__ import annotations

import json
import sys

from summitry.measures.pasted_slots import pasted_share, pasted_slots
from summitry.measures.repeated_sentences import repeat_count, repeated_sentences
from summitry.measures.scenario_words import ScenarioMask, scenario_texts
from summitry.measures.skeleton import skeleton_repetition
from summitry.scenario import load_scenario
from summitry.transcript.load import load_transcript


def main(transcript_path: str, scenario_source: str) -> None:
    transcript = load_transcript(transcript_path)
    scenario = load_scenario(scenario_source)
    names = {d.name for d in scenario.delegations}
    turns = list(transcript.turns)
    skeleton = skeleton_repetition([t for t in turns if t.speaker in names], ScenarioMask.of(scenario))
    pastes = pasted_slots(scenario, turns, scenario_texts(scenario))
    print(json.dumps({
        "turns": len(turns),
        "delegation_turns": skeleton.turns,
        "skeleton_repetition": skeleton.share,
        "recurring_frames": skeleton.frames[:5],
        "sentences_said_twice": repeat_count(repeated_sentences(turns)),
        "pasted_slots": pasted_share(turns, pastes),
    }, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:3])
