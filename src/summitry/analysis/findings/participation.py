"""Participation balance: who spoke, how much, when invited, and whose turns went unanswered.

A turn is *invited* when the mediator's turn just before it (in the same round) named or
addressed its speaker; otherwise it is self-started. A delegation turn is *unanswered* when no
later turn answers it (see :mod:`summitry.analysis.findings.responses`); turns of the last round are
not counted, since nobody could have answered them yet.
"""

from __future__ import annotations

from summitry.analysis.findings.responses import Response
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.schema import Participation, SpeakerShare
from summitry.text.names import NameMatcher
from summitry.text.words import word_count


def gini(values: list[float]) -> float | None:
    """Gini coefficient of non-negative values: 0 = perfectly even, toward 1 = one takes all."""
    if len(values) < 2 or sum(values) <= 0:
        return None
    ordered = sorted(values)
    n = len(ordered)
    weighted = sum((k + 1) * v for k, v in enumerate(ordered))
    return round((2 * weighted) / (n * sum(ordered)) - (n + 1) / n, 3)


def invited_turns(corpus: Corpus) -> set[int]:
    """Turns whose speaker the mediator named or addressed just before, in the same round."""
    names = NameMatcher(corpus.delegations)
    invited: set[int] = set()
    last_mediator = None
    spoke_since: set[str] = set()
    for turn in corpus.transcript.turns:
        if turn.speaker not in corpus.delegations:
            last_mediator, spoke_since = turn, set()
            continue
        if last_mediator is not None and turn.speaker not in spoke_since:
            named = set(last_mediator.addressees) | {
                m.name for m in names.mentions(last_mediator.text)
            }
            if turn.speaker in named:
                invited.add(turn.index)
        spoke_since.add(turn.speaker)
    return invited


def participation(corpus: Corpus, responses: list[Response]) -> Participation:
    """Turns and words per delegation, their Gini coefficients, invitations and unanswered turns."""
    turns = corpus.transcript.turns
    invited = invited_turns(corpus)
    answered = {r.target_turn for r in responses if r.target_turn}
    last_round = max(corpus.rounds.values(), default=0)
    shares = []
    unanswered_all: list[int] = []
    for d in corpus.delegations:
        mine = [t for t in turns if t.speaker == d]
        unanswered = [
            t.index
            for t in mine
            if t.index not in answered and corpus.rounds.get(t.index) != last_round
        ]
        unanswered_all += unanswered
        shares.append(
            SpeakerShare(
                speaker=d,
                turns=len(mine),
                words=sum(word_count(t.text) for t in mine),
                invited=sum(1 for t in mine if t.index in invited),
                self_started=sum(1 for t in mine if t.index not in invited),
                unanswered=unanswered,
            )
        )
    delegation_turns = sum(s.turns for s in shares)
    return Participation(
        speakers=shares,
        moderator_turns=sum(1 for t in turns if t.speaker not in corpus.delegations),
        gini_words=gini([float(s.words) for s in shares]),
        gini_turns=gini([float(s.turns) for s in shares]),
        unanswered_turns=sorted(unanswered_all),
        confidence=round(min(1.0, delegation_turns / 20), 3) if delegation_turns else 0.0,
    )
