"""The countdown: painted, not a QLabel, so the glyphs (not the line box) fill the space."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# glyph height as a share of the widget's height; the rest is breathing room
GLYPH_SHARE = 0.9


class BigDigits(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour = QColor("#ffffff")
        self._font = QFont()
        self._font.setBold(True)
        self._font.setStyleHint(QFont.StyleHint.SansSerif)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def set_colour(self, colour: str) -> None:
        if QColor(colour) != self._colour:
            self._colour = QColor(colour)
            self.update()

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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = self._fitted_font(self._text)
        painter.setFont(font)
        painter.setPen(self._colour)
        metrics = QFontMetricsF(font)
        glyphs = metrics.tightBoundingRect(self._text)
        advance = metrics.horizontalAdvance(self._text)
        x = (self.width() - advance) / 2
        # centre the glyphs themselves (not the line box) vertically
        baseline = (self.height() - glyphs.height()) / 2 - glyphs.top()
        painter.drawText(QPointF(x, baseline), self._text)
        painter.end()
