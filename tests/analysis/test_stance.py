"""Stances on a lesson question: positions, smoothing, the largest shift and its quote."""

from __future__ import annotations

import numpy as np
import pytest

from summitry.analysis.findings.stance import _adjust
from summitry.analysis.report.build import analyze
from summitry.scenario.model import Scenario

from .helpers import DATA, quick_parse


def river_scenario() -> Scenario:
    names = ["Northland", "Southland", "Westmark"]
    return Scenario.model_validate(
        {
            "title": "River council",
            "premise": "Three countries share a river.",
            "lesson": {
                "topic": "Rivers",
                "summary": "Shared rivers.",
                "questions": [
                    {
                        "id": "manage",
                        "text": "How should the river be managed?",
                        "options": [
                            {
                                "id": "national",
                                "text": "Each country manages its own stretch under national control",  # noqa: E501
                            },
                            {
                                "id": "joint",
                                "text": "A joint river commission shared by all countries",
                            },
                        ],
                    }
                ],
            },
            "moderator": {"name": "Chair"},
            "delegations": [
                {
                    "name": n,
                    "tone": "calm",
                    "summary": n,
                    "interests": ["water"],
                    "answers": {"manage": "national" if n == "Northland" else "joint"},
                    "talking_points": [{"theme": "water", "text": "Water matters."}],
                }
                for n in names
            ],
            "agenda": [{"phase": "welcome"}, {"phase": "opening"}, {"phase": "closing"}],
        }
    )


@pytest.fixture(scope="module")
def report():
    transcript = quick_parse(
        (DATA / "river-shift.txt").read_text(encoding="utf-8"), moderator="Chair"
    )
    return analyze(transcript, river_scenario(), embedder="lexical")


def test_the_delegation_that_changed_its_mind_moves_toward_the_other_option(report) -> None:
    (question,) = report.stances
    assert question.options == ["national", "joint"]
    north = next(d for d in question.delegations if d.delegation == "Northland")
    assert north.start < 0.5 < north.end
    assert north.change > 0.2
    assert north.leaning == "joint" and north.declared == "national"
    assert north.largest_shift is not None and north.largest_shift.turn == 6
    assert north.largest_shift.quote in report.transcript[5].text


def test_the_steady_delegation_stays_on_its_side(report) -> None:
    south = next(d for d in report.stances[0].delegations if d.delegation == "Southland")
    assert south.start > 0.5 and south.end > 0.5 and abs(south.change) < 0.25
    assert south.turns and all(p.quote for p in south.points)


def test_convergence_narrows_when_the_outlier_joins(report) -> None:
    (conv,) = report.convergence
    assert conv.narrowed is True
    assert ("Northland", "Southland") in conv.converged or (
        "Northland",
        "Westmark",
    ) in conv.converged


def test_rejection_moves_mass_away_from_the_nearest_option() -> None:
    probs = np.array([0.7, 0.3])
    assert _adjust(probs, "We cannot accept national control of the river.")[0] < 0.7
    assert _adjust(probs, "We support national control of the river.")[0] > 0.7
