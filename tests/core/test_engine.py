import pytest

from postrun.core.engine import Engine, State
from postrun.core.errors import ControlError
from postrun.core.events import (
    Abandoned,
    Countdown,
    Finished,
    Halfway,
    Paused,
    PauseReason,
    Resumed,
    RoundComplete,
    SegmentSkipped,
    SegmentStarted,
    SwitchSides,
)
from postrun.core.timeline import Kind, build_timeline

from circuits import SQUATS_THEN_PLANK, TIMED_TWO_ROUNDS
from helpers import FakeClock, circuit_from, run_for

T0 = 1000.0




def make(text=TIMED_TWO_ROUNDS, sleep_gap=5.0):
    clock = FakeClock(T0)
    engine = Engine(build_timeline(circuit_from(text)), clock=clock, sleep_gap=sleep_gap)
    return engine, clock


def started(events):
    return [(e.index, e.at) for e in events if isinstance(e, SegmentStarted)]


def test_start_enters_the_first_segment():
    engine, _ = make()
    events = engine.start()
    assert events == [SegmentStarted(T0, 0, engine.timeline[0])]
    snap = engine.snapshot()
    assert (snap.state, snap.index, snap.remaining, snap.shown_seconds) == (State.RUNNING, 0, 5.0, 5)
    assert snap.workout_remaining == engine.timeline.total_seconds


def test_segments_start_exactly_on_their_deadlines_without_drift():
    engine, clock = make()
    events = engine.start()
    # look at the clock at irregular moments, as a busy GUI might
    for step in [0.3, 0.77, 1.9, 0.01, 2.5] * 60:
        clock.advance(step)
        events += engine.poll()
        if engine.state is State.FINISHED:
            break
    expected, at = [], T0
    for index, segment in enumerate(engine.timeline.segments):
        expected.append((index, at))
        at += segment.seconds
    assert started(events) == expected
    last = len(engine.timeline) - 1
    assert [e for e in events if isinstance(e, Finished)] == [
        Finished(at, float(engine.timeline.total_seconds), last, engine.timeline[last], ())]


def test_countdown_and_halfway_fire_at_their_true_instants():
    engine, clock = make()
    engine.start()
    events = run_for(engine, clock, 25.0, step=0.4)  # prepare 5 s + A 20 s
    cues = [(type(e).__name__, getattr(e, "number", None), e.at) for e in events
            if isinstance(e, Countdown | Halfway)]
    assert cues == [
        ("Countdown", 3, T0 + 2), ("Countdown", 2, T0 + 3), ("Countdown", 1, T0 + 4),
        ("Halfway", None, T0 + 15),
        ("Countdown", 3, T0 + 22), ("Countdown", 2, T0 + 23), ("Countdown", 1, T0 + 24),
    ]


def test_halfway_only_for_work_of_twenty_seconds_or_more():
    engine, clock = make()
    engine.start()
    events = run_for(engine, clock, engine.timeline.total_seconds + 1)
    halfway_segments = {engine.timeline[e.index].name for e in events if isinstance(e, Halfway)}
    assert halfway_segments == {"A"}
    assert sum(isinstance(e, Halfway) for e in events) == 2


def test_pause_at_12_4_seconds_left_resumes_with_exactly_12_4():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 5.0 + 7.6, step=0.2)   # into A (20 s): 7.6 s gone, 12.4 s left
    assert engine.index == 1
    events = engine.pause()
    assert events[-1] == Paused(clock.now, PauseReason.USER)
    assert engine.snapshot().remaining == pytest.approx(12.4, abs=1e-9)
    clock.advance(300.0)                            # a long pause: nothing moves
    assert engine.poll() == []
    assert engine.snapshot().remaining == pytest.approx(12.4, abs=1e-9)
    resumed_at = clock.now
    assert engine.resume() == [Resumed(resumed_at)]
    assert engine.snapshot().remaining == pytest.approx(12.4, abs=1e-9)
    events = run_for(engine, clock, 12.5, step=0.1)
    assert started(events)[0] == (2, pytest.approx(resumed_at + 12.4))
    # the pause is not active time
    assert engine.snapshot().workout_elapsed == pytest.approx(5.0 + 20.0 + 0.1, abs=1e-6)


