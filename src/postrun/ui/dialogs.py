"""The questions the picker asks in a dialog, in one replaceable object: tests answer them
without a window popping up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from postrun.store.circuit_exchange import Clash


def confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, "Postrun", text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget, name: str) -> str:
    from postrun.ui.editor_view import ask_unsaved as ask  # the editor loads when first used

    return ask(parent, name)


def choose_clash(parent: QWidget, text: str) -> Clash | None:
    """Replace the circuit of that name, keep both, or import nothing (None)."""
    from postrun.store.circuit_exchange import Clash

    box = QMessageBox(QMessageBox.Icon.Question, "Postrun", text, QMessageBox.StandardButton.Cancel, parent)
    replace = box.addButton("Replace mine", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    clicked = box.clickedButton()
    return Clash.REPLACE if clicked is replace else Clash.RENAME if clicked is keep else None


def open_circuits(parent: QWidget) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import circuits", str(Path.home()), "Circuit files (*.toml)")
    return [Path(p) for p in paths]


def save_circuit(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export the circuit", str(Path.home() / suggested),
                                          "Circuit file (*.toml)")
    if not path:
        return None
    result = Path(path)
    return result if result.suffix.lower() == ".toml" else result.with_name(result.name + ".toml")


def ask_history_export_path(parent: QWidget, suggested: str) -> Path | None:
    path, chosen = QFileDialog.getSaveFileName(parent, "Export the history", str(Path.home() / suggested),
                                               "JSON, for another computer (*.json);;CSV, for a spreadsheet (*.csv)")
    if not path:
        return None
    result = Path(path)
    if result.suffix.lower() not in (".json", ".csv"):
        result = result.with_name(result.name + (".csv" if "csv" in chosen.lower() else ".json"))
    return result


def ask_history_import_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import a history export", str(Path.home()),
                                          "Postrun history (*.json)")
    return Path(path) if path else None


class Dialogs:
    """Each attribute is a function; a test sets its own on the window's instance."""

    def __init__(self) -> None:
        self.confirm = confirm
        self.choose_clash = choose_clash
        self.open_circuits = open_circuits
        self.save_circuit = save_circuit
        self.ask_unsaved = ask_unsaved
