"""`summitry scenarios list|show|validate|schema`, through the real entry point."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import summitry
from summitry.cli import main
from summitry.scenario import bundled_names, load_scenario

QUANTUM = Path(summitry.__file__).resolve().parent / "scenarios" / "quantum-summit.yaml"


def run_cli(*args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """Call summitry.cli.main in-process with sys.argv patched; return (exit code, out, err)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "argv", ["summitry", *args])
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def entry_point() -> list[str]:
    found = shutil.which("summitry")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from summitry.cli import main; "
            "sys.argv[0] = 'summitry'; main()"]


def test_list_shows_every_bundled_scenario(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_cli("scenarios", "list", monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    for name in bundled_names():
        assert name in out
        scenario = load_scenario(name)
        row = next(line for line in out.splitlines() if name in line)
        assert f"│ {len(scenario.delegations):>11} │ {len(scenario.agenda):>6} │" in row


def test_show_summarises_the_scenario(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    code, out, _ = run_cli("scenarios", "show", "quantum-summit", monkeypatch=monkeypatch)
    assert code == 0
    scenario = load_scenario("quantum-summit")
    assert scenario.title in out and "Dr. Chen (International mediator and educator)" in out
    for question in scenario.lesson.questions:
        assert question.text in out
        for option in question.options:
            assert f"{option.id}: {option.text}" in out
    for d in scenario.delegations:
        assert f"• {d.name} ({d.tone})" in out
        assert ", ".join(d.interests) in out
    assert "chosen by United States, China, Ukraine, Mexico" in out
    assert "relations: Russia -0.8, Iran -0.8, China -0.7, Mexico +0.5" in out
    assert "target: China" in out and "by: Mexico" in out
    phases = [line.split()[1] for line in out.splitlines() if line[:4].strip().endswith(".")]
    assert phases == [item.phase for item in scenario.agenda]


def test_show_accepts_a_path(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_cli("scenarios", "show", str(QUANTUM), monkeypatch=monkeypatch)
    assert code == 0 and "Dr. Chen" in out


def test_show_of_an_unknown_name_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_cli("scenarios", "show", "arctic-councel", monkeypatch=monkeypatch)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "error: arctic-councel: no scenario file or bundled scenario named 'arctic-councel'. "
        "Did you mean 'arctic-council'? — bundled scenarios: "
        f"{', '.join(bundled_names())}; or give the path to a .yaml file"
    ]


def test_validate_prints_ok_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    names = bundled_names()
    code, out, err = run_cli("scenarios", "validate", *names, monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(names)
    for name, line in zip(names, lines, strict=True):
        scenario = load_scenario(name)
        assert line == (f"ok: {name} ({scenario.title}; {len(scenario.delegations)} delegations, "
                        f"{len(scenario.agenda)} phases)")


def test_validate_reports_each_bad_file_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = QUANTUM.read_text(encoding="utf-8")
    bad_relation = tmp_path / "bad-relation.yaml"
    bad_relation.write_text(text.replace(
        "{United States: 0.7, China: -0.3", "{United States: 0.7, Chnia: -0.3"), encoding="utf-8")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run_cli("scenarios", "validate", str(bad_relation), "quantum-summit",
                             str(binary), monkeypatch=monkeypatch)
    assert code == 2
    assert out.splitlines()[0].startswith("ok: quantum-summit (")
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {bad_relation}:")
    assert "field 'delegations[5].relations.Chnia'" in errors[0]
    assert errors[1].startswith(f"error: {binary}:1: looks like binary data")


def test_validate_without_arguments_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run_cli("scenarios", "validate", monkeypatch=monkeypatch)
    assert code == 2 and "Missing argument" in err and "Traceback" not in err


def test_schema_to_stdout_and_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_cli("scenarios", "schema", monkeypatch=monkeypatch)
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "summitry scenario" and "delegations" in schema["properties"]
    target = tmp_path / "scenario.schema.json"
    code, out, err = run_cli("scenarios", "schema", "--out", str(target), monkeypatch=monkeypatch)
    assert code == 0 and out == "" and str(target) in err
    assert json.loads(target.read_text(encoding="utf-8")) == schema


def test_schema_to_an_impossible_place_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing" / "folder" / "schema.json"
    code, _, err = run_cli("scenarios", "schema", "-o", str(target), monkeypatch=monkeypatch)
    assert code == 1
    assert err.splitlines() == [
        f"error: cannot write the schema to {target} (No such file or directory) "
        "— check that the folder exists and is writable"
    ]


def test_errors_quoting_markup_are_printed_verbatim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(QUANTUM.read_text(encoding="utf-8").replace(
        "    tone: Urgently practical", "    tone: Urgently practical\n    '[/red] :smile:': 1"),
        encoding="utf-8")
    code, _, err = run_cli("scenarios", "validate", str(path), monkeypatch=monkeypatch)
    assert code == 2 and "unknown field '[/red] :smile:'" in err and len(err.splitlines()) == 1


# --- the installed entry point, in a subprocess ---------------------------------------------


def test_entry_point_validates_a_bad_file_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    result = subprocess.run([*entry_point(), "scenarios", "validate", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}:")
    assert "invalid YAML" in lines[0] and "Traceback" not in result.stderr


def test_entry_point_lists_and_validates_bundled_scenarios() -> None:
    result = subprocess.run([*entry_point(), "scenarios", "list"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for name in bundled_names():
        assert name in result.stdout
    result = subprocess.run([*entry_point(), "scenarios", "validate", str(QUANTUM)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith(f"ok: {QUANTUM} (")


EVALUATION = Path(__file__).resolve().parents[1] / "data" / "scenarios"


def test_lint_of_a_bundled_name_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_cli("scenarios", "lint", "nile-basin", monkeypatch=monkeypatch)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Egypt: 20 units for about 8 turns"
    assert lines[-1] == "ok: nile-basin: enough material for its agenda"


def test_lint_warns_about_a_thin_file_and_still_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    thin = EVALUATION / "pandemic-agreement.yaml"
    code, out, err = run_cli("scenarios", "lint", str(thin), monkeypatch=monkeypatch)
    assert code == 0
    assert "Germany: 2 units for about 7 turns" in out.splitlines()
    warnings = err.splitlines()
    assert "warning: Germany: no reason for its answer to `sharing`; add a reason with `question: sharing`" in warnings
    assert warnings[-1].startswith(f"{thin}: {len(warnings) - 1} thin spots in the material (warnings;")


def test_lint_strict_turns_warnings_into_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    thin = EVALUATION / "pandemic-agreement.yaml"
    code, _, err = run_cli("scenarios", "lint", "--strict", str(thin), monkeypatch=monkeypatch)
    assert code == 3
    lines = err.splitlines()
    assert all(line.startswith("error: ") for line in lines)
    assert lines[-1].startswith(f"error: {thin}: ") and "add the material each line above asks for" in lines[-1]
    code, _, _ = run_cli("scenarios", "lint", "--strict", "quantum-summit", monkeypatch=monkeypatch)
    assert code == 0


def test_lint_of_a_bad_file_is_the_validation_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(QUANTUM.read_text(encoding="utf-8").replace("against: {unit: cn-win-win}",
                                                               "against: {unit: cn-win-wni}"), encoding="utf-8")
    code, out, err = run_cli("scenarios", "lint", str(bad), monkeypatch=monkeypatch)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {bad}:") and "against unit 'cn-win-wni'" in err


def test_lint_through_the_installed_entry_point() -> None:
    done = subprocess.run([*entry_point(), "scenarios", "lint", "arctic-council"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "ok: arctic-council: enough material for its agenda" in done.stdout
