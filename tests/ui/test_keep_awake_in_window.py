import pytest
from PySide6.QtCore import Qt

from postrun.session.workout_session import RELEASE_AWAKE_AFTER_PAUSE_MS

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
    while window.session.engine.state.value == "running":
        advance(window, clock, 2.0, step=1.0)
    assert awake_calls == ["enter", "exit"]


def test_long_pause_lets_the_screen_sleep_and_resume_keeps_it_on(qtbot, window, clock, awake_calls):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert RELEASE_AWAKE_AFTER_PAUSE_MS == 180_000
    advance(window, clock, 179.9)
    assert awake_calls == ["enter"]                   # a short pause keeps the screen on
    advance(window, clock, 0.2)                       # three minutes paused
    assert awake_calls == ["enter", "exit"]
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert awake_calls == ["enter", "exit", "enter"]
    advance(window, clock, 200.0)
    assert awake_calls == ["enter", "exit", "enter"]  # running again: the release is off


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
    window.parts.timers.jump(45 * 60)             # lid closed for 45 minutes
    snap = window.session.engine.snapshot()
    assert snap.state.value == "paused"
    assert (snap.index, round(snap.remaining, 6)) == (1, 28.0)
    assert "the computer slept" in window.run_view.notice.text()
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert "slept" not in window.run_view.notice.text()
