"""Analysis of a diplomatic-classroom session: stances, who answers whom, themes, common ground
between rivals, convergence, participation and dialogue quality, and the report that shows them.

Analysis reads turns (:class:`summitry.turns.Transcript`) and, optionally, a scenario; it never
imports the session engine or the language-model backends. The engine's ``common_ground`` phase
calls :func:`find_common_ground`, so what the mediator says is what the report shows.
"""

from summitry.analysis.common_ground import find_common_ground
from summitry.analysis.embed import (
    CachedEmbedder,
    Embedder,
    LexicalEmbedder,
    MiniLMEmbedder,
    get_embedder,
)
from summitry.analysis.schema import CommonGroundFinding, Evidence

__all__ = [
    "CachedEmbedder",
    "CommonGroundFinding",
    "Embedder",
    "Evidence",
    "LexicalEmbedder",
    "MiniLMEmbedder",
    "find_common_ground",
    "get_embedder",
]
