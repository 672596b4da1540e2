"""What the run view's painted parts share: the phase's text and background colours, and an
opaque box (each fills every pixel it is asked for, so nothing behind it is repainted)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget


class PhasePainted(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor("#ffffff")
        self._background = QColor("#000000")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_colour(self, colour: str, background: str) -> None:
        """The phase's colours; repainted only when they change."""
        if QColor(colour) != self._colour or QColor(background) != self._background:
            self._colour, self._background = QColor(colour), QColor(background)
            self.update()
