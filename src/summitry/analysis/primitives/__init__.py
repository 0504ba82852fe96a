"""The bottom layer of the analysis: text and vector primitives every finding builds on.

Sentences of a transcript, the corpus of their vectors, cue words and phrases, clustering,
the single-threaded BLAS guard, the analysis's view of a scenario, and the two data tables
(debate cues, evidence calibration) read from ``analysis/data/``.

A primitive may import ``summitry.text``, ``summitry.embed``, ``summitry.turns``,
``summitry.scenario``, ``summitry.errors`` and other primitives. It never imports a finding
(``summitry.analysis.findings``) or the report (``summitry.analysis.report``);
``tests/test_architecture.py`` checks this.
"""
