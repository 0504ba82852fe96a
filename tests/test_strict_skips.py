"""The suite's rule on skips: a developer's run reports them in one line; CI's fails on them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = (Path(__file__).parent / "conftest.py").read_text()
TESTS = """
import pytest
pytest.importorskip("a_component_that_is_not_installed")
"""
FIXTURE_SKIP = """
def test_needs_the_seed(seed_path):
    assert seed_path.exists()

def test_runs():
    assert True
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST.replace("parents[1]", "parents[0] / 'no-such-checkout'"))
    pytester.makepyfile(test_missing_module=TESTS, test_missing_seed=FIXTURE_SKIP)
    return pytester


def test_a_local_run_skips_and_says_so_in_one_line(suite, monkeypatch) -> None:
    monkeypatch.delenv("SUMMITRY_TEST_STRICT", raising=False)
    result = suite.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=2)
    result.stdout.fnmatch_lines(["2 skipped for a missing component, CI (SUMMITRY_TEST_STRICT=1) would fail on them:*"])


def test_under_strict_a_skip_is_a_failure_that_says_why(suite, monkeypatch) -> None:
    monkeypatch.setenv("SUMMITRY_TEST_STRICT", "1")
    result = suite.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*SUMMITRY_TEST_STRICT=1 makes a skip a failure: the seed transcript is not at*"])
    result.stdout.fnmatch_lines(["2 skipped for a missing component, a failure, since SUMMITRY_TEST_STRICT=1:*"
                                 "a_component_that_is_not_installed*"])
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed") == 1 and outcomes.get("errors") == 1  # the other test still ran
