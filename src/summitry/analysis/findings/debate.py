"""The reading of a debate on a proposal, as report sections: the proposal with each speaker's
position, and the response graph's blocs, contested pairs and bridge drawn from the sides.

A transcript that decides no proposal (a classroom session on the lesson's questions) gets no
``proposal`` section and keeps the response graph drawn from who answered whom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summitry.analysis.findings.proposal import direct_clues, find_proposal, proposal_report
from summitry.analysis.findings.relations import Relation, find_relations
from summitry.analysis.findings.sides import OPPOSED, blocs, bridging, contested
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.sentences import Sentence
from summitry.analysis.schema import ProposalReport, RelationEdge, ResponseGraphReport
from summitry.text.stems import stem
from summitry.text.words import is_content, words

_PROPOSAL_WORD = re.compile(r"\b(?:draft|resolution|motion|proposal|bill|amendment)s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Debate:
    """A debate's proposal section and the relations it was read with."""

    proposal: ProposalReport
    relations: list[Relation]
    on_proposal: frozenset[int] = field(default_factory=frozenset)  # sentences about the proposal

    def position(self, delegation: str) -> str:
        stance = self.proposal.stances.get(delegation)
        return stance.position if stance else "unknown"

    def shares(self, a: str, b: str) -> bool:
        """Whether a and b may share common ground: both placed on the proposal (where one
        stands is not unknown) and not on opposite sides of it."""
        pa, pb = self.position(a), self.position(b)
        return "unknown" not in (pa, pb) and OPPOSED.get(pa) != pb

    def allows(self, label: str, quotes: tuple[str, str]) -> bool:
        """Whether a finding may be labelled so: the label does not name the proposal itself
        (who stands where on it is the proposal section), and each quote says one of its
        content words (a label neither side said is not common ground "in their own words")."""
        if _PROPOSAL_WORD.search(label):
            return False
        wanted = {stem(w) for w in words(label) if is_content(w)}
        return bool(wanted) and all(wanted & {stem(w) for w in words(q)} for q in quotes)

    def keeps(self, sentence: Sentence, partner: str) -> bool:
        """Whether a sentence can be one side of common ground with ``partner``: a sentence about
        the proposal only when both are placed, in the same position."""
        if sentence.id not in self.on_proposal:
            return True
        mine = self.position(sentence.speaker)
        return mine not in ("unknown", "neutral") and mine == self.position(partner)


def read_debate(corpus: Corpus) -> Debate | None:
    """The proposal a transcript decides and where everyone stands, or None when it decides none."""
    proposal = find_proposal(corpus)
    if proposal is None:
        return None
    relations = find_relations(corpus)
    about = {r.sentence.id for r in proposal.references} | {c.sentence.id for c in direct_clues(corpus, proposal)}
    return Debate(proposal_report(corpus, proposal, relations), relations, frozenset(about))


def sided_graph(graph: ResponseGraphReport, debate: Debate, delegations: list[str]) -> ResponseGraphReport:
    """The response graph with blocs, contested pairs and the bridge taken from the sides."""
    stances = debate.proposal.stances
    groups = blocs(delegations, stances, debate.relations)
    bridge, scores = bridging(groups, stances, debate.relations)
    return graph.model_copy(
        update={
            "blocs": groups,
            "contested": contested(delegations, stances, debate.relations),
            "bridging": bridge,
            "bridging_scores": scores,
            "basis": "stances",
            "relations": [
                RelationEdge(
                    turn=r.sentence.turn,
                    source=r.source,
                    target=r.target,
                    sign=r.sign,
                    confidence=r.confidence,
                    quote=r.sentence.text,
                )
                for r in debate.relations
            ],
        }
    )
