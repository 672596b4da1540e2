"""The save dialogs add the chosen format's suffix to a name typed without one."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from postrun.ui import dialogs


@pytest.mark.parametrize(("typed", "chosen", "expected"), [
    ("/tmp/week", "CSV, for a spreadsheet (*.csv)", "/tmp/week.csv"),
    ("/tmp/week", "JSON, for another computer (*.json)", "/tmp/week.json"),
    ("/tmp/week.CSV", "JSON, for another computer (*.json)", "/tmp/week.CSV"),
    ("", "CSV, for a spreadsheet (*.csv)", None),
])
def test_history_export_path(monkeypatch, typed, chosen, expected):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (typed, chosen))
    found = dialogs.ask_history_export_path(None, "postrun.json")
    assert found == (Path(expected) if expected else None)


@pytest.mark.parametrize(("typed", "expected"), [("/tmp/legs", "/tmp/legs.toml"), ("/tmp/legs.toml", "/tmp/legs.toml"),
                                                 ("/tmp/legs.txt", "/tmp/legs.txt.toml")])
def test_circuit_export_path(monkeypatch, typed, expected):
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: seen.append(filters) or (typed, filters))
    assert dialogs.save_circuit(None, "legs.toml") == Path(expected)
    assert seen == ["Circuit file (*.toml)"]
