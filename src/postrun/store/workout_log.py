"""The workout log: SQLite, one transaction per write, so a completion is durable the
moment it is written. Schema changes are stepwise migrations keyed on PRAGMA user_version.

Opening never fails: a damaged file is kept aside under a timestamped name and a fresh
log started; an unwritable folder gives a log in memory. Either way `notice` says so in
words for the window to show.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from postrun.store.paths import log_path

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE workouts (
        id INTEGER PRIMARY KEY,
        circuit_key TEXT NOT NULL,
        circuit_name TEXT NOT NULL,
        circuit_json TEXT NOT NULL,          -- the circuit as run: swaps and rounds applied
        started_at TEXT NOT NULL,            -- ISO 8601 with the UTC offset
        finished_at TEXT,
        active_seconds REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed', 'abandoned')),
        segment_index INTEGER NOT NULL DEFAULT 0,   -- checkpoint, or where it was stopped
        segment_label TEXT NOT NULL DEFAULT '',
        skipped_json TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        effort INTEGER CHECK (effort IS NULL OR effort BETWEEN 1 AND 10)
    );
    CREATE INDEX workouts_by_circuit ON workouts (circuit_key, started_at);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class NewerLogError(Exception):
    pass


@dataclass(frozen=True)
class WorkoutRecord:
    id: int
    circuit_key: str
    circuit_name: str
    circuit: dict[str, Any]
    started_at: datetime
    finished_at: datetime | None
    active_seconds: float
    status: str
    segment_index: int
    segment_label: str
    skipped: list[int]
    note: str
    effort: int | None


def now_local() -> datetime:
    """Wall-clock time with the local time zone: the log records when, as the user lived it."""
    return datetime.now().astimezone()


class WorkoutLog:
    def __init__(self, connection: sqlite3.Connection, path: Path | None, notice: str | None = None) -> None:
        self._db = connection
        self.path = path            # None: kept in memory only (nothing could be written)
        self.notice = notice

    @classmethod
    def open(cls, path: Path | None = None) -> WorkoutLog:
        path = path or log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(_connect(path), path)
        except NewerLogError:
            aside = _keep_aside(path, "newer")
            notice = (f"The workout log was written by a newer Postrun; it was kept as {aside.name} "
                      f"and a fresh log started in {path.parent}.")
        except sqlite3.OperationalError as exc:
            if not _is_write_problem(exc, path):
                raise
            return cls._in_memory(f"Workouts cannot be saved: the folder {path.parent} is not writable "
                                  f"({exc}). This workout will run but will not be kept.")
        except OSError as exc:
            return cls._in_memory(f"Workouts cannot be saved: cannot create the folder {path.parent} "
                                  f"({exc.strerror or exc}). This workout will run but will not be kept.")
        except sqlite3.DatabaseError:
            aside = _keep_aside(path, "corrupt")
            notice = (f"The workout log was damaged. It was kept as {aside.name} in {path.parent} "
                      f"and a fresh log started.")
        try:
            return cls(_connect(path), path, notice)
        except (sqlite3.Error, OSError) as exc:
            return cls._in_memory(f"{notice} The fresh log could not be created either ({exc}); "
                                  f"this workout will not be kept.")

    @classmethod
    def _in_memory(cls, notice: str) -> WorkoutLog:
        connection = sqlite3.connect(":memory:")
        _migrate(connection)
        return cls(connection, None, notice)

    def close(self) -> None:
        self._db.close()

    # -- writing: each call is one transaction ---------------------------------------

    def begin(self, circuit_key: str, circuit: dict[str, Any], started_at: datetime) -> int:
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO workouts (circuit_key, circuit_name, circuit_json, started_at, status) "
                "VALUES (?, ?, ?, ?, 'in_progress')",
                (circuit_key, str(circuit.get("name", circuit_key)), json.dumps(circuit), started_at.isoformat()),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def checkpoint(self, record_id: int, segment_index: int, segment_label: str, active_seconds: float,
                   skipped: list[int]) -> None:
        with self._db:
            self._db.execute(
                "UPDATE workouts SET segment_index = ?, segment_label = ?, active_seconds = ?, skipped_json = ? "
                "WHERE id = ? AND status = 'in_progress'",
                (segment_index, segment_label, active_seconds, json.dumps(skipped), record_id),
            )

    def finish(self, record_id: int, status: str, finished_at: datetime, active_seconds: float,
               segment_index: int, segment_label: str, skipped: list[int]) -> None:
        if status not in ("completed", "abandoned"):
            raise ValueError(f"unknown status {status!r}")
        with self._db:
            self._db.execute(
                "UPDATE workouts SET status = ?, finished_at = ?, active_seconds = ?, segment_index = ?, "
                "segment_label = ?, skipped_json = ? WHERE id = ?",
                (status, finished_at.isoformat(), active_seconds, segment_index, segment_label,
                 json.dumps(skipped), record_id),
            )

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

    # -- reading ---------------------------------------------------------------------

    def get(self, record_id: int) -> WorkoutRecord | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM workouts WHERE id = ?", (record_id,)).fetchone()
        return _record(row) if row else None

    def interrupted(self) -> list[WorkoutRecord]:
        """Workouts that were in progress when the program died, newest first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM workouts WHERE status = 'in_progress' ORDER BY id DESC").fetchall()
        return [_record(r) for r in rows]

    def history(self, limit: int = 1000) -> list[WorkoutRecord]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM workouts ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_record(r) for r in rows]

    def last_done(self) -> dict[str, datetime]:
        """circuit key -> when it was last completed."""
        rows = self._db.execute(
            "SELECT circuit_key, MAX(finished_at) FROM workouts WHERE status = 'completed' GROUP BY circuit_key")
        return {key: datetime.fromisoformat(at) for key, at in rows if at}


_COLUMNS = ("id, circuit_key, circuit_name, circuit_json, started_at, finished_at, active_seconds, status, "
            "segment_index, segment_label, skipped_json, note, effort")


def _record(row: tuple[Any, ...]) -> WorkoutRecord:
    (record_id, key, name, circuit_json, started, finished, active, status, index, label, skipped,
     note, effort) = row
    return WorkoutRecord(
        id=record_id, circuit_key=key, circuit_name=name, circuit=json.loads(circuit_json),
        started_at=datetime.fromisoformat(started),
        finished_at=datetime.fromisoformat(finished) if finished else None,
        active_seconds=active, status=status, segment_index=index, segment_label=label,
        skipped=json.loads(skipped), note=note, effort=effort,
    )


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")   # a commit survives power loss, not just a crash
        check = connection.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        _migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerLogError(f"log schema {version} is newer than {SCHEMA_VERSION}")
    for number in range(version, SCHEMA_VERSION):
        with connection:
            connection.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;")


def _is_write_problem(exc: sqlite3.OperationalError, path: Path) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "unable to open" in text or not os.access(path.parent, os.W_OK)


def _keep_aside(path: Path, why: str) -> Path:
    stamp = now_local().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside
