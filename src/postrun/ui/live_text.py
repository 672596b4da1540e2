"""A line of text that changes while the window stays put (the time left, the tip, the
segment's word, title, round and next-up): painted by itself, so a new value repaints only
its own box. A QLabel's setText asks the layout to recompute, and a layout passes that up to
the main window (which starts a geometry animation for its central widget): 1.6 ms for each
new tip, against 0.1 ms here. Opaque (it fills its box with the phase colour), so nothing
behind it is repainted either. Text wider than the box ends in "…" rather than being cut,
unless the owner sizes the box to fit every value (the time left: `elide=False` spares a
measure each second)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from postrun.ui.phase_painted import PhasePainted


class LiveText(PhasePainted):
    def __init__(self, parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 bold: bool = False, elide: bool = True) -> None:
        super().__init__(parent)
        self._text = ""
        self._elide = elide
        self._align = align
        font = self.font()
        font.setBold(bold)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel's, which it stands in for)
        if text != self._text:
            self._text = text
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._text or "0:00 left") + 8, self.fontMetrics().height())

    def shown_text(self) -> str:
        """What is painted: the text, or as much as fits with "…"."""
        if not self._elide:
            return self._text
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, max(0, self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.setPen(self._colour)
        painter.setFont(self.font())
        painter.drawText(self.rect(), int(self._align), self.shown_text())
        painter.end()
