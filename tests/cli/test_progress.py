"""The end-of-run accounting table shows each speaker and the session."""

from __future__ import annotations

from summitry.backends.accounting import AccountingModel
from summitry.backends.base import CompletionRequest
from summitry.cli import progress
from summitry.testing.scripted import ScriptedModel


def test_accounting_table_has_a_row_per_speaker_and_the_session(capsys, monkeypatch):
    from rich.console import Console

    monkeypatch.setattr(progress, "console", Console(width=120, force_terminal=False))
    model = AccountingModel(ScriptedModel(default="We agree."))
    model.complete(CompletionRequest(prompt="one two", tag="China"))
    model.complete(CompletionRequest(prompt="one two three", tag="Iran"))
    progress.print_accounting(model.summary())
    out = capsys.readouterr().out
    cells = [[c for c in line.replace("│", " ").replace("┃", " ").split()] for line in out.splitlines()]
    rows = {c[0]: c for c in cells if c}
    assert rows["China"][1] == "1" and rows["Iran"][1] == "1"
    assert rows["session"][1] == "2"
