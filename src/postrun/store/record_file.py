"""Workouts as files: the JSON a history export writes (and the finish screen writes when
the log cannot be), the CSV export, and reading a JSON export back for `--import`.

JSON: {"format": 1, "kind": "postrun-workouts", "workouts": [{...}, ...], "runs": [...]},
each workout with a stable "id" (a UUID) and each run with its own (its start and device),
so that merging the same file twice adds nothing. "runs" may be absent (files from before
runs were kept; a Postrun of that time reads the workouts and leaves the runs). Reading is
all or nothing: one bad workout or run refuses the whole file, with where and why in words.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from postrun.core.load import load_of
from postrun.core.run import Run
from postrun.core.segment_words import label_words
from postrun.core.text_rules import unreadable_character
from postrun.store.atomic import write_atomically
from postrun.store.json_items import NotAnObject, NotJson, read_object
from postrun.store.log_rows import json_or
from postrun.store.run_json import run_item, run_of_item
from postrun.store.workout_log import STATUSES, WorkoutDraft, segment_seconds_of

RECORD_FORMAT = 1
KIND = "postrun-workouts"
MAX_FILE_BYTES = 256 * 1024 * 1024      # ten years of daily workouts is about 60 MB
MAX_NOTE = 2000
MAX_RUNS = 200_000          # forty years of a run a day, twice over
MIN_YEAR, MAX_YEAR = 1970, 2200      # a workout outside these is a mistake (and breaks date arithmetic)
CSV_COLUMNS = ("id", "started_at", "finished_at", "circuit_key", "circuit_name", "status", "active_seconds",
               "stopped_at", "skipped_sets", "note", "effort")
# a record written before ids existed gets one derived from what it is, so it still merges once
_ID_SPACE = uuid.UUID("5b0c3c55-4f43-4b1a-9d0e-6b1f5d0a7c21")


class RecordFileError(Exception):
    """Why a workouts file cannot be imported, in words; nothing was changed."""


def document(drafts: Iterable[WorkoutDraft], runs: Iterable[Run] = ()) -> dict[str, Any]:
    return {"format": RECORD_FORMAT, "kind": KIND, "workouts": [workout_item(d) for d in drafts],
            "runs": [run_item(r) for r in runs]}


def workout_item(draft: WorkoutDraft) -> dict[str, Any]:
    """One workout as the JSON files carry it."""
    return {
        "id": draft.uuid,
        "circuit_key": draft.circuit_key,
        "circuit_name": draft.circuit_name,
        "started_at": draft.started_at.isoformat(),
        "finished_at": draft.finished_at.isoformat() if draft.finished_at else None,
        "status": draft.status,
        "active_seconds": round(draft.active_seconds, 3),
        "segment_index": draft.segment_index,
        "segment_label": draft.segment_label,
        "skipped": list(draft.skipped),
        "note": draft.note,
        "effort": draft.effort,
        "swaps": list(draft.swaps),
        "segment_seconds": {str(k): round(v, 3) for k, v in sorted(draft.segment_seconds.items())},
        "sets": {str(k): v for k, v in sorted(draft.set_log.items())},     # what the run logged per set
        "circuit": draft.circuit,
    }


def write_record_file(path: Path, draft: WorkoutDraft) -> None:
    """Atomic: the file holds the whole record or is left as it was. Raises OSError."""
    write_json(path, [draft])


def json_text(drafts: Iterable[WorkoutDraft], runs: Iterable[Run] = ()) -> str:
    """The document with one workout per line: readable, diffable, and written fast (ten
    years of workouts in a fraction of a second). Records that share a circuit object
    (as one read of the log gives them) share its serialized text."""
    circuits: dict[int, tuple[object, str]] = {}     # id -> (the object, kept alive; its JSON)
    lines = []
    for draft in drafts:
        item = workout_item(draft)
        circuit = item.pop("circuit")
        known = circuits.get(id(circuit))
        if known is None:
            known = circuits[id(circuit)] = (circuit, json.dumps(circuit, ensure_ascii=False))
        lines.append(f'{json.dumps(item, ensure_ascii=False)[:-1]}, "circuit": {known[1]}}}')
    head = json.dumps({"format": RECORD_FORMAT, "kind": KIND})[:-1]
    run_lines = ",\n".join(json.dumps(run_item(r), ensure_ascii=False) for r in runs)
    return f'{head}, "workouts": [\n' + ",\n".join(lines) + f'\n], "runs": [\n{run_lines}\n]}}\n'


def csv_text(drafts: Iterable[WorkoutDraft]) -> str:
    """One row per workout, for a spreadsheet: no circuit, times in seconds."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in drafts:
        writer.writerow([
            d.uuid, d.started_at.isoformat(), d.finished_at.isoformat() if d.finished_at else "", d.circuit_key,
            d.circuit_name, d.status, f"{d.active_seconds:.0f}",
            label_words(d.segment_label) if d.status != "completed" else "", len(d.skipped), d.note,
            "" if d.effort is None else d.effort])
    return out.getvalue()


