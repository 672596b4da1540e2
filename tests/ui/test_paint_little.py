"""At a digit change only what changed is painted: the digits' glyphs (drawn ahead, one
blit), the time left and the progress line; never the window behind them."""

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QRegion
from PySide6.QtWidgets import QApplication

from postrun.ui.flash_overlay import ALPHA, FlashOverlay

from helpers import advance


class PaintLog(QObject):
    def __init__(self):
        super().__init__()
        self.painted: list[tuple[QObject, QRegion]] = []

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted.append((watched, QRegion(event.region())))
        return False


def settle() -> None:
    """Let the new run view take its size (a layout passes its request up one level a pass):
    a resize afterwards would draw every glyph again."""
    for _ in range(3):
        QApplication.processEvents()


def start(qtbot, window) -> None:
    """The posterior chain started from its preview, the run view at its size."""
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, "\x20")
    settle()


def area(region: QRegion) -> int:
    return sum(r.width() * r.height() for r in region)


def test_a_digit_change_paints_only_the_digits_time_left_and_progress(qtbot, window, clock):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, "\x20")
    view = window.run_view
    advance(window, clock, 12.2)                 # well into the first work set: no flash
    QApplication.processEvents()
    log = PaintLog()
    QApplication.instance().installEventFilter(log)
    try:
        before = view.digits.text()
        advance(window, clock, 1.0)
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(log)
    assert view.digits.text() != before
    painted = {type(widget).__name__ for widget, _ in log.painted}
    assert painted <= {"BigDigits", "RunView", "LiveText", "QLabel", "ProgressLine"}, painted
    assert "MainWindow" not in painted
    labels = {widget.text() for widget, _ in log.painted if type(widget).__name__ == "QLabel"}
    assert labels <= {view.time_left.text()}, labels
    digits_area = sum(area(region) for widget, region in log.painted if widget is view.digits)
    whole = view.digits.width() * view.digits.height()
    assert 0 < digits_area < 0.6 * whole            # the glyphs' box, not the whole widget
    # what the run view painted under the labels stays inside the changed widgets' places
    changed = QRegion()
    for widget in (view.digits, view.time_left, view.progress):
        changed += QRegion(QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size()))
    for widget, region in log.painted:
        if widget is view:
            assert (region - changed).isEmpty()


def test_the_next_number_is_drawn_before_its_instant(qtbot, window, clock):
    start(qtbot, window)
    digits = window.run_view.digits
    advance(window, clock, 12.2)
    QApplication.processEvents()
    shown = int(digits.text())
    assert digits.ready(str(shown - 1))               # its characters drawn before its second comes
    renders = digits.renders
    advance(window, clock, 1.0)
    QApplication.processEvents()
    assert digits.text() == str(shown - 1)
    assert digits.ready(str(shown - 2))               # and the next one's, ahead again
    assert digits.renders == renders                  # the set was drawn at the colour's first draw-ahead
    # a whole countdown through every digit, then the same phase again: nothing left to draw
    advance(window, clock, 25.0)
    QApplication.processEvents()
    before = digits.renders
    for number in range(100):
        digits.prepare(str(number))
    assert digits.renders == before or digits.renders - before <= 10


def test_the_next_segments_first_number_is_drawn_in_its_colour_before_the_change(qtbot, window, clock):
    """Get ready is black on amber, the work set white: the work set's "40" is drawn in white
    during get ready, and the change itself renders nothing."""
    start(qtbot, window)
    view = window.run_view
    digits = view.digits
    advance(window, clock, 1.0)
    QApplication.processEvents()
    assert view.phase.word == "GET READY"
    assert digits.ready("40", ink="#ffffff")
    assert not digits.ready("40", ink="#ff00ff")      # a colour nobody asked for is not there
    before = digits.renders
    advance(window, clock, 9.0)                       # the work set begins
    QApplication.processEvents()
    assert view.phase.word == "WORK"
    assert digits.text() == "40"
    assert digits.renders == before


def test_a_colours_whole_character_set_is_drawn_in_one_idle_moment(qtbot, window, clock):
    start(qtbot, window)
    digits = window.run_view.digits
    advance(window, clock, 1.0)
    QApplication.processEvents()
    before = digits.renders
    advance(window, clock, 8.0)                       # 8, 7, ... 1: every one already drawn
    QApplication.processEvents()
    assert digits.renders == before
    assert all(digits.ready(c) for c in "0123456789")


