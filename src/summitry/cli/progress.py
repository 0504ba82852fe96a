"""The live display of a running session: one line per phase, turns on request, accounting at the end."""

from __future__ import annotations

from typing import Any

from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from summitry.cli.console import console, err_console
from summitry.session.events import Event, PhaseCompleted, PhaseStarted, TurnSpoken
from summitry.session.state import SessionState


class SessionProgress:
    """Observes engine events and shows progress per phase on stderr."""

    def __init__(self, *, enabled: bool = True, show_turns: bool = False, resumed: SessionState | None = None):
        self.enabled = enabled
        self.show_turns = show_turns
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.fields[phase]:<20}"),
            BarColumn(bar_width=None),
            TextColumn("{task.completed} turns"),
            TextColumn("{task.fields[speaker]}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=False,
            disable=not enabled,
        )
        self.tasks: dict[int, TaskID] = {}
        self.resumed = resumed

    def __enter__(self) -> SessionProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]

    def observe(self, event: Event, state: SessionState) -> None:
        if isinstance(event, PhaseStarted) or (isinstance(event, TurnSpoken) and self._current(state) is None):
            self._start(self._phase_index(event, state), state)
        if isinstance(event, TurnSpoken):
            self._turn(event, state)
        elif isinstance(event, PhaseCompleted):
            task = self.tasks.get(event.phase_index)
            if task is not None:
                self.progress.update(task, total=self.progress.tasks[task].completed or 1, speaker="")

    def _phase_index(self, event: Event, state: SessionState) -> int:
        if isinstance(event, PhaseStarted):
            return event.phase_index
        return state.plans[-1].phase_index

    def _current(self, state: SessionState) -> TaskID | None:
        if not state.plans:
            return None
        return self.tasks.get(state.plans[-1].phase_index)

    def _start(self, phase_index: int, state: SessionState) -> None:
        if phase_index in self.tasks:
            return
        phase = state.scenario.agenda[phase_index].phase
        done = len(state.phase_turns(phase_index))
        self.tasks[phase_index] = self.progress.add_task(
            "", total=None, completed=done, phase=f"{phase_index + 1:>2}. {phase}", speaker=""
        )

    def _turn(self, event: TurnSpoken, state: SessionState) -> None:
        task = self._current(state)
        if task is not None:
            self.progress.update(task, advance=1, speaker=event.turn.speaker)
        if self.show_turns:
            mark = " [dim](composer fallback)[/]" if event.fallback else ""
            self.progress.console.print(
                f"[bold]{event.turn.speaker}[/]{mark}: {event.turn.text}", highlight=False, markup=True
            )


def print_accounting(summary: dict[str, Any]) -> None:
    """Tokens and time per speaker and for the session, as a table."""
    speakers = summary.get("by_tag") or {}
    table = Table(title="model calls", show_edge=False)
    for column in ("speaker", "calls", "prompt tokens", "cached", "output tokens", "seconds"):
        table.add_column(column, justify="right" if column != "speaker" else "left")
    for name, row in sorted(speakers.items()):
        table.add_row(name, *_row(row))
    total = summary.get("total") or summary
    table.add_row("[bold]session[/]", *_row(total))
    console.print(table)


def _row(row: dict[str, Any]) -> list[str]:
    return [
        str(row.get("calls", "")),
        str(row.get("prompt_tokens", "")),
        str(row.get("cached_prompt_tokens", "")),
        str(row.get("completion_tokens", "")),
        f"{row.get('seconds', 0.0):.1f}",
    ]
