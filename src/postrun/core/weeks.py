"""Workouts per week, the streak and the month, from (local date, active seconds) pairs.

A week runs Monday to Sunday. A workout belongs to the day it started as the user lived
it (the time zone stored with it), so a trip abroad does not move past workouts. The
streak counts consecutive weeks with at least one workout, up to this week; a week that
has not ended yet does not break it (on a Monday the streak is still last week's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

CHART_WEEKS = 12


def week_of(day: date) -> date:
    """The Monday that starts the week `day` is in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekTotal:
    start: date           # its Monday
    workouts: int
    seconds: float


def weekly(days: Iterable[tuple[date, float]], today: date, weeks: int = CHART_WEEKS) -> list[WeekTotal]:
    """The last `weeks` weeks, this one last, with every week present (zero when none)."""
    this_week = week_of(today)
    starts = [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    counts = {start: [0, 0.0] for start in starts}
    first = starts[0]
    for day, seconds in days:
        if day < first:
            continue            # before the chart: no week to find (ten years are mostly this)
        slot = counts.get(week_of(day))
        if slot is not None:
            slot[0] += 1
            slot[1] += seconds
    return [WeekTotal(start, int(counts[start][0]), counts[start][1]) for start in starts]


def streak(days: Iterable[date], today: date) -> int:
    """Consecutive weeks with a workout, ending this week (or last week, while this one
    has none yet)."""
    weeks = {day - timedelta(days=day.weekday()) for day in set(days) if day <= today}
    week = week_of(today)
    if week not in weeks:
        week -= timedelta(weeks=1)
    count = 0
    while week in weeks:
        count += 1
        week -= timedelta(weeks=1)
    return count


def month_total(days: Iterable[tuple[date, float]], today: date) -> tuple[int, float]:
    """Workouts and active seconds in today's calendar month."""
    count, seconds = 0, 0.0
    for day, spent in days:
        if (day.year, day.month) == (today.year, today.month) and day <= today:
            count += 1
            seconds += spent
    return count, seconds
