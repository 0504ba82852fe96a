"""Evaluation: the dialogue-quality figures the project publishes for each backend."""

from summitry.evaluation.metrics import SessionMetrics, session_metrics

__all__ = ["SessionMetrics", "session_metrics"]
