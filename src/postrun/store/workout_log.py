"""The workout log: SQLite, one transaction per write, so a completion is durable the
moment it is written. Schema changes are stepwise migrations keyed on PRAGMA user_version.

Opening never fails: a damaged file is kept aside under a timestamped name and a fresh
log started; a log that cannot be written (unwritable folder, read-only file, full disk,
a folder where the file belongs) gives a log in memory that can `reopen` its file later.
Either way `notice` says so in words for the window to show.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from postrun.core.clock import WallClock, local_now
from postrun.store.paths import log_path


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
    uuid: str = ""
    swaps: list[dict[str, Any]] = field(default_factory=list)     # [{"exercise": 1, "from": ..., "to": ...}]
    segment_seconds: dict[int, float] = field(default_factory=dict)   # segment index -> seconds spent in it

    @property
    def local_date(self) -> date:
        """The day as the user lived it: the stored offset, not today's time zone."""
        return self.started_at.date()


@dataclass(frozen=True)
class WorkoutSummary:
    """One line of the history list: everything but the circuit, cheap to read by the thousand."""

    id: int
    uuid: str
    circuit_key: str
    circuit_name: str
    started_at: datetime
    active_seconds: float
    status: str
    segment_label: str
    skipped_count: int
    note: str
    effort: int | None


@dataclass
class WorkoutDraft:
    """What the log should say about one workout, kept whole so that every write (and a
    retry after a failed one) writes the latest truth in one transaction."""

    circuit_key: str
    circuit: dict[str, Any]
    started_at: datetime
    status: str = "in_progress"
    finished_at: datetime | None = None
    active_seconds: float = 0.0
    segment_index: int = 0
    segment_label: str = ""
    skipped: list[int] = field(default_factory=list)
    note: str = ""
    effort: int | None = None
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    swaps: list[dict[str, Any]] = field(default_factory=list)
    segment_seconds: dict[int, float] = field(default_factory=dict)

    @property
    def circuit_name(self) -> str:
        return str(self.circuit.get("name", self.circuit_key))


STATUSES = ("in_progress", "completed", "abandoned")