SET_COLUMNS = ("started_at", "workout_id", "circuit_name", "exercise", "round", "side", "load_type", "weight",
               "unit", "implements", "band", "lifted", "reps", "seconds", "planned_seconds", "state")


def sets_csv(rows: Iterable[tuple[Any, ...]]) -> str:
    """One row per set (WorkoutLog.set_rows), for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SET_COLUMNS)
    for started, workout, circuit, exercise, round_, side, load_json, lifted, reps, seconds, planned, state in rows:
        load = load_of(json_or(load_json, None))
        writer.writerow([
            started, workout, circuit, exercise, "" if round_ is None else round_, side or "",
            load.type.value if load else "", "" if load is None or load.weight is None else f"{load.weight:g}",
            load.unit.value if load and load.weight is not None else "", load.implements if load else "",
            load.band or "" if load else "", f"{lifted:g}" if lifted else "", "" if reps is None else reps,
            "" if seconds is None else f"{seconds:.1f}", "" if planned is None else planned, state])
    return out.getvalue()


def write_json(path: Path, drafts: Iterable[WorkoutDraft], runs: Iterable[Run] = ()) -> None:
    write_atomically(path, json_text(drafts, runs).encode())


def write_csv(path: Path, drafts: Iterable[WorkoutDraft]) -> None:
    write_atomically(path, csv_text(drafts).encode())


# -- reading an export back ------------------------------------------------------------

def read_workouts_file(path: Path) -> list[WorkoutDraft]:
    """Every workout in a JSON export, or RecordFileError saying what is wrong."""
    return list(stream_workouts_file(path))


def stream_workouts_file(path: Path, runs: list[Run] | None = None) -> Iterator[WorkoutDraft]:
    """The workouts of a JSON export one at a time, read in memory bounded by the largest
    single workout (WorkoutLog.merge takes them in one transaction: a RecordFileError
    part-way rolls back all of them); its runs, each checked, are put in `runs`, whole
    once the workouts are all read."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise RecordFileError(f"{path}: not a regular file (a folder, pipe or device)")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        handle = os.fdopen(fd, "rb")
        size = os.fstat(fd).st_size
    except OSError as exc:
        raise RecordFileError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    with handle:
        if size > MAX_FILE_BYTES:
            raise RecordFileError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; not a Postrun export")
        try:
            yield from _workouts(handle, str(path), runs)
        except OSError as exc:
            raise RecordFileError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc


def parse_workouts(data: bytes, where: str = "the file") -> list[WorkoutDraft]:
    return list(_workouts(io.BytesIO(data), where))


def _workouts(handle: BinaryIO, where: str, runs: list[Run] | None = None) -> Iterator[WorkoutDraft]:
    head: dict[str, Any] = {}

    def on_value(key: str, value: Any) -> None:
        if key in ("kind", "format", "workouts"):
            head[key] = value
            _check_head(head, where, final=False)
        elif key == "runs":
            checked_runs = _runs(value, where)
            if runs is not None:
                runs.extend(checked_runs)

    circuits: dict[str, dict[str, Any]] = {}     # the same circuit, held once however often it ran
    number = 0
    try:
        for item in read_object(handle, "workouts", on_value):
            number += 1
            try:
                draft = _draft(item, circuits)
            except ValueError as exc:
                raise RecordFileError(f"{where}: workouts[{number}]{exc}") from None
            yield draft
    except UnicodeDecodeError as exc:
        raise RecordFileError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    except RecursionError as exc:
        raise RecordFileError(f"{where}: nested too deeply to be a Postrun export") from exc
    except NotAnObject:
        raise RecordFileError(f'{where}: not a Postrun workouts export (it needs "kind": "{KIND}")') from None
    except NotJson as exc:
        raise RecordFileError(f"{where}: not JSON ({exc})") from exc
    _check_head(head, where, final=True)


