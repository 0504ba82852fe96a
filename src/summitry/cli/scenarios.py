"""`summitry scenarios list|show|validate|schema` (being written)."""

import typer

app = typer.Typer(help="List, show, validate bundled and user scenarios; export the JSON Schema.")
