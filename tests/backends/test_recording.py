"""Record and replay: cassettes, byte-identical replays, clear misses."""

from __future__ import annotations

import json

import pytest

from summitry.backends import CompletionRequest, RecordingModel
from summitry.errors import BackendError, ReplayMissError
from summitry.testing import ScriptedModel

ASK = CompletionRequest(prompt="**Iran**: \"", temperature=0.9, tag="Iran")
OTHER = CompletionRequest(prompt="**Israel**: \"", tag="Israel")


def record(path, answers) -> ScriptedModel:
    inner = ScriptedModel(answers)
    model = RecordingModel(inner, path, mode="record")
    model.complete(ASK)
    model.complete(OTHER)
    model.complete(ASK.model_copy(update={"n": 2}))
    return inner


def test_replay_gives_back_exactly_what_was_recorded(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    inner = record(cassette, ["Sovereignty first, ünïcode “quotes”.", "Security.", "a", "b"])
    recorded = [json.loads(line)["completion"] for line in cassette.read_text().splitlines()]
    before = cassette.read_bytes()

    replay = RecordingModel(None, cassette, mode="replay")
    answers = [replay.complete(ASK), replay.complete(OTHER),
               replay.complete(ASK.model_copy(update={"n": 2}))]
    assert [a.model_dump(mode="json") for a in answers] == recorded
    assert answers[0].text == "Sovereignty first, ünïcode “quotes”."
    assert cassette.read_bytes() == before
    assert len(inner.history) == 3 and replay.replayed == 3


def test_the_same_request_replays_its_answers_in_recorded_order(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    model = RecordingModel(ScriptedModel(["first", "second"]), cassette, mode="record")
    model.complete(ASK)
    model.complete(ASK)
    replay = RecordingModel(None, cassette, mode="replay")
    assert [replay.complete(ASK).text, replay.complete(ASK).text] == ["first", "second"]
    with pytest.raises(ReplayMissError, match="request number 3"):
        replay.complete(ASK)


def test_tag_does_not_change_the_key(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    RecordingModel(ScriptedModel(["x"]), cassette, mode="record").complete(ASK)
    replay = RecordingModel(None, cassette, mode="replay")
    assert replay.complete(ASK.model_copy(update={"tag": "someone"})).text == "x"


def test_a_miss_says_how_to_record_again(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    record(cassette, ["a", "b", "c", "d"])
    replay = RecordingModel(None, cassette, mode="replay")
    with pytest.raises(ReplayMissError, match=r"unrecorded request \(tag 'Iran'\).*re-record"):
        replay.complete(ASK.model_copy(update={"temperature": 0.1}))


def test_replay_of_a_missing_cassette_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(ReplayMissError, match="does not exist"):
        RecordingModel(None, tmp_path / "none.jsonl", mode="replay")


def test_auto_replays_what_it_has_and_records_the_rest(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    RecordingModel(ScriptedModel(["old"]), cassette, mode="record").complete(ASK)
    inner = ScriptedModel(["new"])
    auto = RecordingModel(inner, cassette, mode="auto")
    assert auto.complete(ASK).text == "old"
    assert auto.complete(OTHER).text == "new"
    assert len(inner.history) == 1
    assert len(cassette.read_text().splitlines()) == 2


def test_a_torn_last_line_is_ignored_and_a_damaged_one_reported(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    RecordingModel(ScriptedModel(["kept"]), cassette, mode="record").complete(ASK)
    with cassette.open("ab") as handle:
        handle.write(b'{"key": "half a rec')
    assert RecordingModel(None, cassette, mode="replay").complete(ASK).text == "kept"
    cassette.write_text('{"not": "a record"}\n')
    with pytest.raises(BackendError, match=r"calls.jsonl:1: not a cassette record"):
        RecordingModel(None, cassette, mode="replay")


def test_streamed_calls_are_recorded_and_replayed(tmp_path) -> None:
    cassette = tmp_path / "calls.jsonl"
    recorder = RecordingModel(ScriptedModel(["one two three"]), cassette, mode="record")
    assert "".join(recorder.stream(ASK)) == "one two three"
    replay = RecordingModel(None, cassette, mode="replay")
    assert "".join(replay.stream(ASK)) == "one two three"


def test_bad_modes_are_refused(tmp_path) -> None:
    with pytest.raises(BackendError, match="invalid recording mode 'rec'"):
        RecordingModel(ScriptedModel(), tmp_path / "c.jsonl", mode="rec")
    with pytest.raises(BackendError, match="needs a model"):
        RecordingModel(None, tmp_path / "c.jsonl", mode="record")
