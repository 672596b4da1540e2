"""A line of text that changes every second (the time left): painted by itself, so a new
value repaints only its own box. A QLabel asks its parent's layout to recompute on every
setText, which relayouts the whole run view once a second. Opaque (it fills its own box
with the phase colour), so the run view behind it is not repainted either."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class LiveText(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour = QColor("#ffffff")
        self._background = QColor("#000000")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel's, which it stands in for)
        if text != self._text:
            self._text = text
            self.update()

    def set_colour(self, colour: str, background: str) -> None:
        if QColor(colour) != self._colour or QColor(background) != self._background:
            self._colour, self._background = QColor(colour), QColor(background)
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._text or "0:00 left") + 8, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.setPen(self._colour)
        painter.setFont(self.font())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self._text)
        painter.end()
