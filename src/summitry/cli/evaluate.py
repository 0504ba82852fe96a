"""`summitry eval`: every figure of each backend on bundled scenarios or scenario files, over seeds.

The table headlines the honest figures (``summitry.measures``), then the judge's counts and
scores when ``--judge`` is given, then the older figures that templates meet by construction
(marked as such), then speed. Each cell is the mean over the seeds with the lowest and highest
value; "unknown" where the logs cannot support a figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from summitry.backends.registry import get_backend
from summitry.cli.console import console, err_console
from summitry.evaluation.spread import Spread, spreads
from summitry.judge import Reader, judge_transcript
from summitry.measures.thresholds import SEMANTIC_DUPLICATE
from summitry.transcript.load import load_transcript

HONEST = (
    ("model_share", "model share of delegation words"),
    ("skeleton_repetition", "turns reusing an earlier frame (at most 0.15)"),
    ("template_frame_repetition", "turns whose template words repeat an earlier frame"),
    ("material_used", "material units used"),
    ("material_reused", "material units used more than once"),
    ("material_unused", "material units never used"),
    ("content_responsiveness", "replies engaging the answered point"),
    ("sentences_said_twice", "sentences said twice (must be 0)"),
    ("pasted_slots", "turns with a pasted slot (must be 0)"),
)
JUDGED = (
    ("judge_incoherent_per_10", "judge: incoherent / 10 turns"),
    ("judge_awkward_per_10", "judge: awkward / 10 turns"),
    ("judge_hollow_per_10", "judge: hollow / 10 turns"),
    ("judge_name_only_replies_per_10", "judge: name-only replies / 10 turns"),
    ("judge_unbacked_mediator_claims_per_10", "judge: unbacked mediator claims / 10"),
    ("judge_persona_breaks_per_10", "judge: persona breaks / 10 turns"),
    ("judge_factual_errors_per_10", "judge: factual errors / 10 turns"),
    ("judge_formula_share", "judge: formula share"),
    ("judge_coherence", "judge: coherence (1–10)"),
    ("judge_responsiveness", "judge: responsiveness (1–10)"),
    ("judge_substance", "judge: substance (1–10)"),
    ("judge_naturalness", "judge: naturalness (1–10)"),
    ("judge_persona_fidelity", "judge: persona fidelity (1–10)"),
    ("judge_educational_value", "judge: educational value (1–10)"),
    ("judge_would_use", "judge: would use in class (1–10)"),
    ("judge_unfound_quotes", "judge: quotes not in the transcript"),
)
BY_CONSTRUCTION = (
    ("identity_confusions", "identity confusions (the same check filters them)"),
    ("near_duplicates", f"near-duplicate turns, cosine > {SEMANTIC_DUPLICATE} (the same check filters them)"),
    ("distinctiveness", "persona distinctiveness (interests stamped in turns)"),
    ("chance", "  chance level"),
    ("responsiveness", "turns naming another delegation (openings name them)"),
)
OTHER = (
    ("turns", "turns"),
    ("delegation_turns", "delegation turns"),
    ("distinct_2", "distinct-2"),
    ("fallback_rate", "fallback rate"),
    ("median_turn_seconds", "median seconds per turn"),
    ("session_seconds", "session seconds"),
    ("wall_over_generation", "session time / generation time"),
    ("prompt_tokens_evaluated", "prompt tokens evaluated"),
)
SECTIONS = (
    ("honest figures", HONEST),
    ("the judge", JUDGED),
    ("met by construction by templates: not evidence of quality", BY_CONSTRUCTION),
    ("other", OTHER),
)


def register(app: typer.Typer) -> None:
    """Add the eval command to the app."""
    app.command("eval")(evaluate)


def evaluate(
    scenarios: Annotated[list[str] | None, typer.Argument(
        help="scenario files or bundled names (default: all bundled)", show_default=False)] = None,
    backend: Annotated[list[str], typer.Option(help="backend to evaluate; repeat for several")] = ["composer"],  # noqa: B006
    scenario: Annotated[list[str], typer.Option(help="scenario; repeat for several (same as the arguments)")] = [],  # noqa: B006
    seeds: Annotated[list[int], typer.Option(
        "--seeds", "--seed", help="session seeds: --seeds 0 1 2 (numbers after it are seeds)")] = [0, 1, 2],  # noqa: B006
    model: Annotated[str | None, typer.Option(
        help="the judge's model with --judge; otherwise the backend's GGUF path (local) or model (openai)")] = None,
    base_url: Annotated[str | None, typer.Option(
        help="the judge's server with --judge; otherwise the openai backend's server")] = None,
    judge: Annotated[str | None, typer.Option(
        help="backend of a capable chat model that reads each transcript with the rubric (e.g. openai)")] = None,
    judge_context: Annotated[int | None, typer.Option(help="tokens the judge model can read")] = None,
    reference: Annotated[list[Path], typer.Option(
        help="with --judge: a transcript the judge also reads, beside the sessions (e.g. the founding one)")] = [],  # noqa: B006
    embedder: Annotated[str, typer.Option(help="sentence embedder: auto, minilm or lexical")] = "auto",
    out: Annotated[Path, typer.Option(help="folder for the sessions and eval.json")] = Path("runs/eval"),
) -> None:
    """Run sessions on each backend, scenario and seed; print every figure's mean and range over
    the seeds and write them, with each session's figures, to eval.json."""
    from summitry.embed import CachedEmbedder, get_embedder
    from summitry.evaluation.runner import evaluate_one
    from summitry.realize.config import RealizerConfig
    from summitry.scenario import bundled_names

    sources = [*(scenarios or []), *scenario]
    extra_seeds = [int(s) for s in sources if s.isdigit()]
    sources = [s for s in sources if not s.isdigit()] or bundled_names()
    seed_list = list(dict.fromkeys([*seeds, *extra_seeds]))
    if reference and judge is None:
        raise typer.BadParameter("--reference needs --judge: only the judge reads reference transcripts")
    reader = _judge(judge, model, base_url, judge_context)
    backend_model, backend_url = (None, None) if judge else (model, base_url)
    vectors = CachedEmbedder(get_embedder(embedder))
    rows = []
    for name in backend:
        config = RealizerConfig(name=name, model=backend_model, base_url=backend_url)
        for source in sources:
            for seed in seed_list:
                err_console.print(f"evaluating {name} on {source}, seed {seed} …")
                folder = out / name / Path(source).stem / f"seed-{seed}"
                rows.append(evaluate_one(config, source, seed, folder, vectors, judge=reader))
    rows += _references(reference, reader)
    keys = [k for _, section in SECTIONS for k, _ in section]
    summary = spreads(rows, keys)
    out.mkdir(parents=True, exist_ok=True)
    report = {"embedder": vectors.name, "seeds": seed_list, "spread": summary, "sessions": rows}
    (out / "eval.json").write_text(json.dumps(report, indent=2))
    console.print(_table(summary, vectors.name, seed_list))
    console.print(f"figures written to {out / 'eval.json'}")


