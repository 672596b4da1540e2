"""What a person three metres away sees, measured from the pixels of real renders."""

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage

from postrun.ui.theme import contrast

from helpers import advance

WIDTH, HEIGHT = 1366, 768


def pixels(image: QImage, left: int, top: int, width: int, height: int, step: int = 2):
    for y in range(top, top + height, step):
        for x in range(left, left + width, step):
            colour = image.pixelColor(x, y)
            yield x, y, (colour.red(), colour.green(), colour.blue())


def measure_digits(window, image: QImage):
    """Glyph height of the countdown (rows holding text-coloured pixels) and its contrast."""
    view = window.run_view
    origin = view.digits.mapTo(window, QPoint(0, 0))
    geometry = view.digits.geometry()
    background = Counter(c for _, _, c in pixels(image, origin.x(), origin.y(), geometry.width(),
                                                   geometry.height(), step=8)).most_common(1)[0][0]
    samples = list(pixels(image, origin.x(), origin.y(), geometry.width(), geometry.height()))
    text = max((c for _, _, c in samples), key=lambda c: sum(abs(a - b) for a, b in zip(c, background, strict=True)))
    rows = [y for _, y, c in samples if sum(abs(a - b) for a, b in zip(c, text, strict=True)) < 30]
    return max(rows) - min(rows), contrast(background, text)


def start(window, qtbot, key="posterior-chain"):
    window.open_by_key(key)
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)


def settle(qtbot, window):
    """The flash after a segment change is over (its timer runs on the fake clock)."""
    assert not window.run_view.flashing


@pytest.mark.parametrize(
    ("seconds", "word"),
    [(0.0, "GET READY"), (12.0, "WORK"), (51.0, "SWITCH SIDES"), (96.0, "REST")],
)
def test_run_view_reads_from_across_the_room(qtbot, window, clock, tmp_path, seconds, word):
    window.resize(WIDTH, HEIGHT)
    start(window, qtbot)
    advance(window, clock, seconds)
    settle(qtbot, window)
    assert window.run_view.word.text() == word
    image = window.grab().toImage()
    path = tmp_path / f"run-{word.lower().replace(' ', '-')}.png"
    assert image.save(str(path))
    glyph_height, ratio = measure_digits(window, image)
    assert glyph_height >= 0.35 * window.height(), (glyph_height, window.height())
    assert ratio >= 7.0
    # the phase word is drawn in the text colour too
    assert window.run_view.phase.word == word


def test_digits_scale_with_the_window(qtbot, window, clock):
    start(window, qtbot)
    advance(window, clock, 12.0)
    settle(qtbot, window)
    heights = []
    for size in [(1024, 600), (1920, 1080)]:
        window.resize(*size)
        qtbot.waitUntil(lambda s=size: window.height() == s[1])
        qtbot.wait(50)        # the run view sets its sizes on resize; let the layout settle
        glyph_height, _ = measure_digits(window, window.grab().toImage())
        heights.append(glyph_height / window.height())
    assert all(h >= 0.35 for h in heights), heights


def readable(window, image: QImage, widget) -> tuple[bool, float]:
    """Whether `widget` lies whole inside the window, and the contrast of the darkest and
    lightest colours drawn where it is (text on its background)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(QRect(top_left, widget.size()))
    colours = {c for _, _, c in pixels(image, top_left.x(), top_left.y(), widget.width(), widget.height(), step=1)}
    lightness = sorted(colours, key=lambda c: sum(c))
    return inside, contrast(lightness[0], lightness[-1])


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_picker_preview_and_finish_show_their_words_whole_and_readable(qtbot, window, clock, tmp_path, size):
    """Each screen's main words are inside the window and drawn in readable contrast, at the
    laptop size and on a 1024x600 netbook; the renders are kept to be looked at."""
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    checks = {}
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "picker.png"))
    checks["picker list"] = readable(window, image, window.picker.list)
    window.open_by_key("posterior-chain")
    qtbot.wait(20)
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "preview.png"))
    for name in ("title", "total", "start_button"):
        checks[f"preview {name}"] = readable(window, image, getattr(window.preview, name))
    assert window.preview.total.text().startswith("Total ")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    while window.session.engine.state.value == "running":
        advance(window, clock, 5.0, step=1.0)
    window.parts.timers.flush()
    assert window.current_view() is window.finish
    qtbot.wait(20)
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "finish.png"))
    assert window.finish.heading.text() == "Workout complete"
    for name in ("heading", "details", "note", "chart", "bars"):
        checks[f"finish {name}"] = readable(window, image, getattr(window.finish, name))
    # the weeks and the balance are drawn, smaller on a small screen, never a blank gap
    assert window.finish.chart.isVisible()
    assert window.finish.bars.isVisible()
    assert {name: inside for name, (inside, _) in checks.items() if not inside} == {}
    assert {name: ratio for name, (_, ratio) in checks.items() if ratio < 4.5} == {}
