"""What a session logs of its realizer and of each turn: typed, written sparingly, read from old logs."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summitry.realize.config import RealizerConfig
from summitry.realize.record import GenerationRecord
from summitry.session.events import EVENT_ADAPTER, SessionStarted, TurnSpoken

OLD_INFO = {  # as guided generation wrote it before the record was typed, with a key it no longer writes
    "usage": {"prompt_tokens": 1339, "cached_prompt_tokens": 1200, "completion_tokens": 80, "seconds": 89.7,
              "generation_seconds": 65.3, "check_seconds": 2.2},
    "candidates": 3,
    "rejected": [{"text": "We in Southbay demand", "problems": ["identity: Southbay"]}],
    "nearest": 0.64,
    "lead_words": 5,
}


def test_a_config_writes_only_what_was_chosen_and_refuses_unknown_options() -> None:
    assert RealizerConfig().model_dump(mode="json") == {"name": "composer"}
    config = RealizerConfig(name="openai", base_url="http://127.0.0.1:8080/v1", candidates=2)
    assert json.loads(config.model_dump_json()) == {"name": "openai", "base_url": "http://127.0.0.1:8080/v1",
                                                    "candidates": 2}
    assert RealizerConfig.model_validate(json.loads(config.model_dump_json())) == config
    with pytest.raises(ValidationError, match="candidate"):
        RealizerConfig(name="local", candidate=3)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        RealizerConfig(name="local", style="poem")  # type: ignore[arg-type]


def test_an_old_turn_record_reads_into_typed_fields() -> None:
    record = GenerationRecord.model_validate(OLD_INFO)
    assert record.generated and record.candidates == 3
    assert record.usage is not None and record.usage.evaluated_prompt_tokens == 139
    assert record.rejections[0].problems == ("identity: Southbay",)
    assert record.nearest == 0.64 and record.coverage is None
    assert record.model_extra == {"lead_words": 5}  # kept, not lost


def test_a_composer_turn_logs_an_empty_record_and_a_model_turn_its_own_keys() -> None:
    assert GenerationRecord().model_dump(mode="json") == {}
    assert not GenerationRecord().generated and GenerationRecord().rejections == ()
    written = json.loads(GenerationRecord.model_validate({"candidates": 2, "rejected": []}).model_dump_json())
    assert written == {"candidates": 2, "rejected": []}


def test_events_of_an_old_log_still_read() -> None:
    started = EVENT_ADAPTER.validate_json(json.dumps({
        "type": "session_started", "summitry_version": "0.1.0", "scenario_source": "quantum-summit",
        "scenario": {}, "seed": 0, "realizer": {"name": "local", "embedder": "lexical", "record": "/tmp/c.jsonl"}}))
    assert isinstance(started, SessionStarted) and started.realizer.embedder == "lexical"
    spoken = EVENT_ADAPTER.validate_python({
        "type": "turn_spoken", "turn": {"index": 3, "speaker": "Brazil", "text": "We agree."},
        "realizer": "local:gemma", "info": OLD_INFO})
    assert isinstance(spoken, TurnSpoken) and spoken.info.usage is not None
    assert spoken.info.usage.completion_tokens == 80
