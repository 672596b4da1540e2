"""The history list as a Qt table model over the log's light summaries and its runs, newest
first, each workout tied to the run before it that day: 10,000 rows cost one query and no
widgets."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from postrun.core.durations import format_duration
from postrun.core.run import Run, clock_text, distance_text, run_line
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


def run_name(run: Run) -> str:
    """The list's Circuit column for a run: 'Run · 8.2 km'."""
    return f"Run · {distance_text(run.distance_m)}" if run.distance_m else "Run"


def after_run(run: Run) -> str:
    """A workout's tie to the run before it: 'after 8.2 km'."""
    return f"after {distance_text(run.distance_m) if run.distance_m else clock_text(run.elapsed_seconds)}"


class HistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[WorkoutSummary | Run] = []
        self.run_before: dict[int, Run] = {}
        self._now: datetime | None = None

    def set_rows(self, rows: list[WorkoutSummary | Run], now: datetime,
                 run_before: dict[int, Run] | None = None) -> None:
        """`now` says which year is this one (the list leaves it out)."""
        self.beginResetModel()
        self.rows = rows
        self.run_before = run_before or {}
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
            # a workout at the clock time it was lived; a run (stored in UTC) where the user is
            moment = row.started_at.astimezone(self.zone) if isinstance(row, Run) else row.started_at
            if role == Qt.ItemDataRole.ToolTipRole:
                return lived_text(moment)
            return list_when(moment, self._now or moment)
        if isinstance(row, Run):
            return self._run_data(row, column, role)
        if column == 1:
            before = self.run_before.get(row.id)
            if before is None:
                return row.circuit_name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{row.circuit_name}, after the run of {run_line(before, self.zone)}"
            return f"{row.circuit_name} · {after_run(before)}"
        if column == 2:
            return format_duration(row.active_seconds)
        if column == 3:
            return outcome_text(row.status, row.segment_label, row.sets_done)
        if column == 4:
            return str(row.skipped_count) if row.skipped_count else ""
        if column == 5:
            return str(row.effort) if row.effort else ""
        return row.note.replace("\n", " ")

    @property
    def zone(self) -> tzinfo | None:
        """Where the user is: runs (stored in UTC) are shown at its clock time."""
        return self._now.tzinfo if self._now is not None else None

    def _run_data(self, run: Run, column: int, role: int) -> Any:
        if column == 1:
            return run_line(run, self.zone) if role == Qt.ItemDataRole.ToolTipRole else run_name(run)
        if column == 2:
            return format_duration(run.moving_seconds or run.elapsed_seconds)
        if column == 3:
            return run.kind.value if run.kind is not None else "run"
        if column == 5:
            return str(run.effort) if run.effort else ""
        if column == 6:
            return f"from {run.source}"
        return ""

    def longest_when(self) -> str:
        """The widest the When column gets: with the year when any row is from another year."""
        now = self._now
        other_year = now is not None and any(row.started_at.year != now.year for row in self.rows)
        return "Wed 30 Sep 2026 18:30" if other_year else "Wed 30 Sep 18:30"

    def row_of(self, record_id: int | str) -> int | None:
        """The row of a workout (its id) or a run (its id is a string)."""
        for number, row in enumerate(self.rows):
            if row.id == record_id:
                return number
        return None
