"""One exercise over the weeks, drawn with QPainter: a column a workout, as high as the
load lifted (or the seconds worked, for a timed exercise with no weight), the load above
it and the sets below it ("8·8·8"); a change of load is marked so the steps read at a
glance."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from postrun.core.load import heaviness, short_text
from postrun.core.timeline import Kind
from postrun.store.exercise_report import Day
from postrun.ui.theme import PHASES, font

BAR = QColor(PHASES[Kind.WORK].background)
STEP = QColor(PHASES[Kind.PREPARE].background)
INK = QColor("#111111")
FAINT = QColor("#6b6b6b")
MOST = 24            # the last workouts shown: a column each stays wide enough to read


def height_of(day: Day) -> float:
    """What a column measures: the load lifted, else the seconds worked a set."""
    if day.load is not None and day.load.weight is not None:
        return max(0.1, heaviness(day.load) if heaviness(day.load) > 0 else day.load.weight)
    return max(day.seconds, default=0.0) or float(max(day.reps, default=0))


def sets_text(day: Day) -> str:
    return "·".join(map(str, day.reps)) if day.reps else "·".join(f"{s:g}" for s in day.seconds)


class ExerciseChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Day] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self.setAccessibleName("The exercise's load and sets, workout by workout")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(800, 300)

    def set_days(self, days: list[Day]) -> None:
        self.days = days[-MOST:]
        self.setToolTip("\n".join(f"{d.started_at:%d %b}: {short_text(d.load) if d.load else 'bodyweight'}, "
                                  f"{sets_text(d)}" for d in self.days))
        self.update()

    def steps(self) -> list[int]:
        """The columns where the load changed from the one before."""
        return [i for i in range(1, len(self.days)) if self.days[i].load != self.days[i - 1].load]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.days:
            painter.setPen(FAINT)
            painter.setFont(font(16))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Not logged yet")
            return
        scale = max(0.5, min(1.0, self.height() / 300))
        label, small = font(max(10, round(16 * scale)), bold=True), font(max(9, round(13 * scale)))
        label_h, small_h = QFontMetricsF(label).height(), QFontMetricsF(small).height()
        plot = QRectF(8, label_h + 8, self.width() - 16, max(10.0, self.height() - label_h - 2 * small_h - 20))
        top = max(height_of(d) for d in self.days) or 1.0
        slot = plot.width() / len(self.days)
        steps = set(self.steps())
        for index, day in enumerate(self.days):
            height = plot.height() * height_of(day) / top
            x = plot.left() + index * slot + slot * 0.15
            bar = QRectF(x, plot.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, STEP if index in steps else BAR)
            painter.setPen(INK)
            painter.setFont(label)
            above = short_text(day.load) if day.load is not None else ""
            painter.drawText(QRectF(x - slot * 0.15, bar.top() - label_h - 2, slot, label_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, above)
            painter.setFont(small)
            painter.drawText(QRectF(x - slot * 0.15, plot.bottom() + 2, slot, small_h),
                             Qt.AlignmentFlag.AlignHCenter, sets_text(day))
            painter.setPen(FAINT)
            painter.drawText(QRectF(x - slot * 0.15, plot.bottom() + 2 + small_h, slot, small_h),
                             Qt.AlignmentFlag.AlignHCenter, f"{day.started_at:%d %b}")
        painter.setPen(QPen(FAINT, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
