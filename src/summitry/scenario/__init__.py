"""Scenario files: the pydantic models, YAML loading with line numbers, the bundled scenarios."""
