"""What the window records and says is what happened: skipped sets, a late key, a failing
part, damaged settings, hostile circuit files."""

import os
import sqlite3
from contextlib import closing
from dataclasses import replace

from PySide6.QtCore import QRect, Qt

from postrun.audio.player import CuePlayer
from postrun.core.engine import State
from postrun.core.events import Finished
from postrun.session.workout_session import REFUSED_NOTICE_MS
from postrun.store.paths import log_path, user_circuits_dir
from postrun.store.settings import Settings
from postrun.store.user_data import UserData
from postrun.ui.main_window import MainWindow
from postrun.ui.run_view import FLASH_MS

from helpers import advance


def start(qtbot, window, key="posterior-chain-quick"):
    window.open_by_key(key)
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    return window.run_view


def finish_it(window, clock):
    advance(window, clock, 60 * 60)
    assert window.current_view() is window.finish


def test_a_set_skipped_then_redone_with_back_is_not_listed_as_skipped(qtbot, window, clock):
    view = start(qtbot, window)
    advance(window, clock, 12.0)                         # into the first set
    assert window.session.engine.index == 1
    qtbot.keyClick(view, Qt.Key.Key_Right)               # skip it...
    qtbot.keyClick(view, Qt.Key.Key_Left)                # ...and straight back to do it
    assert window.session.engine.index == 1
    finish_it(window, clock)
    assert "Nothing skipped" in window.finish.details.text()
    with closing(sqlite3.connect(log_path())) as db:
        assert db.execute("SELECT skipped_json, status FROM workouts").fetchone() == ("[]", "completed")


def test_space_just_after_the_last_segment_ends_is_not_an_error(qtbot, window, clock):
    view = start(qtbot, window)
    # the key arrives between the end of the last segment and the finish screen
    window.session.engine.subscribe(
        lambda event: qtbot.keyClick(view, Qt.Key.Key_Space) if isinstance(event, Finished) else None)
    finish_it(window, clock)
    assert window.session.engine.state is State.FINISHED
    assert "cannot" not in window.run_view.notice.text()
    assert window.finish.heading.text() == "Workout complete"
    assert window.finish.saved.text() == "Saved to your workout log."


def test_escape_after_the_end_does_not_ask_to_stop(qtbot, window, clock):
    view = start(qtbot, window)
    window.session.engine.subscribe(
        lambda event: qtbot.keyClick(view, Qt.Key.Key_Escape) if isinstance(event, Finished) else None)
    finish_it(window, clock)
    assert window.session.confirm == ""


def test_a_listener_that_fails_is_a_notice_and_the_countdown_goes_on(qtbot, window, clock, monkeypatch):
    def broken(self, event):
        raise RuntimeError("the sound card vanished")

    monkeypatch.setattr(CuePlayer, "__call__", broken)
    view = start(qtbot, window)
    advance(window, clock, 45.0)
    notice = view.notice.text()
    assert notice.count("The sound stopped working (RuntimeError: the sound card vanished); the workout goes on.") == 1
    assert window.session.engine.index >= 2
    finish_it(window, clock)
    assert window.finish.saved.text() == "Saved to your workout log."     # the log was not stopped either


def test_the_flash_and_a_refused_key_notice_run_on_the_fake_clock(qtbot, window, clock):
    view = start(qtbot, window)
    advance(window, clock, 10.0)                 # get ready -> work: the view flashes
    assert view.flashing
    advance(window, clock, (FLASH_MS - 10) / 1000)
    assert view.flashing
    advance(window, clock, 0.02)
    assert not view.flashing
    qtbot.keyClick(view, Qt.Key.Key_Return)      # "done" on a timed set: refused in words
    assert "rep-based" in view.notice.text()
    advance(window, clock, REFUSED_NOTICE_MS / 1000 - 0.01)
    assert "rep-based" in view.notice.text()
    advance(window, clock, 0.02)
    assert "rep-based" not in view.notice.text()


def test_damaged_settings_are_said_on_the_picker(qtbot, parts):
    data = UserData(parts.data.log, Settings(), "Your settings file could not be used as it was: damaged.",
                    now=parts.data.now)
    window = MainWindow(replace(parts, data=data))
    qtbot.addWidget(window)
    window.show()
    assert "Your settings file could not be used" in window.picker.notice.text()
    window.open_by_key("quad-circuit")             # as `postrun run quad-circuit` does: said there too
    assert "Your settings file could not be used" in window.preview.notice.text()


