from PySide6.QtCore import Qt

from postrun.app import AppServices
from postrun.store.paths import log_path
from postrun.store.settings import Settings
from postrun.store.workout_log import WorkoutLog
from postrun.system.keep_awake import KeepAwake
from postrun.ui.main_window import MainWindow

from helpers import advance


def make_window(qtbot, clock, log):
    from postrun.audio.player import CuePlayer

    services = AppServices(log, Settings(), KeepAwake(lambda: None), player=CuePlayer(play_buffer=lambda *a: None))
    services.speech_wanted = False
    window = MainWindow(services, clock)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_damaged_log_is_reported_in_the_window_and_the_workout_still_saves(qtbot, clock, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path().write_bytes(b"garbage" * 1000)
    window = make_window(qtbot, clock, WorkoutLog.open())
    assert window.picker.notice.isVisible()
    assert "The workout log was damaged" in window.picker.notice.text()
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    assert "The workout log was damaged" in window.run_view.notice.text()
    while window.driver.engine.state.value == "running":
        advance(window, clock, 5.0, step=1.0)
    qtbot.waitUntil(lambda: window.current_view() is window.finish)
    assert window.services.log.history()[0].status == "completed"


def test_an_unwritable_data_folder_is_named_and_the_workout_runs(qtbot, clock, tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder")
    window = make_window(qtbot, clock, WorkoutLog.open(blocker / "postrun.sqlite3"))
    assert str(blocker) in window.picker.notice.text()
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 12.0)
    assert window.driver.engine.index == 1
    assert "will not be kept" in window.run_view.notice.text()
