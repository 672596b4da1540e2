"""The editor's undo: every change is one step holding the whole form before and after
(forms are small), typing in one field merges into one step, and Ctrl+Z in a text field
undoes the form rather than the field's own text."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

from postrun.ui.editor_state import CircuitForm

UNDO_KEYS = ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y")


class ShowsForm(Protocol):
    def restore(self, form: CircuitForm, row: int | None = None) -> None: ...


class Change(QUndoCommand):
    """One edit; `rows` is the exercise selected before and after, so undo shows where it was."""

    def __init__(self, editor: ShowsForm, before: CircuitForm, after: CircuitForm, what: str,
                 rows: tuple[int, int]) -> None:
        super().__init__(what)
        self.editor, self.before, self.after, self.what = editor, before, after, what
        self.rows = rows
        self._first = True

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if isinstance(other, Change) and other.what == self.what and self.what.startswith("type "):
            self.after = other.after
            self.rows = (self.rows[0], other.rows[1])
            return True
        return False

    def redo(self) -> None:
        if self._first:            # the widgets already show it
            self._first = False
            return
        self.editor.restore(self.after, self.rows[1])

    def undo(self) -> None:
        self.editor.restore(self.before, self.rows[0])


class UndoKeysToEditor(QObject):
    """Text fields keep Ctrl+Z for themselves; in the editor it undoes the whole form."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            sequence = QKeySequence(event.keyCombination()).toString()
            if sequence in UNDO_KEYS:
                return True            # not accepted: the editor's shortcut gets it
        return False