def test_a_phase_with_the_same_text_colour_renders_no_glyph_again(qtbot, window, clock):
    """Work (white on green) then switch (white on purple): the cells are transparent, so the
    switch's countdown is drawn from the work set's glyphs, on its own background."""
    start(qtbot, window)
    view = window.run_view
    digits = view.digits
    advance(window, clock, 12.2)                  # work: a white countdown from 40
    for number in range(10):
        digits.prepare(str(number), f"{number}{number}")
    before = digits.renders
    advance(window, clock, 39.0)                  # into the switch (5 s)
    QApplication.processEvents()
    assert view.phase.word == "SWITCH SIDES"
    assert digits.renders == before
    image = digits.grab().toImage()
    corner = image.pixelColor(2, 2)
    assert corner.name() == view.phase.background       # the cells' background is the phase's
    centre_row = [image.pixelColor(x, image.height() // 2).name() for x in range(image.width())]
    assert "#ffffff" in centre_row                      # and the glyph is drawn on it


def test_the_flash_washes_the_countdown_in_the_new_phase_text_colour(qtbot, window, clock):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, "\x20")
    view = window.run_view
    advance(window, clock, 10.0)                  # get ready -> work: white text on green
    QApplication.processEvents()
    assert view.flashing
    overlay = view.findChild(FlashOverlay)
    assert overlay.covering()
    assert overlay.parentWidget() is view.digits
    assert overlay.geometry() == view.digits.rect()       # the countdown's box, where a glance goes
    assert overlay.colour().name() == view.phase.text
    assert overlay.colour().alpha() == ALPHA
    corner = view.digits.geometry().topLeft() + QPoint(3, 3)     # background under the wash
    pixel = view.grab().toImage().pixelColor(corner)
    green = QColor(view.phase.background)
    expected = [round((255 * ALPHA + c * (255 - ALPHA)) / 255) for c in (green.red(), green.green(), green.blue())]
    assert all(abs(a - b) <= 2 for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), expected, strict=True))
    advance(window, clock, 0.5)                   # over: nothing covers the view
    QApplication.processEvents()
    assert not view.flashing
    assert not overlay.covering()
    assert view.grab().toImage().pixelColor(corner).name() == view.phase.background


class LayoutLog(QObject):
    def __init__(self):
        super().__init__()
        self.requests: list[str] = []

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.requests.append(type(watched).__name__)
        return False


def test_new_tips_and_a_new_segment_relayout_nothing(qtbot, window, clock):
    """A QLabel's new text makes its layout recompute and pass that up to the main window;
    the run view's changing texts repaint their own boxes only."""
    start(qtbot, window)
    view = window.run_view
    advance(window, clock, 12.2)
    settle()
    log = LayoutLog()
    QApplication.instance().installEventFilter(log)
    try:
        tips, words, titles = set(), set(), set()
        for _ in range(45):                   # work (left) -> switch -> work (right): tips and two new segments
            advance(window, clock, 1.0)
            QApplication.processEvents()
            tips.add(view.tip.text())
            words.add(view.word.text())
            titles.add(view.exercise.text())
    finally:
        QApplication.instance().removeEventFilter(log)
    assert len(tips) >= 4
    assert {"WORK", "SWITCH SIDES"} <= words
    assert len(titles) >= 2
    assert log.requests == []


def test_a_text_too_wide_for_its_box_ends_in_an_ellipsis(qtbot, window, clock):
    start(qtbot, window)
    tip = window.run_view.tip
    long = "Keep your back flat and your hips square, " * 6
    tip.setText(long)
    assert tip.text() == long
    shown = tip.shown_text()
    assert shown.endswith("…")
    assert tip.fontMetrics().horizontalAdvance(shown) <= tip.width()
    tip.setText("Short tip.")
    assert tip.shown_text() == "Short tip."


def test_a_segment_change_reaches_the_screen_whole_in_the_numbers_own_paint(qtbot, window, clock):
    """The paint that shows the work set's first number already has its tip and the flash:
    a screenshot at that instant caught the get-ready tip and no wash."""
    start(qtbot, window)
    view = window.run_view
    overlay = view.findChild(FlashOverlay)
    advance(window, clock, 9.5)
    QApplication.processEvents()
    seen = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is view.digits:
                seen.append((view.digits.text(), view.tip.text(), overlay.covering()))
            return False

    watch = Watch()
    view.digits.installEventFilter(watch)
    try:
        advance(window, clock, 0.5)               # get ready -> the work set
    finally:
        view.digits.removeEventFilter(watch)
    assert view.phase.word == "WORK"
    first = seen[0]
    assert first == ("40", view.tip.text(), True)
