"""The finish screen's words, by table, without Qt: heading, progress, time, skipped sets,
and what the save line says."""

import pytest

from postrun.core.events import Abandoned, Finished
from postrun.core.timeline import Kind, build_timeline
from postrun.session.finish_report import SAVED, finish_report, save_state

from circuits import SWINGS_AND_SQUATS_TWO_ROUNDS
from helpers import circuit_from

CIRCUIT = circuit_from(SWINGS_AND_SQUATS_TWO_ROUNDS)
TIMELINE = build_timeline(CIRCUIT)


def index_of(kind: Kind, round_: int, name: str | None = None) -> int:
    return next(i for i, s in enumerate(TIMELINE.segments)
                if s.kind is kind and s.round == round_ and (name is None or s.name == name))


@pytest.mark.parametrize(("event", "heading", "progress"), [
    (Finished(at=0, active_seconds=185, index=len(TIMELINE.segments) - 1), "Workout complete", "Rounds: 2"),
    (Abandoned(at=0, index=index_of(Kind.WORK, 2, "Swings"), active_seconds=95), "Workout stopped",
     "Stopped in round 2 of 2, at Swings"),
    (Abandoned(at=0, index=index_of(Kind.REST, 1), active_seconds=40), "Workout stopped",
     "Stopped in round 1 of 2, at Rest"),
])
def test_heading_and_progress(event, heading, progress):
    report = finish_report(CIRCUIT, TIMELINE, event, save_state(None))
    assert report.heading == heading
    assert report.lines()[0] == "Finish"
    assert progress in report.lines()[1]
    assert report.lines()[1].startswith("Time: ")


def test_skipped_sets_are_named_with_their_round():
    skipped = (index_of(Kind.WORK, 1, "Goblet squats"), index_of(Kind.WORK, 2, "Swings"))
    event = Finished(at=0, active_seconds=100, index=len(TIMELINE.segments) - 1, skipped=skipped)
    lines = finish_report(CIRCUIT, TIMELINE, event, save_state(None)).lines()
    assert lines[2].startswith("Skipped: ")
    assert "Goblet squats" in lines[2]
    assert "Swings" in lines[2]


def test_nothing_skipped_says_so():
    event = Finished(at=0, active_seconds=185, index=len(TIMELINE.segments) - 1)
    assert finish_report(CIRCUIT, TIMELINE, event, save_state(None)).lines()[2] == "Nothing skipped"


@pytest.mark.parametrize(("reason", "also", "saved", "text"), [
    (None, "", True, SAVED),
    (None, "Saved to /x.json.", True, f"{SAVED} Saved to /x.json."),
    ("the disk is full", "", False, "Not saved to your workout log: the disk is full."),
    ("the disk is full", "Saved to /x.json.", False,
     "Not saved to your workout log: the disk is full. Saved to /x.json."),
])
def test_saved_is_said_only_when_it_was(reason, also, saved, text):
    state = save_state(reason, also)
    assert (state.saved, state.text) == (saved, text)


def test_stopped_during_get_ready_is_round_one():
    event = Abandoned(at=0, index=0, active_seconds=2)
    report = finish_report(CIRCUIT, TIMELINE, event, save_state(None))
    assert report.round_reached == 1
    assert "Stopped in round 1 of 2, at Get ready" in report.lines()[1]


@pytest.mark.parametrize(("index", "line"), [
    (0, "No set done: it is in your log, and not counted as a workout"),              # in Get ready
    (index_of(Kind.WORK, 1, "Swings"), "No set done: it is in your log, and not counted as a workout"),
    (index_of(Kind.REST, 1), "Nothing skipped"),                                      # swings done
])
def test_a_stop_before_any_set_says_it_does_not_count(index, line):
    event = Abandoned(at=0, index=index, active_seconds=2)
    assert finish_report(CIRCUIT, TIMELINE, event, save_state(None)).lines()[2] == line
