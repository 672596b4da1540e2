"""Every text of the run view takes the phase's text colour (buttons, painted texts, labels),
without a style sheet: a new colour repaints, it does not re-polish every child."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from postrun.ui.phase_button import PhaseButton
from postrun.ui.theme import PHASES, Kind

from helpers import advance


def colours(view):
    return {
        "buttons": {button.colour().name() for button in view.buttons.values()},
        "texts": {live._colour.name() for live in (view.word, view.exercise, view.tip, view.time_left)},
        "labels": view.palette().color(QPalette.ColorRole.WindowText).name(),
    }


def test_get_ready_then_work_recolours_everything_without_a_style_sheet(qtbot, window, clock):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, "\x20")
    view = window.run_view
    QApplication.processEvents()
    black = PHASES[Kind.PREPARE].text
    assert colours(view) == {"buttons": {black}, "texts": {black}, "labels": black}
    advance(window, clock, 10.5)
    QApplication.processEvents()
    white = PHASES[Kind.WORK].text
    assert colours(view) == {"buttons": {white}, "texts": {white}, "labels": white}
    assert view.styleSheet() == ""
    assert view.reps.palette().color(QPalette.ColorRole.WindowText).name() == white   # inherited


def test_a_button_is_an_outline_in_its_colour_dashed_when_disabled(qtbot):
    button = PhaseButton("Done ✓")
    qtbot.addWidget(button)
    button.resize(button.sizeHint().width() + 20, 40)
    button.set_colour("#ff0000")         # told apart from the window's grey behind it

    def red(p):
        return p.red() > 200 and p.green() < 90 and p.blue() < 90

    def outline_pixels():
        image = button.grab().toImage()
        row = image.height() // 2
        return [image.pixelColor(x, row) for x in range(0, 4)], [image.pixelColor(x, 0) for x in range(image.width())]

    side, top = outline_pixels()
    assert any(red(p) for p in side)                    # the left edge is drawn
    solid = sum(red(p) for p in top[10:-10])
    button.setEnabled(False)
    _, top = outline_pixels()
    dashed = sum(red(p) for p in top[10:-10])
    assert 0 < dashed <= solid - 5                                    # gaps in the top edge
    assert button.sizeHint().width() > button.fontMetrics().horizontalAdvance("Done ✓")
    assert button.colour() == QColor("#ff0000")
