"""The countdown: painted, not a QLabel, so the glyphs (not the line box) fill the space.

Drawn ahead and painted little: the next number is rendered into an image while the
process is idle (`prepare`), so at its instant the change is one blit; and only the union
of the old and the new glyphs' boxes is repainted, on an opaque widget, so nothing behind
it (the run view, the window) is painted again.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# glyph height as a share of the widget's height; the rest is breathing room
GLYPH_SHARE = 0.9
MARGIN = 4          # pixels around the glyphs' box: antialiasing reaches a little past it


class BigDigits(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour = QColor("#ffffff")
        self._background = QColor("#000000")
        self._font = QFont()
        self._font.setBold(True)
        self._font.setStyleHint(QFont.StyleHint.SansSerif)
        self._images: dict[str, tuple[QImage, QRect]] = {}     # text -> (glyphs, where), at this size
        self.renders = 0                                         # for tests: images made
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)     # it paints every pixel it is asked for

    def text(self) -> str:
        return self._text

    def set_text(self, text: str, now: bool = False) -> bool:
        """Show `text`: at Qt's next paint pass, or with `now` painted (and shown) at once.
        True when the number changed."""
        if text == self._text:
            return False
        old = self._glyph_rect(self._text)
        self._text = text
        region = old.united(self._glyph_rect(text))
        if now:
            self.repaint(region)
        else:
            self.update(region)
        return True

    def set_colour(self, colour: str, background: str | None = None) -> None:
        changed = QColor(colour) != self._colour or (background is not None and QColor(background) != self._background)
        if changed:
            self._colour = QColor(colour)
            if background is not None:
                self._background = QColor(background)
            self._images.clear()
            self.update()

    def prepare(self, *texts: str) -> None:
        """Render these now, while nothing is due, so showing one later costs one blit."""
        for text in texts:
            if text and text not in self._images and self.width() > 0 and self.height() > 0:
                self._render(text)

    # -- drawing -------------------------------------------------------------------------

    def _fitted_font(self, text: str) -> QFont:
        """The largest font whose digits are GLYPH_SHARE of our height and fit our width."""
        probe = QFont(self._font)
        probe.setPixelSize(100)
        box = QFontMetricsF(probe).tightBoundingRect("0123456789:")
        width = QFontMetricsF(probe).horizontalAdvance(text) or 1.0
        by_height = 100 * self.height() * GLYPH_SHARE / max(1.0, box.height())
        by_width = 100 * self.width() * 0.96 / width
        font = QFont(self._font)
        font.setPixelSize(max(8, int(min(by_height, by_width))))
        return font

    def _render(self, text: str) -> tuple[QImage, QRect]:
        font = self._fitted_font(text)
        metrics = QFontMetricsF(font)
        glyphs = metrics.tightBoundingRect(text)
        advance = metrics.horizontalAdvance(text)
        x = (self.width() - advance) / 2
        # centre the glyphs themselves (not the line box) vertically
        baseline = (self.height() - glyphs.height()) / 2 - glyphs.top()
        rect = glyphs.translated(x, baseline).toAlignedRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        rect = rect.intersected(self.rect())
        ratio = self.devicePixelRatioF()
        # opaque, in the backing store's own format: painting it is a plain copy of its rows
        image = QImage(rect.size() * ratio, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(self._background)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self._colour)
        painter.drawText(QPointF(x - rect.x(), baseline - rect.y()), text)
        painter.end()
        if len(self._images) > 8:           # a countdown needs the shown number and the next two
            for old in [t for t in self._images if t != self._text][:-2]:
                del self._images[old]
        self._images[text] = (image, rect)
        self.renders += 1
        return image, rect

    def _glyph_rect(self, text: str) -> QRect:
        if not text:
            return QRect()
        found = self._images.get(text)
        return (found or self._render(text))[1]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        if self._text:
            image, rect = self._images.get(self._text) or self._render(self._text)
            painter.drawImage(rect.topLeft(), image)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._images.clear()
        super().resizeEvent(event)
