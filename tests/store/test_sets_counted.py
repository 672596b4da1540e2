"""The week, the streak and the month count a workout only when a set was done: a start
stopped in Get ready (or in its first set) is in the log, and counts for nothing."""

import json
import sqlite3
from contextlib import closing
from datetime import date, datetime, time, timedelta, timezone

import pytest

from postrun.store import log_schema
from postrun.store.history import overview, this_week_text
from postrun.store.library import load_library
from postrun.store.workout_log import WorkoutDraft, WorkoutLog

from helpers import builtin_circuit_dict

TODAY = date(2026, 11, 26)                 # a Thursday
ZONE = timezone(timedelta(hours=1))
AT = datetime.combine(TODAY, time(18, 30), ZONE)
POSTERIOR = builtin_circuit_dict("posterior-chain")     # 0 Get ready, 1 the first set, 2 a rest


@pytest.fixture
def log(tmp_path):
    opened = WorkoutLog.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


def stopped_at(index, skipped=(), minutes_ago=0):
    return WorkoutDraft("posterior-chain", POSTERIOR, AT - timedelta(minutes=minutes_ago), status="abandoned",
                        finished_at=AT, active_seconds=4.0 + index * 30, segment_index=index, skipped=list(skipped))


@pytest.mark.parametrize(("index", "skipped", "sets"), [(0, (), 0), (1, (), 0), (2, (), 1), (2, (1,), 0)])
def test_each_write_stores_the_sets_done(log, index, skipped, sets):
    record_id = log.write(stopped_at(index, skipped))
    assert log.get(record_id).sets_done == sets
    assert [s.sets_done for s in log.summaries()] == [sets]


def test_a_start_stopped_before_any_set_counts_for_nothing(log):
    library = load_library()
    log.write(stopped_at(0, minutes_ago=30))          # stopped in Get ready
    log.write(stopped_at(1, minutes_ago=20))          # stopped during the first set
    log.write(stopped_at(2, (1,), minutes_ago=10))    # the first set skipped, stopped in the rest
    view = overview(log, library, TODAY)
    assert (view.this_week.workouts, view.streak, view.month[0]) == (0, 0, 0)
    assert this_week_text(view, TODAY).startswith("This week: 0 workouts")
    assert len(log.summaries()) == 3                  # still in the log, in History

    log.write(stopped_at(2))                          # one set done
    view = overview(log, library, TODAY)
    assert (view.this_week.workouts, view.streak, view.month[0]) == (1, 1, 1)


def test_a_completed_workout_whose_circuit_cannot_be_read_still_counts(log):
    log.write(WorkoutDraft("mine", {"name": "Edited by hand", "exercise": "not a list"}, AT, status="completed",
                           finished_at=AT, active_seconds=600, segment_index=9))
    assert overview(log, load_library(), TODAY).this_week.workouts == 1


def test_a_log_from_before_the_rule_is_counted_when_opened(tmp_path):
    """Schema 2 had no sets_done: the migration counts them from each stored circuit."""
    path = tmp_path / "postrun.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(f"BEGIN; {log_schema.MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
        db.execute("BEGIN")
        log_schema.MIGRATIONS[1](db)
        db.execute("PRAGMA user_version = 2")
        db.commit()
        db.execute("INSERT INTO circuits (json) VALUES (?)", (json.dumps(POSTERIOR),))
        for uid, status, index in (("a", "abandoned", 0), ("b", "abandoned", 4), ("c", "completed", 40)):
            db.execute("INSERT INTO workouts (uuid, circuit_key, circuit_name, circuit_id, started_at, status, "
                       "segment_index) VALUES (?, 'posterior-chain', 'Posterior chain', 1, ?, ?, ?)",
                       (uid, AT.isoformat(), status, index))
        db.commit()
    log = WorkoutLog.open(path)
    try:
        done = {s.uuid: s.sets_done for s in log.summaries()}
        assert done["a"] == 0
        assert done["b"] >= 1
        assert done["c"] > done["b"]
        assert overview(log, load_library(), TODAY).this_week.workouts == 2
    finally:
        log.close()
