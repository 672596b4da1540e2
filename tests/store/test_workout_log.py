import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone

import pytest

from postrun.store.workout_log import SCHEMA_VERSION, WorkoutDraft, WorkoutLog

WHEN = datetime(2026, 11, 25, 7, 30, tzinfo=timezone(timedelta(hours=-5)))
CIRCUIT = {"format": 1, "name": "Swings", "exercise": [{"name": "Swings", "work": 30}]}


def test_migrates_an_empty_file(tmp_path):
    path = tmp_path / "postrun.sqlite3"
    path.write_bytes(b"")
    log = WorkoutLog.open(path)
    assert log.notice is None
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    log.close()


def test_a_record_round_trips_with_its_time_zone(tmp_path):
    log = WorkoutLog.open(tmp_path / "log.sqlite3")
    draft = WorkoutDraft("swings", CIRCUIT, WHEN)
    record_id = log.write(draft)
    draft.segment_index, draft.segment_label = 3, "work: Swings, round 1"
    draft.active_seconds, draft.skipped = 42.5, [1]
    assert log.write(draft, record_id) == record_id
    draft.status, draft.finished_at, draft.active_seconds = "completed", WHEN + timedelta(minutes=12), 700.0
    draft.segment_index, draft.segment_label, draft.skipped = 9, "cooldown: Stretch", [1, 4]
    log.write(draft, record_id)
    log.annotate(record_id, "good", 8)
    record = log.get(record_id)
    assert record.started_at == WHEN
    assert record.started_at.utcoffset() == timedelta(hours=-5)
    assert (record.status, record.active_seconds, record.skipped, record.note, record.effort) == (
        "completed", 700.0, [1, 4], "good", 8)
    assert record.circuit == CIRCUIT
    assert log.last_done() == {"swings": WHEN + timedelta(minutes=12)}
    assert log.interrupted() == []
    with pytest.raises(ValueError, match="1 to 10"):
        log.annotate(record_id, "", 11)
    draft.effort = 0
    with pytest.raises(ValueError, match="1 to 10"):
        log.write(draft, record_id)
    log.close()


def test_each_write_is_on_disk_when_it_returns(tmp_path):
    path = tmp_path / "log.sqlite3"
    log = WorkoutLog.open(path)
    draft = WorkoutDraft("swings", CIRCUIT, WHEN, segment_index=2, segment_label="rest", active_seconds=30.0)
    log.write(draft)
    # another connection (another process) sees it without any close or commit from us
    with closing(sqlite3.connect(path)) as other:
        assert other.execute("SELECT segment_index, status FROM workouts").fetchone() == (2, "in_progress")
    log.close()


def test_interrupted_workouts_are_offered_and_can_be_kept_as_unfinished(tmp_path):
    log = WorkoutLog.open(tmp_path / "log.sqlite3")
    record_id = log.write(WorkoutDraft("swings", CIRCUIT, WHEN, segment_index=5, segment_label="work: Swings, round 2",
                                       active_seconds=120.0))
    assert [r.id for r in log.interrupted()] == [record_id]
    log.abandon_interrupted(record_id)
    assert log.interrupted() == []
    assert log.get(record_id).status == "abandoned"
    assert log.get(record_id).segment_index == 5
    log.close()


def test_a_corrupt_log_is_kept_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "postrun.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    log = WorkoutLog.open(path)
    assert log.path == path
    assert "damaged" in log.notice
    kept = list(tmp_path.glob("postrun.corrupt-*.sqlite3"))
    assert len(kept) == 1
    assert kept[0].name in log.notice
    assert kept[0].read_bytes().startswith(b"this is not a database")
    log.write(WorkoutDraft("swings", CIRCUIT, WHEN))
    assert len(log.history()) == 1
    log.close()


def test_a_log_from_a_newer_postrun_is_kept_aside(tmp_path):
    path = tmp_path / "postrun.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    log = WorkoutLog.open(path)
    assert "newer Postrun" in log.notice
    assert list(tmp_path.glob("postrun.newer-*.sqlite3"))
    log.close()


def test_an_unwritable_folder_gives_a_log_in_memory_and_says_where(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    path = blocker / "postrun.sqlite3"
    log = WorkoutLog.open(path)
    assert log.path is None
    assert str(blocker) in log.notice
    assert "cannot be saved" in log.notice
    record_id = log.write(WorkoutDraft("swings", CIRCUIT, WHEN))      # the workout still runs
    log.write(WorkoutDraft("swings", CIRCUIT, WHEN, status="completed", finished_at=WHEN), record_id)
    assert not log.durable
    log.close()


def test_the_integrity_check_runs_again_only_when_the_file_changed(tmp_path, monkeypatch):
    from postrun.store import log_opening

    path = tmp_path / "postrun.sqlite3"
    WorkoutLog.open(path).close()
    checks = []
    real = log_opening.sqlite3.connect

    class Counting:
        def __init__(self, connection):
            self._c = connection

        def execute(self, sql, *args):
            if "quick_check" in sql:
                checks.append(sql)
            return self._c.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._c, name)

        def __enter__(self):
            return self._c.__enter__()

        def __exit__(self, *args):
            return self._c.__exit__(*args)

    monkeypatch.setattr(log_opening.sqlite3, "connect", lambda *a, **k: Counting(real(*a, **k)))
    WorkoutLog.open(path).close()
    assert checks == []                              # nothing changed since it passed
    log = WorkoutLog.open(path)
    log.write(WorkoutDraft("swings", CIRCUIT, WHEN))
    log.close()
    WorkoutLog.open(path).close()
    assert checks == []                              # closed by this program after its writes: sound
    crashed = WorkoutLog.open(path)
    crashed.write(WorkoutDraft("swings", CIRCUIT, WHEN))
    crashed._db.close()                              # noqa: SLF001 - killed: never closed properly
    WorkoutLog.open(path).close()
    assert len(checks) == 1                          # checked again
    path.write_bytes(path.read_bytes()[:100] + b"garbage" * 500)
    damaged = WorkoutLog.open(path)                  # changed behind its back: checked, kept aside
    assert "damaged" in (damaged.notice or "")
    damaged.close()
