"""The countdown: painted, not a QLabel, so the glyphs (not the line box) fill the space.

Drawn ahead and painted little. Each character (0-9 and ':') is rendered once per size and
text colour into a transparent image of its own cell, so a number is a row of cells drawn
side by side over the phase colour: a countdown in a text colour already seen renders
nothing at all (every phase but "get ready" shares white, whatever its background), and at
a second's instant the change is a few blits. Only the union of the old and the new
number's cells is repainted, on an opaque widget, so nothing behind it (the run view, the
window) is painted again. `prepare` renders, while the process is idle, the whole character
set in the size and text colour a coming number needs (the next segment's colour too): one
moment of rendering per colour, warm, instead of one cold render in each of its first seconds.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from postrun.ui.phase_painted import PhasePainted

# glyph height as a share of the widget's height; the rest is breathing room
GLYPH_SHARE = 0.9
MARGIN = 4          # pixels above and below the glyphs' box: antialiasing reaches a little past it
CHARACTERS = "0123456789:"
KEEP_COLOURS = 3    # the glyphs of this many text colours are kept

Layout = tuple[int, list[tuple[str, QPoint]], QRect]     # font pixel size, each cell's place, their union


class BigDigits(PhasePainted):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._font = QFont()
        self._font.setBold(True)
        self._font.setStyleHint(QFont.StyleHint.SansSerif)
        self._layouts: dict[str, Layout] = {}
        self._bands: dict[int, tuple[int, int, float]] = {}     # pixel size -> cell rows (per widget size)
        self._advances: dict[int, dict[str, int]] = {}           # pixel size -> each character's width
        self._probe: tuple[float, dict[str, int]] | None = None  # glyph box height and advances at 100 px
        # text colour -> (pixel size, character) -> the character's cell
        self._glyphs: dict[int, dict[tuple[int, str], QImage]] = {}
        self.renders = 0                                         # for tests: characters rendered
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str, now: bool = False) -> bool:
        """Show `text`: at Qt's next paint pass, or with `now` painted (and shown) at once.
        True when the number changed."""
        if text == self._text:
            return False
        region = self._changed_rect(self._text, text)
        self._text = text
        if now:
            self.repaint(region)
        else:
            self.update(region)
        return True

    def prepare(self, *texts: str, ink: str | None = None) -> None:
        """Render now, while nothing is due, every character in the sizes these are shown at,
        in `ink` (the text colour now when None): showing them, and the rest of a countdown
        in that colour, then costs only copies."""
        colour = self._ink(ink)
        for text in texts:
            if text and self.width() > 0 and self.height() > 0:
                size = self._layout(text)[0]
                for char in CHARACTERS:
                    self._glyph(size, char, colour)

    def ready(self, *texts: str, ink: str | None = None) -> bool:
        """Every character these need is rendered already in `ink` (nothing to prepare)."""
        glyphs = self._glyphs.get(self._ink(ink).rgba(), {})
        for text in texts:
            if text and self.width() > 0 and self.height() > 0:
                size, cells, _ = self._layout(text)
                if any((size, char) not in glyphs for char, _ in cells):
                    return False
        return True

    # -- drawing -------------------------------------------------------------------------

    def _ink(self, ink: str | None) -> QColor:
        return self._colour if ink is None else QColor(ink)

    def _fitted_size(self, text: str) -> int:
        """The largest font whose digits are GLYPH_SHARE of our height and fit our width."""
        if self._probe is None:         # measured once: every number is made of the same characters
            metrics = QFontMetricsF(self._font_of(100))
            self._probe = (metrics.tightBoundingRect(CHARACTERS).height(),
                           {c: round(metrics.horizontalAdvance(c)) for c in CHARACTERS})
        box_height, advances = self._probe
        width = sum(advances.get(c, 60) for c in text) or 1.0
        by_height = 100 * self.height() * GLYPH_SHARE / max(1.0, box_height)
        by_width = 100 * self.width() * 0.96 / width
        return max(8, int(min(by_height, by_width)))

    def _font_of(self, size: int) -> QFont:
        font = QFont(self._font)
        font.setPixelSize(size)
        return font

    def _band(self, size: int) -> tuple[int, int, float]:
        """The rows every character's cell spans (top, height) and the baseline in them."""
        found = self._bands.get(size)
        if found is None:
            box = QFontMetricsF(self._font_of(size)).tightBoundingRect(CHARACTERS)
            top = math.floor((self.height() - box.height()) / 2) - MARGIN
            height = math.ceil(box.height()) + 2 * MARGIN + 1
            baseline = (self.height() - box.height()) / 2 - box.top() - top
            found = self._bands[size] = (top, height, baseline)
        return found

    def _layout(self, text: str) -> Layout:
        found = self._layouts.get(text)
        if found is not None:
            return found
        size = self._fitted_size(text)
        advances = [self._advance(size, c) for c in text]
        top, height, _ = self._band(size)
        x = (self.width() - sum(advances)) // 2
        cells = []
        for char, advance in zip(text, advances, strict=True):
            cells.append((char, QPoint(x, top)))
            x += advance
        rect = QRect(cells[0][1].x(), top, sum(advances), height).intersected(self.rect()) if cells else QRect()
        if len(self._layouts) > 64:
            self._layouts.clear()
        self._layouts[text] = (size, cells, rect)
        return size, cells, rect

    def _advance(self, size: int, char: str) -> int:
        """A character's cell width at a size: measured once per size, so laying out each
        new number (every second) asks the font nothing."""
        table = self._advances.get(size)
        if table is None:
            metrics = QFontMetricsF(self._font_of(size))
            table = self._advances[size] = {c: max(1, round(metrics.horizontalAdvance(c))) for c in CHARACTERS}
        found = table.get(char)
        if found is None:
            found = table[char] = max(1, round(QFontMetricsF(self._font_of(size)).horizontalAdvance(char)))
        return found

    def _glyph(self, size: int, char: str, colour: QColor | None = None) -> QImage:
        colour = self._colour if colour is None else colour
        key = colour.rgba()            # the cells are transparent: the background is not theirs
        glyphs = self._glyphs.get(key)
        if glyphs is None:
            while len(self._glyphs) >= KEEP_COLOURS:          # the oldest colour goes
                del self._glyphs[next(iter(self._glyphs))]
            glyphs = self._glyphs[key] = {}
        image = glyphs.get((size, char))
        if image is None:
            image = glyphs[(size, char)] = self._render(size, char, colour)
        return image

    def _render(self, size: int, char: str, colour: QColor) -> QImage:
        font = self._font_of(size)
        advance = self._advance(size, char)
        _, height, baseline = self._band(size)
        ratio = self.devicePixelRatioF()
        # transparent, premultiplied (what the raster engine blends fastest): the same cells
        # serve every background, and rendering a glyph this size costs far more than blending it
        image = QImage(math.ceil(advance * ratio), math.ceil(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QPointF(0, baseline), char)
        painter.end()
        self.renders += 1
        return image

    def _changed_rect(self, old: str, new: str) -> QRect:
        """What must be painted to go from `old` to `new`: only the cells whose character
        changed (38 -> 37 repaints the 8's cell), or both whole numbers when they are laid
        out differently (10 -> 9 moves the centre)."""
        if not old or not new or self.width() <= 0 or self.height() <= 0:
            return self._glyph_rect(old).united(self._glyph_rect(new))
        old_size, old_cells, old_rect = self._layout(old)
        new_size, new_cells, new_rect = self._layout(new)
        if old_size != new_size or [p for _, p in old_cells] != [p for _, p in new_cells]:
            return old_rect.united(new_rect)
        _, height, _ = self._band(new_size)
        changed = QRect()
        for index, ((was, place), (now, _)) in enumerate(zip(old_cells, new_cells, strict=True)):
            if was != now:
                right = new_cells[index + 1][1].x() if index + 1 < len(new_cells) else new_rect.right() + 1
                changed = changed.united(QRect(place.x(), place.y(), right - place.x(), height))
        return changed.intersected(self.rect())

    def _glyph_rect(self, text: str) -> QRect:
        return self._layout(text)[2] if text and self.width() > 0 and self.height() > 0 else QRect()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        if self._text:
            size, cells, _ = self._layout(self._text)
            for char, place in cells:
                painter.drawImage(place, self._glyph(size, char))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._layouts.clear()
        self._bands.clear()
        self._advances.clear()
        self._glyphs.clear()
        super().resizeEvent(event)