def _runs(value: Any, where: str) -> list[Run]:
    if not isinstance(value, list):
        raise RecordFileError(f'{where}: "runs" must be a list')
    if len(value) > MAX_RUNS:
        raise RecordFileError(f'{where}: more than {MAX_RUNS:,} runs; not a Postrun export')
    found = []
    for number, item in enumerate(value, 1):
        try:
            found.append(run_of_item(item))
        except ValueError as exc:
            raise RecordFileError(f"{where}: runs[{number}]{exc}") from None
    return found


def _check_head(head: dict[str, Any], where: str, final: bool) -> None:
    """The export's kind and format (as soon as each is met), and at the end that the
    workouts were a list."""
    if ("kind" in head or final) and head.get("kind") != KIND:
        raise RecordFileError(f'{where}: not a Postrun workouts export (it needs "kind": "{KIND}")')
    if "format" in head or final:
        version = head.get("format")
        if not isinstance(version, int) or isinstance(version, bool):
            raise RecordFileError(f'{where}: "format" must be a whole number')
        if version > RECORD_FORMAT:
            raise RecordFileError(f"{where}: written in format {version} by a newer Postrun; this one reads "
                                  f"format {RECORD_FORMAT}. Update Postrun to import it.")
    if ("workouts" in head or final) and not isinstance(head.get("workouts"), list):
        raise RecordFileError(f'{where}: "workouts" must be a list')


def _draft(item: Any, circuits: dict[str, dict[str, Any]]) -> WorkoutDraft:
    """One workout of an export. `circuits` holds the circuits met so far by their JSON:
    a circuit that ran a thousand times is checked once and held once."""
    if not isinstance(item, dict):
        raise ValueError(": must be an object")
    started = _moment(item, "started_at", required=True)
    assert started is not None
    finished = _moment(item, "finished_at", required=False)
    status = item.get("status")
    if status not in STATUSES:
        raise ValueError(f".status: must be one of {', '.join(STATUSES)}")
    if status == "in_progress":
        status = "abandoned"            # not running on this computer: kept as stopped part-way
    key = _text(item, "circuit_key", 200, required=True)
    circuit = item.get("circuit", {})
    if not isinstance(circuit, dict):
        raise ValueError(".circuit: must be an object")
    name = _text(item, "circuit_name", 200, required=False) or str(circuit.get("name", key))[:200]
    active = _number(item, "active_seconds", 0, 24 * 3600)
    index = _number(item, "segment_index", 0, 100_000, whole=True)
    skipped = item.get("skipped", [])
    if not isinstance(skipped, list) or not all(type(i) is int and 0 <= i < 100_000 for i in skipped):
        raise ValueError(".skipped: must be a list of segment numbers")
    effort = item.get("effort")
    if effort is not None and (type(effort) is not int or not 1 <= effort <= 10):
        raise ValueError(".effort: must be a whole number from 1 to 10, or null")
    swaps = item.get("swaps", [])
    if not isinstance(swaps, list) or not all(isinstance(s, dict) for s in swaps):
        raise ValueError(".swaps: must be a list of objects")
    if "name" not in circuit:
        circuit = {**circuit, "name": name}
    circuit_json = json.dumps(circuit, sort_keys=True, ensure_ascii=False)
    if circuit_json not in circuits:
        _check_strings(circuit, ".circuit", circuit_json)
    for field in ("swaps", "segment_seconds", "sets"):
        _check_strings(item.get(field), f".{field}")
    set_log = _set_log(item.get("sets", {}))
    draft = WorkoutDraft(
        circuit_key=key, circuit=circuits.setdefault(circuit_json, circuit), started_at=started,
        status=status, finished_at=finished, active_seconds=float(active), segment_index=int(index),
        segment_label=_text(item, "segment_label", 300, required=False), skipped=list(skipped),
        note=_text(item, "note", MAX_NOTE, required=False), effort=effort, swaps=list(swaps),
        segment_seconds=segment_seconds_of(item.get("segment_seconds", {})), set_log=set_log,
    )
    draft.uuid = _identity(item.get("id"), draft)
    return draft


