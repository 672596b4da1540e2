"""The segment-change flash: a translucent wash of the new phase's text colour over the widget
it belongs to (the countdown), following its size. Painted as one rectangle: a style sheet
set at every flash would make Qt parse and polish it each time. Shown once and never
hidden: between flashes it is an empty rectangle, because showing or hiding a child asks
its parent's layout (and the main window's) to recompute, and moving one does not."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

ALPHA = 150     # of 255: the new segment shows through


class FlashOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._over = parent
        self._colour = QColor(255, 255, 255, ALPHA)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setGeometry(QRect())
        parent.installEventFilter(self)

    def cover(self) -> None:
        self.setGeometry(self._over.rect())
        self.raise_()

    def uncover(self) -> None:
        self.setGeometry(QRect())

    def covering(self) -> bool:
        return self.isVisible() and not self.geometry().isEmpty()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def set_colour(self, colour: str) -> None:
        tint = QColor(colour)
        tint.setAlpha(ALPHA)
        self._colour = tint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self.covering():
            self.cover()              # the window was resized during the flash
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._colour)
        painter.end()
