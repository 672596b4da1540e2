"""Running and strength side by side: each workout tied to the run before it on the same
local day, the month's "strength after 6 of 9 runs", kilometres per week."""

from datetime import UTC, date, datetime, timedelta, timezone

from postrun.core.run import Run
from postrun.core.run_pairs import Lift, kilometres_by_week, runs_before, strength_after, strength_after_text

TOKYO = timezone(timedelta(hours=9))


def run(day, hour, km=8.0):
    return Run(datetime(2026, 12, day, hour, 0, tzinfo=UTC), 2400, km * 1000)


def test_strength_after_counts_runs_followed_the_same_day_by_a_workout_with_a_set_done():
    runs = [run(1, 17), run(2, 17), run(3, 17), run(4, 6)]
    lifts = [Lift(datetime(2026, 12, 1, 18, tzinfo=UTC), True),
             Lift(datetime(2026, 12, 2, 18, tzinfo=UTC), False),          # no set done: not a workout
             Lift(datetime(2026, 12, 3, 16, tzinfo=UTC), True),           # before the run
             Lift(datetime(2026, 12, 4, 20, tzinfo=UTC), True)]
    assert strength_after(runs, lifts, date(2026, 12, 7), UTC) == (2, 4)
    assert strength_after_text(6, 9) == "strength after 6 of 9 runs this month"
    assert strength_after_text(0, 0) == "no runs this month yet"


def test_the_day_is_the_users_local_day():
    # 23:30 UTC on the 1st is the 2nd in Tokyo: a run then and a workout at 00:30 UTC share it
    late = Run(datetime(2026, 12, 1, 23, 30, tzinfo=UTC), 1800, 5000.0)
    lift = Lift(datetime(2026, 12, 2, 0, 30, tzinfo=UTC), True)
    assert runs_before([late], [(1, lift.started_at)], TOKYO) == {1: late}
    assert runs_before([late], [(1, lift.started_at)], timezone(timedelta(hours=-5))) == {1: late}
    assert runs_before([late], [(1, datetime(2026, 12, 2, 16, 0, tzinfo=UTC))], TOKYO) == {}


def test_the_last_run_of_the_month_before_is_not_this_months():
    assert strength_after([run(1, 17), Run(datetime(2026, 11, 30, 17, tzinfo=UTC), 2400, 8000.0)], [],
                          date(2026, 12, 7), UTC) == (0, 1)


def test_kilometres_by_week_this_week_last():
    runs = [run(7, 6, 8.2), run(1, 6, 5.0), run(2, 6, 10.0), Run(datetime(2026, 11, 24, tzinfo=UTC), 100, 3000.0)]
    weeks = kilometres_by_week(runs, date(2026, 12, 7), UTC, weeks=3)
    assert weeks == [3.0, 15.0, 8.2]
