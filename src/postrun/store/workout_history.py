"""The history page's data layer: every question the window asks of the workout log
(list, detail, annotate, delete and restore, export, import) answered with a value or,
when the log or a file refuses, a `Refused` saying so in words with nothing changed.
No view reaches into the log or catches a storage exception."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from postrun.core.clock import WallClock
from postrun.store.history import CircuitCache, Overview, SetLine, overview, this_week_text, workout_sets
from postrun.store.library import LibraryEntry
from postrun.store.record_file import RecordFileError, stream_workouts_file, write_csv, write_json
from postrun.store.refused import Refused
from postrun.store.workout_log import WorkoutLog, WorkoutRecord, WorkoutSummary, draft_of

T = TypeVar("T")


@dataclass(frozen=True)
class HistoryPage:
    rows: list[WorkoutSummary]       # newest first, interrupted ones left out
    overview: Overview
    summary: str                     # 'This week: … · Streak: … · November: …', empty with no rows
    now: datetime                    # the moment it was read: which year is this one


@dataclass(frozen=True)
class WorkoutDetail:
    record: WorkoutRecord
    sets: list[SetLine] | None       # None: the circuit it ran cannot be read, so no sets


class WorkoutHistory:
    def __init__(self, log: WorkoutLog, library: Callable[[], list[LibraryEntry]], now: WallClock) -> None:
        self.log = log
        self._library = library
        self._now = now
        self._circuits = CircuitCache()

    def page(self) -> HistoryPage | Refused:
        now = self._now()
        try:
            rows = self.log.summaries()
            view = overview(self.log, self._library(), now.date())
        except (sqlite3.Error, OSError, ValueError) as exc:
            return Refused(f"The workout log could not be read ({exc}).")
        return HistoryPage(rows, view, this_week_text(view, now.date()) if rows else "", now)

    def detail(self, record_id: int) -> WorkoutDetail | Refused:
        try:
            record = self.log.get(record_id)
        except sqlite3.Error:
            record = None
        if record is None:
            return Refused("This workout could not be read from the log.")
        circuit = self._circuits.circuit_of(record)
        return WorkoutDetail(record, workout_sets(record, circuit) if circuit is not None else None)

    def annotate(self, record_id: int, note: str, effort: int | None) -> None | Refused:
        return self._change(lambda: self.log.annotate(record_id, note, effort))

    def delete(self, record_id: int) -> WorkoutRecord | Refused:
        """The record as it was, for `restore` (undo)."""
        removed = self._change(lambda: self.log.delete(record_id))
        if removed is None:
            return Refused("That workout is no longer in the log.")
        return removed

    def restore(self, record: WorkoutRecord) -> None | Refused:
        return self._change(lambda: self.log.restore(record))

    def export(self, path: Path) -> int | Refused:
        """Every workout to a JSON file, or a CSV one when `path` ends in .csv, newest first
        as `postrun history` exports them; how many."""
        try:
            drafts = [draft_of(r) for r in self.log.records(newest_first=True)]
            (write_csv if path.suffix.lower() == ".csv" else write_json)(path, drafts)
        except (sqlite3.Error, OSError) as exc:
            return Refused(f"Not exported: {getattr(exc, 'strerror', None) or exc} ({path}).")
        return len(drafts)

    def import_file(self, path: Path) -> tuple[int, int] | Refused:
        """Merge a JSON export: (added, already there)."""
        try:
            return self.log.merge(stream_workouts_file(path))
        except RecordFileError as exc:
            return Refused(f"Nothing was imported: {exc}.")
        except (sqlite3.Error, OSError) as exc:
            return Refused(f"Nothing was imported: the workout log could not be written ({exc}).")

    def _change(self, change: Callable[[], T]) -> T | Refused:
        try:
            return change()
        except (sqlite3.Error, OSError) as exc:
            return Refused(f"The workout log could not be changed ({exc}); nothing was changed.")
