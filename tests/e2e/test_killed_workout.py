"""A workout process killed with SIGKILL mid-workout loses nothing already saved, and
the next start offers to resume it from the segment where it stopped."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC

from PySide6.QtCore import Qt

from postrun.store.paths import log_path
from postrun.ui.main_window import MainWindow

CHILD = textwrap.dedent("""
    import sys, time
    from postrun.core.circuit_file import circuit_to_dict, parse_circuit
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
    log = WorkoutLog.open()
    engine = Engine(build_timeline(circuit))
    engine.subscribe(WorkoutRecorder(log, engine, "kill-test", circuit_to_dict(circuit)))
    engine.start()
    while engine.index < 4:
        time.sleep(0.01)
        engine.poll()
    print("at", engine.index, flush=True)
    time.sleep(60)
""")


def test_killed_mid_workout_then_resumed(qtbot, data_dir, services, clock, tmp_path):
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

    with sqlite3.connect(log_path()) as db:
        status, index, label = db.execute("SELECT status, segment_index, segment_label FROM workouts").fetchone()
    assert (status, index) == ("in_progress", 4)
    assert label == "work: Windmills, round 1"

    window = MainWindow(services, clock)
    qtbot.addWidget(window)
    window.show()
    picker = window.picker
    assert picker.resume_bar.isVisible()
    assert "“Kill test” was interrupted at work: Windmills, round 1" in picker.resume_text.text()
    qtbot.keyClick(picker.resume_button, Qt.Key.Key_Space)   # the focused Resume button

    assert window.current_view() is window.run_view
    assert window.run_view.exercise.text() == "Windmills"
    assert window.driver.engine.index == 4
    for _ in range(40):
        clock.advance(1.0)
        window.driver.tick()
    qtbot.waitUntil(lambda: window.current_view() is window.finish)
    with sqlite3.connect(log_path()) as db:
        rows = db.execute("SELECT status, active_seconds FROM workouts").fetchall()
    assert len(rows) == 1                  # the same record, finished
    assert rows[0][0] == "completed"
    assert rows[0][1] >= 4.0 + 30.0 - 0.1   # the 4 s before the kill are kept


def test_declining_keeps_it_as_unfinished(qtbot, services, clock):
    from datetime import datetime

    record_id = services.log.begin("x", {"format": 1, "name": "X", "exercise": [{"name": "A", "work": 5}]},
                                   datetime.now(UTC))
    window = MainWindow(services, clock)
    qtbot.addWidget(window)
    window.show()
    assert window.picker.resume_bar.isVisible()
    qtbot.mouseClick(window.picker.discard_button, Qt.MouseButton.LeftButton)
    assert not window.picker.resume_bar.isVisible()
    assert services.log.get(record_id).status == "abandoned"