def _judge(name: str | None, model: str | None, base_url: str | None, context: int | None) -> Reader | None:
    """The judge the options ask for: a function from a transcript and its delegations to a verdict."""
    if name is None:
        return None
    options = {**({"model": model} if model else {}), **({"base_url": base_url} if base_url else {})}
    reader = get_backend(name, **options)
    return lambda transcript, delegations: judge_transcript(reader, transcript, delegations, context=context)


def _references(paths: list[Path], reader: Reader | None) -> list[dict[str, Any]]:
    """The judge's figures for reference transcripts, as rows of their own."""
    rows = []
    for path in paths:
        err_console.print(f"judging the reference {path} …")
        transcript = load_transcript(path)
        assert reader is not None  # checked before any session ran
        judgement = reader(transcript, transcript.delegations)
        rows.append({"backend": "reference", "scenario": path.stem, "seed": None,
                     "delegation_turns": judgement.delegation_turns, **judgement.figures()})
    return rows


def _table(summary: list[dict[str, Any]], embedder: str, seeds: list[int]) -> Table:
    table = Table(title=f"summitry eval (embedder: {embedder}; seeds {', '.join(map(str, seeds))}; "
                  "mean (min–max))")
    table.add_column("figure")
    for group in summary:
        table.add_column(f"{group['backend']}\n{group['scenario']}", justify="right")
    for title, section in SECTIONS:
        shown = [(k, label) for k, label in section if any(k in g["figures"] for g in summary)]
        if not shown:
            continue
        table.add_section()
        table.add_row(f"[bold]{title}[/bold]", *("" for _ in summary))
        for key, label in shown:
            table.add_row(label, *(_cell(g["figures"].get(key)) for g in summary))
    return table


def _cell(spread: dict[str, Any] | None) -> str:
    return "—" if spread is None else Spread.model_validate(spread).cell()
