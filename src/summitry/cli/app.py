"""The typer application and the registration of every command group."""

from __future__ import annotations

import typer

from summitry.cli import analyze, evaluate, scenarios, session

app = typer.Typer(
    name="summitry",
    help="Diplomatic classrooms: a lesson, then a moderated discussion among delegations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

session.register(app)
app.add_typer(scenarios.app, name="scenarios")
analyze.register(app)
evaluate.register(app)
