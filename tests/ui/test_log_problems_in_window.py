"""The log cannot always be written: the window says so in words, the workout runs, and
the finish screen says "Saved" only after a write that returned."""

import json
import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from postrun.store.settings import Settings
from postrun.store.user_data import UserData
from postrun.store.workout_log import WorkoutLog
from postrun.ui.dialogs import Dialogs
from postrun.ui.main_window import MainWindow

from helpers import advance


@pytest.fixture
def make_window(qtbot, parts, tmp_path):
    made = []

    def make(log):
        data = UserData(log, Settings(), now=parts.data.now)
        dialogs = Dialogs()
        dialogs.save_workout_record = lambda parent, name: tmp_path / name
        win = MainWindow(replace(parts, data=data), dialogs)
        qtbot.addWidget(win)
        win.show()
        made.append(log)
        return win

    yield make
    for log in made:
        log.close()


def run_to_the_end(window, clock):
    window.open_by_key("posterior-chain-quick")
    qtbot_key(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 60 * 60)
    assert window.current_view() is window.finish


def qtbot_key(widget, key):
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key)


def test_a_damaged_log_is_reported_in_the_window_and_the_workout_still_saves(make_window, clock, tmp_path):
    damaged = tmp_path / "elsewhere" / "postrun.sqlite3"
    damaged.parent.mkdir()
    damaged.write_bytes(b"garbage" * 1000)
    window = make_window(WorkoutLog.open(damaged))
    assert window.picker.notice.isVisible()
    assert "The workout log was damaged" in window.picker.notice.text()
    window.open_by_key("posterior-chain-quick")
    qtbot_key(window.preview, Qt.Key.Key_Space)
    assert window.run_view.notice.text() == ""          # a fresh log was started: nothing to worry about
    advance(window, clock, 60 * 60)
    assert window.current_view() is window.finish
    assert window.data.log.history()[0].status == "completed"
    assert window.finish.saved.text() == "Saved to your workout log."
    assert not window.finish.retry.isVisible()


def test_an_unwritable_data_folder_is_named_and_the_workout_runs_unsaved(make_window, clock, tmp_path, saved_paths):
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder")
    window = make_window(WorkoutLog.open(blocker / "postrun.sqlite3"))
    assert str(blocker) in window.picker.notice.text()
    run_to_the_end(window, clock)
    text = window.finish.saved.text()
    assert text.startswith("Not saved to your workout log:")
    assert str(blocker) in text
    assert "Saved to your workout log" not in text
    assert "Workouts cannot be saved" not in text        # the reason once, not the whole notice
    assert window.finish.retry.isVisible()
    assert window.finish.save_file.isVisible()


def test_a_full_disk_mid_workout_is_told_and_the_record_goes_to_a_file(qtbot, window, clock, tmp_path):
    log = window.data.log
    real_write = log.write
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"

    def failing_write(draft, record_id=None):
        raise full

    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 12.0)
    log.write = failing_write                     # the disk fills up during the workout
    advance(window, clock, 30.0)
    assert "Not saving to the workout log" in window.run_view.notice.text()
    assert "is full" in window.run_view.notice.text()
    assert window.session.engine.index >= 2       # the workout went on
    advance(window, clock, 60 * 60)
    assert window.current_view() is window.finish
    finish = window.finish
    assert finish.saved.text().startswith("Not saved to your workout log: the disk holding")
    assert finish.retry.isVisible()

    # save it to a file the user picks: the whole record, readable JSON
    qtbot.mouseClick(finish.save_file, Qt.MouseButton.LeftButton)
    chosen = list((tmp_path / "chosen").glob("postrun-workout-*.json"))
    assert len(chosen) == 1
    document = json.loads(chosen[0].read_text())
    workout = document["workouts"][0]
    assert document["format"] == 1
    assert (workout["status"], workout["circuit_name"]) == ("completed", "Posterior chain, quick")
    assert f"Saved to {chosen[0]}" in finish.saved.text()

    # space freed: try again, and only now does it say Saved
    log.write = real_write
    qtbot.mouseClick(finish.retry, Qt.MouseButton.LeftButton)
    assert finish.saved.text() == "Saved to your workout log."
    assert not finish.retry.isVisible()
    assert [r.status for r in log.history()] == ["completed"]


def test_a_log_in_memory_recovers_when_the_folder_comes_back(make_window, clock, tmp_path):
    folder = tmp_path / "later"
    folder.write_text("a file where the folder belongs")
    window = make_window(WorkoutLog.open(folder / "postrun.sqlite3"))
    run_to_the_end(window, clock)
    assert window.finish.saved.text().startswith("Not saved")
    folder.unlink()                               # the user fixed it
    window.finish.retry.click()
    assert window.finish.saved.text() == "Saved to your workout log."
    with closing(sqlite3.connect(folder / "postrun.sqlite3")) as db:
        assert db.execute("SELECT status FROM workouts").fetchall() == [("completed",)]


@pytest.mark.slow
def test_a_log_on_a_read_only_disk_still_shows_the_history(make_window, read_only_mount, clock, now):
    from helpers import seeded_folder

    point = read_only_mount(lambda point: seeded_folder(point, now().date()))
    window = make_window(WorkoutLog.open(point / "postrun.sqlite3"))
    assert "The workout log cannot be written" in window.picker.notice.text()
    assert "Your workouts are shown" in window.picker.notice.text()
    window.show_history()
    assert window.history.model.rowCount() > 20                     # the real workouts, not an empty log
    assert window.history.summary.text().startswith("This week: 2 workouts")
    window.history.note.setText("a note that cannot be kept")
    window.history.save_note()
    assert "could not be changed" in window.history.status.text()
    assert "nothing was changed" in window.history.status.text()
    qtbot_key(window.history, Qt.Key.Key_Escape)
    run_to_the_end(window, clock)
    assert window.finish.saved.text().startswith("Not saved to your workout log:")
    assert window.finish.save_file.isVisible()
