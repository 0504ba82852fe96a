"""What the judge answers: the JSON a chat model must return, and the figures made from it.

:class:`Verdict` is the schema the model's answer is validated against (pydantic,
``extra="forbid"``): for each kind of problem the findings, each with the turn and the exact
quote it rests on; the share of formula turns with the recurring frames; and the 1–10 scores,
each with its reason. :class:`Judgement` adds what the project computes itself: counts per 10
delegation turns, and which quotes were not found in the transcript.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from summitry.text.sentences import normalize_sentence

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

FINDINGS = (
    "incoherent",
    "awkward",
    "hollow",
    "name_only_replies",
    "unbacked_mediator_claims",
    "persona_breaks",
    "factual_errors",
)
SCORES = (
    "coherence",
    "responsiveness",
    "substance",
    "naturalness",
    "persona_fidelity",
    "educational_value",
    "would_use",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Finding(_Strict):
    """One problem in one turn, and the words it rests on."""

    turn: int = Field(ge=1, description="the turn's number in square brackets")
    quote: Text = Field(description="the exact words, copied from the transcript")
    why: Text


class Frame(_Strict):
    frame: Text = Field(description="the recurring pattern, changing parts written as '…'")
    turns: int = Field(ge=1, description="delegation turns built on it")


class Score(_Strict):
    score: int = Field(ge=1, le=10)
    why: Text


class Scores(_Strict):
    coherence: Score
    responsiveness: Score
    substance: Score
    naturalness: Score
    persona_fidelity: Score
    educational_value: Score
    would_use: Score


class Verdict(_Strict):
    """The judge model's answer, exactly as it must be written."""

    incoherent: list[Finding]
    awkward: list[Finding]
    hollow: list[Finding]
    name_only_replies: list[Finding]
    unbacked_mediator_claims: list[Finding]
    persona_breaks: list[Finding]
    factual_errors: list[Finding]
    formula_share: float = Field(ge=0.0, le=1.0)
    formula_frames: list[Frame]
    scores: Scores


class Judgement(_Strict):
    """A verdict with the figures made from it: counts per 10 delegation turns."""

    model: str
    delegation_turns: int
    per_10: dict[str, float]
    unfound_quotes: int = Field(description="quotes that are not in the transcript, word for word")
    verdict: Verdict

    @classmethod
    def of(cls, verdict: Verdict, transcript_text: str, delegation_turns: int, model: str) -> Judgement:
        scale = 10 / delegation_turns if delegation_turns else 0.0
        per_10 = {name: round(len(getattr(verdict, name)) * scale, 2) for name in FINDINGS}
        said = normalize_sentence(transcript_text)
        unfound = sum(
            1 for name in FINDINGS for f in getattr(verdict, name) if normalize_sentence(f.quote) not in said
        )
        return cls(model=model, delegation_turns=delegation_turns, per_10=per_10,
                   unfound_quotes=unfound, verdict=verdict)

    def figures(self) -> dict[str, float | int]:
        """Flat figures for the evaluation table: counts per 10 turns, formula share, scores."""
        out: dict[str, float | int] = {f"judge_{k}_per_10": v for k, v in self.per_10.items()}
        out["judge_formula_share"] = self.verdict.formula_share
        out.update({f"judge_{k}": getattr(self.verdict.scores, k).score for k in SCORES})
        out["judge_unfound_quotes"] = self.unfound_quotes
        return out
