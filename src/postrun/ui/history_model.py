"""The history list as a Qt table model over the log's light summaries: 10,000 rows cost
one query and no widgets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from postrun.core.durations import format_duration
from postrun.store.history import outcome_text
from postrun.store.workout_log import WorkoutSummary

COLUMNS = ("When", "Circuit", "Time", "Result", "Skipped", "Effort", "Note")
Index = QModelIndex | QPersistentModelIndex


def lived_text(moment: datetime) -> str:
    """The local date and time as lived, with its UTC offset: 'Thu 26 Nov 2026 18:30 (UTC+01:00)'."""
    offset = f"{moment:%z}"          # +0100
    return f"{moment:%a %d %b %Y %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def list_when(moment: datetime, now: datetime) -> str:
    """The list's short form, the clock time as it was lived: 'Thu 26 Nov 18:30'; the
    year only when it is not this one."""
    return f"{moment:%a %d %b %H:%M}" if moment.year == now.year else f"{moment:%a %d %b %Y %H:%M}"


class HistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[WorkoutSummary] = []
        self._now: datetime | None = None

    def set_rows(self, rows: list[WorkoutSummary], now: datetime) -> None:
        """`now` says which year is this one (the list leaves it out)."""
        self.beginResetModel()
        self.rows = rows
        self._now = now
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == 0:
            if role == Qt.ItemDataRole.ToolTipRole:
                return lived_text(row.started_at)
            return list_when(row.started_at, self._now or row.started_at)
        if column == 1:
            return row.circuit_name
        if column == 2:
            return format_duration(row.active_seconds)
        if column == 3:
            return outcome_text(row.status, row.segment_label, row.sets_done)
        if column == 4:
            return str(row.skipped_count) if row.skipped_count else ""
        if column == 5:
            return str(row.effort) if row.effort else ""
        return row.note.replace("\n", " ")

    def longest_when(self) -> str:
        """The widest the When column gets: with the year when any row is from another year."""
        now = self._now
        other_year = now is not None and any(row.started_at.year != now.year for row in self.rows)
        return "Wed 30 Sep 2026 18:30" if other_year else "Wed 30 Sep 18:30"

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == record_id:
                return number
        return None
