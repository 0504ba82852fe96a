"""Analysis of a diplomatic-classroom session: stances, who answers whom, themes, common ground
between rivals, convergence, participation and dialogue quality, and the report that shows them.

Analysis reads turns (:class:`summitry.turns.Transcript`) and, optionally, a scenario; it never
imports the session engine or the language-model backends. The engine's ``common_ground`` phase
calls :func:`find_common_ground`, so what the mediator says is what the report shows.

The flow, one module per step::

    sentences, names, cues  →  corpus (one vector per sentence, embed.py)
      → themes (cluster, labels) → stance → responses → response_graph
      → debate (proposal, relations, sides; debate_cues and calibration read data/)
      → common_ground (selection) → convergence, participation, quality
      → report (schema.py: the documented report.json) → html (figures, templates/)

``summitry analyze --schema`` prints the JSON Schema of ``report.json``; every finding in it
carries a confidence (0..1) and the 1-based turn numbers and quotes it rests on.
"""

from summitry.analysis.common_ground import find_common_ground
from summitry.analysis.embed import (
    CachedEmbedder,
    Embedder,
    LexicalEmbedder,
    MiniLMEmbedder,
    get_embedder,
)
from summitry.analysis.html import render_html, write_html
from summitry.analysis.report import analyze
from summitry.analysis.schema import CommonGroundFinding, Evidence, Report

__all__ = [
    "CachedEmbedder",
    "CommonGroundFinding",
    "Embedder",
    "Evidence",
    "LexicalEmbedder",
    "MiniLMEmbedder",
    "Report",
    "analyze",
    "find_common_ground",
    "get_embedder",
    "render_html",
    "write_html",
]
