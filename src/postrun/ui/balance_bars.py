"""Work minutes per muscle group over the last 4 weeks, as labelled horizontal bars drawn
with QPainter: the group's name, its bar and its minutes, largest bar full width."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from postrun.core.balance import minutes_words
from postrun.core.timeline import Kind
from postrun.ui.theme import PHASES, chart_scale, font

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
        self.setMinimumHeight(100)
        self.setAccessibleName("Work minutes per muscle group, last 4 weeks")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 240)

    def set_balance(self, by_group: dict[str, float]) -> None:
        self.by_group = dict(by_group)
        self.setToolTip("\n".join(f"{g}: {minutes_words(s)}" for g, s in self.by_group.items()))
        self.update()

    def bar_fractions(self) -> dict[str, float]:
        """The largest group fills the track, unless it is under 10 minutes (a few seconds
        of work is a sliver, not a full bar)."""
        top = max(max(self.by_group.values(), default=0.0), 10 * 60)
        return {g: s / top for g, s in self.by_group.items()}

    def text_widths(self, metrics: QFontMetricsF) -> tuple[float, float]:
        """The name and minutes columns: as wide as their longest text, and a margin."""
        name = max((metrics.horizontalAdvance(g) for g in self.by_group), default=0.0) + 12
        value = max((metrics.horizontalAdvance(minutes_words(s)) for s in self.by_group.values()), default=0.0) + 12
        return name, value

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Fonts follow the height (a short finish screen draws it small, whole); the name
        and minutes columns are as wide as their longest text ("under 1 min" is never cut)."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(INK)
        scale = chart_scale(self.height())
        title_font = font(max(11, round(20 * scale)), bold=True)
        title_h = QFontMetricsF(title_font).height()
        painter.setFont(title_font)
        painter.drawText(QRectF(8, 2, self.width() - 16, title_h), Qt.AlignmentFlag.AlignLeft,
                         "Last 4 weeks, by muscle group")
        if not self.by_group:
            return
        rows = list(self.bar_fractions().items())
        top = title_h + 8
        row_height = max(11.0, (self.height() - top - 4) / len(rows))
        label_font = font(max(9, min(19, int(row_height * 0.62))))
        name_width, value_width = self.text_widths(QFontMetricsF(label_font))
        track_width = max(10.0, self.width() - name_width - value_width - 24)
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