class WorkoutLog:
    def __init__(self, connection: sqlite3.Connection, path: Path | None, notice: str | None = None,
                 wanted: Path | None = None) -> None:
        self._db = connection
        self.path = path            # None: kept in memory only (nothing could be written)
        self.wanted = wanted or path    # where the log belongs, for `reopen`
        self.notice = notice            # what to tell the user about opening it, in a sentence
        self.problem: str | None = None     # kept in memory: why, in a few words

    @property
    def durable(self) -> bool:
        """True when a write that returned is on disk (not a log kept in memory)."""
        return self.path is not None

    @classmethod
    def open(cls, path: Path | None = None, now: WallClock = local_now) -> WorkoutLog:
        """`now` names a damaged file kept aside by when it was found."""
        path = path or log_path()
        problem = _file_problem(path)
        if problem is not None:
            return cls._in_memory(path, problem)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(_connect(path), path)
        except NewerLogError:
            what = "was written by a newer Postrun"
            kind = "newer"
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                return cls._in_memory(path, explain(exc, path))
            what = "was damaged"
            kind = "corrupt"
        except OSError as exc:
            return cls._in_memory(path, f"cannot create the folder {path.parent} ({exc.strerror or exc})")
        try:
            aside = _keep_aside(path, kind, now())
        except OSError as exc:
            return cls._in_memory(path, f"the workout log {path} {what} and could not be moved aside "
                                        f"({exc.strerror or exc}); it was left as it is")
        notice = f"The workout log {what}. It was kept as {aside.name} in {path.parent} and a fresh log started."
        try:
            return cls(_connect(path), path, notice)
        except (sqlite3.Error, OSError) as exc:
            return cls._in_memory(path, f"a fresh log could not be created either ({explain(exc, path)})",
                                  before=notice)

    @classmethod
    def _in_memory(cls, wanted: Path, problem: str, before: str = "") -> WorkoutLog:
        connection = sqlite3.connect(":memory:")
        _migrate(connection)
        notice = f"{before} Workouts cannot be saved: {problem}. {_NOT_KEPT}".strip()
        log = cls(connection, None, notice, wanted)
        log.problem = problem
        return log

    def reopen(self) -> dict[int, int]:
        """A log kept in memory tries its file again (the disk was freed, the folder made
        writable). Records made meanwhile are copied over; returns old id -> new id, or
        raises sqlite3.Error / OSError when the file still cannot be used."""
        if self.path is not None or self.wanted is None:
            return {}
        problem = _file_problem(self.wanted)
        if problem is not None:
            raise OSError(problem)
        self.wanted.parent.mkdir(parents=True, exist_ok=True)
        connection = _connect(self.wanted)
        moved: dict[int, int] = {}
        try:
            rows = self._db.execute(f"{_SELECT} ORDER BY w.id").fetchall()
            with connection:
                for row in rows:
                    record = _record(row)
                    moved[record.id] = _insert(connection, draft_of(record))
        except BaseException:
            connection.close()
            raise
        self._db.close()
        self._db, self.path, self.notice, self.problem = connection, self.wanted, None, None
        return moved

    def close(self) -> None:
        self._db.close()
        if self.path is not None:
            # what this program wrote is sound: the file as it closed needs no check next time
            # (after a crash, or a change by anything else, the next start checks it again)
            _remember_checked(self.path)

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
                    f"UPDATE workouts SET {', '.join(c + ' = ?' for c in _FIELDS)} WHERE id = ?",
                    (*_stored(self._db, draft), record_id))
                if cursor.rowcount == 1:
                    return record_id
            return _insert(self._db, draft)

    def delete(self, record_id: int) -> WorkoutRecord | None:
        """Remove one record; returns it whole so that `restore` can put it back (undo)."""
        record = self.get(record_id)
        if record is not None:
            with self._db:
                self._db.execute("DELETE FROM workouts WHERE id = ?", (record_id,))
                self._db.execute("DELETE FROM circuits WHERE id NOT IN (SELECT circuit_id FROM workouts)")
        return record

    def restore(self, record: WorkoutRecord) -> None:
        """A deleted record back under its own id and uuid."""
        with self._db:
            _insert(self._db, draft_of(record), record.id)

    def merge(self, drafts: Iterable[WorkoutDraft]) -> tuple[int, int]:
        """Add the workouts whose uuid is not in the log yet, in one transaction (all or
        nothing); returns (added, already there)."""
        added = known = 0
        with self._db:
            have = {row[0] for row in self._db.execute("SELECT uuid FROM workouts")}
            for draft in drafts:
                if draft.uuid in have:
                    known += 1
                    continue
                _insert(self._db, draft)
                have.add(draft.uuid)
                added += 1
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

    # -- reading ---------------------------------------------------------------------

    def get(self, record_id: int) -> WorkoutRecord | None:
        row = self._db.execute(f"{_SELECT} WHERE w.id = ?", (record_id,)).fetchone()
        return _record(row) if row else None

    def interrupted(self) -> list[WorkoutRecord]:
        """Workouts that were in progress when the program died, newest first."""
        rows = self._db.execute(
            f"{_SELECT} WHERE w.status = 'in_progress' ORDER BY w.id DESC").fetchall()
        return [_record(r) for r in rows]

    def history(self, limit: int = 1000) -> list[WorkoutRecord]:
        rows = self._db.execute(f"{_SELECT} ORDER BY w.started_at DESC, w.id DESC LIMIT ?", (limit,)).fetchall()
        return [_record(r) for r in rows]

    def records(self, since: str | None = None) -> Iterable[WorkoutRecord]:
        """Every record (started on or after the ISO date `since`), oldest first, read lazily."""
        where, args = ("WHERE w.started_at >= ?", (since,)) if since else ("", ())
        circuits: dict[str, Any] = {}     # the same circuit text is parsed once per call
        for row in self._db.execute(f"{_SELECT} {where} ORDER BY w.started_at, w.id", args):
            yield _record(row, circuits)

    def summaries(self) -> list[WorkoutSummary]:
        """The history list, newest first, without the circuits (10,000 in a few ms)."""
        rows = self._db.execute(
            "SELECT id, uuid, circuit_key, circuit_name, started_at, active_seconds, status, segment_label, "
            "skipped_json, note, effort FROM workouts WHERE status != 'in_progress' "
            "ORDER BY started_at DESC, id DESC").fetchall()
        return [WorkoutSummary(
            id=r[0], uuid=r[1] or "", circuit_key=r[2], circuit_name=r[3],
            started_at=_when(r[4]) or _EPOCH, active_seconds=float(r[5] or 0), status=r[6],
            segment_label=r[7] or "", skipped_count=_count(r[8]), note=r[9] or "", effort=r[10]) for r in rows]

    def days(self) -> list[tuple[date, float]]:
        """(local date, active seconds) of every finished or stopped workout: the weeks and streak."""
        rows = self._db.execute("SELECT started_at, active_seconds FROM workouts WHERE status != 'in_progress'")
        found = []
        for started, active in rows:
            when = _when(started)
            if when is not None:
                found.append((when.date(), float(active or 0)))
        return found

    def last_done(self) -> dict[str, datetime]:
        """circuit key -> when it was last completed."""
        rows = self._db.execute(
            "SELECT circuit_key, MAX(finished_at) FROM workouts WHERE status = 'completed' GROUP BY circuit_key")
        found = {key: _when(at) for key, at in rows}
        return {key: at for key, at in found.items() if at is not None}


