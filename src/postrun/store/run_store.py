"""The runs table of the log: each run stored once by its id (the same file, or an export
that overlaps it, changes nothing), read back by day. The rows are the Run's fields."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from postrun.core.run import Run, RunKind

COLUMNS = ("id", "started_at", "started_utc", "elapsed_seconds", "moving_seconds", "distance_m", "sport",
           "sub_sport", "average_heart_rate", "max_heart_rate", "training_effect", "kind", "effort", "device",
           "source")
INSERT = f"INSERT OR IGNORE INTO runs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def values_of(run: Run) -> tuple[object, ...]:
    return (run.id, run.started_at.isoformat(), run.started_at.astimezone(UTC).isoformat(), run.elapsed_seconds,
            run.moving_seconds, run.distance_m, run.sport, run.sub_sport, run.average_heart_rate,
            run.max_heart_rate, run.training_effect, run.kind.value if run.kind else None, run.effort, run.device,
            run.source)


def run_of(row: tuple[object, ...]) -> Run | None:
    """A stored row as a run; a row edited by hand into nonsense reads as nothing."""
    values = dict(zip(COLUMNS, row, strict=True))
    try:
        started = datetime.fromisoformat(str(values["started_at"]))
        kind = RunKind(str(values["kind"])) if values["kind"] else None
    except ValueError:
        return None
    if started.tzinfo is None:
        return None

    def number(key: str) -> float | None:
        value = values[key]
        return float(value) if isinstance(value, int | float) else None

    def whole(key: str) -> int | None:
        value = values[key]
        return int(value) if isinstance(value, int) else None

    return Run(started, number("elapsed_seconds") or 0.0, number("distance_m"), number("moving_seconds"),
               str(values["sport"]), str(values["sub_sport"]) if values["sub_sport"] else None,
               whole("average_heart_rate"), whole("max_heart_rate"), number("training_effect"), kind,
               whole("effort"), str(values["device"] or ""), str(values["source"] or ""))


def add_runs(db: sqlite3.Connection, runs: Iterable[Run]) -> tuple[list[Run], list[Run]]:
    """(added, already there), in one transaction."""
    with db:
        return insert_runs(db, runs)


def insert_runs(db: sqlite3.Connection, runs: Iterable[Run]) -> tuple[list[Run], list[Run]]:
    """(added, already there), inside the caller's transaction."""
    added: list[Run] = []
    known: list[Run] = []
    for run in runs:
        cursor = db.execute(INSERT, values_of(run))
        (added if cursor.rowcount == 1 else known).append(run)
    return added, known


def stored_runs(db: sqlite3.Connection, since: datetime | None = None, until: datetime | None = None) -> list[Run]:
    """The runs that started in [since, until), oldest first."""
    where, args = [], []
    if since is not None:
        where.append("started_utc >= ?")
        args.append(since.astimezone(UTC).isoformat())
    if until is not None:
        where.append("started_utc < ?")
        args.append(until.astimezone(UTC).isoformat())
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM runs{clause} ORDER BY started_utc", args).fetchall()
    return [run for run in map(run_of, rows) if run is not None]


def delete_run(db: sqlite3.Connection, run_id: str) -> bool:
    with db:
        return db.execute("DELETE FROM runs WHERE id = ?", (run_id,)).rowcount == 1
