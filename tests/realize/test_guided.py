"""Guided generation: the local model chooses among the composer's wordings by its scores, a chat
model writes whole turns from their units; failures leave the composer's wording, with the reasons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summitry.embed import CachedEmbedder, LexicalEmbedder
from summitry.errors import BackendError
from summitry.realize.base import SessionContext
from summitry.realize.composer import Composer
from summitry.realize.document import DocumentLayout, header
from summitry.realize.guided import GuidedRealizer
from summitry.session.run import run_session
from summitry.testing.scripted import ScriptedModel

DATA = Path(__file__).resolve().parents[1] / "session" / "data"
TINY = str(DATA / "tiny.yaml")
PAPERS = str(DATA / "papers.yaml")


def _realizer(model, **options) -> GuidedRealizer:
    options.setdefault("candidates", 2)
    return GuidedRealizer(model, CachedEmbedder(LexicalEmbedder()), **options)


def _run(realizer, folder: Path, scenario: str = TINY):
    return run_session(scenario, folder / "s.jsonl", seed=3, realizer=realizer, sync=False).state


def _shortest(prompt: str, continuation: str) -> float:
    return -float(len(continuation))


def _chosen(state):
    return [s for s in state.spoken if s.info.chose]


def test_the_model_chooses_one_of_the_composers_wordings_and_the_log_says_so(tmp_path):
    model = ScriptedModel(scorer=_shortest)
    state = _run(_realizer(model, candidates=3), tmp_path, PAPERS)
    chosen = _chosen(state)
    assert chosen, "delegation turns with several wordings are chosen by the model"
    composer = Composer()
    for s in chosen:
        i = state.spoken.index(s)
        context = SessionContext(state.scenario, tuple(state.turns[:i]), tuple(state.plans[:i]), 3)
        wordings = [w.text for w in composer.wordings(state.plans[i], context, 3)]
        assert s.turn.text in wordings
        assert s.info.candidates == len(wordings) == len(s.info.scores) >= 2
        assert s.info.scores[s.info.chosen] == max(s.info.scores) == -len(s.turn.text + '"')
        assert s.realizer == "scripted"
        assert {span.source for span in s.spans} <= {"template", "scenario"}, "the model wrote no words"
        assert "".join(span.text for span in s.spans) == s.turn.text


def test_the_scores_decide_which_wording_is_spoken(tmp_path):
    short = _run(_realizer(ScriptedModel(scorer=_shortest), candidates=3), tmp_path / "short", PAPERS)
    long = _run(_realizer(ScriptedModel(scorer=lambda p, c: float(len(c))), candidates=3), tmp_path / "long", PAPERS)
    first = next(s for s in _chosen(short) if s.info.candidates >= 2)
    other = long.spoken[short.spoken.index(first)]
    assert other.info.chose and other.info.chosen != first.info.chosen
    assert len(other.turn.text) > len(first.turn.text)


def test_the_model_scores_each_wording_after_the_session_document(tmp_path):
    model = ScriptedModel(scorer=_shortest)
    state = _run(_realizer(model, candidates=3), tmp_path, PAPERS)
    last = model.score_history[-1]
    assert last.prompt.startswith(header(state.scenario))
    assert re.search(rf'\*\*{re.escape(last.tag)}\*\* \*\(.*\)\*: "$', last.prompt)
    earlier = [t.text for t in state.turns if t.text in last.prompt]
    assert earlier, "the turns spoken so far are part of what the wordings continue"
    assert all(c.endswith('"') for c in last.continuations)


def test_a_model_that_cannot_score_is_refused_with_the_fix():
    model = ScriptedModel(default="x")
    model.can_score = False
    with pytest.raises(BackendError, match="cannot score") as caught:
        _realizer(model)
    assert "logprobs" in caught.value.hint


def test_moderator_turns_are_composed_not_generated(tmp_path):
    model = ScriptedModel(scorer=_shortest)
    state = _run(_realizer(model), tmp_path)
    tags = {request.tag for request in model.score_history}
    assert tags
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
