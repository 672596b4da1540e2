"""The user's data as the window sees it: circuits, the workout log, remembered choices,
and what went wrong opening them, in words."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from postrun.core.circuit_reader import circuit_from_snapshot
from postrun.core.clock import WallClock
from postrun.store.library import LibraryEntry, load_library
from postrun.store.refused import Refused
from postrun.store.resume_point import Interrupted
from postrun.store.settings import Settings, save_settings
from postrun.store.workout_log import WorkoutLog

if TYPE_CHECKING:
    from postrun.core.circuit import Exercise
    from postrun.core.equipment import Equipment
    from postrun.core.progression import Suggestion
    from postrun.core.run import Run
    from postrun.store.equipment_file import EquipmentRead
    from postrun.store.exercise_report import ExerciseReport
    from postrun.store.history import Overview
    from postrun.store.run_import import Outcome
    from postrun.store.strava_export import Progress
    from postrun.store.todays_run import TodaysRun
    from postrun.store.workout_history import WorkoutHistory


EXERCISE_PAGE_WORKOUTS = 52      # an exercise's page draws its last year at three a week, at most


@dataclass(frozen=True)
class LastTimes:
    done: datetime | None          # last completed
    tried: datetime | None         # last started and stopped part-way, after that


class UserData:
    def __init__(self, log: WorkoutLog, settings: Settings, settings_notice: str | None = None, *,
                 now: WallClock) -> None:
        self.log = log
        self.now = now          # the wall clock: what "today" and "this week" mean
        self.settings = settings
        self.settings_notice = settings_notice
        self._history: WorkoutHistory | None = None
        self._equipment: EquipmentRead | None = None

    @property
    def notices(self) -> list[str]:
        """What the picker says about the data itself (a damaged log, bad settings)."""
        equipment = self._equipment.problem if self._equipment is not None else None
        return [text for text in (self.log.notice, self.settings_notice, equipment) if text]

    @property
    def equipment(self) -> Equipment:
        """Your equipment, read when first needed (the preview of a circuit with loads)."""
        if self._equipment is None:
            from postrun.store.equipment_file import read_equipment

            self._equipment = read_equipment()
        return self._equipment.equipment

    def save_equipment(self, equipment: Equipment) -> str | None:
        """None when saved, else why not in words (the equipment is used meanwhile)."""
        from postrun.store.equipment_file import EquipmentRead, save_equipment

        problem = save_equipment(equipment)
        self._equipment = EquipmentRead(equipment, None)
        return problem

    def exercise_names(self) -> list[str]:
        try:
            return self.log.exercise_names()
        except sqlite3.Error:
            return []

    def exercise_report(self, name: str) -> ExerciseReport:
        from postrun.store.exercise_report import report

        return report(self.log, name, self.library(), self.equipment, last=EXERCISE_PAGE_WORKOUTS)

    def suggestion(self, exercise: Exercise) -> Suggestion | None:
        """What to lift today for `exercise` and why, from its last sessions; None for an
        exercise with no load and no rule to follow (nothing to suggest), or a log that
        cannot be read (said elsewhere)."""
        from postrun.core.progression import rule_of, suggest
        from postrun.core.progression_rule import RuleKind

        if exercise.load is None and rule_of(exercise).kind is RuleKind.NONE:
            return None
        try:
            return suggest(exercise, self.log.exercise_sessions(exercise.name), self.equipment)
        except sqlite3.Error:
            return None

    def library(self) -> list[LibraryEntry]:
        return load_library()

    def last_times(self) -> dict[str, LastTimes]:
        """circuit key -> when it was last done and, if later, last tried: the picker's line."""
        done, tried = self.log.last_done(), self.log.last_tried()
        later = {key: at for key, at in tried.items() if key not in done or at > done[key]}
        return {key: LastTimes(done.get(key), later.get(key)) for key in {*done, *later}}

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

    # -- runs ------------------------------------------------------------------------

    def todays_run(self) -> TodaysRun | None:
        """The latest run of today and what it suggests (None: no run today, or the log or
        the rules cannot be read: the list shows without it)."""
        from postrun.store.run_rules import run_rules
        from postrun.store.todays_run import todays_run

        try:
            return todays_run(self.log, self.now(), run_rules())
        except (sqlite3.Error, OSError, ValueError):
            return None

    def month_line(self) -> str | None:
        """'strength after 6 of 9 runs this month' (None without a run this month)."""
        from postrun.core.run_pairs import strength_after_text
        from postrun.store.todays_run import month_counts

        try:
            done, total = month_counts(self.log, self.now())
        except sqlite3.Error:
            return None
        return strength_after_text(done, total) if total else None

    def add_runs(self, runs: list[Run]) -> tuple[int, str | None]:
        """(how many were new, or why nothing was stored)."""
        try:
            added, _ = self.log.add_runs(runs)
        except sqlite3.Error as exc:
            return 0, f"The run could not be saved ({exc}); nothing was stored."
        return len(added), None

    def import_runs(self, paths: list[Path], progress: Progress | None = None) -> list[Outcome] | str:
        """What became of each file, or why nothing could be stored."""
        from postrun.store.run_import import import_runs

        try:
            return import_runs(self.log, paths, progress)
        except sqlite3.Error as exc:
            return f"The runs could not be saved ({exc}); nothing was stored."

    def read_run_folder(self, progress: Progress | None = None) -> list[Outcome] | str:
        """The run folder's files not read before, imported (nothing without a folder)."""
        from postrun.store.run_folder import read_run_folder

        if not self.settings.run_folder:
            return []
        try:
            return read_run_folder(self.log, Path(self.settings.run_folder), progress)
        except sqlite3.Error as exc:
            return f"The runs could not be saved ({exc}); nothing was stored."

    def save_settings(self) -> str | None:
        """None when saved, else why not in words (the choices last until the program quits)."""
        try:
            save_settings(self.settings)
        except OSError as exc:
            return f"Your choices could not be saved ({exc.strerror or exc}); they last until you quit."
        return None

    @property
    def history(self) -> WorkoutHistory:
        """The history page's questions to the log, each answered or refused in words."""
        if self._history is None:
            from postrun.store.workout_history import WorkoutHistory

            self._history = WorkoutHistory(self.log, self.library, self.now)
        return self._history

    def interrupted(self) -> Interrupted | None:
        """The newest workout the program died in (None: none, or the log cannot be read)."""
        try:
            found = self.log.interrupted()
        except sqlite3.Error:
            return None
        if not found:
            return None
        return Interrupted(found[0], circuit_from_snapshot(found[0].circuit))

    def keep_interrupted_as_unfinished(self, record_id: int | None = None) -> Refused | None:
        """One interrupted workout, or every one (a new workout was started instead), kept
        as a partial workout."""
        try:
            for record in self.log.interrupted():
                if record_id is None or record.id == record_id:
                    self.log.abandon_interrupted(record.id)
        except sqlite3.Error as exc:
            return Refused(f"The interrupted workout could not be marked unfinished ({exc}).")
        return None
