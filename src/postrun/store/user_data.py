"""The user's data as the window sees it: circuits, the workout log, remembered choices,
and what went wrong opening them, in words."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

from postrun.core.circuit import Circuit
from postrun.core.circuit_file import circuit_from_snapshot
from postrun.core.clock import WallClock
from postrun.store.library import LibraryEntry, load_library
from postrun.store.settings import Settings, save_settings
from postrun.store.workout_log import WorkoutLog, WorkoutRecord

if TYPE_CHECKING:
    from postrun.store.history import Overview


class UserData:
    def __init__(self, log: WorkoutLog, settings: Settings, settings_notice: str | None = None, *,
                 now: WallClock) -> None:
        self.log = log
        self.now = now          # the wall clock: what "today" and "this week" mean
        self.settings = settings
        self.settings_notice = settings_notice

    @property
    def notices(self) -> list[str]:
        """What the picker says about the data itself (a damaged log, bad settings)."""
        return [text for text in (self.log.notice, self.settings_notice) if text]

    def library(self) -> list[LibraryEntry]:
        return load_library()

    def last_done(self) -> dict[str, datetime]:
        return dict(self.log.last_done())

    def suggested_key(self, library: list[LibraryEntry]) -> str | None:
        """The circuit that would best restore the 4-week balance (the picker marks it)."""
        from postrun.store.history import suggested

        try:
            entry = suggested(self.log, library, self.now().date())
        except (sqlite3.Error, OSError, ValueError):
            return None            # a log or table that cannot be read: no mark, nothing else lost
        return entry.key if entry else None

    def overview(self) -> tuple[Overview | None, list[str]]:
        """The weeks and balance, and the finish screen's summary lines: this week, the
        streak, this month and the balance sentence (or why the history cannot be read)."""
        from postrun.store.history import overview, this_week_text

        try:
            today = self.now().date()
            view = overview(self.log, self.library(), today)
        except (sqlite3.Error, OSError, ValueError) as exc:
            return None, [f"The history could not be read ({exc})."]
        return view, [this_week_text(view, today), view.sentence]

    def save_settings(self) -> str | None:
        """None when saved, else why not in words (the choices last until the program quits)."""
        try:
            save_settings(self.settings)
        except OSError as exc:
            return f"Your choices could not be saved ({exc.strerror or exc}); they last until you quit."
        return None

    def interrupted(self) -> list[WorkoutRecord]:
        return self.log.interrupted()

    def keep_interrupted_as_unfinished(self, record_id: int | None = None) -> None:
        """One interrupted workout, or every one (a new workout was started instead)."""
        for record in self.log.interrupted():
            if record_id is None or record.id == record_id:
                self.log.abandon_interrupted(record.id)

    def circuit_of(self, record: WorkoutRecord) -> Circuit | None:
        """The circuit exactly as it was run, rebuilt from the record's snapshot."""
        return circuit_from_snapshot(record.circuit)
