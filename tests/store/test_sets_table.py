"""Every set of a workout in a table of its own, with its load and reps: written when a
workout ends, filled for old logs by the migration, and read back per exercise."""

import json
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.equipment import DEFAULT_KG
from postrun.core.events import SegmentStarted
from postrun.core.load import Load, LoadType
from postrun.core.progression import Change, suggest
from postrun.core.timeline import build_timeline
from postrun.store import log_schema
from postrun.store.workout_log import WorkoutDraft, WorkoutLog
from postrun.store.workout_recorder import WorkoutRecorder

ZONE = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 23, 18, 30, tzinfo=ZONE)
BELLS = parse_circuit(b"""
format = 1
name = "Bells"
rounds = 3
prepare = 5
[[exercise]]
name = "Kettlebell swings"
reps = "8-12"
load = { type = "kettlebell", weight = 16 }
[[exercise]]
name = "Single-arm rows"
work = 30
sides = "each"
load = { type = "dumbbell", weight = 12.5 }
""", Path("bells.toml"))
CIRCUIT = circuit_to_dict(BELLS)
TIMELINE = build_timeline(BELLS)
LAST = len(TIMELINE) - 1


@pytest.fixture
def log(tmp_path):
    opened = WorkoutLog.open(tmp_path / "log.sqlite3")
    yield opened
    opened.close()


def completed(days_ago=0, **extra):
    return WorkoutDraft("bells", CIRCUIT, AT - timedelta(days=days_ago), status="completed",
                        finished_at=AT, active_seconds=600, segment_index=LAST, **extra)


def test_a_finished_workout_logs_every_set_with_its_load(log):
    log.write(completed())
    rows = log.set_rows()
    swings = [r for r in rows if r[3] == "Kettlebell swings"]
    rows_ = [r for r in rows if r[3] == "Single-arm rows"]
    assert len(swings) == 3
    assert len(rows_) == 6
    assert json.loads(swings[0][6]) == {"type": "kettlebell", "weight": 16}
    assert swings[0][8] == 8                                     # the bottom of the range, as planned
    assert {r[5] for r in rows_} == {"left", "right"}


def test_a_running_workout_writes_no_sets_until_it_ends(log):
    draft = completed()
    draft.status, draft.segment_index = "in_progress", 3
    record_id = log.write(draft)
    assert log.set_rows() == []
    log.abandon_interrupted(record_id)                            # kept as unfinished: its sets now
    assert [r[3] for r in log.set_rows()] == ["Kettlebell swings"]


def test_the_recorder_logs_the_reps_aimed_for(log):
    recorder = WorkoutRecorder(log, "bells", CIRCUIT, now=lambda: AT, aims={0: 11})
    for index, segment in enumerate(TIMELINE.segments[:4]):
        recorder(SegmentStarted(float(index), index, segment, float(index * 10), ()))
    swings = [r for r in log.set_rows() if r[3] == "Kettlebell swings"]
    assert swings == []                                           # still running
    assert recorder.draft.set_log[1] == {"reps": 11}


def test_the_last_sessions_of_an_exercise_drive_the_next_suggestion(log):
    top = {i: {"reps": 12} for i, s in enumerate(TIMELINE.segments) if s.name == "Kettlebell swings"}
    log.write(completed(days_ago=7))
    log.write(completed(days_ago=0, set_log=top))
    sessions = log.exercise_sessions("Kettlebell swings")
    assert [[s.reps for s in session.sets] for session in sessions] == [[12, 12, 12], [8, 8, 8]]
    tip = suggest(BELLS.exercises[0], sessions, DEFAULT_KG)
    assert (tip.load, tip.change) == (Load(LoadType.KETTLEBELL, 20.0), Change.UP)


def test_a_deleted_workout_takes_its_sets_with_it_and_undo_brings_them_back(log):
    record_id = log.write(completed())
    record = log.delete(record_id)
    assert log.set_rows() == []
    log.restore(record)
    assert len(log.set_rows()) == 9


def test_a_log_from_before_the_sets_table_gets_its_sets_when_opened(tmp_path):
    path = tmp_path / "postrun.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(f"BEGIN; {log_schema.MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
        for number in (1, 2):
            db.execute("BEGIN")
            log_schema.MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.commit()
        db.execute("INSERT INTO circuits (json) VALUES (?)", (json.dumps(CIRCUIT),))
        db.execute("INSERT INTO workouts (uuid, circuit_key, circuit_name, circuit_id, started_at, status, "
                   "segment_index) VALUES ('a', 'bells', 'Bells', 1, ?, 'completed', ?)", (AT.isoformat(), LAST))
        db.commit()
    log = WorkoutLog.open(path)
    try:
        assert len(log.set_rows()) == 9
        assert log.exercise_names() == ["Kettlebell swings", "Single-arm rows"]
    finally:
        log.close()


def test_a_resumed_workout_keeps_what_was_logged_before_it_was_interrupted(log):
    from postrun.store.resume_point import ResumePoint

    draft = completed(set_log={1: {"reps": 11, "load": {"type": "kettlebell", "weight": 12}}})
    draft.status, draft.segment_index = "in_progress", 3
    record_id = log.write(draft)
    point = ResumePoint.of(log.get(record_id))
    recorder = WorkoutRecorder(log, "bells", CIRCUIT, now=lambda: AT, record_id=point.record_id,
                               started_at=point.started_at, record_uuid=point.uuid,
                               segment_seconds=dict(point.segment_seconds), set_log=dict(point.set_log))
    recorder(SegmentStarted(40.0, 3, TIMELINE.segments[3], 40.0, ()))
    assert log.get(record_id).set_log[1] == {"reps": 11, "load": {"type": "kettlebell", "weight": 12}}


def test_the_most_reps_in_a_set_names_the_heavier_load_of_a_tie(log):
    import dataclasses

    top = {i: {"reps": 12} for i, s in enumerate(TIMELINE.segments) if s.name == "Kettlebell swings"}
    log.write(completed(days_ago=7, set_log=top))
    heavier = circuit_to_dict(dataclasses.replace(BELLS, exercises=(
        dataclasses.replace(BELLS.exercises[0], load=Load(LoadType.KETTLEBELL, 20.0)), *BELLS.exercises[1:])))
    log.write(WorkoutDraft("bells", heavier, AT, status="completed", finished_at=AT, active_seconds=600,
                           segment_index=LAST, set_log=top))
    count, loads, most = log.exercise_bests("Kettlebell swings")
    assert count == 2
    assert len(loads) == 2
    assert most == (12, '{"type": "kettlebell", "weight": 20}')
