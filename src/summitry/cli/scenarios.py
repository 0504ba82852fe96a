"""`summitry scenarios list|show|validate|lint|schema`: bundled and user scenario files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from summitry.cli.console import console, err_console
from summitry.errors import ScenarioError, SummitryError, ThinScenarioError
from summitry.scenario import UNIT_KINDS, bundled_scenarios, load_scenario, scenario_json_schema
from summitry.scenario.lint import expected_turns, lint
from summitry.scenario.model import Delegation, Scenario

app = typer.Typer(
    help="List, show, validate and lint bundled and user scenarios; export the JSON Schema.",
    no_args_is_help=True,
)


@app.command("list")
def list_scenarios() -> None:
    """List the bundled scenarios."""
    table = Table(title="Bundled scenarios")
    for column in ("name", "title", "delegations", "phases"):
        table.add_column(column, justify="right" if column in ("delegations", "phases") else "left")
    for bundled in bundled_scenarios():
        scenario = load_scenario(bundled.path)
        table.add_row(
            Text(bundled.name, style="bold"),
            Text(scenario.title),
            str(len(scenario.delegations)),
            str(len(scenario.agenda)),
        )
    console.print(table)


@app.command("show")
def show(
    source: Annotated[
        str, typer.Argument(metavar="NAME_OR_PATH", help="bundled name or YAML file")
    ],
) -> None:
    """Show a readable summary of a scenario: lesson, delegations, agenda."""
    scenario = load_scenario(source)
    for block in _summary(scenario):
        console.print(block, soft_wrap=False)


@app.command("validate")
def validate(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="scenario files or bundled names")
    ],
) -> None:
    """Check scenario files: one line per file, a non-zero exit if any is invalid."""
    worst = 0
    for path in paths:
        try:
            scenario = load_scenario(path)
        except ScenarioError as exc:
            err_console.print(Text.assemble(("error:", "bold red"), " ", str(exc)), soft_wrap=True)
            worst = max(worst, exc.exit_code)
            continue
        counts = f"{len(scenario.delegations)} delegations, {len(scenario.agenda)} phases"
        console.print(
            Text.assemble(("ok:", "bold green"), f" {path} ({scenario.title}; {counts})"),
            soft_wrap=True,
        )
    if worst:
        raise typer.Exit(code=worst)


@app.command("lint")
def lint_command(
    source: Annotated[str, typer.Argument(metavar="NAME_OR_PATH", help="bundled name or YAML file")],
    strict: Annotated[bool, typer.Option("--strict", help="treat warnings as an error (exit code 3)")] = False,
) -> None:
    """Compare the turns the agenda asks of each delegation with its material; name the thin spots."""
    scenario = load_scenario(source)
    warnings = lint(scenario)
    turns = expected_turns(scenario)
    for d in scenario.delegations:
        units = [u for u in d.material() if u.kind != "reason"]
        console.print(Text(f"{d.name}: {len(units)} units for about {turns[d.name].about()} turns"), soft_wrap=True)
    label = ("error:", "bold red") if strict else ("warning:", "bold yellow")
    for warning in warnings:
        err_console.print(Text.assemble(label, " ", str(warning)), soft_wrap=True)
    if not warnings:
        console.print(Text.assemble(("ok:", "bold green"), f" {source}: enough material for its agenda"))
        return
    summary = f"{len(warnings)} thin spot{'s' if len(warnings) != 1 else ''} in the material"
    if strict:
        raise ThinScenarioError(summary, path=source, hint="add the material each line above asks for")
    err_console.print(Text(f"{source}: {summary} (warnings; --strict makes them an error)"), soft_wrap=True)


@app.command("schema")
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="write to this file, not stdout")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema of scenario files, for editors."""
    text = json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SummitryError(
            f"cannot write the schema to {out} ({exc.strerror})",
            hint="check that the folder exists and is writable",
        ) from exc
    err_console.print(Text(f"wrote {out}"), soft_wrap=True)


def _summary(scenario: Scenario) -> list[Text | Table]:
    blocks: list[Text | Table] = [
        Text(scenario.title, style="bold underline"),
        Text(scenario.premise, style="italic"),
        Text.assemble(("Moderator: ", "bold"), f"{scenario.moderator.name} "
                      f"({scenario.moderator.role})"),
        _lesson(scenario),
        Text("Delegations", style="bold"),
    ]
    blocks.extend(_delegation(scenario, d) for d in scenario.delegations)
    blocks.append(_agenda(scenario))
    return blocks


def _lesson(scenario: Scenario) -> Text:
    lesson = scenario.lesson
    text = Text.assemble(("Lesson: ", "bold"), lesson.topic, "\n", lesson.summary, "\n")
    if lesson.concepts:
        text.append("Concepts: ", style="bold")
        text.append(", ".join(c.name for c in lesson.concepts) + "\n")
    for question in lesson.questions:
        text.append(f"Question {question.id}: ", style="bold")
        text.append(question.text + "\n")
        for option in question.options:
            chosen = [
                d.name for d in scenario.delegations if d.answers.get(question.id) == option.id
            ]
            text.append(f"  - {option.id}: {option.text}")
            text.append(f"  (chosen by {', '.join(chosen)})" if chosen else "", style="dim")
            text.append("\n")
    text.append(f"Fact sheet: {len(lesson.facts)} misconceptions with corrections", style="dim")
    return text


def _delegation(scenario: Scenario, d: Delegation) -> Text:
    text = Text.assemble(("• " + d.name, "bold cyan"), " ", (f"({d.tone})", "italic"), "\n")
    text.append(f"  {d.summary}\n")
    text.append(f"  interests: {', '.join(d.interests)}\n")
    questions = {q.id: q for q in scenario.lesson.questions}
    for qid, oid in d.answers.items():
        option = next(o for o in questions[qid].options if o.id == oid)
        text.append(f"  answers {qid}: {option.text}\n")
    if d.relations:
        ordered = sorted(d.relations.items(), key=lambda item: item[1])
        text.append("  relations: " + ", ".join(f"{n} {v:+.1f}" for n, v in ordered) + "\n")
    units = d.material()
    kinds = Counter(u.kind for u in units)
    counts = ", ".join(f"{kinds[kind]} {_PLURAL[kind]}" for kind in UNIT_KINDS if kinds[kind])
    points = sorted({u.on for u in units if u.on and u.kind != "reason"})
    text.append(f"  material: {counts}\n  points: {', '.join(points)}")
    return text


_PLURAL = {
    "reason": "reasons",
    "argument": "arguments",
    "rebuttal": "rebuttals",
    "concession": "concessions",
    "red_line": "red lines",
    "proposal": "proposals",
    "question": "questions",
}


def _agenda(scenario: Scenario) -> Text:
    text = Text("Agenda\n", style="bold")
    for i, item in enumerate(scenario.agenda, start=1):
        details = {k: v for k, v in item.model_dump().items() if k != "phase" and v is not None}
        line = ", ".join(f"{k}: {v}" for k, v in details.items())
        text.append(f"{i:>3}. ")
        text.append(item.phase, style="bold")
        text.append(f"  {line}\n" if line else "\n")
    if scenario.epilogue.narration:
        text.append(f"Closing narration: {scenario.epilogue.narration}", style="italic")
    return text
