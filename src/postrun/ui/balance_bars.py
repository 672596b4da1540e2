"""Work minutes per muscle group over the last 4 weeks, as labelled horizontal bars drawn
with QPainter: the group's name, its bar and its minutes, largest bar full width."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from postrun.core.balance import minutes_words
from postrun.core.timeline import Kind
from postrun.ui.theme import PHASES, font

COLOURS = {
    "posterior chain": QColor(PHASES[Kind.WORK].background),
    "quads": QColor(PHASES[Kind.REST].background),
}
DEFAULT = QColor(PHASES[Kind.COOLDOWN].background)
INK = QColor("#111111")
TRACK = QColor("#e6e6e6")


class BalanceBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_group: dict[str, float] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self.setAccessibleName("Work minutes per muscle group, last 4 weeks")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 240)

    def set_balance(self, by_group: dict[str, float]) -> None:
        self.by_group = dict(by_group)
        self.setToolTip("\n".join(f"{g}: {minutes_words(s)}" for g, s in self.by_group.items()))
        self.update()

    def bar_fractions(self) -> dict[str, float]:
        top = max(self.by_group.values(), default=0.0)
        return {g: (s / top if top else 0.0) for g, s in self.by_group.items()}

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(INK)
        painter.setFont(font(20, bold=True))
        painter.drawText(QRectF(8, 2, self.width() - 16, 28), Qt.AlignmentFlag.AlignLeft,
                         "Last 4 weeks, by muscle group")
        if not self.by_group:
            return
        rows = list(self.bar_fractions().items())
        top = 40.0
        row_height = max(18.0, (self.height() - top - 4) / len(rows))
        name_width = 170.0
        value_width = 100.0
        track_width = max(10.0, self.width() - name_width - value_width - 24)
        label_font = font(min(19, int(row_height * 0.62)), bold=False)
        for index, (group, fraction) in enumerate(rows):
            y = top + index * row_height
            painter.setFont(label_font)
            painter.setPen(INK)
            painter.drawText(QRectF(8, y, name_width, row_height), Qt.AlignmentFlag.AlignVCenter, group)
            track = QRectF(8 + name_width, y + row_height * 0.18, track_width, row_height * 0.64)
            painter.fillRect(track, TRACK)
            painter.fillRect(QRectF(track.left(), track.top(), track.width() * fraction, track.height()),
                             COLOURS.get(group, DEFAULT))
            painter.drawText(QRectF(track.right() + 8, y, value_width, row_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             minutes_words(self.by_group[group]))
