"""The window opens at a size that fits the screen, remembers its place, and at 1024x600,
1280x720 and 1366x768 the Start button, the whole bottom bar and the time left are seen
whole."""

import pytest
from PySide6.QtCore import QRect, Qt

from postrun.store.paths import user_circuits_dir
from postrun.ui import window_place
from postrun.ui.main_window import MainWindow

from circuits import LONG_SWINGS_THEN_REPS
from helpers import advance

SIZES = [(1024, 600), (1280, 720), (1366, 768)]



def inside(widget, window) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_start_bottom_bar_and_time_left_are_whole(qtbot, window, clock, size):
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "reps.toml").write_text(LONG_SWINGS_THEN_REPS)
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.show_picker()
    window.open_by_key("reps")
    qtbot.wait(10)
    assert inside(window.preview.start_button, window)
    assert window.preview.start_button.height() >= 60
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    view = window.run_view
    advance(window, clock, 5.0)
    qtbot.wait(10)
    assert view.time_left.text() == "10:17 + reps left"          # the longest it gets
    for button in view.buttons.values():
        assert inside(button, window), button.text()
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), button.text()
    assert inside(view.time_left, window)
    assert view.time_left.width() >= view.time_left.fontMetrics().horizontalAdvance(view.time_left.text())


@pytest.mark.parametrize(("area", "maximized"), [(QRect(0, 0, 1024, 600), True), (QRect(0, 0, 1280, 720), True),
                                                 (QRect(0, 0, 1920, 1050), False)])
def test_opens_at_a_size_that_fits_the_screen(qtbot, parts, monkeypatch, area, maximized):
    monkeypatch.setattr(window_place, "available_area", lambda widget: area)
    window = MainWindow(parts)
    qtbot.addWidget(window)
    assert bool(window.windowState() & Qt.WindowState.WindowMaximized) is maximized
    assert window.width() <= area.width()
    assert window.height() <= area.height()
    if not maximized:
        assert (window.width(), window.height()) == (1366, 768)
        assert area.contains(window.geometry())


def test_size_and_place_are_remembered(qtbot, parts, monkeypatch):
    monkeypatch.setattr(window_place, "available_area", lambda widget: QRect(0, 0, 1920, 1050))
    first = MainWindow(parts)
    qtbot.addWidget(first)
    first.resize(700, 500)             # within the test platform's own 800x600 screen
    first.move(30, 20)
    first.close()
    assert parts.data.settings.window
    second = MainWindow(parts)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_a_remembered_place_off_every_screen_is_not_used(qtbot, parts, monkeypatch):
    monkeypatch.setattr(window_place, "available_area", lambda widget: QRect(0, 0, 1920, 1050))
    first = MainWindow(parts)
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.close()
    monkeypatch.setattr(window_place, "available_area", lambda widget: QRect(0, 0, 1024, 600))   # a smaller screen now
    second = MainWindow(parts)
    qtbot.addWidget(second)
    assert bool(second.windowState() & Qt.WindowState.WindowMaximized)


def test_the_run_view_with_reps_left_needs_no_more_than_a_1024_screen(qtbot, window, clock):
    """"10:17 + reps left" beside twelve buttons: the buttons' text gives way, so the window
    is never pushed wider than the screen (it grew to 1053 px on a 1024 px screen)."""
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "reps.toml").write_text(LONG_SWINGS_THEN_REPS)
    window.open_by_key("reps")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    view = window.run_view
    advance(window, clock, 5.0)
    view.resize(1024, 600)
    qtbot.wait(10)
    assert view.time_left.text() == "10:17 + reps left"
    assert view.minimumSizeHint().width() <= 1024
