"""Correcting a logged set with single keys, by table."""

import pytest

from postrun.core.equipment import DEFAULT_KG, stepped
from postrun.core.load import Load, LoadType
from postrun.core.set_corrections import Typing, corrected, logged_words
from postrun.core.set_log import SetRow

ROW = SetRow(segment=3, exercise="Kettlebell swings", exercise_index=0, round=1, side=None,
             load=Load(LoadType.KETTLEBELL, 16.0), reps=10, seconds=35.0, planned_seconds=None, state="done")
TIMED = SetRow(segment=5, exercise="Plank", exercise_index=1, round=1, side=None, load=None, reps=None,
               seconds=30.0, planned_seconds=30, state="done")


def step(load, steps):
    return stepped(DEFAULT_KG, load, steps)


def keys(row, *typed, entry=None):
    entry, typing = dict(entry or {}), Typing()
    for key in typed:
        entry, typing = corrected(entry, row, key, typing, step)
    return entry


@pytest.mark.parametrize(("typed", "entry"), [
    (("1", "2"), {"reps": 12}),
    (("8",), {"reps": 8}),
    (("1", "2", "backspace"), {"reps": 1}),
    (("0",), {"reps": 0}),
    (("9", "9", "9", "9"), {"reps": 999}),
    (("lighter",), {"load": {"type": "kettlebell", "weight": 12}}),
    (("heavier", "heavier"), {"load": {"type": "kettlebell", "weight": 24}}),
    (("heavier", "1", "1"), {"load": {"type": "kettlebell", "weight": 20}, "reps": 11}),
])
def test_single_keys_correct_a_set(typed, entry):
    assert keys(ROW, *typed) == entry


def test_digits_start_afresh_on_another_set():
    entry, typing = corrected({}, ROW, "1", Typing(), step)
    other = ROW._replace(segment=7)
    entry, typing = corrected({}, other, "2", typing, step)
    assert entry == {"reps": 2}


def test_a_timed_set_takes_no_reps_and_no_load_means_no_step():
    assert keys(TIMED, "1", "lighter") == {}


def test_the_heaviest_owned_stays():
    heaviest = ROW._replace(load=Load(LoadType.KETTLEBELL, 24.0))
    assert keys(heaviest, "heavier") == {}


def test_a_logged_set_in_words():
    assert logged_words(ROW) == "Kettlebell swings, round 1: 10 reps at 16 kg"
    assert logged_words(TIMED) == "Plank, round 1: 30 s"
