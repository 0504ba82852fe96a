"""The report page: one self-contained HTML file (no network), rendered with Jinja2.

The plotly.js bundle of the installed ``plotly`` package is inlined, so the page opens from
disk anywhere. Findings sit on the left, the transcript on the right; every quote links to its
turn (``#turn-N``).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape

from summitry.analysis.report.figures import figures
from summitry.analysis.schema import Report
from summitry.errors import missing_dependency

TEMPLATE = "report.html.j2"


def plotly_bundle() -> str:
    """The minified plotly.js that ships inside the installed plotly package."""
    try:
        from plotly.offline import get_plotlyjs
    except ImportError as exc:
        raise missing_dependency("plotly", None, "the report page's charts") from exc
    return str(get_plotlyjs())


def _script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value).replace("</", "<\\/").replace("<!--", "<\\!--")


def _environment() -> Environment:
    env = Environment(
        autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True
    )
    env.filters["pct"] = lambda v: "–" if v is None else f"{100 * v:.0f}%"
    env.filters["num"] = lambda v, d=2: "–" if v is None else f"{v:.{d}f}"
    env.filters["anchor"] = lambda text: re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return env


def render_html(report: Report, *, plotly_js: str | None = None) -> str:
    """The report page as one HTML string."""
    source = resources.files("summitry.analysis").joinpath("templates", TEMPLATE).read_text("utf-8")
    template = _environment().from_string(source)
    figs = figures(report)
    plotly = (plotly_js if plotly_js is not None else plotly_bundle()).replace(
        "</script", "<\\/script"
    )
    return template.render(
        report=report, figures=_script_json(figs), figure_ids=list(figs), plotly_js=plotly
    )


def write_html(report: Report, path: str | Path) -> Path:
    """Write the page to ``path`` and return it."""
    path = Path(path)
    path.write_text(render_html(report), encoding="utf-8")
    return path
