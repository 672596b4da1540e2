import pytest
from PySide6.QtCore import Qt

from postrun.ui.main_window import RELEASE_AWAKE_AFTER_PAUSE_MS

from helpers import advance


def test_screen_kept_awake_from_start_to_stop(qtbot, window, clock, awake_calls):
    window.open_by_key("posterior-chain-quick")
    assert awake_calls == []
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    assert awake_calls == ["enter"]
    assert "screen may sleep" not in window.run_view.notice.text()
    advance(window, clock, 3.0)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Escape)
    assert awake_calls == ["enter", "exit"]


def test_screen_released_at_the_finish(qtbot, window, clock, awake_calls):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    while window.driver.engine.state.value == "running":
        advance(window, clock, 2.0, step=1.0)
    assert awake_calls == ["enter", "exit"]


def test_long_pause_lets_the_screen_sleep_and_resume_keeps_it_on(qtbot, window, clock, awake_calls):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert window._awake_release_timer.isActive()
    assert window._awake_release_timer.interval() == RELEASE_AWAKE_AFTER_PAUSE_MS
    window._awake_release_timer.timeout.emit()        # three minutes later
    assert awake_calls == ["enter", "exit"]
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert awake_calls == ["enter", "exit", "enter"]
    assert not window._awake_release_timer.isActive()


@pytest.mark.parametrize("awake_works", [False])
def test_notice_when_the_screen_may_sleep(qtbot, window, awake_works):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    assert "The screen may sleep" in window.run_view.notice.text()
    assert window.run_view.notice.isVisible()


def test_a_laptop_that_slept_comes_back_paused_with_a_notice(qtbot, window, clock):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 12.0)
    clock.advance(45 * 60)             # lid closed for 45 minutes
    window.driver.tick()
    snap = window.driver.engine.snapshot()
    assert snap.state.value == "paused"
    assert (snap.index, round(snap.remaining, 6)) == (1, 28.0)
    assert "the computer slept" in window.run_view.notice.text()
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert "slept" not in window.run_view.notice.text()