def _set_log(value: Any) -> dict[int, dict[str, Any]]:
    """The sets' log: {"12": {"reps": 10, "load": {...}}}; a file from before it had none."""
    if not isinstance(value, dict):
        raise ValueError(".sets: must be an object of set numbers")
    found: dict[int, dict[str, Any]] = {}
    for key, entry in value.items():
        if not (isinstance(key, str) and key.isdigit() and int(key) < 100_000) or not isinstance(entry, dict):
            raise ValueError(f".sets.{key}: must be a set number with an object")
        reps = entry.get("reps")
        if reps is not None and (type(reps) is not int or not 0 <= reps <= 1000):
            raise ValueError(f".sets.{key}.reps: must be a whole number from 0 to 1000")
        load = entry.get("load")
        if load is not None and load_of(load) is None:
            raise ValueError(f".sets.{key}.load: not a load (a type such as \"kettlebell\", and a weight)")
        found[int(key)] = {k: v for k, v in entry.items() if k in ("reps", "load") and v is not None}
    return found


def _identity(value: Any, draft: WorkoutDraft) -> str:
    if value is None:
        return str(uuid.uuid5(_ID_SPACE, f"{draft.started_at.isoformat()}|{draft.circuit_key}"))
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ValueError(".id: must be a UUID such as 0b6e3f5c-2d1a-4c3e-9f8b-7a6d5c4b3a21") from None


def _moment(item: dict[str, Any], key: str, required: bool) -> datetime | None:
    value = item.get(key)
    if value is None and not required:
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError(f".{key}: must be a date and time with its UTC offset, such as 2026-05-01T18:30:00+02:00")
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(f".{key}: must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return moment


def _text(item: dict[str, Any], key: str, limit: int, required: bool) -> str:
    value = item.get(key, "" if not required else None)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f".{key}: must be text")
    if len(value) > limit:
        raise ValueError(f".{key}: longer than {limit} characters")
    problem = unreadable_character(value, multiline=key == "note")
    if problem is not None:
        raise ValueError(f".{key}: contains {problem}")
    return value


CONTROL_ESCAPES = ("\\u", "\\r", "\\b", "\\f")


def _check_strings(value: Any, where: str, dumped: str | None = None) -> None:
    """Every text in a nested value (keys too) is text the log can hold; the first that
    is not is named by its path: '.circuit.exercise[2].name: contains …'. A loop, not
    recursion: however deep the JSON nests, this never runs out of stack."""
    # JSON writes a control character as an escape ("\\u0007", "\\r") and leaves every other
    # character as it is: a dump that is printable without those escapes holds no text to
    # refuse (line breaks and tabs are allowed), found at C speed. Anything else is walked.
    dumped = dumped if dumped is not None else json.dumps(value, ensure_ascii=False)
    if dumped.isprintable() and not any(escape in dumped for escape in CONTROL_ESCAPES):
        return
    # a path is (its parent's path, its own part), spelled out only for the one that is wrong:
    # an import of years of workouts checks millions of texts
    Path_ = tuple[Any, str] | None
    waiting: list[tuple[Any, Path_]] = [(value, (None, where))]

    def spelled(path: Path_) -> str:
        parts = []
        while path is not None:
            path, part = path
            parts.append(part)
        return "".join(reversed(parts))

    while waiting:
        item, path = waiting.pop()
        if isinstance(item, str):
            problem = unreadable_character(item, multiline=True)
            if problem is not None:
                raise ValueError(f"{spelled(path)}: contains {problem}")
        elif isinstance(item, dict):
            for key, inner in item.items():
                waiting.append((key, (path, " (a key)")))
                waiting.append((inner, (path, f".{key}")))
        elif isinstance(item, list):
            waiting.extend((inner, (path, f"[{number}]")) for number, inner in enumerate(item, 1))


def _number(item: dict[str, Any], key: str, low: float, high: float, whole: bool = False) -> float:
    value = item.get(key, 0)
    kinds = (int,) if whole else (int, float)
    if type(value) not in kinds or not low <= value <= high or value != value:
        kind = "a whole number" if whole else "a number"
        raise ValueError(f".{key}: must be {kind} from {low:g} to {high:g}")
    return float(value)
