"""Analysis of a diplomatic-classroom session: stances, who answers whom, themes, common ground
between rivals, convergence, participation and dialogue quality, and the report that shows them.

Analysis reads turns (:class:`summitry.turns.Transcript`) and, optionally, a scenario; it never
imports the session engine or the language-model backends. The engine's ``common_ground`` phase
calls :func:`find_common_ground`, so what the mediator says is what the report shows.

The flow, one module per step::

    sentences, cues (words and names: summitry.text)  →  corpus (one vector per sentence, summitry.embed)
      → themes (cluster, labels) → stance → responses → response_graph
      → debate (proposal, relations, sides; debate_cues and calibration read data/)
      → common_ground (selection) → stated common ground (stated_claims, topic_scale, stated)
      → convergence, participation, quality (figures: summitry.measures)
      → report (schema.py: the documented report.json) → html (figures, templates/)

``summitry analyze --schema`` prints the JSON Schema of ``report.json``; every finding in it
carries a confidence (0..1) and the 1-based turn numbers and quotes it rests on.
"""

from summitry.analysis.common_ground import find_common_ground
from summitry.analysis.html import render_html, write_html
from summitry.analysis.report import analyze
from summitry.analysis.schema import CommonGroundFinding, Evidence, Report

__all__ = [
    "CommonGroundFinding",
    "Evidence",
    "Report",
    "analyze",
    "find_common_ground",
    "render_html",
    "write_html",
]