def test_both_sides_of_an_each_exercise_get_the_same_time_with_a_switch_between():
    engine, clock = make()
    engine.start()
    events = run_for(engine, clock, 80.0, step=0.3)
    starts = {engine.timeline[i].kind.value + (engine.timeline[i].side or ""): at
              for i, at in started(events)[:6]}
    left = starts["switchright"] - starts["workleft"]
    right = starts["round_rest"] - starts["workright"]
    assert left == right == 10
    switches = [e for e in events if isinstance(e, SwitchSides)]
    assert switches[0].at == starts["switchright"]
    assert switches[0].segment.kind is Kind.SWITCH


def test_switch_sides_cue_without_a_switch_segment():
    engine, clock = make(TIMED_TWO_ROUNDS.replace("switch = 5", "switch = 0"))
    engine.start()
    events = run_for(engine, clock, 50.0)
    switches = [e for e in events if isinstance(e, SwitchSides)]
    assert len(switches) == 1
    assert switches[0].segment.side == "right"
    assert switches[0].segment.kind is Kind.WORK


def test_round_complete_after_each_round_and_finished_once():
    engine, clock = make()
    engine.start()
    events = run_for(engine, clock, engine.timeline.total_seconds + 30, step=0.5)
    rounds = [e for e in events if isinstance(e, RoundComplete)]
    assert [(e.round, e.rounds) for e in rounds] == [(1, 2), (2, 2)]
    assert sum(isinstance(e, Finished) for e in events) == 1
    assert engine.state is State.FINISHED
    assert engine.poll() == []


def test_skip_moves_on_and_is_recorded():
    engine, clock = make()
    engine.start()
    clock.advance(1.0)
    events = engine.skip()
    assert isinstance(events[0], SegmentSkipped)
    assert events[0].index == 0
    assert started(events) == [(1, T0 + 1.0)]
    assert engine.snapshot().remaining == 20.0
    assert engine.skipped == ()                      # get ready moved past: not a set missed
    engine.skip()
    engine.skip()                                    # A, then the rest after it
    assert engine.skipped == (1,)


def test_skip_while_paused_stays_paused_with_full_time():
    engine, clock = make()
    engine.start()
    clock.advance(2.0)
    engine.pause()
    engine.skip()
    assert engine.state is State.PAUSED
    snap = engine.snapshot()
    assert (snap.index, snap.remaining) == (1, 20.0)
    clock.advance(10.0)
    assert engine.snapshot().remaining == 20.0


def test_skipping_the_last_segment_finishes_the_workout():
    engine, clock = make()
    engine.start()
    events = []
    while engine.state is not State.FINISHED:
        clock.advance(0.5)
        events += engine.skip()
    assert sum(isinstance(e, Finished) for e in events) == 1
    sets = tuple(i for i, s in enumerate(engine.timeline.segments) if s.kind in (Kind.WORK, Kind.COOLDOWN))
    assert engine.skipped == sets
    with pytest.raises(ControlError, match="finished"):
        engine.skip()


@pytest.mark.parametrize(
    ("seconds_in", "expected_index", "expected_remaining"),
    [
        (1.0, 0, 5.0),     # the first segment: back restarts it
        (5.0 + 2.0, 0, 5.0),   # 2 s into A: back goes to the previous segment (prepare)
        (5.0 + 3.0, 0, 5.0),   # exactly 3 s in still goes back
        (5.0 + 3.5, 1, 20.0),  # more than 3 s in: back restarts A
        (5.0 + 19.0, 1, 20.0),
    ],
)
def test_back_restarts_or_goes_to_the_previous_segment(seconds_in, expected_index, expected_remaining):
    engine, clock = make()
    engine.start()
    run_for(engine, clock, seconds_in, step=0.5)
    events = engine.back()
    snap = engine.snapshot()
    assert (snap.index, snap.remaining) == (expected_index, expected_remaining)
    assert started(events) == [(expected_index, clock.now)]


@pytest.mark.parametrize(
    ("change", "remaining_after"),
    [(+10, 22.0), (-10, 2.0), (+10 - 10, 12.0)],
)
def test_add_and_remove_time(change, remaining_after):
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 5.0 + 8.0)     # 12 s left in A
    if change:
        engine.add_time(change)
    assert engine.snapshot().remaining == pytest.approx(remaining_after)
    assert engine.snapshot().workout_remaining == pytest.approx(engine.timeline.seconds_after(1) + remaining_after)


