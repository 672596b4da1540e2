"""A run typed when there is no file: each field read as people write it, each mistake said."""

from datetime import UTC, datetime

import pytest

from postrun.core.run import RunKind
from postrun.core.run_typing import TypedRun, distance_m, seconds_of, typed_run

ENDED = datetime(2026, 12, 7, 18, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "seconds"), [("47:10", 2830), ("1:32:05", 5525), ("47", 2820), (" 5:00 ", 300)])
def test_times(text, seconds):
    assert seconds_of(text) == seconds


@pytest.mark.parametrize(("text", "words"), [("", "needed"), ("47:70", "60 or more"), ("abc", "not a time"),
                                             ("0", "more than 0"), ("49:00:00", "at most 48 hours"),
                                             ("٤٧", "not a time"), ("1:2:3:4", "not a time")])
def test_bad_times(text, words):
    with pytest.raises(ValueError, match=words):
        seconds_of(text)


@pytest.mark.parametrize(("text", "metres"), [("8.2", 8200.0), ("16.1", 16100.0), ("8,2", 8200.0),
                                              ("10 km", 10000.0), ("", None)])
def test_distances(text, metres):
    assert distance_m(text) == metres          # exact: 16.1 km is 16100 m


@pytest.mark.parametrize("text", ["-3", "0", "1000000", "far"])
def test_bad_distances(text):
    with pytest.raises(ValueError, match="distance"):
        distance_m(text)


def test_a_typed_run_ended_now_and_started_its_time_before():
    run = typed_run(TypedRun("8.2", "47:10", "Intervals", "7"), ENDED)
    assert run.started_at == datetime(2026, 12, 7, 17, 42, 50, tzinfo=UTC)
    assert (run.kind, run.effort, run.distance_m, run.device) == (RunKind.INTERVALS, 7, 8200.0, "typed")


@pytest.mark.parametrize(("form", "words"), [(TypedRun(time="30", kind="jog"), "kind: one of easy"),
                                             (TypedRun(time="30", effort="11"), "effort"),
                                             (TypedRun(time="30", effort="seven"), "effort")])
def test_bad_kind_and_effort(form, words):
    with pytest.raises(ValueError, match=words):
        typed_run(form, ENDED)
