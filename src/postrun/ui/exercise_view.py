"""An exercise's page, reached from History (Ctrl+X): its load and sets over the weeks as a
chart, the bests, each step (of load, reps or time), and what to do next time and why; every number is
from the logged sets. Esc goes back to History."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from postrun.core.load import load_text
from postrun.core.progression import suggestion_words
from postrun.store.exercise_report import ExerciseReport, steps
from postrun.ui.exercise_chart import ExerciseChart
from postrun.ui.theme import font


class ExerciseView(QWidget):
    back_requested = Signal()
    exercise_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setFont(font(30, bold=True))
        self.choice = QComboBox(self)
        self.choice.setFont(font(17))
        self.choice.activated.connect(lambda _: self.exercise_chosen.emit(self.choice.currentText()))
        choice_label = QLabel("&Exercise", self)
        choice_label.setFont(font(17))
        choice_label.setBuddy(self.choice)
        self.chart = ExerciseChart(self)
        self.bests = QLabel(self)
        self.bests.setFont(font(17))
        self.bests.setWordWrap(True)
        self.next = QLabel(self)
        self.next.setFont(font(18, bold=True))
        self.next.setWordWrap(True)
        self.steps = QLabel(self)
        self.steps.setFont(font(15))
        self.steps.setWordWrap(True)
        back = QPushButton("Back to History  (Esc)", self)
        back.setFont(font(18, bold=True))
        back.clicked.connect(self.back_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(choice_label)
        top.addWidget(self.choice)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.next)
        layout.addWidget(self.bests)
        layout.addWidget(self.steps)
        layout.addLayout(bottom)

    def show_report(self, result: ExerciseReport, names: list[str]) -> None:
        self.heading.setText(result.name)
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItems(names)
        self.choice.setCurrentText(result.name)
        self.choice.blockSignals(False)
        self.chart.set_days(result.days)
        bests = []
        if result.heaviest is not None:
            bests.append(f"Heaviest: {load_text(result.heaviest[0])} on {result.heaviest[1]:%d %b %Y}")
        if result.most_reps is not None:
            at = f" at {load_text(result.most_reps[1])}" if result.most_reps[1] is not None else ""
            bests.append(f"Most reps in a set: {result.most_reps[0]}{at}")
        count = result.workouts
        self.bests.setText(" · ".join([f"{count} workout{'s' if count != 1 else ''}", *bests]))
        self.next.setText(f"Next time: {suggestion_words(result.next)} — {result.next.why}" if result.next else "")
        self.next.setVisible(result.next is not None)
        made = steps(result.days)
        self.steps.setText("Steps: " + "; ".join(map(str, made)) if made else "No step yet: the same load, "
                           "reps and time as the first workout.")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)
