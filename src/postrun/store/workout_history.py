"""The history page's data layer: every question the window asks of the workout log
(list, detail, annotate, delete and restore, export, import) answered with a value or,
when the log or a file refuses, a `Refused` saying so in words with nothing changed.
No view reaches into the log or catches a storage exception."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from postrun.core.clock import WallClock
from postrun.core.run import Run
from postrun.core.run_pairs import Lift, kilometres_by_week, runs_before, strength_after, strength_after_text
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
    runs: list[Run] = field(default_factory=list)                 # newest first
    run_before: dict[int, Run] = field(default_factory=dict)      # workout id -> the run before it that day
    kilometres: list[float] = field(default_factory=list)         # per chart week, this one last

    @property
    def listed(self) -> list[WorkoutSummary | Run]:
        """Workouts and runs together, newest first."""
        if not self.runs:
            return list(self.rows)
        return sorted([*self.rows, *self.runs], key=lambda row: row.started_at, reverse=True)


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
            runs = self.log.runs()
        except (sqlite3.Error, OSError, ValueError) as exc:
            return Refused(f"The workout log could not be read ({exc}).")
        summary = [this_week_text(view, now.date())] if rows else []
        if not runs:                 # no pairing to do: ten years of workouts cost nothing more
            return HistoryPage(rows, view, " · ".join(summary), now)
        zone = now.tzinfo
        paired = runs_before(runs, [(row.id, row.started_at) for row in rows], zone)
        done, total = strength_after(runs, [Lift(row.started_at, row.sets_done > 0) for row in rows], now.date(), zone)
        if total:
            summary.append(strength_after_text(done, total))
        return HistoryPage(rows, view, " · ".join(summary), now, runs[::-1], paired,
                           kilometres_by_week(runs, now.date(), zone))

    def delete_run(self, run: Run) -> Refused | None:
        changed = self._change(lambda: self.log.delete_run(run.id))
        return changed if isinstance(changed, Refused) else None

    def restore_run(self, run: Run) -> Refused | None:
        changed = self._change(lambda: self.log.add_runs([run]))
        return changed if isinstance(changed, Refused) else None

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
            if path.suffix.lower() == ".csv":
                write_csv(path, drafts)
            else:
                write_json(path, drafts, self.log.runs()[::-1])
        except (sqlite3.Error, OSError) as exc:
            return Refused(f"Not exported: {getattr(exc, 'strerror', None) or exc} ({path}).")
        return len(drafts)

    def import_file(self, path: Path) -> tuple[int, int, int, int] | Refused:
        """Merge a JSON export: (workouts added, already there, runs added, already there)."""
        runs: list[Run] = []
        try:
            return self.log.merge_export(stream_workouts_file(path, runs), runs)
        except RecordFileError as exc:
            return Refused(f"Nothing was imported: {exc}.")
        except (sqlite3.Error, OSError) as exc:
            return Refused(f"Nothing was imported: the workout log could not be written ({exc}).")

    def _change(self, change: Callable[[], T]) -> T | Refused:
        try:
            return change()
        except (sqlite3.Error, OSError) as exc:
            return Refused(f"The workout log could not be changed ({exc}); nothing was changed.")