def test_removing_more_than_is_left_ends_the_segment_now():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 5.0 + 15.0)   # 5 s left in A
    events = engine.add_time(-10)
    assert started(events) == [(2, clock.now)]
    assert not any(isinstance(e, Countdown) for e in events)


def test_adding_time_after_the_countdown_started_counts_down_again():
    engine, clock = make()
    engine.start()
    events = run_for(engine, clock, 5.0 + 17.5)   # 2.5 s left in A: "3" has sounded
    assert [e.number for e in events if isinstance(e, Countdown)][-1] == 3
    engine.add_time(10)
    events = run_for(engine, clock, 12.5, step=0.25)
    assert [e.number for e in events if isinstance(e, Countdown)][:3] == [3, 2, 1]


def test_adding_time_while_paused_is_kept():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 6.0)
    engine.pause()
    engine.add_time(10)
    assert engine.snapshot().remaining == pytest.approx(29.0)
    engine.resume()
    run_for(engine, clock, 29.0)
    assert engine.index == 2


def test_rep_segment_counts_up_and_waits_for_done():
    engine, clock = make(SQUATS_THEN_PLANK)
    engine.start()
    run_for(engine, clock, 5.0 + 95.0)
    snap = engine.snapshot()
    assert snap.index == 1
    assert snap.remaining is None
    assert snap.shown_seconds == 95
    assert snap.reps_ahead == 1
    assert snap.workout_remaining == 10 + 30
    events = engine.done()
    assert started(events) == [(2, clock.now)]
    assert engine.skipped == ()


def test_rep_segment_pause_keeps_the_count_up():
    engine, clock = make(SQUATS_THEN_PLANK)
    engine.start()
    run_for(engine, clock, 5.0 + 7.3)
    engine.pause()
    clock.advance(60)
    engine.resume()
    assert engine.snapshot().elapsed == pytest.approx(7.3)


def test_done_on_a_timed_segment_and_time_on_a_rep_segment_are_refused():
    engine, clock = make(SQUATS_THEN_PLANK)
    engine.start()
    with pytest.raises(ControlError, match="timed"):
        engine.done()
    run_for(engine, clock, 5.5)
    with pytest.raises(ControlError, match="no time to change"):
        engine.add_time(10)


def test_stop_abandons_with_the_active_time():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 12.0)
    events = engine.stop()
    assert events == [Abandoned(clock.now, 1, pytest.approx(12.0), engine.timeline[1], ())]
    assert engine.state is State.ABANDONED


READY, RUNNING, PAUSED, FINISHED, ABANDONED = "ready", "running", "paused", "finished", "abandoned"


def engine_in(state):
    engine, clock = make()
    if state == READY:
        return engine, clock
    engine.start()
    run_for(engine, clock, 7.0)
    if state == PAUSED:
        engine.pause()
    elif state == FINISHED:
        run_for(engine, clock, engine.timeline.total_seconds + 1, step=1.0)
    elif state == ABANDONED:
        engine.stop()
    return engine, clock


CONTROLS = {
    "start": lambda e: e.start(),
    "pause": lambda e: e.pause(),
    "resume": lambda e: e.resume(),
    "skip": lambda e: e.skip(),
    "back": lambda e: e.back(),
    "add_time": lambda e: e.add_time(10),
    "stop": lambda e: e.stop(),
}
# (state, control) -> state after, or None where the control is refused
ALLOWED = {
    (READY, "start"): RUNNING,
    (RUNNING, "pause"): PAUSED, (RUNNING, "skip"): RUNNING, (RUNNING, "back"): RUNNING,
    (RUNNING, "add_time"): RUNNING, (RUNNING, "stop"): ABANDONED,
    (PAUSED, "resume"): RUNNING, (PAUSED, "skip"): PAUSED, (PAUSED, "back"): PAUSED,
    (PAUSED, "add_time"): PAUSED, (PAUSED, "stop"): ABANDONED,
}


