"""The weeks chart and the balance bars: a little work is drawn as little, and every label
is drawn whole at any size."""

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QFontMetricsF

from postrun.core.weeks import WeekTotal
from postrun.ui.balance_bars import BalanceBars
from postrun.ui.theme import font
from postrun.ui.week_chart import WeekChart, minutes_label

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(("seconds", "label"), [(0, ""), (5, "<1′"), (29, "<1′"), (30, "1′"),
                                                (90, "2′"), (2400, "40′")])
def test_a_bar_never_says_zero_minutes(seconds, label):
    assert minutes_label(seconds) == label


def weeks(*seconds):
    return [WeekTotal(MONDAY - timedelta(weeks=len(seconds) - 1 - i), 1 if s else 0, s) for i, s in enumerate(seconds)]


def test_one_short_week_is_a_sliver_not_a_full_bar(qtbot):
    chart = WeekChart()
    qtbot.addWidget(chart)
    chart.set_weeks(weeks(0, 0, 20))
    assert chart.bar_heights(200.0)[-1] < 10
    chart.set_weeks(weeks(0, 1200, 2400))                  # a real week still fills the plot
    assert chart.bar_heights(200.0) == [0.0, 100.0, 200.0]


def test_a_little_balance_is_a_sliver_too(qtbot):
    bars = BalanceBars()
    qtbot.addWidget(bars)
    bars.set_balance({"posterior chain": 20.0, "quads": 0.0})
    assert bars.bar_fractions()["posterior chain"] < 0.05


@pytest.mark.parametrize("height", [100, 150, 240])
def test_under_one_minute_is_never_clipped(qtbot, height):
    bars = BalanceBars()
    qtbot.addWidget(bars)
    bars.set_balance({"posterior chain": 20.0, "quads": 0.0, "upper body": 3000.0})
    bars.resize(420, height)
    metrics = QFontMetricsF(font(19))                      # the largest the labels are drawn
    name, value = bars.text_widths(metrics)
    assert value >= metrics.horizontalAdvance("under 1 min")
    assert name >= metrics.horizontalAdvance("upper body")
