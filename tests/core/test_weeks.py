"""Weeks, streak and month as tables: a week runs Monday to Sunday, by the local date
the workout was lived."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from postrun.core.weeks import month_total, streak, week_of, weekly

MON = date(2026, 11, 23)      # a Monday
THU = date(2026, 11, 26)


@pytest.mark.parametrize(("day", "monday"), [
    (date(2026, 11, 23), date(2026, 11, 23)),
    (date(2026, 11, 29), date(2026, 11, 23)),       # Sunday ends the week
    (date(2026, 11, 30), date(2026, 11, 30)),
    (date(2027, 1, 1), date(2026, 12, 28)),         # a week across the new year is one week
    (date(2024, 2, 29), date(2024, 2, 26)),
])
def test_week_of(day, monday):
    assert week_of(day) == monday


def weeks_ago(n, weekday=0):
    return week_of(THU) - timedelta(weeks=n) + timedelta(days=weekday)


@pytest.mark.parametrize(("days", "today", "expected"), [
    ([], THU, 0),
    ([THU], THU, 1),
    ([weeks_ago(1)], THU, 1),                                   # this week not over: not broken yet
    ([weeks_ago(2)], THU, 0),                                   # a whole week with none breaks it
    ([THU, weeks_ago(1, 6), weeks_ago(2, 3)], THU, 3),
    ([THU, THU, THU], THU, 1),                                  # several in a week count once
    ([THU, weeks_ago(2)], THU, 1),                              # a week with none in between
    ([weeks_ago(n, n % 7) for n in range(0, 30)], THU, 30),
    ([THU + timedelta(days=1)], THU, 0),                        # a date in the future (clock moved) is ignored
    # across a year boundary: Mon 29 Dec 2025 .. Sun 4 Jan 2026 is one week
    ([date(2026, 1, 5), date(2026, 1, 2), date(2025, 12, 29), date(2025, 12, 24)], date(2026, 1, 6), 3),
    ([date(2025, 12, 28), date(2025, 12, 21)], date(2026, 1, 1), 2),
])
def test_streak(days, today, expected):
    assert streak(days, today) == expected


def test_streak_uses_the_date_lived_not_todays_time_zone():
    # Sunday 23:30 in Berlin is Monday in UTC; lived on Sunday, it keeps last week's streak
    lived = datetime(2026, 11, 22, 23, 30, tzinfo=timezone(timedelta(hours=1)))
    assert lived.astimezone(UTC).date() == date(2026, 11, 22)
    late = datetime(2026, 11, 22, 23, 30, tzinfo=timezone(timedelta(hours=-8)))   # Monday in UTC
    assert late.astimezone(UTC).date() == MON
    assert streak([late.date()], MON + timedelta(days=6)) == 1      # Sunday's week, last week: still alive
    assert streak([late.date(), MON], MON) == 2


def test_weekly_has_every_week_this_one_last():
    days = [(THU, 600.0), (MON, 300.0), (weeks_ago(3, 2), 900.0), (weeks_ago(12), 100.0)]
    weeks = weekly(days, THU)
    assert len(weeks) == 12
    assert weeks[-1].start == MON
    assert weeks[-1].workouts == 2
    assert weeks[-1].seconds == 900.0
    assert weeks[-4].workouts == 1
    assert weeks[-4].seconds == 900.0
    assert [w.workouts for w in weeks[:-4]] == [0] * 8          # 12 weeks ago is outside the chart
    assert weeks[0].start == MON - timedelta(weeks=11)


def test_month_total():
    days = [(date(2026, 11, 1), 60.0), (date(2026, 10, 31), 600.0), (THU, 120.0), (date(2025, 11, 5), 9.0)]
    assert month_total(days, THU) == (2, 180.0)
