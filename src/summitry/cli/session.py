"""`summitry run`, `summitry resume` and `summitry render`: sessions from the command line."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summitry.cli.analyze import analyze_session
from summitry.cli.console import console, err_console
from summitry.cli.progress import SessionProgress, print_accounting
from summitry.errors import SessionError
from summitry.realize.config import RealizerConfig
from summitry.session.log import read_state, resolve_log_path
from summitry.session.state import SessionState
from summitry.transcript import render_json, render_markdown

if TYPE_CHECKING:
    from summitry.session.run import SessionOutcome

DEFAULT_SCENARIO = "quantum-summit"
LOG_NAME = "session.jsonl"
TRANSCRIPT_NAME = "transcript.md"


class RenderFormat(StrEnum):
    md = "md"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add the session commands to the app."""
    app.command("run")(run)
    app.command("resume")(resume)
    app.command("render")(render)


def run(
    scenario: Annotated[str, typer.Argument(help="bundled scenario name or path to a YAML file")] = DEFAULT_SCENARIO,
    backend: Annotated[str, typer.Option(help="local (embedded model), openai, or composer (instant)")] = "local",
    seed: Annotated[int, typer.Option(help="same scenario and seed give the same session")] = 0,
    out: Annotated[Path | None, typer.Option(help="folder for session.jsonl and transcript.md")] = None,
    model: Annotated[str | None, typer.Option(help="GGUF path (local) or model name (openai)")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL (openai)")] = None,
    record: Annotated[Path | None, typer.Option(help="record or replay model calls in this file")] = None,
    force: Annotated[bool, typer.Option(help="overwrite an existing session in --out")] = False,
    quiet: Annotated[bool, typer.Option(help="no progress display")] = False,
    show: Annotated[bool, typer.Option(help="print each turn as it is spoken")] = False,
    report: Annotated[bool, typer.Option(help="analyze the session at the end")] = False,
) -> None:
    """Run a diplomatic-classroom session and write its log and transcript."""
    # the engine, the realizers and the scenarios load here, not when `summitry analyze` starts
    from summitry.realize.factory import build_realizer
    from summitry.scenario.loader import load_scenario
    from summitry.session.run import run_session

    config = RealizerConfig(name=backend, model=model, base_url=base_url,
                            record=str(record.resolve()) if record is not None else None)
    loaded = load_scenario(scenario)
    realizer = build_realizer(config)
    folder = out or Path("runs") / f"{_slug(scenario)}-seed{seed}"
    log_path = _prepare_folder(folder, force)
    with SessionProgress(enabled=not quiet, show_turns=show) as progress, _transcript_kept(log_path):
        outcome = run_session(loaded, log_path, seed=seed, realizer=realizer, config=config, source=scenario,
                              on_event=progress.observe, sync=not config.is_composer)
    _finish(outcome, report)


def resume(
    log: Annotated[Path, typer.Argument(help="session.jsonl of an interrupted session, or its folder")],
    quiet: Annotated[bool, typer.Option(help="no progress display")] = False,
    show: Annotated[bool, typer.Option(help="print each turn as it is spoken")] = False,
    report: Annotated[bool, typer.Option(help="analyze the session at the end")] = False,
) -> None:
    """Continue an interrupted session from its last complete event."""
    from summitry.realize.factory import build_realizer
    from summitry.session.run import resume_session

    log_path = resolve_log_path(log)
    state = read_state(log_path)
    if state.is_complete:
        console.print(f"[green]This session is already complete[/] ({len(state.turns)} turns).")
        _write_transcript(state, log_path.parent)
        return
    realizer = build_realizer(state.started.realizer)
    err_console.print(f"Resuming at turn {len(state.turns) + 1} ({len(state.turns)} turns kept).")
    with SessionProgress(enabled=not quiet, show_turns=show, resumed=state) as progress, _transcript_kept(log_path):
        outcome = resume_session(log_path, realizer=realizer, on_event=progress.observe)
    _finish(outcome, report)


def render(
    log: Annotated[Path, typer.Argument(help="session.jsonl, or the folder holding it")],
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="md or json")] = RenderFormat.md,
    out: Annotated[Path | None, typer.Option(help="write to this file instead of stdout")] = None,
) -> None:
    """Render a session log as a Markdown or JSON transcript."""
    transcript = read_state(log).transcript()
    text = render_markdown(transcript, final_newline=True) if format is RenderFormat.md else render_json(transcript)
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
    else:
        out.write_text(text, encoding="utf-8")
        err_console.print(f"wrote {out}")


def _slug(scenario: str) -> str:
    name = Path(scenario).stem if scenario.endswith((".yaml", ".yml")) else scenario
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name) or "session"


def _prepare_folder(folder: Path, force: bool) -> Path:
    log_path = folder / LOG_NAME
    if log_path.exists() and not force:
        raise SessionError(
            f"{log_path} already holds a session",
            hint=f"continue it with 'summitry resume {log_path}', pass --force to overwrite it, "
            "or choose another --out",
        )
    if force and log_path.exists():
        log_path.unlink()
        (folder / TRANSCRIPT_NAME).unlink(missing_ok=True)
    if folder.exists() and not folder.is_dir():
        raise SessionError(f"--out {folder} exists and is not a folder", hint="choose another --out")
    folder.mkdir(parents=True, exist_ok=True)
    return log_path


@contextmanager
def _transcript_kept(log_path: Path) -> Iterator[None]:
    """Whatever stops the session, what was said so far stays readable as a transcript."""
    try:
        yield
    except BaseException:
        if log_path.exists() and log_path.stat().st_size:
            _write_transcript(read_state(log_path), log_path.parent)
        raise


def _write_transcript(state: SessionState, folder: Path) -> Path:
    path = folder / TRANSCRIPT_NAME
    path.write_text(render_markdown(state.transcript(), final_newline=True), encoding="utf-8")
    return path


def _finish(outcome: SessionOutcome, report: bool) -> None:
    state, folder, realizer = outcome.state, outcome.log_path.parent, outcome.realizer
    transcript_path = _write_transcript(state, folder)
    fallbacks = sum(1 for s in state.spoken if s.fallback)
    console.print(
        f"[green]Session complete[/]: {len(state.turns)} turns in {outcome.seconds:.2f} s "
        f"({realizer.name}{f', {fallbacks} composer fallbacks' if fallbacks else ''})"
    )
    summary = getattr(realizer, "summary", None)
    if callable(summary):
        print_accounting(summary())
    console.print(f"  transcript: {transcript_path}\n  log:        {outcome.log_path}")
    if report:
        started = time.perf_counter()
        analyze_session(outcome.log_path, folder)
        err_console.print(f"  report written in {time.perf_counter() - started:.1f} s")
