"""The cue book of a debate on a proposal, loaded from ``data/debate_cues.yaml``.

How delegations name the text being decided, say how they vote, judge the text, and speak of
one another, as compiled regular expressions; and the other forms of country names (short
names, demonyms, capitals) so that "Washington" finds the United States. The patterns are data:
this module validates and compiles them and answers small questions with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from summitry.errors import AnalysisError

Side = Literal["supports", "opposes"]
VoteSide = Literal["supports", "opposes", "abstains"]
SELF_WINDOW_WORDS = 12  # a first-person subject this close before a vote verb is the voter (a guess, not measured)


class _Sides(BaseModel):
    model_config = ConfigDict(extra="forbid")
    supports: list[str]
    opposes: list[str]


class _Votes(_Sides):
    abstains: list[str]


class CueFile(BaseModel):
    """The schema of ``debate_cues.yaml``."""

    model_config = ConfigDict(extra="forbid")
    proposal: str
    decision: str
    self_subject: str
    vote: _Votes
    text: _Sides
    part: str
    sponsor: str
    victim: str
    criticism: list[str]
    praise: list[str]
    aliases: list[list[str]]

    @field_validator("proposal", "decision", "part", "sponsor", "victim")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


def _compile(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


class CueBook:
    """Compiled cues, with the questions the proposal and relation analyses ask of a sentence."""

    def __init__(self, data: CueFile) -> None:
        self.data = data
        self.proposal = re.compile(data.proposal, re.IGNORECASE)
        self.decision = re.compile(data.decision, re.IGNORECASE)
        self.part = re.compile(data.part, re.IGNORECASE)
        self.sponsor = re.compile(data.sponsor, re.IGNORECASE)
        self.victim = re.compile(data.victim, re.IGNORECASE)
        self.votes = {side: _compile(getattr(data.vote, side)) for side in ("supports", "opposes", "abstains")}
        self.text = {side: _compile(getattr(data.text, side)) for side in ("supports", "opposes")}
        self.criticism = _compile(data.criticism)
        self.praise = _compile(data.praise)

    def aliases_for(self, names: Iterable[str]) -> dict[str, list[str]]:
        """Other forms of each name (those of its alias group, except the names themselves)."""
        names = list(names)
        taken = {n.casefold() for n in names}
        out: dict[str, list[str]] = {}
        for name in names:
            for group in self.data.aliases:
                if name.casefold() in {g.casefold() for g in group}:
                    out[name] = [g for g in group if g.casefold() not in taken]
        return out

    @staticmethod
    def names_pattern(forms: Iterable[str]) -> re.Pattern[str]:
        """Any of the given name forms, as whole words (matches nothing when there are none)."""
        names = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True) if f)
        return re.compile(rf"(?<![\w.])(?:{names or '(?!)'})(?!\w)")

    def self_pattern(self, forms: Iterable[str]) -> re.Pattern[str]:
        """First-person subjects of one speaker: we, my delegation, or its own names."""
        names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if f)
        return re.compile(self.data.self_subject.replace("{self}", names or "(?!)"), re.IGNORECASE)

    def vote_of(self, sentence: str, own: re.Pattern[str], others: re.Pattern[str] | None = None) -> VoteSide | None:
        """How the speaker says it votes: a vote verb with a first-person subject before it and
        no other delegation named in between ("I'm not surprised that Russia voted against" is
        Russia's vote, not the speaker's). An abstention wins over the "cannot vote in favour"
        that often explains it."""
        found: list[VoteSide] = []
        for side, patterns in self.votes.items():
            for pattern in patterns:
                for m in pattern.finditer(sentence):
                    before = " ".join(sentence[: m.start()].split()[-SELF_WINDOW_WORDS:])
                    mine = [x.end() for x in own.finditer(before)]
                    theirs = [x.end() for x in others.finditer(before)] if others else []
                    if mine and (not theirs or max(theirs) < max(mine)):
                        found.append(side)  # type: ignore[arg-type]
        if "abstains" in found:
            return "abstains"
        return found[0] if len(set(found)) == 1 else None

    def judgement(self, sentence: str) -> int:
        """+1 when the sentence speaks for the text it names, -1 against, 0 neither or both."""
        score = sum(1 for p in self.text["supports"] if p.search(sentence))
        score -= sum(1 for p in self.text["opposes"] if p.search(sentence))
        return (score > 0) - (score < 0)

    def attitude(self, sentence: str) -> int:
        """+1 when the sentence praises someone it names, -1 criticises, 0 neither or both."""
        score = sum(1 for p in self.praise if p.search(sentence))
        score -= sum(1 for p in self.criticism if p.search(sentence))
        return (score > 0) - (score < 0)


@lru_cache(maxsize=1)
def cue_book() -> CueBook:
    """The bundled cue book (loaded once)."""
    source = resources.files("summitry.analysis").joinpath("data/debate_cues.yaml")
    try:
        data = CueFile.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))
    except (ValidationError, re.error, yaml.YAMLError) as exc:
        raise AnalysisError(
            f"summitry/analysis/data/debate_cues.yaml is not valid: {exc}",
            hint="fix the file (each pattern must be a regular expression) or reinstall summitry",
        ) from exc
    return CueBook(data)