def test_remembered_rounds_never_make_a_workout_longer_than_four_hours(qtbot, window):
    window.data.settings.rounds["posterior-chain"] = 50
    window.open_by_key("posterior-chain")
    preview = window.preview
    assert preview.rounds.value() == 3                      # the circuit's own, not 50
    preview.rounds.setValue(50)                             # kept as typed, and refused in words
    assert preview.rounds.value() == 50
    assert f"Rounds: at most {preview.rounds.limit} (the 4-hour limit), not 50" in preview.problems.text()
    assert preview.total.text() == "Total —"
    assert not preview.start_button.isEnabled()
    preview.rounds.setValue(preview.rounds.limit)
    hours, minutes, _ = preview.total.text().removeprefix("Total ").split(":")
    assert int(hours) * 60 + int(minutes) <= 4 * 60
    assert preview.start_button.isEnabled()


def test_hostile_files_in_the_circuits_folder_are_listed_not_read(qtbot, window):
    folder = user_circuits_dir()
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.toml")
    (folder / "folder.toml").mkdir()
    (folder / "huge.toml").write_text("format = 1\nname = 'x'\nrounds = " + "9" * 5000 + "\n")
    (folder / "bidi.toml").write_text('format = 1\nname = "\\u202eevil"\n[[exercise]]\nname = "a"\nwork = 5\n')
    window.show_picker()                                    # must not hang on the pipe
    texts = "\n".join(window.picker.entry_texts())
    assert "pipe.toml  (user) — CANNOT BE USED" in texts
    assert "named pipe" in texts
    assert "folder.toml  (user) — CANNOT BE USED" in texts
    assert "huge.toml  (user) — CANNOT BE USED" in texts
    assert "thousands of digits" in texts
    assert "bidi.toml  (user) — CANNOT BE USED" in texts
    assert "U+202E" in texts


def history_lines(now):
    """What `postrun history` prints for the same log, in this process on the same clock."""
    import argparse
    import contextlib
    import io

    from postrun.cli_history import cmd_history

    out = io.StringIO()
    args = argparse.Namespace(import_file=None, balance=False, since=None, circuit=None, json=False, csv=False,
                              sets=False, exercise=None)
    with contextlib.redirect_stdout(out):
        assert cmd_history(args, now=now) == 0
    return out.getvalue()


def test_get_ready_skipped_is_not_a_skipped_set_anywhere(qtbot, window, clock, now):
    """Issue: → on Get ready gave 'Nothing skipped' on the finish screen but '1 skipped' in
    the history list and `postrun history`. One rule: only exercise sets and stretches."""
    view = start(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Right)               # past get ready
    finish_it(window, clock)
    assert "Nothing skipped" in window.finish.details.text()
    history = window.history
    history.refresh()
    model = history.model
    assert model.data(model.index(0, 4)) == ""           # the Skipped column
    assert "skipped" not in history_lines(now)
    with closing(sqlite3.connect(log_path())) as db:
        assert db.execute("SELECT skipped_json FROM workouts").fetchone() == ("[]",)


def test_stopped_during_get_ready_is_round_one_in_the_run_views_words(qtbot, window, clock, now):
    view = start(qtbot, window)
    advance(window, clock, 2.0)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    window.parts.timers.flush()
    rounds = window.session.circuit.rounds
    assert f"Stopped in round 1 of {rounds}, at Get ready" in window.finish.details.text()
    history = window.history
    history.refresh()
    assert history.model.data(history.model.index(0, 3)) == "stopped at Get ready (no set done)"
    printed = history_lines(now)
    assert "stopped at Get ready" in printed
    assert "prepare" not in printed


def test_a_start_discarded_with_d_goes_back_to_its_preview_and_counts_for_nothing(qtbot, window, clock):
    view = start(qtbot, window)
    advance(window, clock, 3.0)                          # in Get ready
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert "D discards it" in view.confirm.text()
    qtbot.wait(10)
    said_whole(view.confirm)
    view.resize(700, 900)                                 # tall and narrow: still whole
    qtbot.wait(10)
    said_whole(view.confirm)
    qtbot.keyClick(view, Qt.Key.Key_D)
    advance(window, clock, 0.5)
    assert window.current_view() is window.preview
    assert window.preview.entry.key == "posterior-chain-quick"
    assert "discarded" in window.preview.notice.text()
    with closing(sqlite3.connect(log_path())) as db:
        assert db.execute("SELECT COUNT(*) FROM workouts").fetchone() == (0,)
    _, lines = window.data.overview()
    assert lines[0].startswith("This week: 0 workouts")


def said_whole(label):
    """The label's text fits its box: no line cut at the side or below."""
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else Qt.TextFlag(0)
    needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000), flags, label.text())
    assert needed.width() <= label.width()
    assert needed.height() <= label.height()


def test_a_start_stopped_and_kept_is_in_the_log_but_not_in_the_week(qtbot, window, clock):
    view = start(qtbot, window)
    advance(window, clock, 3.0)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Escape)              # stops and keeps it
    advance(window, clock, 0.5)
    assert window.current_view() is window.finish
    assert "This week: 0 workouts" in window.finish.summary.text()
    window.show_history()
    assert window.history.table.model().rowCount() == 1
