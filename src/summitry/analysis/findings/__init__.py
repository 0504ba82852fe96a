"""The middle layer of the analysis: what a session shows, one finding per module.

Themes and their labels, stances, who answers whom, the debate over a proposal (relations,
sides), common ground between rivals (found and stated), convergence, participation and
dialogue quality. Each finding reads primitives and returns records of the published data
model (``summitry.analysis.schema``).

A finding may import primitives, other findings, ``summitry.analysis.schema`` and the
shared layers below the analysis (``summitry.text``, ``summitry.embed``, ``summitry.measures``).
It never imports the report (``summitry.analysis.report``); ``tests/test_architecture.py``
checks this.
"""
