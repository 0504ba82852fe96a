"""Measured ideas: one definition of each figure, shared by the checks, the evaluation and the report.

Each module holds one figure and says in its docstring what it can and cannot show.
"""
