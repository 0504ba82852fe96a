"""Shared fixtures (where the seed transcript is), and the rule on skipped tests.

A test skips when a component it needs is missing: the seed transcript beside the checkout,
Chromium, the bundled model, llama.cpp's server. A developer's run may skip them and is told
so in one summary line. CI installs every component and sets ``SUMMITRY_TEST_STRICT=1``, under
which a skip is a failure: a green CI run has run everything.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "quantum-summit-transcript.md"
STRICT = os.environ.get("SUMMITRY_TEST_STRICT", "").strip() not in ("", "0")

_skipped: Counter[str] = Counter()


@pytest.fixture
def seed_path() -> Path:
    """The seed transcript the product was born from (read-only, beside the checkout)."""
    if not SEED.exists():
        pytest.skip(f"the seed transcript is not at {SEED}")
    return SEED


def _skip_reason(report: pytest.CollectReport | pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _judge_skip(report: pytest.CollectReport | pytest.TestReport) -> None:
    """Count a skip; under SUMMITRY_TEST_STRICT=1 turn a test's skip into a failure that says why
    (a whole module skipped at collection fails the session instead, in ``pytest_sessionfinish``,
    so that a failed collection does not stop the other tests from running)."""
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = _skip_reason(report)
    _skipped[reason] += 1
    if STRICT and isinstance(report, pytest.TestReport):
        report.outcome = "failed"
        report.longrepr = (
            f"skipped, but SUMMITRY_TEST_STRICT=1 makes a skip a failure: {reason}\n"
            "CI installs every component its tests need; install the missing one (see scripts/test) "
            "or unset SUMMITRY_TEST_STRICT for a partial local run."
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # noqa: ANN201
    outcome = yield
    _judge_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):  # noqa: ANN201
    outcome = yield
    _judge_skip(outcome.get_result())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if STRICT and _skipped and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _skipped:
        return
    total = sum(_skipped.values())
    reasons = "; ".join(f"{reason} ({count})" for reason, count in _skipped.most_common())
    verdict = "a failure, since SUMMITRY_TEST_STRICT=1" if STRICT else "CI (SUMMITRY_TEST_STRICT=1) would fail on them"
    terminalreporter.write_line(f"{total} skipped for a missing component, {verdict}: {reasons}", yellow=True)