# the workouts row as written: circuit_id stands for the circuit's JSON in `circuits`
_FIELDS = ("circuit_key", "circuit_name", "circuit_id", "started_at", "finished_at", "active_seconds", "status",
           "segment_index", "segment_label", "skipped_json", "note", "effort", "uuid", "swaps_json", "seconds_json")
_CIRCUIT_AT = _FIELDS.index("circuit_id")
# a record as read: the same order with the circuit's JSON in its place
_SELECT = ("SELECT w.id, " + ", ".join("c.json" if f == "circuit_id" else f"w.{f}" for f in _FIELDS)
           + " FROM workouts w JOIN circuits c ON c.id = w.circuit_id")
_EPOCH = datetime.fromtimestamp(0).astimezone()


def _values(draft: WorkoutDraft) -> tuple[Any, ...]:
    """The record's values in _FIELDS order, with the circuit as JSON text."""
    return (draft.circuit_key, draft.circuit_name, json.dumps(draft.circuit),
            draft.started_at.isoformat(), draft.finished_at.isoformat() if draft.finished_at else None,
            draft.active_seconds, draft.status, draft.segment_index, draft.segment_label, json.dumps(draft.skipped),
            draft.note, draft.effort, draft.uuid, json.dumps(draft.swaps),
            json.dumps({str(k): round(v, 3) for k, v in sorted(draft.segment_seconds.items())}))


def _stored(db: sqlite3.Connection, draft: WorkoutDraft) -> tuple[Any, ...]:
    """_values with the circuit stored once in `circuits` and referred to by its id."""
    values = list(_values(draft))
    text = values[_CIRCUIT_AT]
    db.execute("INSERT OR IGNORE INTO circuits (json) VALUES (?)", (text,))
    values[_CIRCUIT_AT] = db.execute("SELECT id FROM circuits WHERE json = ?", (text,)).fetchone()[0]
    return tuple(values)


