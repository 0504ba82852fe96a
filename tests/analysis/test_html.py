"""The report page: self-contained, linked to the transcript, and rendered by a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from summitry.analysis.report.build import analyze
from summitry.analysis.report.html import render_html, write_html

from .helpers import DATA, REPO, SEED, quick_parse, seed_scenario, seed_transcript

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=10000",
]


@pytest.fixture(scope="module")
def report():
    if SEED.exists():
        return analyze(seed_transcript(), seed_scenario(), embedder="lexical")
    return analyze(
        quick_parse((DATA / "river-council.txt").read_text(encoding="utf-8")), embedder="lexical"
    )


def test_page_is_self_contained(report) -> None:
    page = render_html(report, plotly_js="/* plotly */")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert len(re.findall(r'class="turn(?: moderator)?"', page)) == len(report.transcript)


def test_every_quote_links_to_a_turn_shown_beside_it(report) -> None:
    page = render_html(report, plotly_js="")
    anchors = set(re.findall(r'id="turn-(\d+)"', page))
    links = set(re.findall(r'href="#turn-(\d+)"', page))
    assert links and links <= anchors
    for f in report.common_ground:
        assert f.sentence in page
        for e in f.evidence:
            assert f'href="#turn-{e.turn}"' in page


def test_the_inlined_bundle_is_plotly_and_cannot_close_its_script(report) -> None:
    page = render_html(report, plotly_js="var x = '</script><b>';")
    assert "</script><b>" not in page
    real = render_html(report)
    assert "plotly.js" in real[:200_000] or "Plotly" in real


def chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *CHROME_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.browser
@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
)
def test_headless_chromium_renders_every_chart_without_console_errors(report, tmp_path) -> None:
    page = write_html(report, tmp_path / "report.html")
    dom = chromium("--dump-dom", page.as_uri(), tmp_path=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    rendered = re.search(r'data-rendered="(\d+)"', dom.stdout)
    assert rendered and int(rendered.group(1)) >= 4
    assert dom.stdout.count('class="plot-container') == int(rendered.group(1))
    shot = tmp_path / "report.png"
    done = chromium(
        "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri(), tmp_path=tmp_path
    )
    assert done.returncode == 0 and shot.stat().st_size > 20_000
    keep = REPO / "out" / "report.png"
    keep.parent.mkdir(exist_ok=True)
    shutil.copyfile(shot, keep)
    print(f"screenshot: {shot} (copied to {keep})")


@pytest.mark.browser
@pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
)
def test_console_errors_would_be_caught(tmp_path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><script>throw new Error('boom');</script></body></html>")
    dom = chromium("--dump-dom", broken.as_uri(), tmp_path=tmp_path)
    assert any(
        ":CONSOLE" in line and "Uncaught Error: boom" in line for line in dom.stderr.splitlines()
    )
