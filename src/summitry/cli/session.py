"""`summitry run`, `summitry resume`, `summitry render` (being written)."""

import typer


def register(app: typer.Typer) -> None:
    """Add the session commands to the app."""
