"""Running and strength side by side: each strength workout tied to the run before it on
the same day, the kilometres of each week beside its strength minutes, and the number
this month that matters to the person who wrote the circuit: strength after how many of
the month's runs. Days are the user's local days (the zone handed in)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from postrun.core.run import Run
from postrun.core.weeks import CHART_WEEKS, week_of


@dataclass(frozen=True)
class Lift:
    """A strength workout as the pairing needs it."""

    started_at: datetime
    counted: bool          # at least one set done (the week's rule)


def local_day(moment: datetime, zone: tzinfo | None) -> date:
    return moment.astimezone(zone).date()


def followed(runs: Sequence[Run], lifts: Sequence[Lift], zone: tzinfo | None) -> set[str]:
    """The ids of the runs a counted strength workout followed on the same day."""
    counted = [(number, lift.started_at) for number, lift in enumerate(lifts) if lift.counted]
    return {run.id for run in runs_before(runs, counted, zone).values()}


def strength_after(runs: Sequence[Run], lifts: Sequence[Lift], today: date, zone: tzinfo | None) -> tuple[int, int]:
    """(runs this month followed by strength the same day, runs this month)."""
    def this_month(moment: datetime) -> bool:
        day = local_day(moment, zone)
        return day.year == today.year and day.month == today.month and day <= today

    month = [r for r in runs if this_month(r.started_at)]
    month_lifts = [lift for lift in lifts if this_month(lift.started_at)]
    return len(followed(month, month_lifts, zone)), len(month)


def strength_after_text(done: int, total: int) -> str:
    """'strength after 6 of 9 runs this month'."""
    if total == 0:
        return "no runs this month yet"
    return f"strength after {done} of {total} run{'s' if total != 1 else ''} this month"


def kilometres_by_week(runs: Sequence[Run], today: date, zone: tzinfo | None, weeks: int = CHART_WEEKS) -> list[float]:
    """The kilometres run in each of the last `weeks` weeks, this one last."""
    this_week = week_of(today)
    totals = [0.0] * weeks
    for run in runs:
        if not run.distance_m:
            continue
        back = (this_week - week_of(local_day(run.started_at, zone))).days // 7
        if 0 <= back < weeks:
            totals[weeks - 1 - back] += run.distance_m / 1000
    return totals


def runs_before(runs: Sequence[Run], lifts: Sequence[tuple[int, datetime]], zone: tzinfo | None) -> dict[int, Run]:
    """Each lift's (id, start) run before it on the same day: one pass over the runs, a
    look-up per lift (ten years of workouts and of runs)."""
    by_day: dict[date, list[Run]] = {}
    for run in sorted(runs, key=lambda r: r.started_at):
        by_day.setdefault(local_day(run.started_at, zone), []).append(run)
    found = {}
    for lift_id, started in lifts:
        day = by_day.get(local_day(started, zone), [])
        at = bisect_right(day, started, key=lambda r: r.started_at)
        if at:
            found[lift_id] = day[at - 1]
    return found
