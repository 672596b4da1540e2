"""The log's history side: schema 2 with ids, delete and undo, merge without duplicates,
and the workouts files (JSON and CSV) written and read back."""

import csv
import io
import json
import sqlite3
import uuid
from contextlib import closing
from datetime import date, datetime, timedelta, timezone

import pytest

from postrun.store import log_rows, log_schema
from postrun.store.history import filtered, overview
from postrun.store.library import load_library
from postrun.store.record_file import (
    RecordFileError,
    csv_text,
    json_text,
    parse_workouts,
    read_workouts_file,
    write_json,
)
from postrun.store.workout_log import SCHEMA_VERSION, WorkoutDraft, WorkoutLog, draft_of

from helpers import FakeWallClock, builtin_circuit_dict, seed_history

TODAY = date(2026, 11, 26)
_OPEN = []


def opened(path):
    """A log closed when the test ends (Python 3.13 warns about every unclosed database)."""
    log = WorkoutLog.open(path)
    _OPEN.append(log)
    return log


@pytest.fixture(autouse=True)
def _close_logs():
    yield
    while _OPEN:
        _OPEN.pop().close()
WHEN = datetime(2026, 11, 25, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def v1_log(path):
    """A log as schema 1 left it, with two workouts in it."""
    with closing(sqlite3.connect(path)) as db:
        db.executescript(f"BEGIN; {log_schema.MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
        for n in range(2):
            db.execute(
                "INSERT INTO workouts (circuit_key, circuit_name, circuit_json, started_at, finished_at, "
                "active_seconds, status, segment_index, segment_label, skipped_json, note, effort) "
                "VALUES (?, ?, ?, ?, ?, ?, 'completed', 40, 'cooldown', '[3]', ?, 7)",
                ("posterior-chain", "Posterior chain", json.dumps(builtin_circuit_dict("posterior-chain")),
                 (WHEN - timedelta(days=n)).isoformat(), WHEN.isoformat(), 900.0 + n, f"note {n}"))
        db.commit()


def test_every_earlier_version_migrates_with_its_data_kept(tmp_path):
    path = tmp_path / "postrun.sqlite3"
    v1_log(path)
    log = opened(path)
    assert log.notice is None
    records = log.history()
    assert [r.note for r in records] == ["note 0", "note 1"]
    assert [r.active_seconds for r in records] == [900.0, 901.0]
    assert records[0].skipped == [3]
    assert records[0].effort == 7
    ids = {r.uuid for r in records}
    assert len(ids) == 2
    assert all(uuid.UUID(i) for i in ids)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    log.close()
    # opening again keeps the same ids
    again = opened(path)
    assert {r.uuid for r in again.history()} == ids
    again.close()


def test_a_migration_that_fails_half_way_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "postrun.sqlite3"
    v1_log(path)

    calls = []

    def broken(connection):
        connection.execute("ALTER TABLE workouts ADD COLUMN uuid TEXT")
        calls.append(1)
        if len(calls) == 1:             # the file's migration fails; the in-memory fallback's works
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(log_schema, "MIGRATIONS", [log_schema.MIGRATIONS[0], broken])
    monkeypatch.setattr(log_schema, "SCHEMA_VERSION", 2)
    log = opened(path)
    assert not log.durable
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = [row[1] for row in db.execute("PRAGMA table_info(workouts)")]
        assert "uuid" not in columns
        assert db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0] == 2


def test_ids_are_unique_and_kept_by_updates(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    draft = WorkoutDraft("swings", {"name": "Swings"}, WHEN)
    record_id = log.write(draft)
    draft.status = "completed"
    log.write(draft, record_id)
    assert log.get(record_id).uuid == draft.uuid
    with pytest.raises(sqlite3.IntegrityError):
        log.write(WorkoutDraft("swings", {"name": "Swings"}, WHEN, uuid=draft.uuid))


def test_delete_and_restore_put_back_the_same_record(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    seed_history(log, TODAY)
    before = log.history()
    victim = before[3]
    removed = log.delete(victim.id)
    assert removed == victim
    assert log.get(victim.id) is None
    assert len(log.history()) == len(before) - 1
    log.restore(removed)
    assert log.history() == before


def test_merge_adds_only_new_ids_all_or_nothing(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    drafts = seed_history(log, TODAY)
    other = opened(tmp_path / "other.sqlite3")
    assert other.merge(drafts) == (len(drafts), 0)
    assert other.merge(drafts) == (0, len(drafts))
    assert len(other.history()) == len(drafts)
    # a draft that cannot be stored half-way through: the ones before it are not kept either
    bad = WorkoutDraft("y", {}, WHEN)
    bad.circuit = {"loop": object()}
    with pytest.raises(TypeError):
        other.merge([WorkoutDraft("x", {}, WHEN), bad])
    assert len(other.history()) == len(drafts)


def test_json_export_round_trips_every_field(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    seed_history(log, TODAY)
    draft = WorkoutDraft("posterior-chain", builtin_circuit_dict("posterior-chain"), WHEN, status="completed",
                         finished_at=WHEN + timedelta(minutes=21), active_seconds=1234.5, segment_index=40,
                         segment_label="cool-down: Figure four", skipped=[4, 9], note="heavy bell, “good”",
                         effort=8, swaps=[{"exercise": 1, "from": "Cable kickbacks", "to": "Kneeling kickbacks"}],
                         segment_seconds={3: 41.25, 5: 12.0})
    log.write(draft)
    records = list(log.records())
    path = tmp_path / "export.json"
    write_json(path, [draft_of(r) for r in records])
    back = read_workouts_file(path)
    assert [log_rows.values_of(d) for d in back] == [log_rows.values_of(draft_of(r)) for r in records]
    fresh = opened(tmp_path / "new-laptop.sqlite3")
    assert fresh.merge(back) == (len(records), 0)
    assert fresh.merge(read_workouts_file(path)) == (0, len(records))          # twice changes nothing
    assert [(r.uuid, r.note, r.segment_seconds, r.swaps) for r in fresh.history()] == [
        (r.uuid, r.note, r.segment_seconds, r.swaps) for r in log.history()]


def test_csv_export_has_one_row_per_workout(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    drafts = seed_history(log, TODAY)
    drafts[0].note = 'comma, "quote"\nnewline'
    log.write(drafts[0], log.history()[-1].id)
    rows = list(csv.DictReader(io.StringIO(csv_text(draft_of(r) for r in log.records()))))
    assert len(rows) == len(drafts)
    first = rows[0]
    assert first["note"] == 'comma, "quote"\nnewline'
    assert first["id"] == drafts[0].uuid
    assert datetime.fromisoformat(first["started_at"]) == drafts[0].started_at
    stopped = [r for r in rows if r["status"] == "abandoned"]
    assert len(stopped) == 2
    assert all(r["stopped_at"] == "Kettlebell windmills (left), round 1" for r in stopped)
    assert {r["active_seconds"] for r in rows} == {"600", "1200"}


def good_item(**changes):
    item = {"id": str(uuid.uuid4()), "circuit_key": "k", "circuit_name": "K", "started_at": WHEN.isoformat(),
            "status": "completed", "active_seconds": 60, "circuit": {"name": "K"}}
    item.update(changes)
    return item


def doc(*items, **top):
    return json.dumps({"format": 1, "kind": "postrun-workouts", "workouts": list(items), **top}).encode()


@pytest.mark.parametrize(("data", "words"), [
    (b"\xff\xfe", "not UTF-8"),
    (b"{", "not JSON"),
    (b"[]", "not a Postrun workouts export"),
    (json.dumps({"format": 1, "workouts": []}).encode(), "not a Postrun workouts export"),
    (doc(format=2), "newer Postrun"),
    (doc(format="1"), "whole number"),
    (json.dumps({"format": 1, "kind": "postrun-workouts", "workouts": {}}).encode(), '"workouts" must be a list'),
    (doc(good_item(), 5), "workouts[2]: must be an object"),
    (doc(good_item(started_at="yesterday")), "workouts[1].started_at: must be a date and time"),
    (doc(good_item(started_at="2026-11-25T18:30:00")), "with its UTC offset"),
    (doc(good_item(status="won")), "workouts[1].status"),
    (doc(good_item(active_seconds=-1)), "active_seconds"),
    (doc(good_item(active_seconds=1e300)), "active_seconds"),
    (doc(good_item(effort=11)), "effort"),
    (doc(good_item(effort=True)), "effort"),
    (doc(good_item(id="not-a-uuid")), "workouts[1].id: must be a UUID"),
    (doc(good_item(note="x" * 5000)), "note: longer than"),
    (doc(good_item(skipped=["a"])), "skipped"),
    (doc(good_item(circuit=[])), "circuit: must be an object"),
    (doc(good_item(circuit_key="")), "circuit_key: must be text"),
    (b"[" * 100000 + b"]" * 100000, "not a Postrun workouts export"),
    (b'{"kind": "postrun-workouts", "format": 1, "workouts": ' + b"[" * 100000 + b"]" * 100000 + b"}",
     "nested too deeply"),
])
def test_a_malformed_import_says_why(data, words):
    with pytest.raises(RecordFileError) as caught:
        parse_workouts(data, "x.json")
    assert words in str(caught.value)
    assert str(caught.value).startswith("x.json")


def test_a_malformed_import_changes_nothing(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    seed_history(log, TODAY)
    before = log.history()
    path = tmp_path / "bad.json"
    path.write_bytes(doc(good_item(), good_item(status="won")))
    with pytest.raises(RecordFileError):
        log.merge(read_workouts_file(path))
    assert log.history() == before


def test_records_without_an_id_get_one_that_merges_once():
    item = good_item()
    del item["id"]
    first, second = parse_workouts(doc(item)), parse_workouts(doc(item))
    assert first[0].uuid == second[0].uuid
    assert parse_workouts(doc(good_item(status="in_progress")))[0].status == "abandoned"


def test_not_a_file(tmp_path):
    with pytest.raises(RecordFileError, match="not a regular file"):
        read_workouts_file(tmp_path)
    with pytest.raises(RecordFileError, match="no such file|No such file"):
        read_workouts_file(tmp_path / "missing.json")


def test_a_json_text_is_the_documented_shape(tmp_path):
    text = json_text([WorkoutDraft("k", {"name": "K"}, WHEN)])
    loaded = json.loads(text)
    assert loaded["format"] == 1
    assert loaded["kind"] == "postrun-workouts"
    assert set(loaded["workouts"][0]) >= {"id", "started_at", "status", "active_seconds", "circuit", "note"}


def test_overview_of_twelve_weeks(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    seed_history(log, TODAY)
    view = overview(log, load_library(), TODAY)
    # Thursday: this week has Monday and Thursday; week 5 back had none
    assert [w.workouts for w in view.weeks] == [2, 2, 2, 3, 2, 2, 0, 2, 2, 2, 2, 2]
    assert view.weeks[-1].seconds == 2400
    assert view.weeks[3].seconds == 3600
    assert view.weeks[-3].seconds == 1800               # one stopped at 10 minutes
    assert view.streak == 5
    assert view.month == (8, 8 * 1200 - 600)
    assert view.balance["posterior chain"] > 4 * view.balance["quads"] == 0
    assert view.suggestion is not None
    assert view.suggestion.key == "quad-circuit"
    assert view.sentence.endswith(f"A quad circuit (“{view.suggestion.circuit.name}”) would balance it.")


def test_filtered_by_date_and_circuit(tmp_path):
    log = opened(tmp_path / "log.sqlite3")
    seed_history(log, TODAY)
    quads = filtered(log.records(), circuit="QUAD-circuit")
    assert len(quads) == 1
    recent = filtered(log.records(), since=TODAY - timedelta(days=6))
    assert [r.local_date for r in recent] == [TODAY, TODAY - timedelta(days=3)]


def test_the_recorder_measures_each_segment_rep_sets_included(tmp_path):
    from postrun.core.engine import Engine
    from postrun.core.timeline import build_timeline
    from postrun.store.workout_recorder import WorkoutRecorder

    from helpers import FakeClock, circuit_from, run_for

    circuit = circuit_from("""
        format = 1
        name = "Reps"
        prepare = 5
        rest = 10
        [[exercise]]
        name = "Goblet squats"
        reps = 12
        muscles = ["quads"]
        [[exercise]]
        name = "Plank"
        work = 20
    """)
    clock = FakeClock()
    engine = Engine(build_timeline(circuit), clock=clock)
    log = opened(tmp_path / "log.sqlite3")
    recorder = WorkoutRecorder(log, "reps", {"name": "Reps"}, now=FakeWallClock(),
                               swaps=[{"exercise": 1, "from": "a", "to": "b"}])
    engine.subscribe(recorder)
    engine.start()
    run_for(engine, clock, 5 + 25)          # get ready, then 25 s of squats before "done"
    engine.done()
    run_for(engine, clock, 40)
    record = log.get(recorder.record_id)
    assert record.status == "completed"
    assert record.segment_seconds == pytest.approx({0: 5.0, 1: 25.0, 2: 10.0, 3: 20.0})
    assert record.swaps == [{"exercise": 1, "from": "a", "to": "b"}]
    resumed = WorkoutRecorder(log, "reps", {"name": "Reps"}, now=FakeWallClock(), record_id=record.id,
                              record_uuid=record.uuid,
                              swaps=record.swaps, segment_seconds=record.segment_seconds)
    resumed.flush()
    assert log.get(record.id).uuid == record.uuid
    assert log.get(record.id).segment_seconds == record.segment_seconds


def test_a_record_saved_to_a_file_at_the_finish_merges_into_the_log_later(tmp_path):
    from postrun.store.record_file import write_record_file

    draft = WorkoutDraft("posterior-chain", builtin_circuit_dict("posterior-chain"), WHEN, status="completed",
                         active_seconds=900.0, note="disk was full")
    write_record_file(tmp_path / "saved.json", draft)
    log = opened(tmp_path / "log.sqlite3")
    assert log.merge(read_workouts_file(tmp_path / "saved.json")) == (1, 0)
    assert log.merge(read_workouts_file(tmp_path / "saved.json")) == (0, 1)
    [record] = log.history()
    assert (record.uuid, record.note, record.circuit) == (draft.uuid, "disk was full", draft.circuit)


@pytest.mark.parametrize(("changes", "words"), [
    ({"started_at": "0001-01-01T00:30:00+01:00"}, "between the years 1970 and 2200"),
    ({"finished_at": "9999-12-31T23:30:00-01:00"}, "between the years 1970 and 2200"),
    ({"active_seconds": float("nan")}, "active_seconds"),
    ({"segment_index": 10**30}, "segment_index"),
    ({"started_at": "2026-11-25T18:30:00+01:00" + " " * 100}, "started_at"),
])
def test_hostile_values_are_refused(changes, words):
    with pytest.raises(RecordFileError, match=words):
        parse_workouts(doc(good_item(**changes)))


def test_a_deeply_nested_circuit_is_stored_but_shows_no_sets(tmp_path):
    nested = {"name": "Deep"}
    for _ in range(400):
        nested = {"x": nested}
    log = opened(tmp_path / "log.sqlite3")
    log.merge(parse_workouts(doc(good_item(circuit={"name": "K", "deep": nested}))))
    view = overview(log, load_library(), TODAY)
    assert view.total_workouts == 1
    from postrun.store.workout_history import WorkoutHistory

    detail = WorkoutHistory(log, load_library, FakeWallClock()).detail(log.history()[0].id)
    assert detail.record.circuit_name == "K"
    assert detail.sets is None


def test_moments_edited_into_nonsense_read_as_unknown(tmp_path):
    import sqlite3 as sql

    path = tmp_path / "log.sqlite3"
    log = opened(path)
    log.write(WorkoutDraft("k", {"name": "K"}, WHEN, status="completed", finished_at=WHEN))
    with closing(sql.connect(path)) as db, db:
        db.execute("UPDATE workouts SET finished_at = '0001-01-01T00:00:00+01:00', "
                   "started_at = '2026-11-25T18:30:00'")
    assert log.last_done() == {}
    assert log.days() == []
    assert overview(log, load_library(), TODAY).total_workouts == 0
