"""After the workout: what was done, an optional note and effort, again or back.

The record is already saved when this shows; the note and effort are added to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from postrun.core.durations import format_duration
from postrun.ui.theme import font


class FinishView(QWidget):
    again_requested = Signal()
    back_requested = Signal()
    note_saved = Signal(str, object)      # note, effort (int or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setFont(font(48, bold=True))
        self.details = QLabel(self)
        self.details.setFont(font(24))
        self.details.setWordWrap(True)
        self.saved = QLabel(self)
        self.saved.setFont(font(18))
        self.saved.setWordWrap(True)

        self.note = QLineEdit(self)
        self.note.setFont(font(22))
        self.note.setPlaceholderText("A note for your log (optional): how it felt, the bell you used…")
        self.note.returnPressed.connect(self.save_note)
        self.effort = QSpinBox(self)
        self.effort.setFont(font(22))
        self.effort.setRange(0, 10)
        self.effort.setSpecialValueText("not rated")
        self.effort.setPrefix("")
        effort_label = QLabel("Effort (1 easy – 10 all-out)", self)
        effort_label.setFont(font(20))

        self.again = QPushButton("Again", self)
        self.back = QPushButton("Back to circuits  (Esc)", self)
        for button in (self.again, self.back):
            button.setFont(font(26, bold=True))
            button.setMinimumHeight(64)
        self.again.clicked.connect(self._again)
        self.back.clicked.connect(self._back)

        effort_row = QHBoxLayout()
        effort_row.addWidget(effort_label)
        effort_row.addWidget(self.effort)
        effort_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again)
        buttons.addWidget(self.back)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        layout.addWidget(self.note)
        layout.addLayout(effort_row)
        layout.addLayout(buttons)
        self._last_saved: tuple[str, int | None] = ("", None)

    def show_result(self, *, completed: bool, circuit_name: str, active_seconds: float, rounds: int,
                    skipped: list[str], saved_text: str, stopped_at: str = "", round_reached: int = 0) -> None:
        self.heading.setText("Workout complete" if completed else "Workout stopped")
        if completed:
            progress = f"Rounds: {rounds}"
        else:
            progress = f"Stopped in round {round_reached or 1} of {rounds}"
            if stopped_at:
                progress += f", at {stopped_at}"
        lines = [circuit_name, f"Time: {format_duration(active_seconds)}   {progress}"]
        if skipped:
            lines.append(f"Skipped: {', '.join(skipped)}")
        else:
            lines.append("Nothing skipped")
        self.details.setText("\n".join(lines))
        self.saved.setText(saved_text)
        self.note.clear()
        self.effort.setValue(0)
        self._last_saved = ("", None)
        self.note.setFocus()

    def effort_value(self) -> int | None:
        return self.effort.value() or None

    def save_note(self) -> None:
        current = (self.note.text().strip(), self.effort_value())
        if current != self._last_saved:
            self._last_saved = current
            self.note_saved.emit(*current)

    def _again(self) -> None:
        self.save_note()
        self.again_requested.emit()

    def _back(self) -> None:
        self.save_note()
        self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self._back()
        else:
            super().keyPressEvent(event)
