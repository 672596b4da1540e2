"""Every question the window asks in a dialog (confirm, unsaved changes, a name clash,
which file to open or write), in one replaceable object: the window hands it to each view,
and a test answers by setting an attribute, without a dialog popping up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from postrun.core.run import Run
    from postrun.store.circuit_exchange import Clash


def confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, "Postrun", text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget, name: str, problem: str | None = None) -> str:
    """Leaving the editor with changes: "save", "discard" or "cancel". With `problem` (a
    field still wrong) Save is not offered, and staying to fix it is the default."""
    buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    text = f"“{name}” has changes that are not saved."
    if problem is None:
        buttons |= QMessageBox.StandardButton.Save
    else:
        text += f" It cannot be saved yet: {problem}."
    box = QMessageBox(QMessageBox.Icon.Question, "Postrun", text, buttons, parent)
    if problem is not None:
        box.button(QMessageBox.StandardButton.Cancel).setText("Keep editing")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    else:
        box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
        QMessageBox.StandardButton(answer), "cancel")


def choose_clash(parent: QWidget, text: str, replaceable: bool) -> Clash | None:
    """Keep both (the new one renamed), replace the user's own circuit of that name (never
    offered for a built-in), or import nothing (None)."""
    from postrun.store.circuit_exchange import Clash

    box = QMessageBox(QMessageBox.Icon.Question, "Postrun", text, QMessageBox.StandardButton.Cancel, parent)
    replace = box.addButton("Replace mine", QMessageBox.ButtonRole.DestructiveRole) if replaceable else None
    keep = box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return Clash.REPLACE if replace is not None and clicked is replace else Clash.RENAME if clicked is keep else None


def open_circuits(parent: QWidget) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import circuits", str(Path.home()), "Circuit files (*.toml)")
    return [Path(p) for p in paths]


def _save_path(parent: QWidget, title: str, suggested: str, filters: dict[str, str]) -> Path | None:
    """A save dialog over `filters` (description -> suffix); a name typed without one of
    those suffixes gets the chosen filter's."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested),
                                               ";;".join(f"{text} (*{suffix})" for text, suffix in filters.items()))
    if not path:
        return None
    result = Path(path)
    if result.suffix.lower() in filters.values():
        return result
    suffix = next((s for text, s in filters.items() if chosen.startswith(text)), next(iter(filters.values())))
    return result.with_name(result.name + suffix)


def save_circuit(parent: QWidget, suggested: str) -> Path | None:
    return _save_path(parent, "Export the circuit", suggested, {"Circuit file": ".toml"})


def ask_history_export_path(parent: QWidget, suggested: str) -> Path | None:
    return _save_path(parent, "Export the history", suggested,
                      {"JSON, for another computer": ".json", "CSV, for a spreadsheet": ".csv"})


def save_workout_record(parent: QWidget, suggested: str) -> Path | None:
    """Where to write a workout's record when the log could not take it."""
    return _save_path(parent, "Save the workout record", suggested, {"Workout record": ".json"})


def ask_history_import_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import a history export", str(Path.home()),
                                          "Postrun history (*.json)")
    return Path(path) if path else None


def open_run_files(parent: QWidget) -> list[Path]:
    """Run files or a Strava export's zip (its unpacked folder: choose its activities.csv)."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, "Import runs", str(Path.home()),
        "Runs (*.fit *.FIT *.fit.gz *.gpx *.tcx *.zip activities.csv);;All files (*)")
    return [Path(p) for p in paths]


def choose_run_folder(parent: QWidget, current: str | None) -> Path | None:
    """The folder to watch for run files; Path() to stop watching; None to leave it."""
    if current:
        box = QMessageBox(QMessageBox.Icon.Question, "Postrun", f"Runs are read from {current}.",
                          QMessageBox.StandardButton.Cancel, parent)
        other = box.addButton("Choose another folder…", QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton("Stop watching", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(other)
        box.exec()
        if box.clickedButton() is stop:
            return Path()
        if box.clickedButton() is not other:
            return None
    folder = QFileDialog.getExistingDirectory(
        parent, "The folder your watch or phone puts runs in (GARMIN/Activity, an export folder)",
        current or str(Path.home()))
    return Path(folder) if folder else None


def type_run(parent: QWidget, finished: datetime) -> Run | None:
    from postrun.ui.run_dialog import ask_typed_run

    return ask_typed_run(parent, finished)


class Dialogs:
    """Each attribute is a function taking the parent widget first; a test sets its own on
    the window's instance."""

    def __init__(self) -> None:
        self.confirm = confirm
        self.ask_unsaved = ask_unsaved
        self.choose_clash = choose_clash
        self.open_circuits = open_circuits
        self.save_circuit = save_circuit
        self.save_workout_record = save_workout_record
        self.export_history = ask_history_export_path
        self.import_history = ask_history_import_path
        self.open_run_files = open_run_files
        self.choose_run_folder = choose_run_folder
        self.type_run = type_run