@pytest.mark.parametrize("state", [READY, RUNNING, PAUSED, FINISHED, ABANDONED])
@pytest.mark.parametrize("control", list(CONTROLS))
def test_every_control_in_every_state(state, control):
    engine, _ = engine_in(state)
    assert engine.state.value == state
    after = ALLOWED.get((state, control))
    if after is None:
        with pytest.raises(ControlError, match=r"cannot|already"):
            CONTROLS[control](engine)
        assert engine.state.value == state
    else:
        CONTROLS[control](engine)
        assert engine.state.value == after


@pytest.mark.parametrize(("state", "after"), [(READY, RUNNING), (RUNNING, PAUSED), (PAUSED, RUNNING)])
def test_toggle_is_space(state, after):
    engine, _ = engine_in(state)
    engine.toggle()
    assert engine.state.value == after


def test_a_gap_in_the_clock_pauses_where_the_gap_began():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 5.0 + 6.0, step=0.5)   # 14 s left in A
    last_look = clock.now
    clock.advance(3600.0)                          # the laptop slept for an hour
    events = engine.poll()
    assert events == [Paused(last_look, PauseReason.SLEEP)]
    snap = engine.snapshot()
    assert (snap.state, snap.index, snap.remaining) == (State.PAUSED, 1, pytest.approx(14.0))
    assert snap.workout_elapsed == pytest.approx(11.0)


def test_a_gap_that_spans_due_events_emits_them_before_pausing():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 4.5, step=0.5)   # prepare ends at 5.0
    clock.advance(0.5)                     # the segment end is due now...
    clock.advance(30.0)                    # ...and then the machine slept before anyone looked
    events = engine.poll()
    assert isinstance(events[-1], Paused)
    assert events[-1].at == T0 + 4.5
    assert engine.index == 0


def test_small_gaps_are_not_sleep():
    engine, clock = make()
    engine.start()
    clock.advance(4.9)
    engine.poll()
    assert engine.state is State.RUNNING


def test_sleep_detection_can_be_turned_off():
    engine, clock = make(sleep_gap=None)
    engine.start()
    clock.advance(7.0)
    engine.poll()
    assert (engine.state, engine.index) == (State.RUNNING, 1)


@pytest.mark.parametrize(
    ("seconds_in", "next_in"),
    [
        (0.0, 1.0),      # prepare 5 s: digits change at 1 s
        (0.4, 1.0),
        (1.0, 2.0),
        (4.99, 5.0),     # segment end
        (5.0 + 9.2, 5.0 + 10.0),   # A halfway at 10 s coincides with a whole second
    ],
)
def test_next_change_is_the_next_visible_instant(seconds_in, next_in):
    engine, clock = make(sleep_gap=None)
    engine.start()
    clock.advance(seconds_in)
    engine.poll()
    assert engine.next_change() == pytest.approx(T0 + next_in)


def test_next_change_includes_a_half_second_halfway():
    engine, clock = make(TIMED_TWO_ROUNDS.replace("work = 20", "work = 21"), sleep_gap=None)
    engine.start()
    clock.advance(5.0 + 10.2)
    engine.poll()
    assert engine.next_change() == pytest.approx(T0 + 5.0 + 10.5)


def test_next_change_after_a_fractional_pause_stays_on_the_shifted_seconds():
    engine, clock = make(sleep_gap=None)
    engine.start()
    clock.advance(5.0 + 7.6)
    engine.poll()
    engine.pause()
    assert engine.next_change() is None
    clock.advance(100.0)
    engine.resume()
    assert engine.next_change() == pytest.approx(clock.now + 0.4)


def test_next_change_in_a_rep_segment_is_each_whole_second_of_the_count_up():
    engine, clock = make(SQUATS_THEN_PLANK, sleep_gap=None)
    engine.start()
    clock.advance(5.0 + 2.3)
    engine.poll()
    assert engine.next_change() == pytest.approx(T0 + 5.0 + 3.0)


def test_listeners_receive_every_event_in_order():
    engine, clock = make()
    seen = []
    engine.subscribe(seen.append)
    returned = engine.start()
    returned += run_for(engine, clock, 30.0)
    returned += engine.pause()
    assert seen == returned


