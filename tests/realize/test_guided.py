"""Guided generation: candidates are checked, the best kept, failures fall back to the composer."""

from __future__ import annotations

from pathlib import Path

from summitry.backends.base import common_prefix
from summitry.embed import CachedEmbedder, LexicalEmbedder
from summitry.realize.document import DocumentLayout
from summitry.realize.guided import GuidedRealizer
from summitry.session.run import run_session
from summitry.testing.scripted import ScriptedModel

TINY = str(Path(__file__).resolve().parents[1] / "session" / "data" / "tiny.yaml")


def _realizer(model, **options) -> GuidedRealizer:
    return GuidedRealizer(model, CachedEmbedder(LexicalEmbedder()), candidates=2, **options)


def _run(realizer, folder: Path):
    return run_session(TINY, folder / "s.jsonl", seed=3, realizer=realizer, sync=False).state


def test_a_candidate_that_speaks_as_another_delegation_is_never_kept(tmp_path):
    confused = "As the delegation of Southbay, we in Southbay demand that the fishers are heard right now."
    model = ScriptedModel(default=lambda request: confused)
    state = _run(_realizer(model), tmp_path)
    spoken = [s for s in state.spoken if s.turn.speaker in ("Northport", "Eastwick")]
    assert spoken and all("we in Southbay" not in s.turn.text for s in spoken)
    assert all(s.fallback for s in spoken if s.info.candidates)
    assert any("identity" in problem for s in spoken for rejected in s.info.rejections for problem in rejected.problems)


def test_fresh_candidates_are_kept_and_stale_ones_rejected(tmp_path):
    counter = iter(range(10_000))

    def fresh(request):
        n = next(counter)
        return (
            f"Harbour plan number{n} covers berth{n} and sensor{n} along quay{n}, "
            f'so crew{n} can report spill{n} daily."\n'
        )

    model = ScriptedModel(default=fresh)
    state = _run(_realizer(model), tmp_path)
    generated = [s for s in state.spoken if s.info.candidates]
    kept = [s for s in generated if not s.fallback]
    assert kept, "well-formed, fresh candidates should pass the checks"
    for s in kept:
        assert s.realizer == "scripted"
        assert s.turn.text.endswith(".")


def test_moderator_turns_are_composed_not_generated(tmp_path):
    model = ScriptedModel(default="We hear you.")
    state = _run(_realizer(model), tmp_path)
    tags = {request.tag for request in model.history}
    assert "Ms. Ortega" not in tags
    assert all(s.realizer == "composer" for s in state.spoken if s.turn.is_moderator)


def test_prompts_share_a_growing_prefix(tmp_path):
    model = ScriptedModel(default="We hear you.")
    _run(_realizer(model), tmp_path)
    prompts = [r.prompt for r in model.history]
    shared = [common_prefix(a, b) for a, b in zip(prompts, prompts[1:], strict=False)]
    # each prompt keeps everything of the one before except the previous cue
    assert all(s >= 0.6 * len(a) for s, a in zip(shared, prompts, strict=False))



def test_old_turns_are_folded_so_the_prompt_stops_growing(tmp_path):
    model = ScriptedModel(default="We hear you.")
    _run(_realizer(model, budget=300), tmp_path)
    sizes = [model.count_tokens(r.prompt) for r in model.history]
    header = model.count_tokens(model.history[0].prompt)
    assert max(sizes) < header + 300 + 150  # budget plus summary lines and the cue
    assert any("Earlier in the session:" in r.prompt for r in model.history)


def test_folding_is_a_pure_function_of_the_turns(tmp_path):
    model = ScriptedModel(default="We hear you.")
    state = _run(_realizer(model, budget=300), tmp_path)
    layout = DocumentLayout(state.scenario, model.count_tokens, budget=300)
    turns, plans = tuple(state.turns), tuple(state.plans)
    assert layout.prefix(turns, plans) == DocumentLayout(state.scenario, model.count_tokens, 300).prefix(turns, plans)
    assert layout.folded(turns[:10], plans[:10]) <= layout.folded(turns, plans)


def test_chat_style_sends_directors_notes(tmp_path):
    model = ScriptedModel(default="We hear you.")
    _run(_realizer(model, style="chat"), tmp_path)
    request = model.history[0]
    assert request.messages is not None and request.prompt is None
    assert "Stage note" in request.messages[-1].content
