"""Every place that names a segment gets its words here: a table per use, over one circuit
with a one-sided exercise, a rep set, rests, two rounds and a stretch."""

import pytest

from postrun.core.events import Finished, SegmentStarted, SwitchSides
from postrun.core.segment_words import (
    label_words,
    log_label,
    next_sentence,
    next_text,
    set_name,
    skipped_sets,
    spoken,
    step_lines,
    title,
)
from postrun.core.timeline import Kind, build_timeline

from circuits import ONE_SIDED_REPS_AND_STRETCH
from helpers import circuit_from


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(circuit_from(ONE_SIDED_REPS_AND_STRETCH))


def kinds(timeline):
    return [(s.kind, s.name, s.side.value if s.side else None, s.round) for s in timeline.segments]


def test_the_circuit_is_what_the_tables_assume(timeline):
    assert kinds(timeline)[:7] == [
        (Kind.PREPARE, None, None, None), (Kind.WORK, "Kickbacks", "left", 1), (Kind.SWITCH, "Kickbacks", "right", 1),
        (Kind.WORK, "Kickbacks", "right", 1), (Kind.REST, None, None, 1), (Kind.WORK, "Goblet squats", None, 1),
        (Kind.ROUND_REST, None, None, 1)]
    assert timeline[len(timeline) - 1].kind is Kind.COOLDOWN


@pytest.mark.parametrize(("index", "label", "name", "shown", "next_up"), [
    (0, "prepare", "prepare", "Get ready", "Next: Kickbacks, left side first · 30 s"),
    (1, "work: Kickbacks (left), round 1", "Kickbacks (left), round 1", "Kickbacks — LEFT", "Next: switch sides"),
    (3, "work: Kickbacks (right), round 1", "Kickbacks (right), round 1", "Kickbacks — RIGHT", "Next: rest 10 s"),
    (4, "rest, round 1", "rest, round 1", "Rest", "Next: Goblet squats · 12 reps"),
    (5, "work: Goblet squats, round 1", "Goblet squats, round 1", "Goblet squats", "Next: rest 20 s"),
    (6, "round rest, round 1", "round_rest, round 1", "Rest between rounds",
     "Next: Kickbacks, left side first · 30 s"),
])
def test_one_segment_in_every_room(timeline, index, label, name, shown, next_up):
    segment = timeline[index]
    following = timeline[index + 1]
    assert log_label(segment) == label
    assert set_name(segment) == name
    assert title(segment) == shown
    assert next_text(following) == next_up


def test_the_last_segment_is_followed_by_the_finish(timeline):
    last = timeline[len(timeline) - 1]
    assert log_label(last) == "cooldown: Figure four"
    assert title(last) == "Figure four"
    assert next_text(None) == "Next: finish"


def test_the_voice_says_the_next_set(timeline):
    assert next_sentence(timeline[1]) == "Next: Kickbacks, 30 seconds, left side first"
    assert next_sentence(timeline[3]) == "Next: Kickbacks, 30 seconds"
    assert next_sentence(timeline[5]) == "Next: Goblet squats, 12 reps"


def test_what_the_voice_says_for_each_event(timeline):
    started = {i: SegmentStarted(at=0.0, index=i, segment=timeline[i], active_seconds=0.0, skipped=())
               for i in range(len(timeline))}
    assert spoken(started[0], timeline) == "Next: Kickbacks, 30 seconds, left side first"
    assert spoken(started[4], timeline) == "Next: Goblet squats, 12 reps"
    assert spoken(started[1], timeline) is None                   # round 1 of 2: nothing to add
    second_round = next(i for i, s in enumerate(timeline.segments) if s.round == 2 and s.kind is Kind.WORK)
    assert spoken(started[second_round], timeline) == "Last round"
    assert spoken(SwitchSides(at=0.0, index=2, segment=timeline[2]), timeline) == "Switch sides"
    finished = Finished(at=0.0, index=len(timeline) - 1, active_seconds=1.0, skipped=())
    assert spoken(finished, timeline) == "Workout complete"


def test_only_sets_and_stretches_are_listed_as_skipped(timeline):
    last = len(timeline) - 1
    assert skipped_sets(timeline, (0, 1, 4, 5, last)) == [
        "Kickbacks (left, round 1)", "Goblet squats (set, round 1)", "Figure four (set)"]


def test_a_long_skipped_list_is_cut_with_a_count(timeline):
    sets = [i for i, s in enumerate(timeline.segments) if s.kind in (Kind.WORK, Kind.COOLDOWN)]
    assert len(sets) == 7
    names = skipped_sets(timeline, tuple(sets))
    assert names[-1] == "and 1 more"
    assert len(names) == 7


def test_step_lines_start_times_add_up(timeline):
    lines = step_lines(timeline)
    assert len(lines) == len(timeline)
    assert lines[0].split() == ["0:00", "GET", "READY", "0:05"]
    assert lines[1].split()[:2] == ["0:05", "WORK"]
    assert lines[1].endswith("Kickbacks (left)")
    assert "12 reps" in lines[5]


@pytest.mark.parametrize(("label", "words"), [
    ("prepare", "Get ready"),
    ("work: Swings (left), round 2", "Swings (left), round 2"),
    ("rest, round 1", "Rest, round 1"),
    ("round rest, round 1", "Rest between rounds, round 1"),
    ("switch: Kickbacks, round 1", "Switch sides: Kickbacks, round 1"),
    ("cooldown: Figure four", "Figure four"),
    ("something new", "something new"),
])
def test_a_stored_label_reads_in_the_run_views_words(label, words):
    assert label_words(label) == words


def test_every_label_the_log_writes_reads_without_internal_words():
    timeline = build_timeline(circuit_from(ONE_SIDED_REPS_AND_STRETCH))
    for segment in timeline.segments:
        shown = label_words(log_label(segment))
        assert not any(word in shown for word in ("prepare", "round rest", "cooldown", "work:")), shown
