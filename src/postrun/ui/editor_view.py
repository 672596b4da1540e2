"""The circuit editor: the circuit's fields, its exercises (added, removed, reordered by
drag or Alt+↑/↓, duplicated; picked from the catalogue or typed new), the cool-down, and
the total and segment list, updated as you type.

Every problem is shown beside its field in the words `postrun check` uses, and Save stays
disabled until there is none. Every change is one step of undo (Ctrl+Z, Ctrl+Shift+Z or
Ctrl+Y). Leaving with unsaved changes asks once.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from postrun.core.circuit import Circuit
from postrun.core.durations import format_duration
from postrun.core.errors import Problem
from postrun.core.segment_words import step_lines
from postrun.core.timeline import build_timeline
from postrun.store.catalogue import catalogue, find
from postrun.ui.dialogs import Dialogs
from postrun.ui.drawable import undrawable_words
from postrun.ui.editor_boxes import CircuitBox, ExerciseBox, note_label, problem_label, say, text_box
from postrun.ui.editor_state import (
    CircuitForm,
    ExerciseForm,
    blank_from_catalogue,
    check,
    document_of,
    form_texts,
    problems_by_field,
    same_stretches,
    shown_problems,
    step_form,
    stretches_from_text,
    stretches_text,
    switch_kind,
    touched_fields,
    without_details,
)
from postrun.ui.editor_undo import Change, UndoKeysToEditor
from postrun.ui.theme import font

NARROW_BELOW = 1200       # px: below this the steps go under the circuit's fields


class EditorView(QWidget):
    saved = Signal(object)          # Circuit: the window writes it, then says where
    closed = Signal()

    def __init__(self, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.form = CircuitForm()
        self.initial = self.form.copy()
        self.circuit: Circuit | None = None
        self.problems: list[Problem] = []
        self.title_text = "New circuit"
        self.undo_stack = QUndoStack(self)
        self._restoring = False
        self._show_all = False                 # Save was tried: every problem shows, typed or not
        self._last_steps: Circuit | None = None
        self._undo_keys = UndoKeysToEditor(self)

        self.heading = QLabel(self)
        self.heading.setFont(font(28, bold=True))

        # -- the circuit --------------------------------------------------------------
        self.circuit_box = CircuitBox(self)
        box = self.circuit_box
        self.name, self.summary, self.focus, self.rounds = box.name, box.summary, box.focus, box.rounds
        self.prepare, self.rest, self.round_rest, self.switch = box.prepare, box.rest, box.round_rest, box.switch
        self.skip_last_rest = box.skip_last_rest
        self.circuit_problems = box.problems

        # -- the exercises --------------------------------------------------------------
        exercises_box = QGroupBox("Exercises", self)
        exercises_box.setFont(font(17, bold=True))
        self.exercise_list = QListWidget(self)
        self.exercise_list.setFont(font(17))
        self.exercise_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.exercise_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.exercise_list.model().rowsMoved.connect(self._dragged)
        self.exercise_list.currentRowChanged.connect(self._show_exercise)
        self.add_button = QPushButton("Add  (Ctrl+Shift+N)", self)
        self.duplicate_button = QPushButton("Duplicate  (Ctrl+Shift+D)", self)
        self.remove_button = QPushButton("Remove  (Ctrl+Shift+Del)", self)
        self.up_button = QPushButton("Up  (Alt+↑)", self)
        self.down_button = QPushButton("Down  (Alt+↓)", self)
        self.add_button.clicked.connect(self.add_exercise)
        self.duplicate_button.clicked.connect(self.duplicate_exercise)
        self.remove_button.clicked.connect(self.remove_exercise)
        self.up_button.clicked.connect(lambda: self.move_exercise(-1))
        self.down_button.clicked.connect(lambda: self.move_exercise(1))
        list_buttons = QVBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.remove_button, self.up_button, self.down_button):
            button.setFont(font(14))
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        exercises_row = QHBoxLayout(exercises_box)
        exercises_row.addWidget(self.exercise_list, 1)
        exercises_row.addLayout(list_buttons)

        # -- one exercise --------------------------------------------------------------
        self.exercise_box = ExerciseBox([e.name for e in catalogue()], self)
        ex = self.exercise_box
        self.ex_name, self.ex_kind, self.ex_amount, self.ex_each_side = ex.name, ex.kind, ex.amount, ex.each_side
        self.ex_equipment, self.ex_muscles, self.ex_tips = ex.equipment, ex.muscles, ex.tips
        self.ex_demo, self.ex_alternatives = ex.demo, ex.alternatives
        self.exercise_problems = ex.problems
        ex.completer.activated.connect(self._picked_from_catalogue)

        # -- cool-down -------------------------------------------------------------------
        cooldown_box = QGroupBox("&Cool-down stretches", self)      # Alt+C
        cooldown_box.setFont(font(17, bold=True))
        self.stretches = text_box(self, "one per line: name, hold, each side\nFigure-four glute stretch, 30s, each", 64)
        self.cooldown_problems = problem_label(self)
        cooldown_layout = QVBoxLayout(cooldown_box)
        cooldown_layout.addWidget(self.stretches)
        cooldown_layout.addWidget(self.cooldown_problems)

        # -- what it adds up to ------------------------------------------------------------
        self.total = QLabel(self)
        self.total.setFont(font(20, bold=True))
        self.steps_note = note_label(self)     # why the steps shown are not the form's as typed
        self.segments = QListWidget(self)
        self.segments.setFont(font(14))
        self.segments.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.segments.setWordWrap(True)        # "Romanian deadlift" whole, on two lines if need be
        self.segments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.all_problems = problem_label(self)
        self.next_step = note_label(self)      # what Save waits for, while no error is shown yet
        self.save_button = QPushButton("Save  (Ctrl+S)", self)
        self.back_button = QPushButton("Back  (Esc)", self)
        self.undo_button = QPushButton("Undo  (Ctrl+Z)", self)
        self.redo_button = QPushButton("Redo  (Ctrl+Shift+Z)", self)
        for button in (self.save_button, self.back_button, self.undo_button, self.redo_button):
            button.setFont(font(18, bold=button is self.save_button))
        self.save_button.clicked.connect(self.save)
        self.back_button.clicked.connect(self.leave)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)      # an empty stack says nothing until it changes
        self.redo_button.setEnabled(False)

        # -- layout: circuit | exercises + exercise | total and segments ---------------------
        left = QVBoxLayout()
        left.addWidget(self.circuit_box)
        left.addWidget(cooldown_box)
        left.addStretch(1)
        middle = QVBoxLayout()
        middle.addWidget(exercises_box, 2)
        middle.addWidget(self.exercise_box, 5)
        # the total and the steps: a third column on a wide screen, under the circuit's
        # fields on a narrow one (1024 px has no room for three)
        self.steps_panel = QWidget(self)
        right = QVBoxLayout(self.steps_panel)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.total)
        right.addWidget(self.steps_note)
        right.addWidget(self.segments, 1)
        self.steps_panel.setMinimumHeight(220)
        self._left, self._columns = left, QHBoxLayout()
        columns = self._columns
        columns.addLayout(left, 4)
        columns.addLayout(middle, 5)
        columns.addWidget(self.steps_panel, 3)
        bottom = QHBoxLayout()
        problems = QVBoxLayout()
        problems.addWidget(self.all_problems)
        problems.addWidget(self.next_step)
        bottom.addLayout(problems, 1)
        for button in (self.undo_button, self.redo_button, self.back_button, self.save_button):
            bottom.addWidget(button)
        # the fields scroll on a small screen (1024x600); the heading and Save never do
        body = QWidget(self)
        body.setLayout(columns)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(body)
        self.scroller = scroller
        self.heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.heading)
        layout.addWidget(scroller, 1)
        layout.addLayout(bottom)

        self._connect_edits()
        for keys, action in (("Ctrl+Z", self.undo_stack.undo), ("Ctrl+Shift+Z", self.undo_stack.redo),
                             ("Ctrl+Y", self.undo_stack.redo), ("Ctrl+S", self.save),
                             ("Ctrl+Shift+N", self.add_exercise), ("Ctrl+Shift+D", self.duplicate_exercise),
                             ("Ctrl+Shift+Del", self.remove_exercise),
                             ("Alt+Up", lambda: self.move_exercise(-1)), ("Alt+Down", lambda: self.move_exercise(1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- editing -------------------------------------------------------------------------

    def _connect_edits(self) -> None:
        for widget, key in self.circuit_box.text_fields():
            widget.textEdited.connect(lambda text, key=key: self._edit(f"type {key}", lambda f: setattr(f, key, text)))
        self.rounds.valueChanged.connect(lambda v: self._edit("type rounds", lambda f: setattr(f, "rounds", v)))
        self.skip_last_rest.toggled.connect(
            lambda on: self._edit("skip last rest", lambda f: setattr(f, "skip_last_rest", on)))
        for widget, key in self.exercise_box.text_fields():
            widget.textEdited.connect(
                lambda text, key=key: self._edit_exercise(f"type exercise {key}", key, text))
        self.ex_name.editingFinished.connect(self._fill_from_catalogue)
        self.ex_name.installEventFilter(self)       # leaving the name also fills (the popup may eat Enter)
        self.ex_kind.activated.connect(lambda index: self._switch_kind(index == 0))
        ex = self.exercise_box
        ex.load_type.activated.connect(lambda _: self._load_typed())
        ex.load_unit.activated.connect(
            lambda _: self._edit_exercise("load unit", "load_unit", ex.load_unit.currentText()))
        ex.load_pair.toggled.connect(lambda on: self._pair_toggled(on))
        ex.load_both.toggled.connect(lambda on: self._edit_exercise("weight of both", "load_both", on))
        ex.load_band.activated.connect(lambda _: self._edit_exercise("band", "load_band", ex.load_band.currentText()))
        ex.progression.activated.connect(
            lambda _: self._edit_exercise("progression", "progression", ex.progression.currentData()))
        self.ex_each_side.toggled.connect(lambda on: self._edit_exercise("each side", "each_side", on))
        self.ex_tips.textChanged.connect(
            lambda: self._edit_exercise("type exercise tips", "tips", self.ex_tips.toPlainText()))
        self.ex_alternatives.textChanged.connect(
            lambda: self._edit_exercise("type alternatives", "alternatives", self.ex_alternatives.toPlainText()))
        self.stretches.textChanged.connect(self._stretches_typed)
        for editable in [*self.findChildren(QLineEdit), *self.findChildren(QPlainTextEdit)]:
            editable.installEventFilter(self._undo_keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.ex_name and event.type() == QEvent.Type.FocusOut:
            self._fill_from_catalogue()
        return False

    def _edit(self, what: str, change: Callable[[CircuitForm], Any], select: int | None = None) -> None:
        """One change to the form, one undo step; `select` the exercise to show after a
        change to the list itself (added, removed, moved)."""
        if self._restoring:
            return
        before, row = self.form.copy(), self.exercise_list.currentRow()
        change(self.form)
        after_row = row if select is None else select
        self.undo_stack.push(Change(self, before, self.form.copy(), what, (row, after_row)))
        if select is None:
            self.refresh()
        else:
            self.fill_lists(select=select)

    def _edit_exercise(self, what: str, key: str, value: Any) -> None:
        row = self.exercise_list.currentRow()
        if self._restoring or not 0 <= row < len(self.form.exercises):
            return
        if getattr(self.form.exercises[row], key) == value:
            return
        self._edit(f"{what} {row}", lambda f: setattr(f.exercises[row], key, value))

    def _pair_toggled(self, on: bool) -> None:
        ex = self.exercise_box
        ex.show_load_fields(ex.load_type.currentData(), on)
        self._edit_exercise("a pair", "load_pair", on)

    def _load_typed(self) -> None:
        ex = self.exercise_box
        kind = ex.load_type.currentData()
        ex.show_load_fields(kind, ex.load_pair.isChecked())
        row = self.exercise_list.currentRow()
        if self._restoring or not 0 <= row < len(self.form.exercises):
            return

        def change(form: CircuitForm) -> None:
            exercise = form.exercises[row]
            exercise.load_type = kind
            exercise.load_band = (exercise.load_band or ex.load_band.currentText()) if kind == "band" else ""
        self._edit(f"load type {row}", change, select=row)

    def _switch_kind(self, timed: bool) -> None:
        """Timed <-> reps converts the amount and says how (10 reps is not 10 s)."""
        row = self.exercise_list.currentRow()
        if self._restoring or not 0 <= row < len(self.form.exercises) or self.form.exercises[row].timed == timed:
            return
        said: list[str] = []
        self._edit(f"timed or reps {row}",
                   lambda f: said.append(switch_kind(f.exercises[row], timed) or ""), select=row)
        say(self.exercise_box.length_note, [t for t in said if t])

    # a field reached by Tab or an Alt key scrolls into view: the application's focus
    # changes are followed only while the editor shows (a hidden editor never hears them)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved, Qt.ConnectionType.UniqueConnection)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with contextlib.suppress(RuntimeError, TypeError):      # not connected
                app.focusChanged.disconnect(self._focus_moved)
        super().hideEvent(event)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        body = self.scroller.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            # after the layout has settled (a row that just appeared moves what is below it)
            QTimer.singleShot(0, lambda: self._bring_into_view(new))

    def _bring_into_view(self, widget: QWidget) -> None:
        """The whole field, not only its cursor line (Qt's ensureWidgetVisible stops at a
        multi-line box's first line); a field taller than the view shows its top."""
        body = self.scroller.widget()
        if not widget.hasFocus() or body is None:
            return
        top_left = widget.mapTo(body, QPoint(0, 0))
        half_w, half_h = widget.width() // 2, min(widget.height(), self.scroller.viewport().height() - 16) // 2
        self.scroller.ensureVisible(top_left.x() + half_w, top_left.y() + half_h, half_w + 8, half_h + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        narrow = self.width() < NARROW_BELOW
        in_left = self._left.indexOf(self.steps_panel) >= 0
        if narrow and not in_left:
            self._columns.removeWidget(self.steps_panel)
            self._left.insertWidget(self._left.count() - 1, self.steps_panel, 1)
        elif not narrow and in_left:
            self._left.removeWidget(self.steps_panel)
            self._columns.addWidget(self.steps_panel, 3)

    def _stretches_typed(self) -> None:
        stretches = stretches_from_text(self.stretches.toPlainText(), self.form.cooldown)
        if not same_stretches(stretches, self.form.cooldown):
            self._edit("type cool-down", lambda f: setattr(f, "cooldown", stretches))

    def _picked_from_catalogue(self, name: str) -> None:
        self.ex_name.setText(name)
        self._edit_exercise("type exercise name", "name", name)
        self._fill_from_catalogue()

    def _fill_from_catalogue(self) -> None:
        """A catalogue name on an exercise with nothing else filled in brings its tips,
        muscles, equipment, sides and length; a new name is simply a new exercise."""
        row = self.exercise_list.currentRow()
        if not 0 <= row < len(self.form.exercises):
            return
        current = self.form.exercises[row]
        found = find(current.name)
        if found is None or current.tips.strip() or current.muscles.strip() or current.equipment.strip():
            return
        filled = blank_from_catalogue(found)
        filled.alternatives, filled.known = current.alternatives, current.known
        self._edit(f"fill {row} from the catalogue", lambda f: f.exercises.__setitem__(row, filled), select=row)

    def add_exercise(self) -> None:
        row = self.exercise_list.currentRow() + 1 if self.form.exercises else 0
        self._edit("add exercise", lambda f: f.exercises.insert(row, ExerciseForm()), select=row)
        self.ex_name.setFocus()

    def duplicate_exercise(self) -> None:
        row = self.exercise_list.currentRow()
        if 0 <= row < len(self.form.exercises):
            self._edit("duplicate exercise", lambda f: f.exercises.insert(row + 1, _copy(f.exercises[row])),
                       select=row + 1)

    def remove_exercise(self) -> None:
        row = self.exercise_list.currentRow()
        if 0 <= row < len(self.form.exercises):
            self._edit("remove exercise", lambda f: f.exercises.pop(row),
                       select=max(0, min(row, len(self.form.exercises) - 2)))

    def move_exercise(self, step: int) -> None:
        row = self.exercise_list.currentRow()
        target = row + step
        if 0 <= row < len(self.form.exercises) and 0 <= target < len(self.form.exercises):
            def swap(f: CircuitForm) -> None:
                f.exercises[row], f.exercises[target] = f.exercises[target], f.exercises[row]
            self._edit("move exercise", swap, select=target)

    def _dragged(self, *args: object) -> None:
        """The list was reordered by drag: the form follows the list's new order."""
        if self._restoring:
            return
        order = [self.exercise_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.exercise_list.count())]
        current = self.exercise_list.currentRow()
        self._edit("move exercise", lambda f: setattr(f, "exercises", [f.exercises[i] for i in order]),
                   select=current)

    # -- showing -------------------------------------------------------------------------

    def load(self, form: CircuitForm, title: str) -> None:
        """Start editing `form` (a new circuit, a copy, or a user's circuit)."""
        self.form = form.copy()
        self.initial = form.copy()
        self.title_text = title
        self._show_all = False
        self._last_steps = None
        self.undo_stack.clear()
        self.restore(self.form)
        self.name.setFocus()

    def restore(self, form: CircuitForm, row: int | None = None) -> None:
        """Show `form` in every widget (after an undo, a redo, or opening), with exercise
        `row` selected (else the one selected now)."""
        self._restoring = True
        try:
            self.form = form.copy()
            for widget, value in ((self.name, form.name), (self.summary, form.summary), (self.focus, form.focus),
                                  (self.prepare, form.prepare), (self.rest, form.rest),
                                  (self.round_rest, form.round_rest), (self.switch, form.switch)):
                if widget.text() != value:
                    widget.setText(value)
                    widget.setCursorPosition(0)         # a long summary shows its start
            self.rounds.setValue(form.rounds)
            self.skip_last_rest.setChecked(form.skip_last_rest)
            text = stretches_text(form.cooldown)
            if self.stretches.toPlainText().strip() != text:
                self.stretches.setPlainText(text)
            wanted = self.exercise_list.currentRow() if row is None else row
            self.fill_lists(select=max(0, min(wanted, len(form.exercises) - 1)))
        finally:
            self._restoring = False
        self.refresh()

    def fill_lists(self, select: int = 0) -> None:
        restoring, self._restoring = self._restoring, True
        try:
            self.exercise_list.clear()
            for index, exercise in enumerate(self.form.exercises):
                item = QListWidgetItem(exercise.name or "(new exercise)")
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.exercise_list.addItem(item)
            if self.form.exercises:
                self.exercise_list.setCurrentRow(max(0, min(select, len(self.form.exercises) - 1)))
        finally:
            self._restoring = restoring
        self.show_exercise_fields(self.exercise_list.currentRow())

    def _show_exercise(self, row: int) -> None:
        if not self._restoring:
            self.show_exercise_fields(row)

    def show_exercise_fields(self, row: int) -> None:
        if not self._restoring:
            say(self.exercise_box.length_note, [])   # it was about the exercise shown before
        exists = 0 <= row < len(self.form.exercises)
        exercise = self.form.exercises[row] if exists else ExerciseForm()
        ex = self.exercise_box
        restoring, self._restoring = self._restoring, True
        try:
            for widget in self.exercise_box.inputs():
                widget.setEnabled(exists)
            for widget, value in ((self.ex_name, exercise.name), (self.ex_amount, exercise.amount),
                                  (self.ex_equipment, exercise.equipment), (self.ex_muscles, exercise.muscles),
                                  (self.ex_demo, exercise.demo), (ex.load_weight, exercise.load_weight)):
                if widget.text() != value:
                    widget.setText(value)
            ex.load_type.setCurrentIndex(max(0, ex.load_type.findData(exercise.load_type)))
            ex.load_unit.setCurrentText(exercise.load_unit)
            ex.load_pair.setChecked(exercise.load_pair)
            ex.load_both.setChecked(exercise.load_both)
            if exercise.load_band:
                ex.load_band.setCurrentText(exercise.load_band)
            ex.progression.setCurrentIndex(max(0, ex.progression.findData(exercise.progression)))
            ex.show_load_fields(exercise.load_type, exercise.load_pair)
            self.ex_kind.setCurrentIndex(0 if exercise.timed else 1)
            self.ex_each_side.setChecked(exercise.each_side)
            for box, value in ((self.ex_tips, exercise.tips), (self.ex_alternatives, exercise.alternatives)):
                if box.toPlainText() != value:
                    box.setPlainText(value)
        finally:
            self._restoring = restoring
        self.refresh()

    def refresh(self) -> None:
        """Check the form; show each problem beside its field (a field not typed in yet
        stays quiet until Save is tried), the total and the steps."""
        self.circuit, self.problems = check(self.form, find)
        # what no font here can draw would show as boxes: refused beside its field
        boxes = [Problem(words, field) for field, text in form_texts(self.form)
                 if (words := undrawable_words(text)) is not None]
        if boxes:
            self.circuit, self.problems = None, [*self.problems, *boxes]
        self.heading.setText(f"{self.title_text}{' — not saved' if self.changed else ''}")
        shown = self.problems if self._show_all else shown_problems(self.problems, touched_fields(self.form,
                                                                                                   self.initial))
        where = problems_by_field(shown, self.exercise_list.currentRow(), len(self.form.exercises))
        self.circuit_box.show_problems(where.circuit)
        self.exercise_box.show_problems(where.exercise)
        say(self.cooldown_problems, where.cooldown)
        for index in range(min(self.exercise_list.count(), len(self.form.exercises))):
            name = self.form.exercises[index].name or "(new exercise)"
            self.exercise_list.item(index).setText(f"{'⚠ ' if index in where.flagged else ''}{name}")
        say(self.all_problems, where.overall)
        quiet = [p for p in self.problems if p not in shown]
        say(self.next_step, [f"To save: {without_details(quiet)[0]}"] if quiet and not shown else [])
        self.save_button.setEnabled(self.circuit is not None)
        self._show_steps()

    def _show_steps(self) -> None:
        """The total and the steps of the form as typed; with a blank name filled in; or, while
        a field is wrong, of the last version that was right, saying so. Never an empty list."""
        steps, _ = check(step_form(self.form), find)
        note = ""
        if steps is not None:
            self._last_steps = steps
        elif self._last_steps is not None:
            steps, note = self._last_steps, "As before the last change: fix the marked fields to see it now."
        say(self.steps_note, [note] if note else [])
        self.segments.clear()
        if steps is None:
            self.total.setText("Total —")
            say(self.steps_note, ["The steps show once each exercise has a length."])
            return
        timeline = build_timeline(steps)
        reps = f" + {timeline.rep_segments} rep sets" if timeline.rep_segments else ""
        self.total.setText(f"Total {format_duration(timeline.total_seconds)}{reps}")
        self.segments.addItems([" ".join(line.split()) for line in step_lines(timeline)])   # compact: a narrow column

    @property
    def changed(self) -> bool:
        return document_of(self.form, find) != document_of(self.initial, find)

    # -- leaving -------------------------------------------------------------------------

    def save(self) -> None:
        """Save; tried while something is wrong, every problem shows and the first is focused."""
        if self.circuit is not None and self.save_button.isEnabled():
            self.saved.emit(self.circuit)
            return
        self._show_all = True
        self.refresh()

    def show_save_problem(self, text: str) -> None:
        say(self.all_problems, [text])

    def mark_saved(self) -> None:
        self.initial = self.form.copy()
        self.refresh()

    def leave(self) -> None:
        if self.changed:
            # with a field still wrong Save is not offered: it could only do nothing
            problem = without_details(self.problems)[0] if self.circuit is None and self.problems else None
            answer = self.dialogs.ask_unsaved(self, self.form.name or "The new circuit", problem)
            if answer == "cancel":
                if problem is not None:
                    self.save()        # stay, and show every problem
                return
            if answer == "save":
                self.save()
                return
        self.undo_stack.clear()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            popup = self.ex_name.completer().popup() if self.ex_name.completer() else None
            if popup is None or not popup.isVisible():
                self.leave()
                return
        super().keyPressEvent(event)


def _copy(exercise: ExerciseForm) -> ExerciseForm:
    return copy.deepcopy(exercise)
