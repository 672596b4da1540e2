"""Type today's run when there is no file (Ctrl+T on the circuit list): time, distance,
kind and effort, in a few keys. Tab moves, Enter saves, Esc leaves; a mistake is said under
the fields and nothing is saved until it is mended."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from postrun.core.run import Run, RunKind
from postrun.core.run_typing import TypedRun, typed_run
from postrun.ui.theme import font


class RunDialog(QDialog):
    def __init__(self, parent: QWidget | None, finished: datetime) -> None:
        super().__init__(parent)
        self.setWindowTitle("Today's run")
        self.ended_at = finished          # it ended now: it started its time before
        self.run: Run | None = None
        self.time = QLineEdit(self)
        self.time.setPlaceholderText("47:10, or 47 for minutes")
        self.distance = QLineEdit(self)
        self.distance.setPlaceholderText("8.2 (km; may be left empty)")
        self.kind = QComboBox(self)
        self.kind.addItem("—", "")
        for kind in RunKind:
            self.kind.addItem(kind.value, kind.value)
        self.effort = QLineEdit(self)
        self.effort.setPlaceholderText("1 easy … 10 all out (may be left empty)")
        self.effort.setMaxLength(2)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.setFont(font(16, bold=True))
        self.problem.hide()
        form = QFormLayout()
        for label, widget in (("&Time", self.time), ("&Distance", self.distance), ("&Kind", self.kind),
                              ("&Effort", self.effort)):
            widget.setFont(font(20))
            if isinstance(widget, QLineEdit):       # the whole hint shows, not "8.2 (km; may be l…"
                widget.setMinimumWidth(widget.fontMetrics().horizontalAdvance(widget.placeholderText()) + 24)
            title = QLabel(label, self)
            title.setFont(font(20))
            title.setBuddy(widget)
            form.addRow(title, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        heading = QLabel("Today's run, typed", self)
        heading.setFont(font(26, bold=True))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.time.setFocus(Qt.FocusReason.OtherFocusReason)

    def form(self) -> TypedRun:
        return TypedRun(self.distance.text(), self.time.text(), self.kind.currentData() or "", self.effort.text())

    def save(self) -> None:
        try:
            self.run = typed_run(self.form(), self.ended_at)
        except ValueError as exc:
            self.problem.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            self.problem.show()
            field = str(exc).split(":", 1)[0]
            {"time": self.time, "distance": self.distance, "kind": self.kind, "effort": self.effort}.get(
                field, self.time).setFocus()
            return
        self.accept()


def ask_typed_run(parent: QWidget, finished: datetime) -> Run | None:
    dialog = RunDialog(parent, finished)
    return dialog.run if dialog.exec() == QDialog.DialogCode.Accepted else None
