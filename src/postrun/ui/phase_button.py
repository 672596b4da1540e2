"""The run view's buttons: an outline in the phase's text colour, painted here. A style sheet
did this before, but each new text colour re-polished every child of the view (3.9 ms), and a
style-sheet button paints at twice the cost of this one whenever the view is repainted (a
new phase colour, a pause). Disabled: a dashed outline; held down: a faint fill."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

BORDER = 2
RADIUS = 8
PADDING = 4
PRESSED_ALPHA = 60      # of 255: the text colour under a button held down


class PhaseButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._colour = QColor("#ffffff")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Space must never "click" a focused button
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def colour(self) -> QColor:
        return QColor(self._colour)

    def set_colour(self, colour: str) -> None:
        if QColor(colour) != self._colour:
            self._colour = QColor(colour)
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        edge = 2 * (BORDER + PADDING)
        return QSize(metrics.horizontalAdvance(self.text()) + edge + RADIUS, metrics.height() + edge)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(BORDER / 2, BORDER / 2, -BORDER / 2, -BORDER / 2)
        if self.isDown():
            fill = QColor(self._colour)
            fill.setAlpha(PRESSED_ALPHA)
            painter.setBrush(fill)
        pen = QPen(self._colour, BORDER)
        if not self.isEnabled():
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(box, RADIUS, RADIUS)
        painter.setPen(self._colour)
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()
