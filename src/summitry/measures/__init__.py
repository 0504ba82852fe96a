"""Measured ideas: one definition of each figure, shared by the candidate checks, the evaluation
and the report, so that the check that guards generation is the one measured.

One module per figure; every threshold and tuning constant lives in :mod:`.thresholds`, with
where its value came from. Import from the modules themselves; this package re-exports nothing.
"""