def test_a_skipped_set_redone_after_back_is_no_longer_skipped():
    engine, clock = make()
    engine.start()
    run_for(engine, clock, 6.0)              # into A (index 1)
    engine.skip()                            # A skipped: now resting
    assert engine.skipped == (1,)
    events = engine.back()                   # straight back to A: it is being done now
    assert started(events) == [(1, clock.now)]
    assert engine.skipped == ()
    assert events[-1].skipped == ()
    events = run_for(engine, clock, 20.0)    # A done in full
    finished_a = [e for e in events if isinstance(e, SegmentStarted)]
    assert finished_a[0].index == 2
    assert finished_a[0].skipped == ()


def test_a_set_skipped_again_after_back_is_listed_once():
    engine, clock = make()
    engine.start()
    engine.skip()
    engine.skip()                            # prepare and A skipped
    engine.back()                            # back to A
    events = engine.skip()                   # and skipped again
    assert engine.skipped == (1,)
    assert events[0].skipped == (1,)


def test_resuming_keeps_the_sets_skipped_before_the_interruption():
    engine, clock = make()
    # 9 is ahead: cannot have been skipped; 2 is a rest: not a set
    engine.start(index=3, active_seconds=50.0, skipped=(1, 2, 9))
    assert engine.skipped == (1,)
    events = engine.skip()
    assert events[0].skipped == (1, 3)
    engine.stop()
    assert engine.skipped == (1, 3)


def test_events_carry_the_active_time_at_their_own_instant():
    engine, clock = make()
    engine.start(active_seconds=100.0)
    events = run_for(engine, clock, 7.3, step=3.0)    # A began at 5.0, noticed by the look at 6.0
    starts = [e for e in events if isinstance(e, SegmentStarted)]
    assert [(s.index, s.active_seconds) for s in starts] == [(1, pytest.approx(105.0))]
    events = engine.stop()
    assert events[-1].active_seconds == pytest.approx(107.3)
    assert events[-1].segment == engine.timeline[1]


def test_a_failing_listener_is_reported_and_stops_nothing():
    failures = []
    clock = FakeClock(T0)
    engine = Engine(build_timeline(circuit_from(TIMED_TWO_ROUNDS)), clock=clock,
                    on_listener_failure=lambda name, event, exc: failures.append(
                        (name, type(event).__name__, str(exc))))
    seen = []

    def broken(event):
        raise OSError("disk full")

    engine.subscribe(broken, "workout log")
    engine.subscribe(seen.append, "display")
    engine.start()
    run_for(engine, clock, 6.0)
    assert [type(e).__name__ for e in seen][:2] == ["SegmentStarted", "Countdown"]
    assert engine.index == 1                         # the clock went on
    assert failures[0] == ("workout log", "SegmentStarted", "disk full")
    assert len(failures) == len(seen)                # every event reached the working listener


def test_upcoming_foresees_the_next_events_without_publishing_or_changing_anything():
    engine, clock = make()
    seen = []
    engine.subscribe(seen.append)
    engine.start()
    run_for(engine, clock, 1.5)
    before = (engine.index, engine.snapshot(), list(seen))
    ahead = engine.upcoming(T0 + 5.5)
    assert [(type(e).__name__, e.at) for e in ahead] == [
        ("Countdown", T0 + 2.0), ("Countdown", T0 + 3.0), ("Countdown", T0 + 4.0), ("SegmentStarted", T0 + 5.0)]
    assert (engine.index, engine.snapshot(), seen) == before
    assert run_for(engine, clock, 4.0) == ahead             # and they come true, as foreseen
    engine.pause()
    assert engine.upcoming(T0 + 100) == []


def test_a_look_ahead_copies_the_progress_whole_and_leaves_it_as_it_was():
    """Every part of where the workout is (fired cues, skipped sets, the origin) is in one
    Progress; a look ahead past a skip, a countdown and a halfway changes none of it."""
    from dataclasses import replace

    engine, clock = make()
    engine.start()
    run_for(engine, clock, 1.5)
    engine.skip()
    engine.skip()                            # get ready and A: A is a set skipped
    run_for(engine, clock, 9.0)
    before = replace(engine._p)
    assert before.skipped == (1,)
    assert before.fired                      # the rest's countdown already heard
    engine.upcoming(T0 + 200)
    assert engine._p == before
