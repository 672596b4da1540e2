"""After the workout: what was done, whether it was saved, an optional note and effort,
again or back.

This shows once the record's write has returned. It says "Saved" only when it was; when
it was not it says why, and offers to try again or to save the record to a file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from postrun.core.set_corrections import logged_words
from postrun.core.set_log import SetRow
from postrun.session.finish_report import FinishReport, SaveState
from postrun.store.history import Overview
from postrun.ui.balance_bars import BalanceBars
from postrun.ui.correction_keys import CORRECTION_KEYS
from postrun.ui.editor_boxes import problem_label, say
from postrun.ui.number_box import NumberBox
from postrun.ui.theme import font
from postrun.ui.week_chart import WeekChart


class SetsList(QListWidget):
    """The sets as logged; with the focus, digits type the selected set's reps, Backspace
    takes one back, "," and "." step its load: single keys, no mouse."""

    correction = Signal(str, int)        # the key, the set's segment

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = CORRECTION_KEYS.get(event.key())
        modified = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        item = self.currentItem()
        if key is not None and not modified and item is not None:
            self.correction.emit(key, int(item.data(Qt.ItemDataRole.UserRole)))
            return
        super().keyPressEvent(event)


class Glance(QWidget):
    """The weeks chart and the balance bars side by side, in whatever height the finish
    screen has left, drawn smaller when that is little (a 1024x600 screen): hidden only
    below what can be read, never squeezing the note, the effort or the buttons."""

    MIN_HEIGHT = 100

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readable = False
        self.chart = WeekChart(self)
        self.bars = BalanceBars(self)
        for child in (self.chart, self.bars):
            child.setMinimumHeight(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.sets = SetsList(self)
        self.sets.setFont(font(15))
        self.sets.setToolTip("Tab here, then type the reps of the selected set; , and . make its load lighter "
                             "or heavier")
        self.sets.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chart, 3)
        row.addWidget(self.bars, 2)
        row.addWidget(self.sets, 2)

    def fit(self) -> None:
        shown = self.readable and self.height() >= self.MIN_HEIGHT
        self.chart.setVisible(shown)
        self.bars.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()


class FinishView(QWidget):
    again_requested = Signal()
    back_requested = Signal()
    note_saved = Signal(str, object)      # note, effort (int or None)
    retry_requested = Signal()
    save_file_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setFont(font(48, bold=True))
        self.details = QLabel(self)
        self.details.setFont(font(24))
        self.details.setWordWrap(True)
        self.up_today = QLabel(self)            # what went up against the last time
        self.up_today.setFont(font(20, bold=True))
        self.up_today.setWordWrap(True)
        self.up_today.hide()
        self.summary = QLabel(self)
        self.summary.setFont(font(22))
        self.summary.setWordWrap(True)
        self.saved = QLabel(self)
        self.saved.setFont(font(18))
        self.saved.setWordWrap(True)
        self.retry = QPushButton("Try again", self)
        self.save_file = QPushButton("Save to a file…", self)
        for button in (self.retry, self.save_file):
            button.setFont(font(18))
        self.retry.clicked.connect(self.retry_requested)
        self.save_file.clicked.connect(self.save_file_requested)

        self.note = QLineEdit(self)
        self.note.setFont(font(22))
        self.note.setPlaceholderText("A note for your log (optional): how it felt, the bell you used…")
        self.note.returnPressed.connect(self.save_note)
        # keeps what is typed (15 is not turned into 1) and says the limit beside it
        self.effort = NumberBox(self, 0, 10, "Effort", empty_is_low=True)
        self.effort.setFont(font(22))
        self.effort.setSpecialValueText("not rated")
        self.effort_problem = problem_label(self)
        self.effort.edited.connect(lambda: say(self.effort_problem, _effort_problem(self.effort)))
        effort_label = QLabel("Effort (1 easy – 10 all-out)", self)
        effort_label.setFont(font(20))

        self.again = QPushButton("Again  (Ctrl+Enter)", self)
        self.back = QPushButton("Back to circuits  (Esc)", self)
        for button in (self.again, self.back):
            button.setFont(font(26, bold=True))
            button.setMinimumHeight(64)
        self.again.clicked.connect(self._again)
        # a key even while the note has the focus (it keeps plain Enter for its own lines)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            again_key = QShortcut(QKeySequence(keys), self)
            again_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            again_key.activated.connect(self._again)
        self.back.clicked.connect(self._back)

        effort_row = QHBoxLayout()
        effort_row.addWidget(effort_label)
        effort_row.addWidget(self.effort)
        effort_row.addWidget(self.effort_problem, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again)
        buttons.addWidget(self.back)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        self._layout = layout
        self._sized = [(self.heading, 48, True), (self.details, 24, False), (self.summary, 22, False),
                       (self.up_today, 20, True),
                       (self.saved, 18, False), (self.note, 22, False), (self.effort, 22, False),
                       (effort_label, 20, False), (self.again, 26, True), (self.back, 26, True)]
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.up_today)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved, 1)
        save_row.addWidget(self.retry)
        save_row.addWidget(self.save_file)
        layout.addLayout(save_row)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        # the weeks and the balance at a glance, in the space under the result
        self.glance = Glance(self)
        self.chart, self.bars = self.glance.chart, self.glance.bars
        layout.addWidget(self.glance, 1)
        layout.addWidget(self.note)
        layout.addLayout(effort_row)
        layout.addLayout(buttons)
        self._last_saved: tuple[str, int | None] = ("", None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Text follows the window's height (a 600 px screen keeps room for the chart)."""
        share = max(0.72, min(1.0, self.height() / 768))
        for widget, pixels, bold in self._sized:
            widget.setFont(font(round(pixels * share), bold=bold))
        for button in (self.again, self.back):
            button.setMinimumHeight(round(64 * share))
        self._layout.setContentsMargins(round(40 * share), round(30 * share), round(40 * share), round(30 * share))
        super().resizeEvent(event)

    def show_result(self, report: FinishReport) -> None:
        self.heading.setText(report.heading)
        self.details.setText("\n".join(report.lines()))
        self.show_save(report.save)
        self.note.clear()
        self.effort.setValue(0)
        self._last_saved = ("", None)
        self.note.setFocus()

    def show_logged(self, rows: list[SetRow]) -> None:
        """The sets as logged, to correct before leaving (the selection stays on its set)."""
        sets = self.glance.sets
        current = sets.currentItem()
        keep = int(current.data(Qt.ItemDataRole.UserRole)) if current is not None else None
        sets.clear()
        for row in rows:
            item = QListWidgetItem(logged_words(row))
            item.setData(Qt.ItemDataRole.UserRole, row.segment)
            sets.addItem(item)
            if row.segment == keep:
                sets.setCurrentItem(item)
        if sets.currentItem() is None and sets.count():
            sets.setCurrentRow(sets.count() - 1)
        sets.setVisible(bool(rows))

    def show_up_today(self, lines: list[str]) -> None:
        self.up_today.setText("Up today: " + "; ".join(lines) if lines else "")
        self.up_today.setVisible(bool(lines))

    def show_summary(self, view: Overview | None, lines: list[str]) -> None:
        """This week, the streak and the balance, under the result; the chart and bars when
        the history could be read."""
        self.summary.setText("\n".join(lines))
        self.glance.readable = view is not None
        self.glance.fit()
        if view is not None:
            self.chart.set_weeks(view.weeks)
            self.bars.set_balance(view.balance)

    def show_save(self, state: SaveState) -> None:
        self.saved.setText(state.text)
        self.retry.setVisible(not state.saved)
        self.save_file.setVisible(not state.saved)

    def effort_value(self) -> int | None:
        """The effort to save: None when not rated, or while what is typed is out of range
        (the note is saved all the same; the line beside the box says why)."""
        typed = self.effort.typed()
        return typed if typed is not None and 1 <= typed <= 10 else None

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


def _effort_problem(box: NumberBox) -> list[str]:
    problem = box.problem()
    return [f"{problem}: not saved"] if problem else []
