"""Plotly figure specifications for the report page, built from a :class:`Report`.

Each function returns a plain dict (``{"data": [...], "layout": {...}}``) that the page hands to
``Plotly.newPlot``; nothing here draws by hand. Hover texts carry the quotes and turn numbers.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

from summitry.analysis.primitives.cues import SIGN_MARGIN
from summitry.analysis.schema import (
    Participation,
    QuestionStances,
    Report,
    ResponseGraphReport,
    Theme,
)

PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]
BASE_LAYOUT = {  # how every chart looks (sizes in pixels): presentation, not a tuned value
    "margin": {"l": 50, "r": 20, "t": 40, "b": 40},
    "height": 340,
    "font": {"size": 12},
    "hovermode": "closest",
}

Figure = dict[str, Any]  # a plotly figure as JSON: {"data": [...], "layout": {...}}


def _wrap(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(text, width)[:6])


def colour(k: int) -> str:
    return PALETTE[k % len(PALETTE)]


def stance_figure(question: QuestionStances, order: list[str]) -> Figure:
    """Smoothed position per delegation over turns, on the question's option axis."""
    traces = []
    for d in question.delegations:
        if not d.points:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": d.delegation,
                "x": [p.turn for p in d.points],
                "y": [p.smoothed for p in d.points],
                "line": {
                    "color": colour(order.index(d.delegation)) if d.delegation in order else None
                },
                "text": [f"turn {p.turn}: {_wrap(p.quote)}" for p in d.points],
                "hoverinfo": "text+name",
            }
        )
    n = len(question.options)
    ticks = [k / (n - 1) for k in range(n)] if n > 1 else [0.5]
    layout = dict(
        BASE_LAYOUT,
        title={"text": _wrap(question.question, 90)},
        xaxis={"title": {"text": "turn"}},
        yaxis={"range": [-0.05, 1.05], "tickvals": ticks, "ticktext": question.options},
    )
    return {"data": traces, "layout": layout}


def graph_figure(graph: ResponseGraphReport, order: list[str]) -> Figure:
    """Delegations on a circle; a line per answering pair, green when they agree on balance,
    red when they disagree, thicker with more exchanges."""
    n = max(1, len(order))
    pos = {
        d: (math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n))
        for k, d in enumerate(order)
    }
    pairs: dict[tuple[str, str], list[float]] = {}
    for e in graph.edges:
        if e.speaker in pos and e.target in pos:
            key = tuple(sorted((e.speaker, e.target)))
            pairs.setdefault(key, []).append(e.sign)  # type: ignore[arg-type]
    traces = []
    for (a, b), signs in sorted(pairs.items()):
        net = sum(signs)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "showlegend": False,
                "hoverinfo": "text",
                "x": [pos[a][0], pos[b][0]],
                "y": [pos[a][1], pos[b][1]],
                "line": {
                    "width": 1 + 1.5 * len(signs) ** 0.5,
                    "color": "#2ca02c" if net > SIGN_MARGIN else "#d62728" if net < -SIGN_MARGIN else "#aaaaaa",
                },
                "text": f"{a} ↔ {b}: {len(signs)} replies, net {net:+.2f}",
            }
        )
    bridge = graph.bridging.delegation if graph.bridging else None
    traces.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "showlegend": False,
            "x": [pos[d][0] for d in order],
            "y": [pos[d][1] for d in order],
            "text": order,
            "textposition": "top center",
            "hoverinfo": "text",
            "marker": {
                "size": [22 if d == bridge else 14 for d in order],
                "color": [colour(k) for k in range(len(order))],
                "line": {"width": [3 if d == bridge else 0 for d in order], "color": "#000"},
            },
        }
    )
    layout = dict(
        BASE_LAYOUT,
        height=420,
        title={"text": "Who answers whom (green agree, red disagree)"},
        xaxis={"visible": False, "range": [-1.4, 1.4]},
        yaxis={"visible": False, "range": [-1.3, 1.35], "scaleanchor": "x"},
    )
    return {"data": traces, "layout": layout}


def theme_figure(themes: list[Theme], order: list[str]) -> Figure:
    """Theme x delegation matrix: +1 supports … -1 opposes, blank when silent."""
    z, text = [], []
    for t in themes:
        by = {p.delegation: p for p in t.placements}
        z.append([by[d].score if d in by and by[d].position != "silent" else None for d in order])
        text.append([by[d].position if d in by else "silent" for d in order])
    data = [
        {
            "type": "heatmap",
            "z": z,
            "x": order,
            "y": [t.label for t in themes],
            "text": text,
            "zmin": -1,
            "zmax": 1,
            "colorscale": "RdBu",
            "hoverinfo": "text+x+y",
            "colorbar": {"title": {"text": "stand"}},
        }
    ]
    layout = dict(
        BASE_LAYOUT,
        height=max(260, 40 * len(themes) + 120),
        title={"text": "Where each delegation stands on each theme"},
        margin={"l": 220, "r": 20, "t": 40, "b": 80},
    )
    return {"data": data, "layout": layout}


def participation_figure(p: Participation) -> Figure:
    """Turns and words per delegation."""
    names = [s.speaker for s in p.speakers]
    data = [
        {"type": "bar", "name": "turns", "x": names, "y": [s.turns for s in p.speakers]},
        {
            "type": "bar",
            "name": "words / 50",
            "x": names,
            "y": [round(s.words / 50, 1) for s in p.speakers],
        },
        {"type": "bar", "name": "invited", "x": names, "y": [s.invited for s in p.speakers]},
    ]
    layout = dict(BASE_LAYOUT, barmode="group", title={"text": "Participation"})
    return {"data": data, "layout": layout}


def figures(report: Report) -> dict[str, Figure]:
    """Every figure of the page, keyed by the id of the element it is drawn in."""
    order = report.meta.delegations
    out: dict[str, Figure] = {}
    for k, q in enumerate(report.stances or []):
        out[f"stance-{k}"] = stance_figure(q, order)
    if report.response_graph and report.response_graph.edges:
        out["graph"] = graph_figure(report.response_graph, order)
    if report.themes:
        out["themes"] = theme_figure(report.themes, order)
    if report.participation:
        out["participation"] = participation_figure(report.participation)
    return out
