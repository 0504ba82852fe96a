"""The top layer of the analysis: the report that gathers every finding, and its pages.

``build`` runs the findings over a transcript and assembles ``report.json``; ``figures``
draws its charts as SVG; ``html`` renders the page from ``analysis/templates/``.

The report may import findings, primitives and ``summitry.analysis.schema``; nothing in the
analysis imports the report.
"""
