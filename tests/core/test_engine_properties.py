"""Properties that hold for any valid circuit and any sequence of controls."""

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from postrun.core.circuit import Circuit, Exercise, Sides, Stretch
from postrun.core.engine import Engine, State
from postrun.core.errors import ControlError
from postrun.core.events import Finished, SegmentStarted
from postrun.core.timeline import build_timeline

from helpers import FakeClock

seconds = st.integers(0, 90)
positive = st.integers(1, 90)


@st.composite
def exercises(draw):
    timed = draw(st.booleans())
    return Exercise(
        name=draw(st.sampled_from(["Swings", "Kickbacks", "Windmills", "Squats"])),
        work=draw(positive) if timed else None,
        reps=None if timed else draw(st.integers(1, 30)),
        sides=draw(st.sampled_from(list(Sides))),
    )


circuits = st.builds(
    Circuit,
    name=st.just("Generated"),
    exercises=st.lists(exercises(), min_size=1, max_size=4).map(tuple),
    rounds=st.integers(1, 4),
    prepare=seconds,
    rest=seconds,
    round_rest=seconds,
    switch=st.integers(0, 10),
    skip_last_rest=st.booleans(),
    cooldown=st.lists(st.builds(Stretch, name=st.just("Stretch"), hold=positive,
                                sides=st.sampled_from(list(Sides))), max_size=2).map(tuple),
)

actions = st.lists(
    st.one_of(
        st.tuples(st.just("wait"), st.floats(0.0, 4.0)),
        st.tuples(st.just("sleep"), st.floats(6.0, 5000.0)),
        st.tuples(st.sampled_from(["toggle", "skip", "back", "done", "stop", "more", "less"]), st.just(0.0)),
    ),
    max_size=80,
)

CONTROLS = {
    "toggle": Engine.toggle,
    "skip": Engine.skip,
    "back": Engine.back,
    "done": Engine.done,
    "stop": Engine.stop,
    "more": lambda e: e.add_time(10),
    "less": lambda e: e.add_time(-10),
}


@settings(max_examples=300, deadline=None)
@given(circuits, actions)
def test_any_circuit_any_controls(circuit, script):
    timeline = build_timeline(circuit)
    if not timeline.segments:
        return
    clock = FakeClock()
    engine = Engine(timeline, clock=clock)
    events = list(engine.start())
    last_elapsed = 0.0
    for action, amount in script:
        if action in ("wait", "sleep"):
            clock.advance(amount)
            events += engine.poll()
        else:
            with contextlib.suppress(ControlError):   # refused controls are part of the game
                events += CONTROLS[action](engine)
        snap = engine.snapshot()
        if engine.state in (State.RUNNING, State.PAUSED):
            # skipped means skipped and not redone: never the current set, nothing ahead
            assert all(index < engine.index for index in engine.skipped)
        assert len(set(engine.skipped)) == len(engine.skipped)
        assert snap.remaining is None or snap.remaining >= 0
        assert snap.elapsed >= 0
        assert snap.workout_remaining >= 0
        assert snap.workout_elapsed >= last_elapsed - 1e-9
        last_elapsed = snap.workout_elapsed
        next_change = engine.next_change()
        if engine.state is State.RUNNING:
            assert next_change is not None
            assert next_change >= clock.now
        else:
            assert next_change is None

    assert sum(isinstance(e, Finished) for e in events) <= 1
    if any(isinstance(e, Finished) for e in events):
        assert engine.state is State.FINISHED
        assert isinstance(events[-1], Finished)   # nothing happens after the end
    starts = [e for e in events if isinstance(e, SegmentStarted)]
    assert starts[0].index == 0
    for before, after in zip(starts, starts[1:], strict=False):
        assert after.index - before.index in (-1, 0, 1)
        assert after.at >= before.at
    for start in starts:
        assert start.segment == timeline[start.index]


@settings(max_examples=100, deadline=None)
@given(circuits, st.lists(st.floats(0.01, 3.0), min_size=1, max_size=400))
def test_left_alone_a_timed_circuit_follows_the_timeline_exactly(circuit, steps):
    timeline = build_timeline(circuit)
    if timeline.rep_segments:
        return
    clock = FakeClock()
    engine = Engine(timeline, clock=clock)
    events = list(engine.start())
    for step in steps:
        clock.advance(step)
        events += engine.poll()
    starts = [e for e in events if isinstance(e, SegmentStarted)]
    assert [s.index for s in starts] == list(range(len(starts)))
    expected = 1000.0
    for start in starts:
        assert abs(start.at - expected) < 1e-6
        expected += timeline[start.index].seconds
