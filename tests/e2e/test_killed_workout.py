"""A workout process killed with SIGKILL mid-workout loses nothing already saved, and
the next start offers to resume it from the segment where it stopped."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing

from PySide6.QtCore import Qt

from postrun.store.paths import log_path
from postrun.store.workout_log import WorkoutDraft
from postrun.ui.main_window import MainWindow

CHILD = textwrap.dedent("""
    import time
    from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
    from postrun.core.engine import Engine
    from postrun.core.timeline import build_timeline
    from postrun.store.workout_log import WorkoutLog
    from postrun.store.workout_recorder import WorkoutRecorder

    circuit = parse_circuit(b'''
    format = 1
    name = "Kill test"
    prepare = 1
    rest = 0
    switch = 0
    [[exercise]]
    name = "Swings"
    work = 1
    [[exercise]]
    name = "Kickbacks"
    work = 1
    sides = "each"
    [[exercise]]
    name = "Windmills"
    work = 30
    ''')
    from postrun.core.clock import local_now

    seconds = [0.0]              # the engine's clock, moved by hand: the child never waits to test logic
    log = WorkoutLog.open()
    engine = Engine(build_timeline(circuit), clock=lambda: seconds[0])
    engine.subscribe(WorkoutRecorder(log, "kill-test", circuit_to_dict(circuit), now=local_now))
    engine.start()
    while engine.index < 4:
        seconds[0] += 0.25
        engine.poll()
        if engine.index == 2:
            engine.skip()          # the left side of the kickbacks, skipped before the kill
    print("at", engine.index, flush=True)
    time.sleep(60)               # killed here, mid-workout
""")


def test_killed_mid_workout_then_resumed(qtbot, data_dir, parts, clock, tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env) as child:
        try:
            reached = child.stdout.readline().strip()
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
    assert reached == "at 4"
    assert child.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(log_path())) as db:
        status, index, label, skipped = db.execute(
            "SELECT status, segment_index, segment_label, skipped_json FROM workouts").fetchone()
    assert (status, index, skipped) == ("in_progress", 4, "[2]")
    assert label == "work: Windmills, round 1"

    window = MainWindow(parts)
    qtbot.addWidget(window)
    window.show()
    picker = window.picker
    assert picker.resume_bar.isVisible()
    assert "“Kill test” was interrupted at Windmills, round 1" in picker.resume_bar.text.text()
    qtbot.keyClick(picker.resume_bar.resume_button, Qt.Key.Key_Space)   # the focused Resume button

    assert window.current_view() is window.run_view
    assert window.run_view.exercise.text() == "Windmills"
    assert window.session.engine.index == 4
    window.parts.timers.advance(40.0)
    window.parts.timers.flush()
    assert window.current_view() is window.finish
    with closing(sqlite3.connect(log_path())) as db:
        rows = db.execute("SELECT status, active_seconds, skipped_json FROM workouts").fetchall()
    assert len(rows) == 1                  # the same record, finished
    assert rows[0][0] == "completed"
    assert rows[0][1] >= 3.0 + 30.0 - 0.1   # the time before the kill is kept
    assert rows[0][2] == "[2]"             # and so is the set skipped before it
    assert "Skipped: Kickbacks (left, round 1)" in window.finish.details.text()
    assert window.finish.saved.text() == "Saved to your workout log."


def interrupted_record(parts):
    return parts.data.log.write(WorkoutDraft(
        "x", {"format": 1, "name": "X", "exercise": [{"name": "A", "work": 5}]}, parts.data.now(),
        segment_index=1, segment_label="work: A, round 1"))


def test_declining_keeps_it_as_unfinished(qtbot, parts):
    record_id = interrupted_record(parts)
    window = MainWindow(parts)
    qtbot.addWidget(window)
    window.show()
    assert window.picker.resume_bar.isVisible()
    qtbot.mouseClick(window.picker.resume_bar.discard_button, Qt.MouseButton.LeftButton)
    assert not window.picker.resume_bar.isVisible()
    assert parts.data.log.get(record_id).status == "abandoned"


def test_run_name_with_an_interrupted_workout_offers_the_resume_in_the_preview(qtbot, parts):
    record_id = interrupted_record(parts)
    window = MainWindow(parts)
    qtbot.addWidget(window)
    window.show()
    window.open_by_key("quad-circuit")            # what `postrun run quad-circuit` does
    bar = window.preview.resume_bar
    assert bar.isVisible()
    assert "“X” was interrupted at A, round 1" in bar.text.text()
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)   # a new workout instead
    assert window.session.key == "quad-circuit"
    assert parts.data.log.get(record_id).status == "abandoned"   # not left in progress for ever
    assert parts.data.interrupted() is None


def test_resume_from_the_preview(qtbot, parts):
    interrupted_record(parts)
    window = MainWindow(parts)
    qtbot.addWidget(window)
    window.show()
    window.open_by_key("quad-circuit")
    qtbot.mouseClick(window.preview.resume_bar.resume_button, Qt.MouseButton.LeftButton)
    assert window.session.key == "x"
    assert window.session.engine.index == 1
