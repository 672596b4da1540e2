"""Six weeks of swings with loads, as the log keeps them: `postrun history --exercise`
shows them going from 16 to 20 kg with what to do next and why, `--json` the same as
data, and `--csv --sets` one row per set. Real subprocesses, as a user runs them."""

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.load import Load, LoadType
from postrun.core.timeline import build_timeline
from postrun.store.workout_log import WorkoutDraft, WorkoutLog

BELLS = """\
format = 1
name = "Bells"
rounds = 3
prepare = 5
[[exercise]]
name = "Kettlebell swings"
reps = "8-12"
load = { type = "kettlebell", weight = 16 }
[[exercise]]
name = "Plank"
work = 30
"""
# (weight, reps in each of the three sets), one workout a week
WEEKS = [(16, 8), (16, 10), (16, 12), (20, 8), (20, 10), (20, 11)]


def postrun(*args, data_dir):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "postrun", "history", *args], capture_output=True, text=True,
                          env=env, timeout=60)


@pytest.fixture
def six_weeks(tmp_path):
    folder = tmp_path / "d"
    (folder / "circuits").mkdir(parents=True)
    (folder / "circuits" / "bells.toml").write_text(BELLS)
    circuit = parse_circuit(BELLS.encode(), Path("bells.toml"))
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    start = datetime.combine(date.today() - timedelta(weeks=len(WEEKS)), time(18, 30), UTC)
    try:
        for week, (weight, reps) in enumerate(WEEKS):
            swings = replace(circuit.exercises[0], load=Load(LoadType.KETTLEBELL, float(weight)))
            ran = replace(circuit, exercises=(swings, *circuit.exercises[1:]))
            timeline = build_timeline(ran)
            logged = {i: {"reps": reps} for i, s in enumerate(timeline.segments) if s.name == "Kettlebell swings"}
            log.write(WorkoutDraft("bells", circuit_to_dict(ran), start + timedelta(weeks=week), status="completed",
                                   finished_at=start + timedelta(weeks=week, minutes=12), active_seconds=700,
                                   segment_index=len(timeline) - 1, set_log=logged))
    finally:
        log.close()
    return folder


def test_an_exercise_over_the_weeks_with_the_next_step_and_why(six_weeks):
    done = postrun("--exercise", "swings", data_dir=six_weeks)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Kettlebell swings: 6 workouts"
    assert "16 kg kettlebell" in lines[1]
    assert lines[1].endswith("8, 8, 8  volume 384")
    assert "12, 12, 12" in lines[3]
    assert "20 kg kettlebell" in lines[4]
    assert "Heaviest: 20 kg kettlebell" in done.stdout
    assert "Most reps in a set: 12 at 16 kg kettlebell" in done.stdout
    assert [line.split(": ", 1)[1] for line in lines if line.startswith("Step ")][2] == (
        "16 kg kettlebell → 20 kg kettlebell")
    assert lines[-1] == ("Next time: 20 kg kettlebell for 12 (not every set reached 12 at 20 kg kettlebell yet: "
                         "aim for 12 a set)")


def test_the_same_as_json(six_weeks):
    done = postrun("--exercise", "Kettlebell swings", "--json", data_dir=six_weeks)
    data = json.loads(done.stdout)
    assert [w["load"]["weight"] for w in data["workouts"]] == [16, 16, 16, 20, 20, 20]
    assert data["workouts"][2]["reps"] == [12, 12, 12]
    assert data["next"]["change"] == "same"
    assert "16 kg kettlebell → 20 kg kettlebell" in [s["step"] for s in data["steps"]]


def test_an_unknown_exercise_lists_the_logged_ones(six_weeks):
    done = postrun("--exercise", "deadlift", data_dir=six_weeks)
    assert done.returncode == 1
    assert "no exercise called “deadlift” has been logged; logged: Kettlebell swings, Plank" in done.stderr


def test_one_row_per_set(six_weeks):
    done = postrun("--csv", "--sets", data_dir=six_weeks)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    swings = [r for r in rows if r["exercise"] == "Kettlebell swings"]
    assert len(swings) == 18
    assert len(rows) == 36
    assert (swings[0]["load_type"], swings[0]["weight"], swings[0]["unit"], swings[0]["reps"]) == (
        "kettlebell", "16", "kg", "8")
    assert swings[-1]["weight"] == "20"
    assert {r["state"] for r in rows} == {"done"}
    lonely = postrun("--sets", data_dir=six_weeks)
    assert lonely.returncode == 2
    assert "--sets goes with --csv" in lonely.stderr
