"""The reading of a debate on a proposal, as report sections: the proposal with each speaker's
position, and the response graph's blocs, contested pairs and bridge drawn from the sides.

A transcript that decides no proposal (a classroom session on the lesson's questions) gets no
``proposal`` section and keeps the response graph drawn from who answered whom.
"""

from __future__ import annotations

from dataclasses import dataclass

from summitry.analysis.corpus import Corpus
from summitry.analysis.proposal import find_proposal, proposal_report
from summitry.analysis.relations import Relation, find_relations
from summitry.analysis.schema import ProposalReport, RelationEdge, ResponseGraphReport
from summitry.analysis.sides import OPPOSED, blocs, bridging, contested


@dataclass(frozen=True)
class Debate:
    """A debate's proposal section and the relations it was read with."""

    proposal: ProposalReport
    relations: list[Relation]

    def apart(self, a: str, b: str) -> bool:
        """Whether a and b stand on opposite sides of the proposal."""
        pa, pb = (self.proposal.stances[x].position if x in self.proposal.stances else None for x in (a, b))
        return pa is not None and OPPOSED.get(pa) == pb


def read_debate(corpus: Corpus) -> Debate | None:
    """The proposal a transcript decides and where everyone stands, or None when it decides none."""
    proposal = find_proposal(corpus)
    if proposal is None:
        return None
    relations = find_relations(corpus)
    return Debate(proposal_report(corpus, proposal, relations), relations)


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
