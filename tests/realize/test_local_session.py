"""A short session on the real bundled model: guided, checked, cached, recorded and replayed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("llama_cpp", reason="the local backend needs llama-cpp-python")

from summitry.identity import identity_confusions  # noqa: E402
from summitry.realize.config import RealizerConfig  # noqa: E402
from summitry.scenario import load_scenario  # noqa: E402
from summitry.scenario.model import Scenario  # noqa: E402
from summitry.session.log import read_state  # noqa: E402
from summitry.session.run import run_session  # noqa: E402
from summitry.transcript import render_markdown  # noqa: E402

TINY = str(Path(__file__).resolve().parents[1] / "session" / "data" / "tiny.yaml")

pytestmark = [pytest.mark.model, pytest.mark.slow]


def short_scenario() -> Scenario:
    """The tiny scenario cut to its first phases: a dozen turns, about a minute on 2 cores."""
    scenario = load_scenario(TINY)
    return scenario.model_copy(update={"agenda": scenario.agenda[:4]})


def _run(folder: Path, config: RealizerConfig) -> None:
    run_session(short_scenario(), folder / "session.jsonl", seed=2, realizer=config, source=TINY, sync=False)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> tuple[Path, RealizerConfig]:
    folder = tmp_path_factory.mktemp("local")
    config = RealizerConfig(name="local", embedder="lexical", record=str(folder / "calls.jsonl"))
    _run(folder, config)
    return folder, config


def test_model_turns_pass_the_checks_and_fallbacks_say_why(recorded):
    folder, _ = recorded
    state = read_state(folder / "session.jsonl")
    names = [d.name for d in state.scenario.delegations]
    generated = [s for s in state.spoken if s.info.generated]
    assert generated
    assert any(not s.fallback for s in generated), "the model wrote at least one turn"
    for s in generated:
        assert not identity_confusions(s.turn.text, s.turn.speaker, names)
        if s.fallback:
            assert s.info.rejections and all(r.problems for r in s.info.rejections)
        else:
            assert s.realizer.startswith("local")


def test_the_cache_serves_the_shared_prefix(recorded):
    folder, _ = recorded
    usage = [s.info.usage for s in read_state(folder / "session.jsonl").spoken if s.info.usage]
    later = usage[1:]
    assert later and all(u.cached_prompt_tokens > 0.5 * u.prompt_tokens for u in later)


def test_a_recorded_session_replays_byte_for_byte(recorded, tmp_path):
    folder, config = recorded
    replay = config.model_copy(update={"replay": True})
    _run(tmp_path, replay)
    original = render_markdown(read_state(folder / "session.jsonl").transcript())
    assert render_markdown(read_state(tmp_path / "session.jsonl").transcript()) == original
