"""The workout log: SQLite, one transaction per write, so a completion is durable the
moment it is written. Its rooms: the schema and migrations (log_schema.py), the rows as
values (log_rows.py), opening and recovery (log_opening.py); here, the writes and queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from postrun.core.clock import WallClock, local_now
from postrun.core.load import load_of
from postrun.core.progression import LoggedSet, Session
from postrun.core.run import Run
from postrun.core.set_log import is_whole
from postrun.store.log_opening import (
    LogState,
    Opened,
    connect,
    explain,
    file_problem,
    open_log,
    remember_checked,
)
from postrun.store.log_rows import (
    EPOCH,
    FIELDS,
    SELECT,
    STATUSES,
    WorkoutDraft,
    WorkoutRecord,
    WorkoutSummary,
    count_of,
    draft_of,
    insert,
    insert_sets_in_bulk,
    json_or,
    moment_of,
    record_of,
    segment_seconds_of,
    set_values,
    stored,
    write_sets,
)
from postrun.store.log_schema import SCHEMA_VERSION, NewerLogError
from postrun.store.paths import log_path
from postrun.store.run_store import add_runs, delete_run, insert_runs, stored_runs

__all__ = ["SCHEMA_VERSION", "STATUSES", "NewerLogError", "WorkoutDraft", "WorkoutLog", "WorkoutRecord",
           "WorkoutSummary", "draft_of", "explain", "segment_seconds_of"]


class WorkoutLog:
    def __init__(self, opened: Opened) -> None:
        self._db = opened.connection
        self.wanted = opened.wanted         # where the log belongs, for `reopen`
        self.notice = opened.notice         # what to tell the user about opening it, in a sentence
        self.problem = opened.problem       # why it cannot be written, in a few words
        self.state = opened.state
        self.complete = opened.complete     # False: a log file exists that none of this shows

    @classmethod
    def open(cls, path: Path | None = None, now: WallClock = local_now) -> WorkoutLog:
        """Never fails (log_opening.py says how); `now` names a damaged file kept aside."""
        return cls(open_log(path or log_path(), now()))

    @property
    def path(self) -> Path | None:
        """Where writes go; None while they do not reach a file."""
        return self.wanted if self.durable else None

    @property
    def durable(self) -> bool:
        """True when a write that returned is on disk."""
        return self.state is LogState.WRITABLE

    @property
    def read_only(self) -> bool:
        """The file's workouts are read, but nothing can be written to it."""
        return self.state is LogState.READ_ONLY

    def reopen(self) -> dict[int, int]:
        """A log that could not be written tries its file again (the disk was freed, the
        folder made writable). Records kept in memory meanwhile are copied over; returns
        old id -> new id, or raises sqlite3.Error / OSError when it still cannot be written."""
        if self.durable:
            return {}
        problem = file_problem(self.wanted)
        if problem is not None:
            raise OSError(problem)
        self.wanted.parent.mkdir(parents=True, exist_ok=True)
        connection = connect(self.wanted)
        moved: dict[int, int] = {}
        try:
            # a read-only log holds only the file's own records: nothing to copy
            rows = [] if self.read_only else self._db.execute(f"{SELECT} ORDER BY w.id").fetchall()
            with connection:
                for row in rows:
                    record = record_of(row)
                    moved[record.id] = insert(connection, draft_of(record))
        except BaseException:
            connection.close()
            raise
        self._db.close()
        self._db, self.notice, self.problem = connection, None, None
        self.state, self.complete = LogState.WRITABLE, True
        return moved

    def close(self) -> None:
        self._db.close()
        if self.path is not None:
            # what this program wrote is sound: the file as it closed needs no check next time
            # (after a crash, or a change by anything else, the next start checks it again)
            remember_checked(self.path)

    # -- writing: each call is one transaction ---------------------------------------

    def write(self, draft: WorkoutDraft, record_id: int | None = None) -> int:
        """The whole record, inserted (record_id None) or updated; returns its id."""
        if draft.status not in STATUSES:
            raise ValueError(f"unknown status {draft.status!r}")
        if draft.effort is not None and not 1 <= draft.effort <= 10:
            raise ValueError("effort is from 1 to 10")
        with self._db:
            if record_id is not None:
                cursor = self._db.execute(
                    f"UPDATE workouts SET {', '.join(c + ' = ?' for c in FIELDS)} WHERE id = ?",
                    (*stored(self._db, draft), record_id))
                if cursor.rowcount == 1:
                    write_sets(self._db, record_id, draft)
                    return record_id
            return insert(self._db, draft)

    def delete(self, record_id: int) -> WorkoutRecord | None:
        """Remove one record; returns it whole so that `restore` can put it back (undo)."""
        record = self.get(record_id)
        if record is not None:
            with self._db:
                self._db.execute("DELETE FROM workouts WHERE id = ?", (record_id,))
                self._db.execute("DELETE FROM sets WHERE workout_id = ?", (record_id,))
                self._db.execute("DELETE FROM circuits WHERE id NOT IN (SELECT circuit_id FROM workouts)")
        return record

    def restore(self, record: WorkoutRecord) -> None:
        """A deleted record back under its own id and uuid."""
        with self._db:
            insert(self._db, draft_of(record), record.id)

    def merge(self, drafts: Iterable[WorkoutDraft]) -> tuple[int, int]:
        """Add the workouts whose uuid is not in the log yet, in one transaction (all or
        nothing); returns (added, already there)."""
        with self._db:
            return self._merge(drafts)

    def merge_export(self, drafts: Iterable[WorkoutDraft], runs: list[Run]) -> tuple[int, int, int, int]:
        """An export's workouts and then its runs (`runs` is whole once the workouts are
        read), in one transaction: (workouts added, already there, runs added, already there)."""
        with self._db:
            added, known = self._merge(drafts)
            runs_added, runs_known = insert_runs(self._db, runs)
        return added, known, len(runs_added), len(runs_known)

    def _merge(self, drafts: Iterable[WorkoutDraft]) -> tuple[int, int]:
        """Inside the caller's transaction."""
        added = known = 0
        have = {row[0] for row in self._db.execute("SELECT uuid FROM workouts")}
        sets: list[tuple[Any, ...]] = []
        circuit_ids: dict[str, int] = {}        # within this transaction only
        for draft in drafts:
            if draft.uuid in have:
                known += 1
                continue
            sets.extend(set_values(insert(self._db, draft, sets=False, circuit_ids=circuit_ids), draft))
            have.add(draft.uuid)
            added += 1
        insert_sets_in_bulk(self._db, sets)
        return added, known

    def annotate(self, record_id: int, note: str, effort: int | None) -> None:
        if effort is not None and not 1 <= effort <= 10:
            raise ValueError("effort is from 1 to 10")
        with self._db:
            self._db.execute("UPDATE workouts SET note = ?, effort = ? WHERE id = ?", (note, effort, record_id))

    def abandon_interrupted(self, record_id: int) -> None:
        """An interrupted workout the user chose not to resume: kept as a partial workout."""
        with self._db:
            self._db.execute(
                "UPDATE workouts SET status = 'abandoned', finished_at = COALESCE(finished_at, started_at) "
                "WHERE id = ? AND status = 'in_progress'", (record_id,))
            record = self.get(record_id)
            if record is not None:
                write_sets(self._db, record_id, draft_of(record))

    # -- reading ---------------------------------------------------------------------

    def get(self, record_id: int) -> WorkoutRecord | None:
        row = self._db.execute(f"{SELECT} WHERE w.id = ?", (record_id,)).fetchone()
        return record_of(row) if row else None

    def interrupted(self) -> list[WorkoutRecord]:
        """Workouts that were in progress when the program died, newest first."""
        rows = self._db.execute(
            f"{SELECT} WHERE w.status = 'in_progress' ORDER BY w.id DESC").fetchall()
        return [record_of(r) for r in rows]

    def history(self, limit: int = 1000) -> list[WorkoutRecord]:
        rows = self._db.execute(f"{SELECT} ORDER BY w.started_at DESC, w.id DESC LIMIT ?", (limit,)).fetchall()
        return [record_of(r) for r in rows]

    def records(self, since: str | None = None, *, newest_first: bool = False) -> Iterable[WorkoutRecord]:
        """Every record (started on or after the ISO date `since`), oldest first (or newest
        first, as every list and export shows them), read lazily."""
        where, args = ("WHERE w.started_at >= ?", (since,)) if since else ("", ())
        order = "w.started_at DESC, w.id DESC" if newest_first else "w.started_at, w.id"
        circuits: dict[str, Any] = {}     # the same circuit text is parsed once per call
        for row in self._db.execute(f"{SELECT} {where} ORDER BY {order}", args):
            yield record_of(row, circuits)

    def summaries(self, since: str | None = None) -> list[WorkoutSummary]:
        """The history list (started on or after the ISO date `since`), newest first,
        without the circuits (10,000 in a few ms)."""
        where, args = (" AND started_at >= ?", (since,)) if since else ("", ())
        rows = self._db.execute(
            "SELECT id, uuid, circuit_key, circuit_name, started_at, active_seconds, status, segment_label, "
            f"skipped_json, note, effort, sets_done FROM workouts WHERE status != 'in_progress'{where} "
            "ORDER BY started_at DESC, id DESC", args).fetchall()
        return [WorkoutSummary(
            id=r[0], uuid=r[1] or "", circuit_key=r[2], circuit_name=r[3],
            started_at=moment_of(r[4]) or EPOCH, active_seconds=float(r[5] or 0), status=r[6],
            segment_label=r[7] or "", skipped_count=count_of(r[8]), note=r[9] or "", effort=r[10],
            sets_done=int(r[11] or 0)) for r in rows]

    def days(self) -> list[tuple[date, float]]:
        """(local date, active seconds) of every finished or stopped workout in which a set was
        done: the weeks, the streak and the month (history.WEEK_RULE). The date is the one
        the stored moment names with its own offset, read from the text (ten years of
        workouts, no time-zone arithmetic); a moment without an offset is unknown."""
        rows = self._db.execute(
            "SELECT started_at, active_seconds FROM workouts WHERE status != 'in_progress' AND sets_done > 0")
        found = []
        for started, active in rows:
            if not isinstance(started, str) or len(started) < 20 or not (
                    started.endswith("Z") or started[-6] in "+-"):
                continue
            try:
                when = date.fromisoformat(started[:10])
            except ValueError:
                continue
            if 1970 <= when.year <= 2200:
                found.append((when, float(active or 0)))
        return found

    def exercise_sessions(self, exercise: str, limit: int = 8, exclude: int | None = None) -> list[Session]:
        """The last `limit` workouts in which `exercise` was done (but `exclude`, a workout
        id: the one just done), newest first, each with its sets (both sides of a one-sided
        exercise; a skipped set as not whole)."""
        ids = [row[0] for row in self._db.execute(
            "SELECT s.workout_id FROM sets s JOIN workouts w ON w.id = s.workout_id "
            "WHERE s.exercise = ? AND s.state = 'done' AND s.workout_id IS NOT ? GROUP BY s.workout_id "
            "ORDER BY MAX(w.started_at) DESC, s.workout_id DESC LIMIT ?", (exercise, exclude, limit))]
        if not ids:
            return []
        sets: dict[int, list[LoggedSet]] = {i: [] for i in ids}
        marks = ", ".join("?" * len(ids))
        for workout_id, load, reps, seconds, planned, state in self._db.execute(
                f"SELECT workout_id, load_json, reps, seconds, planned_seconds, state FROM sets "
                f"WHERE exercise = ? AND workout_id IN ({marks}) ORDER BY workout_id, segment", (exercise, *ids)):
            done = state == "done"
            sets[workout_id].append(LoggedSet(load_of(json_or(load, None)), reps=(reps or 0) if done else 0,
                                              seconds=seconds, planned_seconds=planned,
                                              whole=is_whole(done, seconds, planned)))
        return [Session(tuple(sets[i])) for i in ids]

    def set_rows(self, exercise: str | None = None, last: int | None = None) -> list[tuple[Any, ...]]:
        """Every logged set (of one exercise; of its `last` workouts only), oldest first:
        (started_at, workout uuid, circuit, exercise, round, side, load_json, lifted, reps,
        seconds, planned_seconds, state)."""
        where, args = ("WHERE s.exercise = ?", (exercise,)) if exercise else ("", ())  # type: tuple[str, tuple[Any, ...]]
        if exercise and last is not None:
            where += (" AND s.workout_id IN (SELECT workout_id FROM sets WHERE exercise = ? GROUP BY workout_id "
                      "ORDER BY workout_id DESC LIMIT ?)")
            args = (exercise, exercise, last)
        return self._db.execute(
            "SELECT w.started_at, w.uuid, w.circuit_name, s.exercise, s.round, s.side, s.load_json, s.lifted, "
            f"s.reps, s.seconds, s.planned_seconds, s.state FROM sets s JOIN workouts w ON w.id = s.workout_id "
            f"{where} ORDER BY w.started_at, w.id, s.segment", args).fetchall()

    def exercise_bests(self, exercise: str) -> tuple[int, list[tuple[Any, str]], tuple[int, Any] | None]:
        """Over all time, in a few rows: how many workouts did it, each load it was done at
        with the first time, and the most reps in one set with its load."""
        count = self._db.execute("SELECT COUNT(DISTINCT workout_id) FROM sets WHERE exercise = ? AND state = 'done'",
                                 (exercise,)).fetchone()[0]
        firsts = self._db.execute(
            "SELECT load_json, MIN(workout_id) FROM sets WHERE exercise = ? AND state = 'done' "
            "AND load_json IS NOT NULL GROUP BY load_json", (exercise,)).fetchall()
        started = dict(self._db.execute(
            f"SELECT id, started_at FROM workouts WHERE id IN ({', '.join('?' * len(firsts))})",
            [first for _, first in firsts]).fetchall()) if firsts else {}
        loads = [(load, started.get(first, "")) for load, first in firsts]
        most = self._db.execute(
            "SELECT reps, load_json FROM sets WHERE exercise = ? AND state = 'done' AND reps IS NOT NULL "
            "ORDER BY reps DESC, lifted DESC LIMIT 1", (exercise,)).fetchone()    # a tie: at the heavier load
        return int(count), loads, (most[0], most[1]) if most else None

    def last_circuit_with(self, exercise: str) -> dict[str, Any] | None:
        """The circuit, as it ran, of the newest workout in which `exercise` was done."""
        row = self._db.execute(
            "SELECT c.json FROM sets s JOIN workouts w ON w.id = s.workout_id JOIN circuits c ON c.id = w.circuit_id "
            "WHERE s.exercise = ? AND s.state = 'done' ORDER BY w.started_at DESC, w.id DESC LIMIT 1",
            (exercise,)).fetchone()
        found = json_or(row[0], None) if row else None
        return found if isinstance(found, dict) else None

    def exercise_names(self) -> list[str]:
        return [row[0] for row in self._db.execute(
            "SELECT exercise FROM sets WHERE state = 'done' GROUP BY exercise ORDER BY exercise")]

    def last_done(self) -> dict[str, datetime]:
        """circuit key -> when it was last completed."""
        rows = self._db.execute(
            "SELECT circuit_key, MAX(finished_at) FROM workouts WHERE status = 'completed' GROUP BY circuit_key")
        found = {key: moment_of(at) for key, at in rows}
        return {key: at for key, at in found.items() if at is not None}

    def last_tried(self) -> dict[str, datetime]:
        """circuit key -> when it was last started and not completed (stopped part-way, or
        interrupted)."""
        rows = self._db.execute(
            "SELECT circuit_key, MAX(started_at) FROM workouts WHERE status != 'completed' GROUP BY circuit_key")
        found = {key: moment_of(at) for key, at in rows}
        return {key: at for key, at in found.items() if at is not None}

    # -- runs --------------------------------------------------------------------------

    def add_runs(self, runs: Iterable[Run]) -> tuple[list[Run], list[Run]]:
        """(added, already there): each run once by its id, all in one transaction."""
        return add_runs(self._db, runs)

    def runs(self, since: datetime | None = None, until: datetime | None = None) -> list[Run]:
        """The runs started in [since, until), oldest first."""
        return stored_runs(self._db, since, until)

    def delete_run(self, run_id: str) -> bool:
        return delete_run(self._db, run_id)
