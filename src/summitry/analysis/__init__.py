"""Analysis of a diplomatic-classroom session: stances, who answers whom, themes, common ground
between rivals, convergence, participation and dialogue quality, and the report that shows them.

Analysis reads turns (:class:`summitry.turns.Transcript`) and, optionally, a scenario; it never
imports the session engine or the language-model backends. :func:`find_common_ground` gives
the common ground between rivals to any caller without building a whole report.

Three layers, as sub-packages, with imports pointing one way (primitives ← findings ← report)::

    primitives/  sentences, corpus, cues, phrases, cluster, blas, scenario_view, debate_cues,
                 calibration: text and vectors, and the data tables of data/
    findings/    themes (labels), stance, responses, response_graph, debate (proposal, relations,
                 sides), common_ground (selection, supportive), stated common ground (stated_claims,
                 topic_scale, stated), convergence, participation, quality
    report/      build (report.json), figures, html (templates/)

``schema.py`` stays at the package root: it is the published data model of ``report.json``,
used by findings and report alike. Data files stay in ``data/`` and ``templates/`` here.

``summitry analyze --schema`` prints the JSON Schema of ``report.json``; every finding in it
carries a confidence (0..1) and the 1-based turn numbers and quotes it rests on.
"""

from summitry.analysis.findings.common_ground import find_common_ground
from summitry.analysis.report.build import analyze
from summitry.analysis.report.html import render_html, write_html
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
