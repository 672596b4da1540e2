"""Today's run and what it suggests for the strength after it, read from the log: the
latest run of the user's day and the runs of the weeks before it (for the average)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from postrun.core.run import Run, run_line
from postrun.core.run_advice import RunAdvice, RunRules, advise
from postrun.core.run_pairs import Lift, strength_after, strength_after_text
from postrun.store.workout_log import WorkoutLog


@dataclass(frozen=True)
class TodaysRun:
    run: Run
    advice: RunAdvice
    line: str                # "18:02, 8.2 km in 47:10, average heart rate 152, intervals"
    sentence: str            # "After today's run (intervals): fewer rounds."


def todays_run(log: WorkoutLog, now: datetime, rules: RunRules) -> TodaysRun | None:
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    today = log.runs(since=midnight, until=midnight + timedelta(days=1))
    if not today:
        return None
    run = today[-1]
    earlier = log.runs(since=midnight - timedelta(weeks=rules.average_weeks), until=midnight)
    advice = advise(run, earlier, rules)
    return TodaysRun(run, advice, run_line(run, now.tzinfo), advice.sentence(rules))


def month_line(log: WorkoutLog, now: datetime) -> str:
    """'strength after 6 of 9 runs this month'."""
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    runs = log.runs(since=first, until=now + timedelta(days=1))
    lifts = [Lift(s.started_at, s.sets_done > 0) for s in log.summaries()
             if s.started_at >= first - timedelta(days=1)]
    done, total = strength_after(runs, lifts, now.date(), now.tzinfo)
    return strength_after_text(done, total)
