"""The workout log's schema: stepwise migrations keyed on PRAGMA user_version, each in one
transaction, so a crash half-way leaves the old version whole. A log written by a newer
Postrun is refused (NewerLogError), never changed."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable


def _ids_swaps_times_and_shared_circuits(connection: sqlite3.Connection) -> None:
    """2: a stable id per workout (history moves between computers without duplicates),
    the swaps made, the time spent in each segment (rep sets have no planned time), and
    each distinct circuit stored once: ten years of the same four circuits is 3 MB, not
    30, so opening (its integrity check) and every scan stay fast."""
    connection.create_function("new_uuid", 0, lambda: str(uuid.uuid4()))
    # statement by statement: executescript would commit the migration's transaction first
    for statement in _SCHEMA_2.split(";"):
        if statement.strip():
            connection.execute(statement)


_SCHEMA_2 = """
        CREATE TABLE circuits (
            id INTEGER PRIMARY KEY,
            json TEXT NOT NULL UNIQUE            -- the circuit as run: swaps and rounds applied
        );
        CREATE TABLE workouts_2 (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            circuit_key TEXT NOT NULL,
            circuit_name TEXT NOT NULL,
            circuit_id INTEGER NOT NULL REFERENCES circuits (id),
            started_at TEXT NOT NULL,            -- ISO 8601 with the UTC offset
            finished_at TEXT,
            active_seconds REAL NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed', 'abandoned')),
            segment_index INTEGER NOT NULL DEFAULT 0,
            segment_label TEXT NOT NULL DEFAULT '',
            skipped_json TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            effort INTEGER CHECK (effort IS NULL OR effort BETWEEN 1 AND 10),
            swaps_json TEXT NOT NULL DEFAULT '[]',
            seconds_json TEXT NOT NULL DEFAULT '{}'     -- segment index -> active seconds spent in it
        );
        INSERT INTO circuits (json) SELECT DISTINCT circuit_json FROM workouts;
        INSERT INTO workouts_2 (id, uuid, circuit_key, circuit_name, circuit_id, started_at, finished_at,
                                active_seconds, status, segment_index, segment_label, skipped_json, note, effort)
            SELECT w.id, new_uuid(), w.circuit_key, w.circuit_name, c.id, w.started_at, w.finished_at,
                   w.active_seconds, w.status, w.segment_index, w.segment_label, w.skipped_json, w.note, w.effort
            FROM workouts w JOIN circuits c ON c.json = w.circuit_json;
        DROP TABLE workouts;
        ALTER TABLE workouts_2 RENAME TO workouts;
        CREATE INDEX workouts_by_circuit ON workouts (circuit_key, started_at);
        CREATE INDEX workouts_by_start ON workouts (started_at);
        CREATE INDEX workouts_by_status ON workouts (status, circuit_key, finished_at);
"""


def _sets_done(connection: sqlite3.Connection) -> None:
    """3: how many sets each workout did, so the week, the streak and the month count only
    workouts in which a set was done (a start stopped in Get ready is not a workout)."""
    from postrun.store.log_rows import sets_done_of

    connection.execute("ALTER TABLE workouts ADD COLUMN sets_done INTEGER NOT NULL DEFAULT 0")
    rows = connection.execute(
        "SELECT w.id, c.json, w.status, w.segment_index, w.skipped_json "
        "FROM workouts w JOIN circuits c ON c.id = w.circuit_id").fetchall()
    connection.executemany("UPDATE workouts SET sets_done = ? WHERE id = ?",
                           [(sets_done_of(text, status, index, skipped), record_id)
                            for record_id, text, status, index, skipped in rows])
    connection.execute("CREATE INDEX workouts_counted ON workouts (sets_done, started_at)")


def _sets(connection: sqlite3.Connection) -> None:
    """4: every exercise set in a table of its own, with its load and reps (an exercise's
    weeks and its last time are read from it), and what the run logged per set beyond the
    plan (sets_json). Old workouts get their sets from their circuit as it ran."""
    from postrun.store.log_rows import SETS_TABLE, fill_sets

    connection.execute("ALTER TABLE workouts ADD COLUMN sets_json TEXT NOT NULL DEFAULT '{}'")
    for statement in SETS_TABLE.split(";"):
        if statement.strip():
            connection.execute(statement)
    fill_sets(connection)


Migration = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = [
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
    _ids_swaps_times_and_shared_circuits,
    _sets_done,
    _sets,
    # 5: runs, from the watch's files, an export or typed: each stored once by its id (its
    # start to the second and its device), with where it came from
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,            -- ISO 8601 with the UTC offset
        started_utc TEXT NOT NULL,           -- the same instant in UTC, for ordering and days
        elapsed_seconds REAL NOT NULL,
        moving_seconds REAL,
        distance_m REAL,
        sport TEXT NOT NULL,
        sub_sport TEXT,
        average_heart_rate INTEGER,
        max_heart_rate INTEGER,
        training_effect REAL,
        kind TEXT,
        effort INTEGER CHECK (effort IS NULL OR effort BETWEEN 1 AND 10),
        device TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX runs_by_start ON runs (started_utc);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class NewerLogError(Exception):
    pass


def migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerLogError(f"log schema {version} is newer than {SCHEMA_VERSION}")
    for number in range(version, SCHEMA_VERSION):
        step = MIGRATIONS[number]
        if isinstance(step, str):
            with connection:
                connection.executescript(f"BEGIN; {step}; PRAGMA user_version = {number + 1}; COMMIT;")
            continue
        # a step in Python: one transaction, so a crash half-way leaves the old version whole
        connection.execute("BEGIN")
        try:
            step(connection)
            connection.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            connection.rollback()
            raise
        connection.commit()
