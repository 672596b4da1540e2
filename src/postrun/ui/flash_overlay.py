"""The segment-change flash: a translucent wash of the new phase's text colour over the whole
run view. Painted as one rectangle: a style sheet set at every flash would make Qt parse and
polish it each time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

ALPHA = 150     # of 255: the new segment shows through


class FlashOverlay(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor(255, 255, 255, ALPHA)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def set_colour(self, colour: str) -> None:
        tint = QColor(colour)
        tint.setAlpha(ALPHA)
        self._colour = tint

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._colour)
        painter.end()
