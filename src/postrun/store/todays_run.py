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
    rules: RunRules
    line: str                # "18:02, 8.2 km in 47:10, average heart rate 152, intervals"
    sentence: str            # "After today's run (intervals): fewer rounds."

    def rounds(self, planned: int) -> int:
        """The rounds to offer for a circuit of `planned` rounds."""
        return self.advice.rounds(planned, self.rules)


def todays_run(log: WorkoutLog, now: datetime, rules: RunRules) -> TodaysRun | None:
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    today = log.runs(since=midnight, until=midnight + timedelta(days=1))
    if not today:
        return None
    run = today[-1]
    earlier = log.runs(since=midnight - timedelta(weeks=rules.average_weeks), until=midnight)
    advice = advise(run, earlier, rules)
    return TodaysRun(run, advice, rules, run_line(run, now.tzinfo), advice.sentence(rules))


def month_counts(log: WorkoutLog, now: datetime) -> tuple[int, int]:
    """(runs this month with strength after them the same day, runs this month). Only the
    workouts of the month are read (their stored dates, two days of margin for the zones
    they were lived in): not ten years of them each time the circuit list shows."""
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    runs = log.runs(since=first, until=now + timedelta(days=1))
    lifts = [Lift(s.started_at, s.sets_done > 0) for s in log.summaries(since=f"{first - timedelta(days=2):%Y-%m-%d}")]
    return strength_after(runs, lifts, now.date(), now.tzinfo)


def month_line(log: WorkoutLog, now: datetime) -> str:
    """'strength after 6 of 9 runs this month'."""
    return strength_after_text(*month_counts(log, now))
