"""`summitry analyze` (being written)."""

import typer


def register(app: typer.Typer) -> None:
    """Add the analyze command to the app."""
