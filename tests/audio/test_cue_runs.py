"""Cues foreseen close together start as one run, one buffer, each cue after silence up to
its own instant: one stream start for 3, 2, 1, go instead of four."""

import pytest

from postrun.audio.alsa_output import BUFFER_SECONDS
from postrun.audio.cue_runs import RUN_GAP, RUN_SPAN, StartedAhead, first_run
from postrun.audio.cue_runs import run_buffer as pure_run_buffer
from postrun.audio.cues import RATE, CueSet
from postrun.audio.early_cues import EarlyCues
from postrun.audio.player import CuePlayer
from postrun.audio.sound import LEAD_IN
from postrun.core.events import Countdown

from helpers import FakeClock, FakeTimers, PlayObject, cues_in

CUES = CueSet(1.0)


def run_buffer(cues, run, now):
    return pure_run_buffer(cues.__getitem__, run, now, RATE)


@pytest.mark.parametrize(("foreseen", "run"), [
    ([], ()),
    ([(7.0, "countdown")], ((7.0, "countdown"),)),
    # 3, 2, 1, go: one run
    ([(7.0, "countdown"), (8.0, "countdown"), (9.0, "countdown_last"), (10.0, "go")],
     ((7.0, "countdown"), (8.0, "countdown"), (9.0, "countdown_last"), (10.0, "go"))),
    # a halfway cue long after: a run of its own, later
    ([(9.0, "countdown_last"), (10.0, "go"), (30.0, "halfway")], ((9.0, "countdown_last"), (10.0, "go"))),
    # the gap decides: just within, just beyond
    ([(1.0, "countdown"), (1.0 + RUN_GAP, "go")], ((1.0, "countdown"), (1.0 + RUN_GAP, "go"))),
    ([(1.0, "countdown"), (1.01 + RUN_GAP, "go")], ((1.0, "countdown"),)),
    # and the span: a fifth cue a second after "go" waits for a run of its own
    ([(7.0, "countdown"), (8.0, "countdown"), (9.0, "countdown_last"), (10.0, "go"), (11.0, "halfway")],
     ((7.0, "countdown"), (8.0, "countdown"), (9.0, "countdown_last"), (10.0, "go"))),
    # two cues on one instant (the round's end and the rest) stay together, in order
    ([(5.0, "countdown_last"), (6.0, "round_complete"), (6.0, "rest")],
     ((5.0, "countdown_last"), (6.0, "round_complete"), (6.0, "rest"))),
])
def test_a_run_is_the_first_cue_and_those_close_behind_it(foreseen, run):
    assert first_run(foreseen) == run


def test_each_cue_of_a_run_begins_on_its_instant():
    now = 100.0
    run = [(now + 0.03, "countdown"), (now + 1.03, "countdown"), (now + 2.03, "countdown_last"), (now + 3.03, "go")]
    data = run_buffer(CUES, run, now)
    assert cues_in(data, CUES.buffers) == [(pytest.approx(at - now, abs=1 / RATE), name) for at, name in run]
    assert len(data) // 2 == round(3.03 * RATE) + len(CUES["go"]) // 2      # it ends with the last cue


def test_a_cue_is_cut_where_the_next_begins_and_a_cue_already_due_sounds_at_once():
    now = 50.0
    data = run_buffer(CUES, [(now - 0.2, "workout_complete"), (now + 0.5, "go")], now)
    found = cues_in(data, CUES.buffers)
    assert found == [(0.0, "workout_complete"), (pytest.approx(0.5, abs=1 / RATE), "go")]
    assert data[:round(0.5 * RATE) * 2] == CUES["workout_complete"][:round(0.5 * RATE) * 2]
    # two cues on one instant: the later one is heard, as when it stops the first
    same = run_buffer(CUES, [(now + 0.1, "rest"), (now + 0.1, "round_complete")], now)
    assert cues_in(same, CUES.buffers) == [(pytest.approx(0.1, abs=1 / RATE), "round_complete")]


def test_the_longest_run_fits_the_open_output_in_one_write():
    longest = max(len(data) for data in CUES.buffers.values()) / 2 / RATE
    assert LEAD_IN + RUN_SPAN + longest <= BUFFER_SECONDS


def test_a_run_whose_first_instant_is_missed_starts_without_it_from_the_next_plan():
    clock = FakeClock(100.0)
    timers = FakeTimers(clock)
    started = []
    player = CuePlayer(CUES, play_buffer=lambda data, *rest: started.append((clock.now, data)) or PlayObject([], "x"),
                       clock=clock)
    early = EarlyCues(player, timers, clock)
    events = [Countdown(at=101.0 + k, index=0, number=3 - k) for k in range(3)]
    early.plan(events)
    assert early.target == ((101.0, "countdown"), (102.0, "countdown"), (103.0, "countdown_last"))
    clock.now = 100.995                     # a busy moment: the timer fires 5 ms before the "3"
    timers.advance(0)
    assert started == []                    # too late for its silence: the event will play it
    clock.now = 101.0
    player(events[0])
    early.plan(events[1:])                  # the session's plan after that change
    assert cues_in(started[0][1], CUES.buffers) == [(0.0, "countdown")]
    timers.advance(1.0)
    at, data = started[1]
    assert at == pytest.approx(102.0 - 0.03)            # the rest, as one run, ahead of the "2"
    assert cues_in(data, CUES.buffers) == [(pytest.approx(0.03, abs=1 / RATE), "countdown"),
                                           (pytest.approx(1.03, abs=1 / RATE), "countdown_last")]


def test_cues_started_ahead_are_met_one_by_one_on_their_instants():
    ahead = StartedAhead()
    ahead.started([(10.0, "countdown"), (11.0, "go")])
    assert ahead.agrees_with([(10.0, "countdown"), (11.0, "go"), (40.0, "halfway")])
    assert ahead.arrive("countdown", 10.0)
    assert ahead.cues == ((11.0, "go"),)
    assert ahead.arrive("go", 11.0)
    assert not ahead


@pytest.mark.parametrize(("name", "at"), [("go", 10.0), ("countdown", 10.5)])
def test_an_event_not_as_foreseen_forgets_what_was_started(name, at):
    ahead = StartedAhead()
    ahead.started([(10.0, "countdown"), (11.0, "go")])
    assert not ahead.arrive(name, at)
    assert ahead.cues == ()


def test_a_plan_that_no_longer_begins_with_the_run_disagrees():
    ahead = StartedAhead()
    ahead.started([(10.0, "countdown"), (11.0, "go")])
    assert not ahead.agrees_with([(20.0, "countdown"), (21.0, "go")])      # paused: everything moved
    assert not ahead.agrees_with([(10.0, "countdown")])                     # skipped before "go"
    assert ahead.forget()
    assert not ahead.forget()
    assert StartedAhead().agrees_with([(1.0, "go")])
