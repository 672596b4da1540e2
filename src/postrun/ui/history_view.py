"""The history page: the weeks at a glance, the 4-week balance with what would restore it,
and every workout and run newest first (a workout says the run before it that day); select
one to see it whole, edit a workout's note and effort, delete either (asked once, undoable
while the page is open), export or import.

Asks the data layer (store.workout_history) for everything it shows and changes; a
refusal is said in words and changes nothing on screen."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from postrun.core.durations import format_duration
from postrun.core.run import Run, run_line
from postrun.store.history import WEEK_RULE, Overview, outcome_text
from postrun.store.refused import Refused
from postrun.store.user_data import UserData
from postrun.store.workout_history import WorkoutDetail
from postrun.store.workout_log import WorkoutRecord
from postrun.ui.balance_bars import BalanceBars
from postrun.ui.dialogs import Dialogs
from postrun.ui.history_model import HistoryModel, lived_text, run_name
from postrun.ui.number_box import NumberBox
from postrun.ui.theme import font
from postrun.ui.week_chart import WeekChart

EMPTY = ("No workouts yet.\n\nWhen you finish a workout, or stop one part-way, it is listed here with its "
         "date, circuit, time and note. The last 12 weeks appear as a chart, with your streak of weeks, and "
         "the minutes each muscle group worked over the last 4 weeks, with the circuit that would balance them.")


class DeleteWorkout(QUndoCommand):
    """Delete one record; undo puts it back under its own id and uuid."""

    def __init__(self, view: HistoryView, record_id: int, name: str) -> None:
        super().__init__(f"delete “{name}”")
        self.view = view
        self.record_id = record_id
        self.record: WorkoutRecord | None = None

    def redo(self) -> None:
        removed = self.view.data.history.delete(self.record_id)
        if isinstance(removed, Refused):
            self.view.say(removed.text)
        else:
            self.record = removed
            self.view.say(f"Deleted {_which(removed)}. Undo (Ctrl+Z) brings it back.")
        self.view.refresh()

    def undo(self) -> None:
        if self.record is not None:
            record = self.record
            refused = self.view.data.history.restore(record)
            self.view.say(refused.text if refused is not None else f"Brought back {_which(record)}.")
            self.view.refresh(select=record.id)


class DeleteRun(QUndoCommand):
    """Delete one run; undo stores it again (its id is its start and device)."""

    def __init__(self, view: HistoryView, run: Run) -> None:
        super().__init__(f"delete the run of {run.started_at.astimezone(view.model.zone):%a %d %b %H:%M}")
        self.view = view
        self.run = run
        self.done = False

    def redo(self) -> None:
        refused = self.view.data.history.delete_run(self.run)
        self.done = refused is None
        self.view.say(refused.text if refused is not None else "Deleted the run. Undo (Ctrl+Z) brings it back.")
        self.view.refresh()

    def undo(self) -> None:
        if self.done:
            refused = self.view.data.history.restore_run(self.run)
            self.view.say(refused.text if refused is not None else "Brought back the run.")
            self.view.refresh(select=self.run.id)


def _imported(added: int, known: int, what: str) -> str:
    """'Imported 3 workouts; 2 were already here.'"""
    already = f"; {known} were already here" if known else ""
    return f"Imported {added} {what}{'s' if added != 1 else ''}{already}."


def _which(record: WorkoutRecord) -> str:
    return f"“{record.circuit_name}” of {record.started_at:%a %d %b %H:%M}"


NARROW_TABLE = 760                # px: a narrower list shows When, Circuit, Time and Result
HIDDEN_WHEN_NARROW = (4, 5, 6)    # Skipped, Effort, Note: all three are in the detail


class HistoryView(QWidget):
    back_requested = Signal()
    exercise_requested = Signal(str)      # an exercise's page: the selected workout's first ("" for none)

    def __init__(self, data: UserData, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.dialogs = dialogs
        self.undo_stack = QUndoStack(self)
        self.overview: Overview | None = None
        self.record: WorkoutRecord | None = None
        self.run: Run | None = None           # a run selected in the list instead

        heading = QLabel("History", self)
        heading.setFont(font(34, bold=True))
        self.summary = QLabel(self)
        self.summary.setFont(font(19, bold=True))
        self.summary.setWordWrap(True)
        rule = QLabel(f"({WEEK_RULE[0].upper()}{WEEK_RULE[1:]}.)", self)
        rule.setFont(font(14))
        rule.setWordWrap(True)
        self.chart = WeekChart(self)
        self.bars = BalanceBars(self)
        self.sentence = QLabel(self)
        self.sentence.setFont(font(16, bold=True))
        self.sentence.setWordWrap(True)

        self.model = HistoryModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setFont(font(16))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # every column is seen without scrolling sideways: the widths follow the table's
        # (fit_columns), a long name ends in "…" with the whole of it as the tooltip and in
        # the detail; a narrow table leaves Skipped, Effort and Note to the detail
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setFont(font(15, bold=True))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)      # its width changes: fit_columns
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_record(current.row()))

        self.detail = QTextBrowser(self)
        self.detail.setFont(font(16))
        self.detail.setOpenLinks(False)
        self.note = QLineEdit(self)
        self.note.setFont(font(16))
        self.note.setPlaceholderText("Note (Enter saves)")
        self.note.returnPressed.connect(self.save_note)
        self.effort = NumberBox(self, 0, 10, "Effort", empty_is_low=True)    # 15 stays 15, and is refused
        self.effort.setFont(font(16))
        self.effort.setSpecialValueText("effort: not rated")
        self.effort.setPrefix("effort ")
        self.effort.editingFinished.connect(self.save_note)
        self.delete_button = QPushButton("Delete…  (Del)", self)
        self.undo_button = QPushButton("Undo  (Ctrl+Z)", self)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        # the label stays one size (the row must not jump); what it undoes is its tooltip
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(f"Undo {text}" if text else ""))
        self.undo_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_selected)

        self.status = QLabel(self)
        self.status.setFont(font(16))
        self.status.setWordWrap(True)
        self.export_button = QPushButton("Export…  (Ctrl+E)", self)
        self.import_button = QPushButton("Import…", self)
        self.exercise_button = QPushButton("Exercises…  (Ctrl+X)", self)
        self.exercise_button.clicked.connect(self.open_exercise)
        self.back_button = QPushButton("Back to circuits  (Esc)", self)
        for button in (self.export_button, self.import_button, self.back_button, self.delete_button,
                       self.undo_button, self.exercise_button):
            button.setFont(font(17, bold=button is self.back_button))
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_file)
        self.back_button.clicked.connect(self.leave)

        self.empty = QLabel(EMPTY, self)
        self.empty.setFont(font(24))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        # layout: heading and summary; chart | balance; list | detail; buttons
        self.charts = QWidget(self)          # its height follows the window's (resizeEvent)
        charts = QHBoxLayout(self.charts)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.chart, 3)
        charts.addWidget(self.bars, 2)
        side = QVBoxLayout()
        side.addWidget(self.detail, 1)
        side.addWidget(self.note)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.effort)
        edit_row.addWidget(self.delete_button)
        edit_row.addWidget(self.undo_button)
        side.addLayout(edit_row)
        records = QHBoxLayout()
        records.addWidget(self.table, 3)
        records.addLayout(side, 2)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.charts)
        content_layout.addWidget(self.sentence)
        content_layout.addLayout(records, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty)
        self.content = content

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(20)
        summary_box = QVBoxLayout()
        summary_box.addWidget(self.summary)
        summary_box.addWidget(rule)
        top.addLayout(summary_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.exercise_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        # spelled out: the platform's standard Redo is Ctrl+Y on some desktops, Ctrl+Shift+Z on others
        for keys, action in (("Ctrl+Z", self.undo_stack.undo), ("Ctrl+Shift+Z", self.undo_stack.redo),
                             ("Ctrl+Y", self.undo_stack.redo), ("Ctrl+E", self.export),
                             ("Ctrl+X", self.open_exercise)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- showing ---------------------------------------------------------------------

    def refresh(self, select: int | str | None = None) -> None:
        """Read the log again; keep (or move to) the selected record."""
        keep: int | str | None = select if select is not None else \
            self.record.id if self.record else self.run.id if self.run else None
        page = self.data.history.page()
        if isinstance(page, Refused):
            self.say(page.text)
            return
        rows = page.listed
        self.overview = view = page.overview
        self.model.set_rows(rows, page.now, page.run_before)
        self.fit_columns()
        self.pages.setCurrentWidget(self.content if rows else self.empty)
        self.summary.setText(page.summary)
        self.chart.set_weeks(view.weeks, page.kilometres)
        self.bars.set_balance(view.balance)
        self.sentence.setText(view.sentence)
        row = self.model.row_of(keep) if keep is not None else None
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row if row is not None else 0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._show_record(self.table.currentIndex().row())
        else:
            self._show_record(-1)

    def _show_record(self, row: int) -> None:
        self.run = None
        if not 0 <= row < len(self.model.rows):
            self.record = None
            self.detail.clear()
            for widget in (self.note, self.effort, self.delete_button):
                widget.setEnabled(False)
            return
        listed = self.model.rows[row]
        if isinstance(listed, Run):
            self._show_run(listed)
            return
        detail = self.data.history.detail(listed.id)
        self.record = None if isinstance(detail, Refused) else detail.record
        for widget in (self.note, self.effort, self.delete_button):
            widget.setEnabled(self.record is not None)
        if isinstance(detail, Refused):
            self.detail.setPlainText(detail.text)
            return
        self.note.setText(detail.record.note)
        self.effort.setValue(detail.record.effort or 0)
        before = self.model.run_before.get(listed.id)
        self.detail.setHtml(self.detail_html(detail, run_line(before, self.model.zone) if before else None))

    def _show_run(self, run: Run) -> None:
        """A run: what it was and where it came from; Del deletes it (Ctrl+Z undoes)."""
        self.record = None
        self.run = run
        self.note.clear()
        self.effort.setValue(0)
        self.note.setEnabled(False)
        self.effort.setEnabled(False)
        self.delete_button.setEnabled(True)
        e = html.escape
        tied = [w for w, r in self.model.run_before.items() if r.id == run.id]
        names = [row.circuit_name for row in self.model.rows if not isinstance(row, Run) and row.id in tied]
        after = f"Strength after it: {', '.join(names)}." if names else "No strength workout after it that day."
        zone = self.model.zone
        lines = [lived_text(run.started_at.astimezone(zone)), run_line(run, zone),
                 f"From: {run.source}" + (f" ({run.device})" if run.device and run.device != run.source else ""),
                 after]
        self.detail.setHtml(f"<h3>{e(run_name(run))}</h3><p>{'<br>'.join(e(line) for line in lines)}</p>")

    @staticmethod
    def detail_html(detail: WorkoutDetail, run_before: str | None = None) -> str:
        """The workout whole; `run_before`: the line of the run it came after that day."""
        e = html.escape
        record = detail.record
        rounds = record.circuit.get("rounds", 1)
        parts = [f"<h3>{e(record.circuit_name)}</h3>",
                 f"<p>After the run of {e(run_before)}.</p>" if run_before else "",
                 f"<p>{e(lived_text(record.started_at))}<br>"
                 f"{e(format_duration(record.active_seconds))} active · {rounds} round{'s' if rounds != 1 else ''} · "
                 f"{e(outcome_text(record.status, record.segment_label, record.sets_done))}</p>"]
        if record.swaps:
            swaps = ", ".join(f"{s.get('from', '?')} → {s.get('to', '?')}" for s in record.swaps)
            parts.append(f"<p>Swapped: {e(swaps)}</p>")
        if detail.sets is None:
            parts.append("<p>The circuit of this workout could not be read, so its sets cannot be listed.</p>")
            return "".join(parts)
        marks = {"done": "✓", "skipped": "✗ skipped", "stopped here": "■ stopped here", "not reached": "· not reached"}
        items = []
        for line in detail.sets:
            time = f" — {format_duration(line.seconds)}" if line.seconds is not None and line.state == "done" else ""
            mark = marks[line.state]
            text = f"{mark} {e(line.text)}{e(time)}" if line.state == "done" else f"{e(line.text)}: {mark}"
            items.append(text)
        parts.append(f"<p>{'<br>'.join(items)}</p>")
        return "".join(parts)

    def say(self, text: str) -> None:
        self.status.setText(text)

    # -- changing --------------------------------------------------------------------

    def save_note(self) -> None:
        record = self.record
        if record is None:
            return
        note, effort = self.note.text().strip(), self.effort.value() or None
        problem = self.effort.problem()
        if problem is not None:        # the note is kept all the same; the effort stays as it was
            effort = record.effort
            self.say(f"{problem}: the effort is 1 (easy) to 10 (all-out), or not rated; it was not changed.")
        if (note, effort) == (record.note, record.effort):
            return
        refused = self.data.history.annotate(record.id, note, effort)
        if refused is not None:
            self.say(refused.text)
            return
        if problem is None:
            self.say("Note saved.")
        self.refresh(select=record.id)

    def delete_selected(self) -> None:
        if self.run is not None:
            run = self.run
            if self.dialogs.confirm(self, f"Delete the run of {run_line(run, self.model.zone)} from your log? "
                                    "Undo (Ctrl+Z) brings it back while this page is open."):
                self.undo_stack.push(DeleteRun(self, run))
            return
        record = self.record
        if record is None:
            return
        when = f"{record.started_at:%a %d %b %H:%M}"
        if not self.dialogs.confirm(self, f"Delete “{record.circuit_name}” of {when} from your history? "
                               "Undo (Ctrl+Z) brings it back while this page is open."):
            return
        self.undo_stack.push(DeleteWorkout(self, record.id, record.circuit_name))

    def open_exercise(self) -> None:
        """The page of the selected workout's first exercise (or the first logged one)."""
        record = self.record
        first = ""
        if record is not None:
            exercises = record.circuit.get("exercise", [])
            if isinstance(exercises, list) and exercises and isinstance(exercises[0], dict):
                first = str(exercises[0].get("name", ""))
        self.exercise_requested.emit(first)

    def export(self) -> None:
        path = self.dialogs.export_history(self, "postrun-history.json")
        if path is None:
            return
        count = self.data.history.export(path)
        if isinstance(count, Refused):
            self.say(count.text)
            return
        self.say(f"Exported {count} workout{'s' if count != 1 else ''} to {path}.")

    def import_file(self) -> None:
        path = self.dialogs.import_history(self, "")
        if path is None:
            return
        merged = self.data.history.import_file(path)
        if isinstance(merged, Refused):
            self.say(merged.text)
            return
        added, known, runs_added, runs_known = merged
        said = [_imported(added, known, "workout")]
        if runs_added or runs_known:
            said.append(_imported(runs_added, runs_known, "run"))
        self.say(" ".join(said))
        self.refresh()

    def leave(self) -> None:
        self.save_note()
        self.undo_stack.clear()       # undo lasts while the page is open
        self.say("")
        self.back_requested.emit()

    # -- fitting the window ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # the charts take about a quarter of a short window, a third of a tall one: the
        # list keeps room for its rows and the detail for its lines
        share = 0.25 if self.height() < 700 else 0.32
        self.charts.setFixedHeight(max(110, min(300, int(self.height() * share))))
        self.summary.setFont(font(17 if self.width() < 1200 else 19, bold=True))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        width = self.table.viewport().width()
        narrow = width < NARROW_TABLE
        for column in HIDDEN_WHEN_NARROW:
            self.table.setColumnHidden(column, narrow)
        metrics = self.table.fontMetrics()
        fixed = {0: metrics.horizontalAdvance(self.model.longest_when()) + 16,
                 2: metrics.horizontalAdvance("1:20:00") + 16}
        if not narrow:
            fixed.update({4: metrics.horizontalAdvance("Skipped") + 24, 5: metrics.horizontalAdvance("Effort") + 24})
        for column, pixels in fixed.items():
            self.table.setColumnWidth(column, pixels)
        left = max(0, width - sum(fixed.values()))
        shares = {1: 0.45, 3: 0.55} if narrow else {1: 0.40, 3: 0.35, 6: 0.25}
        for column, share in shares.items():
            self.table.setColumnWidth(column, int(left * share))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
        elif event.key() == Qt.Key.Key_Delete and not self.note.hasFocus():
            self.delete_selected()
        else:
            super().keyPressEvent(event)
