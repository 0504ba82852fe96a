"""The report's data model: every finding carries a confidence and the turns it rests on.

These pydantic models are the documented schema of ``report.json``; ``summitry analyze
--schema`` prints it as JSON Schema. Confidences run from 0 (a guess) to 1 (certain); turn
numbers are the 1-based ``index`` of the turns in the transcript.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Confidence = float


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """A quote and the turn it comes from."""

    turn: int = Field(ge=1, description="1-based turn index")
    speaker: str
    quote: str


class CommonGroundFinding(_Frozen):
    """Two rivals who stand together on a theme, and the quotes that show it."""

    pair: tuple[str, str]
    theme: str = Field(description="a short noun phrase naming what they agree on")
    sentence: str = Field(description="e.g. 'Iran and Israel found common ground on …'")
    confidence: Confidence = Field(ge=0, le=1)
    evidence: list[Evidence]
    relation: float | None = Field(default=None, description="-1 rival … +1 ally, if known")
    theme_id: int | None = None
    exchange: bool = Field(default=False, description="whether one answered the other positively")


class StatedSide(_Frozen):
    """What one delegation of a stated pair said closest to the stated topic, before the statement."""

    delegation: str
    on_topic: Literal["clearly", "weakly", "no"] = Field(
        description="of its supportive claims (those common ground is made of: not a rejection, not a "
        "rebuttal of the partner) the closest: 'weakly' when closer to the topic than chance allows "
        "(p <= 0.05, corrected for taking the best of its claims); 'clearly' when also as close as "
        "three quarters of the claims that use a phrase of the session outright are to that phrase"
    )
    similarity: float | None = Field(description="cosine similarity of that claim to the topic, if any")
    strength: float = Field(
        ge=0, le=1, description="share of claims using a phrase outright that are no closer to it than this claim"
    )
    chance: float = Field(ge=0, le=1, description="how likely chance alone gives a claim this close")
    evidence: list[Evidence] = Field(description="its supportive claims closest to the topic, the closest first")
    against: Evidence | None = Field(
        default=None,
        description="its closest claim of all, when that is on the topic but a rejection or a rebuttal of "
        "the partner (shown, not counted as support)",
    )


class StatedCommonGround(_Frozen):
    """Common ground the moderator said two delegations found, checked against what they had said.

    verdict, from what the two delegations said before the statement and nothing else:
    'supported' when both spoke supportively and clearly to the topic; 'partly supported' when
    only one did, or both only weakly; 'not supported' when neither did. Whether the analysis's
    own common-ground findings agree is a separate field (analysis_agrees), so the two can differ."""

    pair: tuple[str, str]
    topic: str = Field(description="the topic as the moderator stated it, e.g. 'international law'")
    phrasing: str = Field(description="how it was stated: 'common ground', 'shared interests', …")
    turn: int = Field(ge=1, description="the moderator's turn")
    speaker: str
    quote: str = Field(description="the moderator's sentence")
    verdict: Literal["supported", "partly supported", "not supported"]
    confidence: Confidence = Field(ge=0, le=1)
    sides: list[StatedSide] = Field(description="one per delegation of the pair, in the stated order")
    analysis_theme: str | None = Field(
        default=None,
        description="the theme of the analysis's own common-ground finding for the pair whose quotes all "
        "come before the statement, if any",
    )
    analysis_agrees: bool | None = Field(
        default=None,
        description="whether that theme is the stated topic (null: no such finding); reported beside the "
        "verdict, never part of it",
    )


class StancePoint(_Frozen):
    turn: int
    position: float = Field(description="0 = the question's first option … 1 = its last")
    smoothed: float
    weight: float = Field(description="how relevant the sentence is to the question, 0..1")
    quote: str


class StanceShift(_Frozen):
    delta: float
    turn: int
    quote: str
    confidence: Confidence


class DelegationStance(_Frozen):
    delegation: str
    points: list[StancePoint]
    start: float | None
    end: float | None
    change: float | None
    leaning: str | None = Field(description="the option id the delegation leans to at the end")
    declared: str | None = Field(default=None, description="the option the scenario gives it")
    largest_shift: StanceShift | None
    confidence: Confidence
    turns: list[int]


class QuestionStances(_Frozen):
    question_id: str
    question: str
    options: list[str]
    source: Literal["scenario", "theme"]
    delegations: list[DelegationStance]


class ResponseEdge(_Frozen):
    turn: int
    speaker: str
    target: str
    target_turn: int | None
    sign: float = Field(ge=-1, le=1)
    how: str = Field(description="addressees | named | previous | everyone | relayed | similar")
    confidence: Confidence
    quote: str


class PairSummary(_Frozen):
    pair: tuple[str, str]
    positive: float
    negative: float
    turns: list[int]
    confidence: Confidence


class Bridge(_Frozen):
    delegation: str
    score: float
    partners: list[str]
    turns: list[int]
    confidence: Confidence


class RelationEdge(_Frozen):
    """A speaker praising (+1) or criticising (-1) a delegation it names, in one sentence."""

    turn: int
    source: str
    target: str
    sign: int = Field(ge=-1, le=1)
    confidence: Confidence = Field(description="a prior by how the name is used (0.8 subject, 0.6 later)")
    quote: str


class ResponseGraphReport(_Frozen):
    edges: list[ResponseEdge]
    reciprocity: float | None
    blocs: list[list[str]]
    contested: list[PairSummary]
    bridging: Bridge | None
    bridging_scores: dict[str, float]
    basis: Literal["responses", "stances"] = Field(
        default="responses",
        description="'stances': blocs, contested pairs and the bridge come from the positions on the "
        "proposal and the signed relations; 'responses': from who answered whom, agreeing or not",
    )
    relations: list[RelationEdge] = Field(
        default_factory=list, description="signed relations: who criticises or praises whom, by name"
    )


class ProposalStance(_Frozen):
    """Where one speaker stands on the proposal, from its own words."""

    position: Literal["supports", "opposes", "abstains", "neutral", "unknown"] = Field(
        description="'unknown': not enough evidence (no cue, or a kind of evidence measured as too "
        "unreliable); 'neutral': as much evidence for as against"
    )
    confidence: Confidence = Field(
        ge=0,
        le=1,
        description="the share of placements on this kind of evidence that matched the recorded vote "
        "on labelled debates (see docs/analysis-accuracy.md); 0 when there is no evidence",
    )
    evidence: Literal["vote", "text", "part", "side", "none"] = Field(
        description="what decided it: an explicit vote, a judgement of the text, of part of it, or "
        "what the speaker said of the sides"
    )
    turns: list[int]
    quotes: list[str]


class ProposalReport(_Frozen):
    """What the debate decides, and where each speaker stands on it."""

    text: str = Field(description="the proposal as the transcript names it")
    sponsor: str | None = Field(default=None, description="its sponsor, when the speakers say who")
    stances: dict[str, ProposalStance]
    confidence: Confidence = Field(ge=0, le=1, description="share of the speakers placed (not unknown)")
    evidence: list[Evidence] = Field(description="sentences that refer to the proposal")


class ThemePlacement(_Frozen):
    delegation: str
    position: Literal["supports", "opposes", "mixed", "silent"]
    score: float | None
    turns: list[int]


class Theme(_Frozen):
    id: int
    label: str
    terms: list[str]
    size: int
    cohesion: float
    confidence: Confidence
    placements: list[ThemePlacement]
    evidence: list[Evidence]


class PhaseSpread(_Frozen):
    phase: str
    spread: float
    delegations: int
    turns: list[int]


class QuestionConvergence(_Frozen):
    question_id: str
    phases: list[PhaseSpread]
    narrowed: bool | None
    converged: list[tuple[str, str]]
    diverged: list[tuple[str, str]]
    confidence: Confidence


class SpeakerShare(_Frozen):
    speaker: str
    turns: int
    words: int
    invited: int
    self_started: int
    unanswered: list[int]


class Participation(_Frozen):
    speakers: list[SpeakerShare]
    moderator_turns: int
    gini_words: float | None
    gini_turns: float | None
    unanswered_turns: list[int]
    confidence: Confidence


class TurnPair(_Frozen):
    turns: tuple[int, int]
    similarity: float
    quote: str


class Quality(_Frozen):
    distinctiveness: float | None = Field(
        description="leave-one-out speaker identification accuracy"
    )
    distinctiveness_chance: float | None
    distinct_2: float | None
    near_duplicates: list[TurnPair]
    echoes: list[TurnPair]
    identity_confusions: list[Evidence]
    confidence: Confidence


class Degradation(_Frozen):
    """Something the analysis could not compute, and why."""

    part: str
    reason: str


class TurnRecord(_Frozen):
    """A turn as the report shows it beside the findings."""

    index: int
    speaker: str
    text: str
    phase: str | None = None
    tone: str | None = None
    is_moderator: bool = False


class Meta(_Frozen):
    title: str
    scenario: str | None = Field(description="title of the scenario used, if any")
    embedder: str = Field(description="'minilm' or 'lexical': which sentence embedder was used")
    turns: int
    sentences: int
    claims: int
    delegations: list[str]
    moderators: list[str]
    notes: list[str] = Field(default_factory=list, description="what the reader should know")
    timings: dict[str, float] = Field(default_factory=dict, description="seconds per step")
    schema_version: int = 1


class Report(_Frozen):
    """Everything ``summitry analyze`` computes; sections it could not compute are null and
    explained in ``degraded``."""

    meta: Meta
    stances: list[QuestionStances] | None
    proposal: ProposalReport | None = Field(
        default=None,
        description="the draft, motion or proposal being decided and each speaker's position on it "
        "(null when the transcript decides none, or when a scenario's questions are the subject)",
    )
    response_graph: ResponseGraphReport | None
    themes: list[Theme] | None
    common_ground: list[CommonGroundFinding] | None
    stated_common_ground: list[StatedCommonGround] | None = Field(
        default=None,
        description="common ground the moderator stated ('A and B found common ground on X'), each "
        "claim checked against what both delegations had said before it",
    )
    convergence: list[QuestionConvergence] | None
    participation: Participation | None
    quality: Quality | None
    degraded: list[Degradation] = Field(default_factory=list)
    transcript: list[TurnRecord]
