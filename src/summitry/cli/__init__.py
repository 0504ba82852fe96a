"""The ``summitry`` command line: one module per command group, errors turned into one line here."""

from __future__ import annotations

import sys

from summitry.cli.app import app
from summitry.errors import SummitryError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: run the CLI and turn every SummitryError into one clean line and an exit code."""
    from rich.text import Text

    from summitry.cli.console import err_console

    try:
        code = app(standalone_mode=False)
    except SummitryError as exc:
        # a Text, not markup: messages quote user input, which may hold '[...]' or ':name:'
        err_console.print(Text.assemble(("error:", "bold red"), " ", str(exc)), soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("[yellow]interrupted[/]: what was already spoken is kept in the session log; "
                          "continue with 'summitry resume LOG'")
        sys.exit(130)
    except Exception as exc:  # click's own usage errors and aborts
        import click
        import typer

        # recent typer releases ship their own copy of click: accept both families
        if isinstance(exc, click.exceptions.Exit | typer.Exit):
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort | typer.Abort):
            sys.exit(130)
        usage = (click.exceptions.ClickException, getattr(typer, "TyperException", ()))
        if isinstance(exc, usage) and hasattr(exc, "show"):
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        _internal_error(exc)
    if isinstance(code, int) and code:  # typer.Exit(code) is returned, not raised, here
        sys.exit(code)


def _internal_error(exc: Exception) -> None:
    """A bug of ours: one line for the user, the traceback only when asked for."""
    import os
    import traceback

    from summitry.cli.console import err_console

    if os.environ.get("SUMMITRY_DEBUG"):
        traceback.print_exc()
    err_console.print(
        f"internal error: {type(exc).__name__}: {exc} — this is a bug in summitry; any session log "
        "written so far is intact (set SUMMITRY_DEBUG=1 to see the traceback)",
        markup=False, highlight=False, soft_wrap=True,
    )
    sys.exit(70)
