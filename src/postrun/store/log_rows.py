"""The workout log's rows as values: a record as read, a summary for the list, a draft as
written, and the mapping between them and the `workouts` and `circuits` tables. A row
edited by hand or by another tool reads as far as it makes sense, never stops a read."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from postrun.core.circuit_reader import circuit_from_snapshot
from postrun.core.circuit_toml import load_dict
from postrun.core.load import Load, lifted
from postrun.core.set_log import SetRow, set_rows
from postrun.core.set_states import sets_done
from postrun.core.timeline import Timeline, build_timeline


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
    sets_done: int = 0           # exercise sets and stretches done (set_states' rule)
    set_log: dict[int, dict[str, Any]] = field(default_factory=dict)   # segment -> {"reps", "load"} logged

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
    sets_done: int = 0


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
    set_log: dict[int, dict[str, Any]] = field(default_factory=dict)    # segment -> what the run logged

    @property
    def circuit_name(self) -> str:
        return str(self.circuit.get("name", self.circuit_key))


STATUSES = ("in_progress", "completed", "abandoned")


# the workouts row as written: circuit_id stands for the circuit's JSON in `circuits`
FIELDS = ("circuit_key", "circuit_name", "circuit_id", "started_at", "finished_at", "active_seconds", "status",
           "segment_index", "segment_label", "skipped_json", "note", "effort", "uuid", "swaps_json", "seconds_json",
          "sets_done", "sets_json")
CIRCUIT_AT = FIELDS.index("circuit_id")
# a record as read: the same order with the circuit's JSON in its place
SELECT = ("SELECT w.id, " + ", ".join("c.json" if f == "circuit_id" else f"w.{f}" for f in FIELDS)
           + " FROM workouts w JOIN circuits c ON c.id = w.circuit_id")
EPOCH = datetime.fromtimestamp(0).astimezone()


def values_of(draft: WorkoutDraft) -> tuple[Any, ...]:
    """The record's values in FIELDS order, with the circuit as JSON text and the sets done
    counted from it (every write, whoever made the draft, counts by one rule)."""
    circuit_text, skipped_text = circuit_text_of(draft.circuit), json.dumps(draft.skipped)
    return (draft.circuit_key, draft.circuit_name, circuit_text,
            draft.started_at.isoformat(), draft.finished_at.isoformat() if draft.finished_at else None,
            draft.active_seconds, draft.status, draft.segment_index, draft.segment_label, skipped_text,
            draft.note, draft.effort, draft.uuid, json.dumps(draft.swaps),
            json.dumps({str(k): round(v, 3) for k, v in sorted(draft.segment_seconds.items())}),
            sets_done_of(circuit_text, draft.status, draft.segment_index, skipped_text),
            json.dumps({str(k): v for k, v in sorted(draft.set_log.items())}))


_TEXTS: dict[int, tuple[dict[str, Any], str]] = {}     # id -> (the circuit, kept alive; its JSON)


def circuit_text_of(circuit: dict[str, Any]) -> str:
    """A circuit's JSON, encoded once for the drafts that share it (an import of ten years
    holds a few circuit objects for ten thousand workouts). A circuit is never changed
    once a draft holds it: a swap or a new choice is a new dict."""
    known = _TEXTS.get(id(circuit))
    if known is not None and known[0] is circuit:
        return known[1]
    if len(_TEXTS) > 64:
        _TEXTS.clear()
    text = json.dumps(circuit)
    _TEXTS[id(circuit)] = (circuit, text)
    return text


@lru_cache(maxsize=32)
def _timeline_of(circuit_text: str) -> Timeline | None:
    circuit = json_or(circuit_text, None)
    found = circuit_from_snapshot(circuit) if isinstance(circuit, dict) else None
    return build_timeline(found) if found is not None else None


def sets_done_of(circuit_text: str, status: str, segment_index: Any, skipped_text: Any) -> int:
    """The sets a stored workout did. A circuit copy that cannot be read (edited by hand)
    counts a completed workout as one set done and a stopped one as none."""
    timeline = _timeline_of(circuit_text)
    completed = status == "completed"
    if timeline is None:
        return 1 if completed else 0
    skipped = json_or(skipped_text, [])
    indexes = {i for i in skipped if isinstance(i, int)} if isinstance(skipped, list) else set()
    reached = segment_index if isinstance(segment_index, int) else 0
    return sets_done(timeline, reached, indexes, completed)


def stored(db: sqlite3.Connection, draft: WorkoutDraft, circuit_ids: dict[str, int] | None = None) -> tuple[Any, ...]:
    """values_of with the circuit stored once in `circuits` and referred to by its id
    (`circuit_ids` keeps the ids found within one transaction: a merge of years)."""
    values = list(values_of(draft))
    text = values[CIRCUIT_AT]
    known = circuit_ids.get(text) if circuit_ids is not None else None
    if known is None:
        db.execute("INSERT OR IGNORE INTO circuits (json) VALUES (?)", (text,))
        known = db.execute("SELECT id FROM circuits WHERE json = ?", (text,)).fetchone()[0]
        if circuit_ids is not None:
            circuit_ids[text] = known
    values[CIRCUIT_AT] = known
    return tuple(values)


def insert(db: sqlite3.Connection, draft: WorkoutDraft, record_id: int | None = None, *, sets: bool = True,
           circuit_ids: dict[str, int] | None = None) -> int:
    """The workout's row (and its sets, unless the caller writes them in bulk: a merge)."""
    columns = ("id", *FIELDS) if record_id is not None else FIELDS
    values = stored(db, draft, circuit_ids)
    values = (record_id, *values) if record_id is not None else values
    cursor = db.execute(f"INSERT INTO workouts ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        values)
    assert cursor.lastrowid is not None
    if sets:
        write_sets(db, cursor.lastrowid, draft)
    return cursor.lastrowid


SETS_TABLE = """
    CREATE TABLE sets (
        workout_id INTEGER NOT NULL,
        segment INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        exercise_index INTEGER NOT NULL,
        round INTEGER,
        side TEXT,
        load_json TEXT,
        lifted REAL NOT NULL DEFAULT 0,      -- the weight in the hands (both of a pair), for sums
        reps INTEGER,
        seconds REAL,
        planned_seconds INTEGER,
        state TEXT NOT NULL,
        PRIMARY KEY (workout_id, segment)
    );
    CREATE INDEX sets_by_exercise ON sets (exercise, workout_id);
    -- an exercise's bests over ten years in a few index reads: the loads it was done at,
    -- and its most reps in a set
    CREATE INDEX sets_by_load ON sets (exercise, state, load_json, workout_id);
    CREATE INDEX sets_by_reps ON sets (exercise, state, reps)
"""


@lru_cache(maxsize=256)
def _load_json(load: Load | None) -> str | None:
    """A load as stored: a few distinct loads over a hundred thousand sets, each encoded once."""
    table = load_dict(load)
    return json.dumps(table) if table else None


def _set_values(workout_id: int, row: SetRow) -> tuple[Any, ...]:
    return (workout_id, row.segment, row.exercise, row.exercise_index, row.round, row.side,
            _load_json(row.load), lifted(row.load) if row.load else 0.0, row.reps,
            None if row.seconds is None else round(row.seconds, 3), row.planned_seconds, row.state)


def write_sets(db: sqlite3.Connection, workout_id: int, draft: WorkoutDraft) -> None:
    """The workout's rows in `sets`, written again whole (a workout has a few dozen) once
    it has ended: a running workout's checkpoints (one a segment) stay as small as before,
    and an interrupted one gets its sets when it is kept as unfinished."""
    db.execute("DELETE FROM sets WHERE workout_id = ?", (workout_id,))
    db.executemany(INSERT_SET, set_values(workout_id, draft))


INSERT_SET = "INSERT INTO sets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
SET_INDEXES = [part[part.index("CREATE INDEX"):].strip() for part in SETS_TABLE.split(";") if "CREATE INDEX" in part]


def set_values(workout_id: int, draft: WorkoutDraft) -> list[tuple[Any, ...]]:
    """The rows of `sets` for a workout that has ended (none while it runs)."""
    if draft.status == "in_progress":
        return []
    timeline = _timeline_of(circuit_text_of(draft.circuit))
    rows = [] if timeline is None else set_rows(
        timeline, completed=draft.status == "completed", reached=draft.segment_index, skipped=set(draft.skipped),
        spent=draft.segment_seconds, logged=draft.set_log)
    return [_set_values(workout_id, row) for row in rows]


def insert_sets_in_bulk(db: sqlite3.Connection, values: list[tuple[Any, ...]]) -> None:
    """Many workouts' sets at once (an import of years): the indexes are built once after
    the rows, not kept up to date row by row."""
    if len(values) < 5000:
        db.executemany(INSERT_SET, values)
        return
    names = [statement.split()[2] for statement in SET_INDEXES]
    for name in names:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    db.executemany(INSERT_SET, values)
    for statement in SET_INDEXES:
        db.execute(statement)


def fill_sets(db: sqlite3.Connection) -> None:
    """Every workout's sets, for a log that had none (the migration to schema 4): each row
    read as far as it makes sense, by the readers a record is read with."""
    found = db.execute("SELECT w.id, c.json, w.status, w.segment_index, w.skipped_json, w.seconds_json, "
                       "w.sets_json FROM workouts w JOIN circuits c ON c.id = w.circuit_id")
    circuits: dict[str, Any] = {}          # each circuit parsed once: its text is then encoded once too
    values: list[tuple[Any, ...]] = []
    for workout_id, circuit_json, status, index, skipped_json, seconds_json, sets_json in found:
        circuit = circuits.setdefault(circuit_json, json_or(circuit_json, {}))
        skipped = json_or(skipped_json, [])
        draft = WorkoutDraft("", circuit if isinstance(circuit, dict) else {}, EPOCH, status=status,
                             segment_index=index if isinstance(index, int) else 0,
                             skipped=[i for i in skipped if isinstance(i, int)] if isinstance(skipped, list) else [],
                             segment_seconds=segment_seconds_of(json_or(seconds_json, {})),
                             set_log=set_log_of(json_or(sets_json, {})))
        values.extend(set_values(workout_id, draft))
    insert_sets_in_bulk(db, values)


def draft_of(record: WorkoutRecord) -> WorkoutDraft:
    """A record as a draft again: a resumed workout, an undone delete, an export."""
    return WorkoutDraft(
        circuit_key=record.circuit_key, circuit=record.circuit, started_at=record.started_at, status=record.status,
        finished_at=record.finished_at, active_seconds=record.active_seconds, segment_index=record.segment_index,
        segment_label=record.segment_label, skipped=list(record.skipped), note=record.note, effort=record.effort,
        uuid=record.uuid or str(uuid.uuid4()), swaps=list(record.swaps), segment_seconds=dict(record.segment_seconds),
        set_log=dict(record.set_log))


def record_of(row: tuple[Any, ...], circuits: dict[str, Any] | None = None) -> WorkoutRecord:
    (record_id, key, name, circuit_json, started, finished, active, status, index, label, skipped,
     note, effort, record_uuid, swaps_json, seconds_json, done, sets_json) = row
    if circuits is None:
        circuit = json_or(circuit_json, {})
    elif circuit_json in circuits:
        circuit = circuits[circuit_json]          # shared by the records of one read: not to be changed
    else:
        circuit = circuits.setdefault(circuit_json, json_or(circuit_json, {}))
    skipped_list = json_or(skipped, [])
    swaps = json_or(swaps_json, [])
    return WorkoutRecord(
        id=record_id, circuit_key=key, circuit_name=name, circuit=circuit if isinstance(circuit, dict) else {},
        started_at=moment_of(started) or EPOCH,
        finished_at=moment_of(finished),
        active_seconds=float(active or 0), status=status, segment_index=int(index or 0), segment_label=label or "",
        skipped=[i for i in skipped_list if isinstance(i, int)] if isinstance(skipped_list, list) else [],
        note=note or "", effort=effort, uuid=record_uuid or "",
        swaps=[s for s in swaps if isinstance(s, dict)] if isinstance(swaps, list) else [],
        segment_seconds=segment_seconds_of(json_or(seconds_json, {})),
        sets_done=int(done or 0),
        set_log=set_log_of(json_or(sets_json, {})),
    )


def set_log_of(value: Any) -> dict[int, dict[str, Any]]:
    """{"12": {"reps": 10}} as stored -> {12: {"reps": 10}}; anything odd is left out."""
    if not isinstance(value, dict):
        return {}
    return {int(k): v for k, v in value.items() if str(k).isdigit() and int(k) < 100_000 and isinstance(v, dict)}


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


def count_of(text: Any) -> int:
    found = json_or(text, [])
    return len(found) if isinstance(found, list) else 0


def json_or(text: Any, default: Any) -> Any:
    """A row edited by hand or by another tool must not stop the log from being read."""
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default


def moment_of(text: Any) -> datetime | None:
    """A stored moment; one edited by hand into nonsense (or outside 1970-2200, where
    converting time zones overflows) reads as unknown."""
    try:
        moment = datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None
    if moment is None or moment.tzinfo is None or not 1970 <= moment.year <= 2200:
        return None
    return moment
