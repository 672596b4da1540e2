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

from helpers import circuit_from

WORK = Segment(Kind.WORK, 30)
LEFT = Segment(Kind.WORK, 30, side=Side.LEFT)
RIGHT = Segment(Kind.WORK, 30, side=Side.RIGHT)


@pytest.mark.parametrize(
    ("event", "previous_side", "cue"),
    [
        (SegmentStarted(0, 0, Segment(Kind.PREPARE, 10)), None, "get_ready"),
        (SegmentStarted(0, 1, WORK), None, "go"),
        (SegmentStarted(0, 1, LEFT), None, "go"),
        (SegmentStarted(0, 2, Segment(Kind.SWITCH, 5, side=Side.RIGHT)), Side.LEFT, "switch"),
        (SegmentStarted(0, 3, RIGHT), None, "go"),          # after a switch segment: go
        (SegmentStarted(0, 3, RIGHT), Side.LEFT, "switch"),  # no switch segment: the switch cue
        (SegmentStarted(0, 4, Segment(Kind.REST, 20)), None, "rest"),
        (SegmentStarted(0, 4, Segment(Kind.ROUND_REST, 60)), None, "rest"),
        (SegmentStarted(0, 9, Segment(Kind.COOLDOWN, 30)), None, "go"),
        (Countdown(0, 1, 3), None, "countdown"),
        (Countdown(0, 1, 2), None, "countdown"),
        (Countdown(0, 1, 1), None, "countdown_last"),
        (Halfway(0, 1), None, "halfway"),
        (RoundComplete(0, 1, 3), None, "round_complete"),
        (RoundComplete(0, 3, 3), None, None),
        (Finished(0, 100.0), None, "workout_complete"),
        (Paused(0, PauseReason.USER), None, "paused"),
        (Resumed(0), None, "resumed"),
        (SwitchSides(0, 2, RIGHT), None, None),
        (Abandoned(0, 3, 50.0), None, None),
    ],
)
def test_cue_for_each_event(event, previous_side, cue):
    assert cue_for(event, previous_side) == cue


def test_a_greater_cue_on_the_same_instant_is_not_cut_by_a_lesser_one():
    chooser = CueChooser()
    assert chooser.choose(RoundComplete(10.0, 1, 3)) == "round_complete"
    assert chooser.choose(SegmentStarted(10.0, 5, Segment(Kind.ROUND_REST, 60))) is None
    assert chooser.choose(Countdown(67.0, 5, 3)) == "countdown"


def test_the_workout_complete_cue_wins_at_the_end():
    chooser = CueChooser()
    assert chooser.choose(Countdown(9.0, 1, 1)) == "countdown_last"
    assert chooser.choose(Finished(10.0, 10.0)) == "workout_complete"


def test_the_chooser_follows_sides_across_segments():
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
    from postrun.core.timeline import build_timeline

    timeline = build_timeline(circuit)
    chooser = CueChooser()
    cues = [chooser.choose(SegmentStarted(float(i), i, s)) for i, s in enumerate(timeline.segments)]
    assert cues == ["go", "switch"]
