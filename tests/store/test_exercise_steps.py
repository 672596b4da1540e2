"""The step history of an exercise: each change of load, and at one load each new best of
the reps every set reached or of the time held; a bad day and the way back are not steps."""

from datetime import UTC, datetime, timedelta

import pytest

from postrun.core.load import Load, LoadType
from postrun.store.exercise_report import Day, steps

START = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
KB16, KB20 = Load(LoadType.KETTLEBELL, 16.0), Load(LoadType.KETTLEBELL, 20.0)


def days(*shapes):
    return [Day(START + timedelta(weeks=week), load, tuple(reps), tuple(seconds), 0, 0.0)
            for week, (load, reps, seconds) in enumerate(shapes)]


@pytest.mark.parametrize(("shapes", "expected"), [
    # double progression: one more rep a set, then the next bell
    ([(KB16, (8, 8, 8), ()), (KB16, (9, 9, 9), ()), (KB20, (8, 8, 8), ())],
     ["8 → 9 reps a set at 16 kg kettlebell", "16 kg kettlebell → 20 kg kettlebell"]),
    # one set short is not a step: the fewest reps is what every set reached
    ([(KB16, (8, 8, 8), ()), (KB16, (12, 12, 7), ())], []),
    # a bad day and the way back to where one was are not steps; passing it is
    ([(KB16, (10, 10), ()), (KB16, (8, 8), ()), (KB16, (10, 10), ()), (KB16, (11, 11), ())],
     ["10 → 11 reps a set at 16 kg kettlebell"]),
    # time progression: longer at one load, then the next load back at the start
    ([(KB16, (), (40.0, 40.0)), (KB16, (), (45.0, 45.1)), (KB20, (), (40.0, 40.0)), (KB20, (), (45.0, 45.0))],
     ["40 s → 45 s at 16 kg kettlebell", "16 kg kettlebell → 20 kg kettlebell", "40 s → 45 s at 20 kg kettlebell"]),
    # a load lowered on purpose is a change said as it was
    ([(KB20, (8,), ()), (KB16, (8,), ())], ["20 kg kettlebell → 16 kg kettlebell"]),
    # bodyweight: reps alone
    ([(None, (5, 5), ()), (None, (6, 6), ())], ["5 → 6 reps a set"]),
    ([], []),
])
def test_steps(shapes, expected):
    assert [step.words for step in steps(days(*shapes))] == expected


def test_a_step_says_its_day():
    step = steps(days((KB16, (8,), ()), (KB20, (8,), ())))[0]
    assert str(step) == "12 Jan 2026: 16 kg kettlebell → 20 kg kettlebell"
