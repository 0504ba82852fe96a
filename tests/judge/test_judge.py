"""The judge's prompt and parsing, with the scripted model and the fault-injecting server."""

from __future__ import annotations

import json

import pytest

from summitry.backends.openai import OpenAICompatibleModel
from summitry.errors import AnalysisError
from summitry.judge import FINDINGS, SCORES, judge_transcript, parse_verdict
from summitry.judge.judge import ANSWER_TOKENS
from summitry.testing import Fault, FaultServer, ScriptedModel
from summitry.turns import Transcript, Turn

DELEGATIONS = ["Northport", "Southbay"]
TRANSCRIPT = Transcript(
    title="The Bay",
    moderator="Dr. Ana Ruiz",
    turns=(
        Turn(index=1, speaker="Dr. Ana Ruiz", text="Welcome. Northport, how should fishing be limited?",
             is_moderator=True),
        Turn(index=2, speaker="Northport", text="We chose under seasonal catch caps. Cod need the reef."),
        Turn(index=3, speaker="Southbay", text="We are here to listen and learn."),
        Turn(index=4, speaker="Northport", text="Ferries scare the cod from the eelgrass."),
        Turn(index=5, speaker="Southbay", text="Northport is right, as always."),
    ),
)


def verdict(**changes: object) -> dict:
    score = {"score": 3, "why": "templates show through"}
    data: dict = {name: [] for name in FINDINGS}
    data["awkward"] = [{"turn": 2, "quote": "We chose under seasonal catch caps", "why": "pasted option"}]
    data["hollow"] = [{"turn": 3, "quote": "We are here to listen and learn.", "why": "posture only"}]
    data["name_only_replies"] = [{"turn": 5, "quote": "Northport is right, as always", "why": "no content"}]
    data["formula_share"] = 0.5
    data["formula_frames"] = [{"frame": "We chose …", "turns": 2}]
    data["scores"] = {name: score for name in SCORES} | {"would_use": {"score": 2, "why": "hollow"}}
    data.update(changes)
    return data


def test_the_prompt_holds_the_rubric_the_schema_and_the_numbered_turns():
    model = ScriptedModel([json.dumps(verdict())])
    judge_transcript(model, TRANSCRIPT, DELEGATIONS)
    (request,) = model.history
    system, user = request.messages
    assert system.role == "system" and "would_use" in system.content and "name_only_replies" in system.content
    assert '"required"' in system.content  # the JSON schema travels with the rubric
    assert "[3] Southbay: We are here to listen and learn." in user.content
    assert "[1] Dr. Ana Ruiz (mediator):" in user.content
    assert request.temperature == 0.0


def test_a_valid_answer_becomes_counts_per_ten_delegation_turns_and_scores():
    model = ScriptedModel(["Here is my verdict:\n```json\n" + json.dumps(verdict()) + "\n```"])
    judgement = judge_transcript(model, TRANSCRIPT, DELEGATIONS)
    assert judgement.delegation_turns == 4
    assert judgement.per_10["awkward"] == 2.5 and judgement.per_10["incoherent"] == 0.0
    assert judgement.unfound_quotes == 0
    figures = judgement.figures()
    assert figures["judge_would_use"] == 2 and figures["judge_formula_share"] == 0.5
    assert figures["judge_hollow_per_10"] == 2.5


def test_quotes_not_in_the_transcript_are_counted():
    invented = verdict(incoherent=[{"turn": 4, "quote": "dams fly at night", "why": "nonsense"}])
    judgement = judge_transcript(ScriptedModel([json.dumps(invented)]), TRANSCRIPT, DELEGATIONS)
    assert judgement.unfound_quotes == 1


def test_a_partial_answer_is_handed_back_once_with_the_validation_error():
    partial = verdict()
    del partial["scores"]
    model = ScriptedModel([json.dumps(partial), json.dumps(verdict())])
    judgement = judge_transcript(model, TRANSCRIPT, DELEGATIONS)
    assert judgement.verdict.scores.would_use.score == 2
    retry = model.history[1].messages
    assert [m.role for m in retry] == ["system", "user", "assistant", "user"]
    assert "scores: Field required" in retry[-1].content


def test_two_bad_answers_raise_a_clear_error():
    model = ScriptedModel(["{not json", json.dumps(verdict(formula_share=3))])
    with pytest.raises(AnalysisError, match="formula_share") as caught:
        judge_transcript(model, TRANSCRIPT, DELEGATIONS)
    assert "more capable chat model" in str(caught.value)
    assert len(model.history) == 2


def test_a_transcript_too_long_for_the_context_is_refused_before_any_request():
    model = ScriptedModel([json.dumps(verdict())])
    with pytest.raises(AnalysisError, match="more than the judge model's context of 4106 tokens"):
        judge_transcript(model, TRANSCRIPT, DELEGATIONS, context=ANSWER_TOKENS + 10)
    assert model.history == []


def test_parse_verdict_says_what_is_missing():
    with pytest.raises(ValueError, match="no JSON object"):
        parse_verdict("I think it is fine.")
    with pytest.raises(ValueError, match="scores.would_use.score"):
        parse_verdict(json.dumps(verdict(scores={n: {"score": 11, "why": "x"} for n in SCORES})))


@pytest.mark.server
def test_the_judge_over_http_retries_a_malformed_answer():
    responder = ScriptedModel(default=json.dumps(verdict()))
    with FaultServer(responder, faults=[Fault.ok('{"incoherent": [')]) as server:
        model = OpenAICompatibleModel(base_url=server.url, model=server.model, style="chat")
        judgement = judge_transcript(model, TRANSCRIPT, DELEGATIONS)
        bodies = [r.body for r in server.completion_requests]
    assert judgement.verdict.formula_share == 0.5
    assert len(bodies) == 2
    assert bodies[1]["messages"][-1]["content"].startswith("That answer is not valid: it is not valid JSON")


@pytest.mark.server
def test_the_judge_over_http_gives_up_after_two_malformed_answers():
    with FaultServer(faults=[Fault.ok("no json here"), Fault.ok('{"scores": {}}')]) as server:
        model = OpenAICompatibleModel(base_url=server.url, model=server.model, style="chat")
        with pytest.raises(AnalysisError, match="does not match the schema"):
            judge_transcript(model, TRANSCRIPT, DELEGATIONS)
