"""The last 12 weeks as bars, drawn with QPainter: minutes per week as the bar, the number
of workouts above it, the week's Monday below; with runs, each week's kilometres as a
second, narrower bar beside it, its number above ("12k"). This week is drawn in the
get-ready amber with its word "this week", so the chart reads from a step away and never
by colour alone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from postrun.core.balance import whole_minutes
from postrun.core.timeline import Kind
from postrun.core.weeks import WeekTotal
from postrun.ui.theme import PHASES, chart_scale, font

BAR = QColor(PHASES[Kind.WORK].background)
RUN_BAR = QColor("#2f6fb0")             # kilometres: a blue apart from every phase colour
THIS_WEEK = QColor(PHASES[Kind.PREPARE].background)
INK = QColor("#111111")
FAINT = QColor("#6b6b6b")
MIN_SCALE_SECONDS = 10 * 60   # a week of a few seconds is a sliver, not a full bar


def minutes_label(seconds: float) -> str:
    """A bar's minutes: '40′', and '<1′' for under half a minute (never '0′')."""
    if not seconds:
        return ""
    return "<1′" if seconds < 30 else f"{whole_minutes(seconds)}′"


class WeekChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[WeekTotal] = []
        self.kilometres: list[float] = []       # per week, as many as weeks; empty without runs
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(100)
        self.setAccessibleName("Workouts and minutes per week, last 12 weeks")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 240)

    def set_weeks(self, weeks: list[WeekTotal], kilometres: list[float] | None = None) -> None:
        self.weeks = list(weeks)
        km = list(kilometres or [])
        self.kilometres = km if len(km) == len(self.weeks) and any(km) else []
        runs: list[float | None] = list(self.kilometres) or [None] * len(self.weeks)
        self.setToolTip("\n".join(
            f"week of {w.start:%d %b}: {w.workouts} workouts, {round(w.seconds / 60)} min"
            + (f", {k:.1f} km run" if k is not None else "") for w, k in zip(self.weeks, runs, strict=True)))
        self.update()

    def run_heights(self, plot_height: float) -> list[float]:
        top = max(max(self.kilometres, default=0.0), 10.0)       # a 3 km week is not a full bar
        return [plot_height * k / top for k in self.kilometres]

    def bar_heights(self, plot_height: float) -> list[float]:
        """Each week's bar height for a plot `plot_height` pixels tall: the tallest fills it,
        unless it is under 10 minutes (one short week is not drawn as a full one)."""
        top = max(max((w.seconds for w in self.weeks), default=0.0), MIN_SCALE_SECONDS)
        return [plot_height * w.seconds / top for w in self.weeks]

    def scale(self) -> float:
        return chart_scale(self.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self.weeks:
            return
        scale = self.scale()
        title_font = font(max(11, round(20 * scale)), bold=True)
        label_font, small_font = font(max(10, round(17 * scale)), bold=True), font(max(9, round(14 * scale)))
        title_h = QFontMetricsF(title_font).height()
        label_h, small_h = QFontMetricsF(label_font).height(), QFontMetricsF(small_font).height()
        painter.setFont(title_font)
        painter.setPen(INK)
        title = "Strength minutes (workouts above) and km run per week" if self.kilometres else \
            "Minutes per week (workouts above each bar)"
        painter.drawText(QRectF(8, 2, self.width() - 16, title_h), Qt.AlignmentFlag.AlignLeft, title)
        top_margin, bottom_margin = 4 + title_h + label_h + 4, small_h + 8
        plot = QRectF(8, top_margin, self.width() - 16, max(10.0, self.height() - top_margin - bottom_margin))
        slot = plot.width() / len(self.weeks)
        heights = self.bar_heights(plot.height())
        run_heights = self.run_heights(plot.height()) if self.kilometres else []
        for index, (week, height) in enumerate(zip(self.weeks, heights, strict=True)):
            current = index == len(self.weeks) - 1
            x = plot.left() + index * slot + slot * 0.15
            width = slot * 0.7
            if run_heights:
                # the strength bar keeps the left of the slot, the run bar the right
                width = slot * 0.42
                run_x = x + width + slot * 0.04
                run_bar = QRectF(run_x, plot.bottom() - run_heights[index], slot * 0.24, run_heights[index])
                painter.fillRect(run_bar, RUN_BAR)
                if self.kilometres[index]:
                    painter.setPen(RUN_BAR)
                    painter.setFont(small_font)
                    painter.drawText(QRectF(run_x - slot * 0.2, run_bar.top() - small_h - 2, slot * 0.64, small_h),
                                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                     f"{self.kilometres[index]:.0f}k")
            bar = QRectF(x, plot.bottom() - height, width, height)
            painter.fillRect(bar, THIS_WEEK if current else BAR)
            if current and height > 0:
                painter.setPen(QPen(INK, 1.5))
                painter.drawRect(bar)
            painter.setPen(INK)
            painter.setFont(label_font)
            above = f"{week.workouts}" if week.workouts else "–"
            minutes = minutes_label(week.seconds)
            painter.drawText(QRectF(x + width / 2 - slot / 2, bar.top() - label_h - 2, slot, label_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, above)
            if minutes and height > small_h + 6:
                painter.setPen(INK if current else QColor("#ffffff"))
                painter.setFont(small_font)
                painter.drawText(bar.adjusted(0, 4, 0, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 minutes)
            # a narrow chart labels every other week (this week always), so labels never collide
            if not current and slot < 64 and (len(self.weeks) - 1 - index) % 2:
                continue
            painter.setPen(INK if current else FAINT)
            painter.setFont(small_font)
            label = ("this week" if slot >= 64 else "now") if current else f"{week.start:%d %b}"
            painter.drawText(QRectF(x + width / 2 - 40, plot.bottom() + 4, 80, small_h + 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        painter.setPen(QPen(FAINT, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
