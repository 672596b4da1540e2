import pytest

from postrun.audio.cue_choice import CueChooser, cue_for
from postrun.core.events import (
    Abandoned,
    Countdown,
    Finished,
    Halfway,
    Paused,
    PauseReason,
    Resumed,
    RoundComplete,
    SegmentStarted,
    SwitchSides,
)
from postrun.core.timeline import Kind, Segment, Side

from helpers import FakeClock, circuit_from, run_for

WORK = Segment(Kind.WORK, 30)
LEFT = Segment(Kind.WORK, 30, side=Side.LEFT)
RIGHT = Segment(Kind.WORK, 30, side=Side.RIGHT)


@pytest.mark.parametrize(
    ("event", "cue"),
    [
        (SegmentStarted(0, 0, Segment(Kind.PREPARE, 10)), "get_ready"),
        (SegmentStarted(0, 1, WORK), "go"),
        (SegmentStarted(0, 1, LEFT), "go"),
        (SwitchSides(0, 2, Segment(Kind.SWITCH, 5, side=Side.RIGHT)), "switch"),
        (SegmentStarted(0, 2, Segment(Kind.SWITCH, 5, side=Side.RIGHT)), None),   # its SwitchSides sounds
        (SwitchSides(0, 3, RIGHT), "switch"),             # no switch segment: announced all the same
        (SegmentStarted(0, 3, RIGHT), "go"),
        (SegmentStarted(0, 4, Segment(Kind.REST, 20)), "rest"),
        (SegmentStarted(0, 4, Segment(Kind.ROUND_REST, 60)), "rest"),
        (SegmentStarted(0, 9, Segment(Kind.COOLDOWN, 30)), "go"),
        (Countdown(0, 1, 3), "countdown"),
        (Countdown(0, 1, 2), "countdown"),
        (Countdown(0, 1, 1), "countdown_last"),
        (Halfway(0, 1), "halfway"),
        (RoundComplete(0, 1, 3), "round_complete"),
        (RoundComplete(0, 3, 3), None),
        (Finished(0, 100.0), "workout_complete"),
        (Paused(0, PauseReason.USER), "paused"),
        (Resumed(0), "resumed"),
        (Abandoned(0, 3, 50.0), None),
    ],
)
def test_cue_for_each_event(event, cue):
    assert cue_for(event) == cue


def test_a_greater_cue_on_the_same_instant_is_not_cut_by_a_lesser_one():
    chooser = CueChooser()
    assert chooser.choose(RoundComplete(10.0, 1, 3)) == "round_complete"
    assert chooser.choose(SegmentStarted(10.0, 5, Segment(Kind.ROUND_REST, 60))) is None
    assert chooser.choose(Countdown(67.0, 5, 3)) == "countdown"


def test_the_workout_complete_cue_wins_at_the_end():
    chooser = CueChooser()
    assert chooser.choose(Countdown(9.0, 1, 1)) == "countdown_last"
    assert chooser.choose(Finished(10.0, 10.0)) == "workout_complete"


def test_a_change_of_side_without_a_switch_segment_sounds_switch():
    circuit = circuit_from("""\
        format = 1
        name = "x"
        prepare = 0
        switch = 0
        [[exercise]]
        name = "Kickbacks"
        work = 10
        sides = "each"
        """)
    from postrun.core.engine import Engine
    from postrun.core.timeline import build_timeline

    clock = FakeClock()
    engine = Engine(build_timeline(circuit), clock=clock)
    events = engine.start() + run_for(engine, clock, 21.0)
    chooser = CueChooser()
    cues = [chooser.choose(event) for event in events]
    starts = [c for c in cues if c in ("go", "switch", "workout_complete")]
    assert starts == ["go", "switch", "workout_complete"]    # the right side's go yields to switch
