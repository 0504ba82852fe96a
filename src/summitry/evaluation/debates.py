"""Scoring the analysis of real debates against their recorded votes.

A folder of debates holds transcripts and ``records.yaml``: for each file, the date, the
proposal, the split (``tuning`` or ``held-out``) and who voted in favour, against or abstained.
:func:`score_debate` compares a report with the vote:

- stance accuracy: of the speakers who voted for or against, those the report places
  (``supports``/``opposes``, not unknown) and how many of those match; abstainers are counted
  apart (placed as abstaining, placed for or against, unknown);
- bloc purity: over the blocs, the share of voting members who voted like their bloc's majority;
- lone opponents: when one member alone voted against, whether its bloc holds no one who voted
  in favour;
- common ground across the vote: findings that pair a delegation that voted for with one that
  voted against (must be 0);
- the bridge: when one is named, whether it has positive ties to both a delegation that voted
  for and one that voted against.

:func:`measure_calibration` counts, per kind of evidence, the placements that matched the vote
(the table :mod:`summitry.analysis.primitives.calibration` reads).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from summitry.analysis.findings.proposal import find_proposal, place_speakers
from summitry.analysis.findings.relations import find_relations
from summitry.analysis.primitives.calibration import KINDS, Calibration, Count
from summitry.analysis.primitives.corpus import build_corpus
from summitry.analysis.schema import Report
from summitry.errors import AnalysisError
from summitry.transcript import load_transcript

RECORDS = "records.yaml"
VOTE_POSITION = {"in_favour": "supports", "against": "opposes", "abstaining": "abstains"}


class DebateRecord(BaseModel):
    """One debate of the evaluation set and its recorded vote on the main proposal."""

    model_config = ConfigDict(extra="forbid")
    file: str
    date: dt.date
    proposal: str
    split: Literal["tuning", "held-out"]
    in_favour: list[str]
    against: list[str]
    abstaining: list[str]

    def vote(self, delegation: str) -> str | None:
        """'supports', 'opposes' or 'abstains' as the delegation voted; None if it had no vote."""
        for key, position in VOTE_POSITION.items():
            if delegation in getattr(self, key):
                return position
        return None


class _RecordFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    records: list[DebateRecord]


def load_records(folder: Path) -> list[DebateRecord]:
    """The records of a debate folder, checked: each names a transcript that exists."""
    path = folder / RECORDS
    try:
        records = _RecordFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).records
    except (OSError, ValidationError, yaml.YAMLError) as exc:
        raise AnalysisError(f"{path}: cannot read the debate records: {exc}", hint="fix the file") from exc
    missing = [r.file for r in records if not (folder / r.file).exists()]
    if missing:
        raise AnalysisError(f"{path}: no transcript for {', '.join(missing)}", hint="add the file or remove its record")
    return records


@dataclass
class DebateScore:
    """How one report compares with one recorded vote (see the module docstring)."""

    file: str
    split: str
    voters: int = 0  # speakers who voted for or against
    placed: int = 0  # of those, placed supports/opposes by the report
    correct: int = 0
    abstainers: dict[str, int] = field(default_factory=dict)  # position given -> count
    bloc_members: int = 0
    bloc_agreeing: int = 0
    lone_opponent_apart: bool | None = None  # None: no lone opponent spoke
    opposite_common_ground: int = 0
    bridge: str | None = None
    bridge_ok: bool | None = None


def score_debate(record: DebateRecord, report: Report) -> DebateScore:
    """Compare a report of the debate with its recorded vote."""
    score = DebateScore(record.file, record.split)
    stances = report.proposal.stances if report.proposal else {}
    for speaker in report.meta.delegations:
        vote, given = record.vote(speaker), stances[speaker].position if speaker in stances else "unknown"
        if vote == "abstains":
            score.abstainers[given] = score.abstainers.get(given, 0) + 1
        elif vote is not None:
            score.voters += 1
            score.placed += given in ("supports", "opposes")
            score.correct += given == vote
    graph = report.response_graph
    groups = graph.blocs if graph else []
    for bloc in groups:
        votes = [v for v in (record.vote(d) for d in bloc) if v is not None]
        score.bloc_members += len(votes)
        score.bloc_agreeing += max((votes.count(v) for v in set(votes)), default=0)
    spoken = set(report.meta.delegations)
    if len(record.against) == 1 and record.against[0] in spoken:
        bloc = next((g for g in groups if record.against[0] in g), [record.against[0]])
        score.lone_opponent_apart = not any(record.vote(d) == "supports" for d in bloc)
    for finding in report.common_ground or []:
        if {record.vote(finding.pair[0]), record.vote(finding.pair[1])} == {"supports", "opposes"}:
            score.opposite_common_ground += 1
    if graph and graph.bridging:
        name = graph.bridging.delegation
        friends = {
            e.target if e.source == name else e.source
            for e in graph.relations
            if e.sign > 0 and name in (e.source, e.target)
        }
        score.bridge = name
        score.bridge_ok = {"supports", "opposes"} <= {record.vote(f) for f in friends}
    return score


def measure_calibration(folder: Path, records: list[DebateRecord], threshold: float) -> Calibration:
    """Per kind of evidence, how many placements were made on these debates and how many
    matched the recorded vote (the speakers with a vote only)."""
    raw = Calibration(threshold=0.0, kinds={})
    counts = {kind: [0, 0] for kind in KINDS}
    for record in records:
        corpus = build_corpus(load_transcript(folder / record.file))
        proposal = find_proposal(corpus)
        if proposal is None:
            continue
        for speaker, stance in place_speakers(corpus, proposal, find_relations(corpus), raw).items():
            vote = record.vote(speaker)
            if vote is None or stance.evidence == "none":
                continue
            counts[stance.evidence][0] += 1
            counts[stance.evidence][1] += stance.position == vote
    return Calibration(threshold=threshold, kinds={k: Count(n=n, correct=c) for k, (n, c) in counts.items()})
