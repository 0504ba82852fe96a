"""`summitry analyze`: a report (JSON and one HTML page) on a transcript or a session log."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from summitry.cli.console import console, err_console
from summitry.errors import AnalysisError, TranscriptError
from summitry.turns import Transcript

REPORT_JSON = "report.json"
REPORT_HTML = "report.html"
EMBEDDINGS = "embeddings.npz"


def register(app: typer.Typer) -> None:
    """Add the analyze command to the app."""
    app.command("analyze")(analyze)


def analyze(
    source: Annotated[
        Path | None,
        typer.Argument(
            help="a transcript (Markdown, 'Speaker: text' lines or JSON) or a session.jsonl log"
        ),
    ] = None,
    scenario: Annotated[
        str | None,
        typer.Option(help="scenario file or bundled name, for relations and lesson questions"),
    ] = None,
    embedder: Annotated[str, typer.Option(help="auto, minilm or lexical")] = "auto",
    out: Annotated[Path | None, typer.Option(help="folder for report.json and report.html")] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="print the JSON Schema of report.json")
    ] = False,
) -> None:
    """Analyse a session: stances, who answers whom, themes, common ground, participation."""
    if schema:
        from summitry.analysis.schema import Report

        console.print_json(json.dumps(Report.model_json_schema()))
        return
    if source is None:
        raise AnalysisError(
            "no transcript or session log given",
            hint="run: summitry analyze TRANSCRIPT_OR_LOG --out DIR",
        )
    folder = out or Path(f"analysis-{source.stem or 'session'}")
    report, seconds = run_analysis(source, scenario, embedder, folder)
    print_summary(report, folder, seconds)


def analyze_session(log: Path, folder: Path) -> None:
    """Analyse a finished session's log into its folder (used by ``summitry run --report``)."""
    report, seconds = run_analysis(log, None, "auto", folder)
    print_summary(report, folder, seconds)


def run_analysis(
    source: Path, scenario_ref: str | None, embedder: str, folder: Path
) -> tuple[Any, float]:
    """Load, analyse and write the report files; returns the report and the seconds it took."""
    from summitry.analysis.report.build import analyze as build_report
    from summitry.analysis.report.html import write_html
    from summitry.embed import get_embedder

    get_embedder(embedder)  # an unknown name fails before anything is read
    started = time.perf_counter()
    transcript, logged_scenario = load_source(source)
    scenario = _load_scenario(scenario_ref) if scenario_ref else logged_scenario
    _make_folder(folder)
    report = build_report(
        transcript, scenario, embedder=embedder, cache_path=str(folder / EMBEDDINGS)
    )
    try:
        (folder / REPORT_JSON).write_text(report.model_dump_json(indent=2), encoding="utf-8")
        write_html(report, folder / REPORT_HTML)
    except OSError as exc:
        raise AnalysisError(
            f"could not write the report in {folder}: {exc.strerror or exc}",
            hint="choose another folder with --out",
        ) from exc
    return report, time.perf_counter() - started


def load_source(path: Path) -> tuple[Transcript, Any | None]:
    """A transcript from any supported file; for a session log, also the scenario it ran."""
    from summitry.transcript import load_transcript

    found: dict[str, Any] = {}

    def from_log(text: str, where: str | None) -> Transcript:
        try:
            from summitry.session.log import read_scenario, read_transcript
        except ImportError as exc:  # pragma: no cover - the engine ships with the package
            raise TranscriptError(
                f"{path} is a session log, but session support is not installed"
            ) from exc
        found["scenario"] = read_scenario(path)
        transcript: Transcript = read_transcript(path)
        return transcript

    transcript = load_transcript(path, log_loader=from_log)
    return transcript, found.get("scenario")


def _load_scenario(ref: str) -> Any:
    from summitry.scenario.loader import load_scenario

    return load_scenario(ref)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnalysisError(
            f"cannot create the output folder {folder}: {exc.strerror or exc}",
            hint="choose another folder with --out",
        ) from exc
    if not folder.is_dir():
        raise AnalysisError(f"{folder} is not a folder", hint="choose a folder with --out")


def print_summary(report: Any, folder: Path, seconds: float) -> None:
    """A short table of the main findings, then where the files are."""
    table = Table(
        title=f"Analysis of {report.meta.turns} turns ({report.meta.embedder} embedder)",
        show_lines=False,
    )
    table.add_column("finding")
    table.add_column("detail", overflow="fold")
    table.add_column("confidence", justify="right")
    table.add_column("turns")
    proposal = getattr(report, "proposal", None)
    if proposal is not None:
        table.add_row("proposal", proposal.text, f"{proposal.confidence:.2f}", "")
        for name, s in proposal.stances.items():
            position = "not enough evidence" if s.position == "unknown" else s.position
            table.add_row("position", f"{name}: {position}", f"{s.confidence:.2f}", ", ".join(map(str, s.turns[:8])))
    for f in (report.common_ground or [])[:5]:
        table.add_row(
            "common ground",
            f.sentence,
            f"{f.confidence:.2f}",
            ", ".join(str(e.turn) for e in f.evidence),
        )
    for c in (report.stated_common_ground or [])[:5]:
        evidence = [e.turn for side in c.sides for e in side.evidence[:1]]
        table.add_row(
            "moderator said",
            f"{' and '.join(c.pair)} on {c.topic}: {c.verdict}",
            f"{c.confidence:.2f}",
            ", ".join(str(t) for t in [c.turn, *evidence]),
        )
    graph = report.response_graph
    if graph and graph.bridging:
        b = graph.bridging
        table.add_row(
            "bridging", b.delegation, f"{b.confidence:.2f}", ", ".join(map(str, b.turns[:8]))
        )
    for p in (graph.contested if graph else [])[:3]:
        table.add_row(
            "contested", " – ".join(p.pair), f"{p.confidence:.2f}", ", ".join(map(str, p.turns[:8]))
        )
    part = report.participation
    if part and part.gini_words is not None:
        table.add_row(
            "participation", f"Gini of words {part.gini_words:.2f}", f"{part.confidence:.2f}", ""
        )
    for d in report.degraded:
        table.add_row("not computed", f"{d.part}: {d.reason}", "", "")
    console.print(table)
    for note in report.meta.notes:
        err_console.print(f"[yellow]note[/]: {note}", highlight=False)
    console.print(
        f"report: {folder / REPORT_HTML}\n        {folder / REPORT_JSON}  ({seconds:.1f} s)"
    )
