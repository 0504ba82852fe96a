"""`summitry eval`: the published quality and speed figures of each backend on bundled scenarios."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from summitry.cli.console import console, err_console
from summitry.measures.thresholds import SEMANTIC_DUPLICATE

FIGURES = (
    ("turns", "turns"),
    ("identity_confusions", "identity confusions (must be 0)"),
    ("near_duplicates", f"near-duplicate turns, cosine > {SEMANTIC_DUPLICATE} (must be 0)"),
    ("fallback_rate", "fallback rate (at most 0.2)"),
    ("distinctiveness", "persona distinctiveness (at least 0.5)"),
    ("chance", "  chance level"),
    ("distinct_2", "distinct-2 (at least 0.6)"),
    ("responsiveness", "responsiveness (at least 0.5)"),
    ("median_turn_seconds", "median seconds per turn"),
    ("session_seconds", "session seconds"),
    ("wall_over_generation", "session time / generation time"),
    ("prompt_tokens_evaluated", "prompt tokens evaluated"),
)


def register(app: typer.Typer) -> None:
    """Add the eval command to the app."""
    app.command("eval")(evaluate)


def evaluate(
    backend: Annotated[list[str], typer.Option(help="backend to evaluate; repeat for several")] = ["composer"],  # noqa: B006
    scenario: Annotated[list[str], typer.Option(help="scenario; repeat for several (default: all bundled)")] = [],  # noqa: B006
    seed: Annotated[int, typer.Option(help="session seed")] = 0,
    model: Annotated[str | None, typer.Option(help="GGUF path (local) or model name (openai)")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL (openai)")] = None,
    out: Annotated[Path, typer.Option(help="folder for the sessions and eval.json")] = Path("runs/eval"),
) -> None:
    """Run sessions and print identity confusions, near-duplicates, fallbacks, persona
    distinctiveness, distinct-2, responsiveness and speed for each backend and scenario."""
    from summitry.embed import CachedEmbedder, get_embedder
    from summitry.evaluation.runner import evaluate_one
    from summitry.realize.config import RealizerConfig
    from summitry.scenario import bundled_names

    names = scenario or bundled_names()
    embedder = CachedEmbedder(get_embedder("auto"))
    rows = []
    for name in backend:
        config = RealizerConfig(name=name, model=model, base_url=base_url)
        for scenario_name in names:
            err_console.print(f"evaluating {name} on {scenario_name} …")
            rows.append(evaluate_one(config, scenario_name, seed, out / name / scenario_name, embedder))
    out.mkdir(parents=True, exist_ok=True)
    (out / "eval.json").write_text(json.dumps({"embedder": embedder.name, "rows": rows}, indent=2))
    table = Table(title=f"summitry eval (embedder: {embedder.name}, seed {seed})")
    table.add_column("figure")
    for row in rows:
        table.add_column(f"{row['backend']}\n{row['scenario']}", justify="right")
    for key, title in FIGURES:
        table.add_row(title, *(_cell(row.get(key)) for row in rows))
    console.print(table)
    console.print(f"figures written to {out / 'eval.json'}")


def _cell(value: object) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
