"""Guided generation: the local model rewords one sentence under fidelity checks, a chat model
writes whole turns from their units; failures leave the composer's wording, with the reasons."""

from __future__ import annotations

import re
from pathlib import Path

from summitry.embed import CachedEmbedder, LexicalEmbedder
from summitry.realize.composer import Composer
from summitry.realize.document import DocumentLayout
from summitry.realize.guided import GuidedRealizer
from summitry.session.run import run_session
from summitry.testing.scripted import ScriptedModel
from summitry.text.casing import lower_first

DATA = Path(__file__).resolve().parents[1] / "session" / "data"
TINY = str(DATA / "tiny.yaml")
PAPERS = str(DATA / "papers.yaml")


def _realizer(model, **options) -> GuidedRealizer:
    return GuidedRealizer(model, CachedEmbedder(LexicalEmbedder()), candidates=2, **options)


def _run(realizer, folder: Path, scenario: str = TINY):
    return run_session(scenario, folder / "s.jsonl", seed=3, realizer=realizer, sync=False).state


def _sentence(request) -> str:
    return re.findall(r"Sentence: (.*)", request.prompt)[-1]


def test_a_candidate_that_speaks_as_another_delegation_is_never_kept(tmp_path):
    confused = "As the delegation of Southbay, we in Southbay demand that the fishers are heard right now."
    model = ScriptedModel(default=lambda request: confused)
    state = _run(_realizer(model), tmp_path)
    spoken = [s for s in state.spoken if s.turn.speaker in ("Northport", "Eastwick")]
    assert spoken and all("we in Southbay" not in s.turn.text for s in spoken)
    assert all(s.fallback for s in spoken if s.info.candidates)
    assert any(
        "identity" in problem
        for s in spoken
        for rejected in s.info.rejections
        for problem in rejected.problems
    )


def test_a_faithful_rewording_takes_the_sentences_place_and_the_spans_say_so(tmp_path):
    model = ScriptedModel(default=lambda request: f"In our view, {lower_first(_sentence(request))}")
    state = _run(_realizer(model), tmp_path, PAPERS)
    kept = [s for s in state.spoken if s.info.candidates and not s.fallback]
    assert kept, "faithful rewordings should pass the checks"
    for s in kept:
        assert s.realizer == "scripted"
        written = [span.text.strip() for span in s.spans if span.source == "model"]
        assert len(written) == 1 and written[0].lower().startswith("in our view,")
        assert "".join(span.text for span in s.spans) == s.turn.text


def test_a_rewording_that_turns_a_negation_around_is_rejected(tmp_path):
    def turned(request):
        sentence = _sentence(request)
        return sentence.replace(" not ", " ") if " not " in sentence else f"It is not true that {lower_first(sentence)}"

    model = ScriptedModel(default=turned)
    state = _run(_realizer(model), tmp_path, PAPERS)
    generated = [s for s in state.spoken if s.info.candidates]
    assert generated and all(s.fallback for s in generated)
    problems = {p for s in generated for r in s.info.rejections for p in r.problems}
    assert "turns a negation around" in problems
    assert all(span.source != "model" for s in generated for span in s.spans)


def test_moderator_turns_are_composed_not_generated(tmp_path):
    model = ScriptedModel(default="We hear you.")
    state = _run(_realizer(model), tmp_path)
    tags = {request.tag for request in model.history}
    assert "Ms. Ortega" not in tags
    assert all(s.realizer == "composer" for s in state.spoken if s.turn.is_moderator)


def test_folding_is_a_pure_function_of_the_turns(tmp_path):
    state = _run(Composer(), tmp_path)
    count = len
    layout = DocumentLayout(state.scenario, lambda text: count(text.split()), budget=300)
    turns, plans = tuple(state.turns), tuple(state.plans)
    again = DocumentLayout(state.scenario, lambda text: count(text.split()), budget=300)
    assert layout.prefix(turns, plans) == again.prefix(turns, plans)
    assert layout.folded(turns[:10], plans[:10]) <= layout.folded(turns, plans)


def test_a_chat_model_writes_the_whole_turn_from_its_units(tmp_path):
    def writes(request):
        note = request.messages[-1].content
        points = re.findall(r'^- "(.*)"$', note, re.MULTILINE)
        to = re.search(r"Address (.+?) by name", note)
        return f"{to.group(1) if to else 'Friends'}, let us be clear about our position here. {' '.join(points)}"

    model = ScriptedModel(default=writes)
    state = _run(_realizer(model, style="chat"), tmp_path, PAPERS)
    request = model.history[0]
    assert request.messages is not None and "Say the substance of these points" in request.messages[-1].content
    kept = [s for s in state.spoken if s.info.candidates and not s.fallback]
    assert kept
    for s in kept:
        assert [span.source for span in s.spans] == ["model"]