def _insert(db: sqlite3.Connection, draft: WorkoutDraft, record_id: int | None = None) -> int:
    columns = ("id", *_FIELDS) if record_id is not None else _FIELDS
    values = (record_id, *_stored(db, draft)) if record_id is not None else _stored(db, draft)
    cursor = db.execute(f"INSERT INTO workouts ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        values)
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def draft_of(record: WorkoutRecord) -> WorkoutDraft:
    """A record as a draft again: a resumed workout, an undone delete, an export."""
    return WorkoutDraft(
        circuit_key=record.circuit_key, circuit=record.circuit, started_at=record.started_at, status=record.status,
        finished_at=record.finished_at, active_seconds=record.active_seconds, segment_index=record.segment_index,
        segment_label=record.segment_label, skipped=list(record.skipped), note=record.note, effort=record.effort,
        uuid=record.uuid or str(uuid.uuid4()), swaps=list(record.swaps), segment_seconds=dict(record.segment_seconds))


def _record(row: tuple[Any, ...], circuits: dict[str, Any] | None = None) -> WorkoutRecord:
    (record_id, key, name, circuit_json, started, finished, active, status, index, label, skipped,
     note, effort, record_uuid, swaps_json, seconds_json) = row
    if circuits is None:
        circuit = _json_or(circuit_json, {})
    elif circuit_json in circuits:
        circuit = circuits[circuit_json]          # shared by the records of one read: not to be changed
    else:
        circuit = circuits.setdefault(circuit_json, _json_or(circuit_json, {}))
    skipped_list = _json_or(skipped, [])
    swaps = _json_or(swaps_json, [])
    return WorkoutRecord(
        id=record_id, circuit_key=key, circuit_name=name, circuit=circuit if isinstance(circuit, dict) else {},
        started_at=_when(started) or _EPOCH,
        finished_at=_when(finished),
        active_seconds=float(active or 0), status=status, segment_index=int(index or 0), segment_label=label or "",
        skipped=[i for i in skipped_list if isinstance(i, int)] if isinstance(skipped_list, list) else [],
        note=note or "", effort=effort, uuid=record_uuid or "",
        swaps=[s for s in swaps if isinstance(s, dict)] if isinstance(swaps, list) else [],
        segment_seconds=segment_seconds_of(_json_or(seconds_json, {})),
    )


def segment_seconds_of(value: Any) -> dict[int, float]:
    """{"3": 41.2} as stored (JSON keys are text) -> {3: 41.2}; anything odd is left out."""
    found: dict[int, float] = {}
    if isinstance(value, dict):
        for key, seconds in value.items():
            try:
                index, spent = int(key), float(seconds)
            except (TypeError, ValueError):
                continue
            if index >= 0 and 0 <= spent < 86400:
                found[index] = spent
    return found


def _count(text: Any) -> int:
    found = _json_or(text, [])
    return len(found) if isinstance(found, list) else 0


def _json_or(text: Any, default: Any) -> Any:
    """A row edited by hand or by another tool must not stop the log from being read."""
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default


def _when(text: Any) -> datetime | None:
    """A stored moment; one edited by hand into nonsense (or outside 1970-2200, where
    converting time zones overflows) reads as unknown."""
    try:
        moment = datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None
    if moment is None or moment.tzinfo is None or not 1970 <= moment.year <= 2200:
        return None
    return moment


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")   # a commit survives power loss, not just a crash
        stamp = _file_stamp(path)
        if stamp is None or stamp != _checked_stamp(path):
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
        _migrate(connection)
        _remember_checked(path)
    except BaseException:
        connection.close()
        raise
    return connection


# The integrity check reads the whole file (9 ms for ten years of workouts). A file whose
# size, modification time and inode are those it had when it last passed (or when this
# program closed it) is not checked again.
def _check_record(path: Path) -> Path:
    return path.with_name(f".{path.name}.checked")


def _file_stamp(path: Path) -> str | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return f"{found.st_size} {found.st_mtime_ns} {found.st_ino}"


def _checked_stamp(path: Path) -> str | None:
    try:
        return _check_record(path).read_text(encoding="ascii").strip() or None
    except (OSError, ValueError):
        return None


def _remember_checked(path: Path) -> None:
    stamp = _file_stamp(path)
    if stamp is not None and stamp != _checked_stamp(path):
        with contextlib.suppress(OSError):     # a folder that will not take it: the next start checks again
            _check_record(path).write_text(stamp + "\n", encoding="ascii")


def _migrate(connection: sqlite3.Connection) -> None:
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


_NOT_KEPT = "This workout will run; at the end you can save its record to a file."


def _file_problem(path: Path) -> str | None:
    """Something other than a log file where the log belongs, in words; None when usable."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"the log {path} cannot be looked at ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return f"there is a folder named {path.name} in {path.parent} where the log file belongs; move it away"
    if not stat.S_ISREG(mode):
        return f"{path} is not a regular file (a pipe, socket or device); move it away"
    return None


def _nearly_full(folder: Path) -> bool:
    """SQLite reports a disk with a few KB left as an I/O error (its shared memory cannot
    grow); the free space says what the user must do."""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return found.f_bavail * found.f_frsize < 512 * 1024


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "quick_check" in str(exc) or (
        not name and not isinstance(exc, sqlite3.OperationalError))


def explain(exc: BaseException, path: Path) -> str:
    """Why the log at `path` cannot be written, in words a person can act on."""
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return f"{exc.strerror or exc}"
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "disk is full" in text or _nearly_full(path.parent):
        return f"the disk holding {path.parent} is full; free some space"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the log file {path} is read-only"
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is not writable"
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return f"the log file {path} is read-only"
    if name.startswith("SQLITE_IOERR"):
        return f"the disk holding {path.parent} failed to write ({exc})"
    return f"{exc}"


def _keep_aside(path: Path, why: str, when: datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside
