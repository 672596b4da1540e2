"""Which cue an engine event sounds, and which wins when several fall on one instant.

A round's last work ending is also the rest starting: the round-complete run must not
be cut by the rest cue a microsecond later, and the workout-complete run beats both.
"""

from __future__ import annotations

from postrun.core.events import (
    Countdown,
    Event,
    Finished,
    Halfway,
    Paused,
    Resumed,
    RoundComplete,
    SegmentStarted,
    SwitchSides,
)
from postrun.core.timeline import Kind

PRIORITY = {
    "workout_complete": 5, "round_complete": 4, "switch": 3, "go": 2, "rest": 2, "get_ready": 2,
    "countdown_last": 1, "countdown": 1, "halfway": 1, "paused": 0, "resumed": 0,
}
SAME_INSTANT = 0.001
ANNOUNCEMENT = 3      # cues that a lesser cue at the same instant must not cut


def cue_for(event: Event) -> str | None:
    if isinstance(event, SwitchSides):
        # the engine announces every change of side (with or without a switch segment)
        # just before the segment starts; that segment's own cue then yields to it
        return "switch"
    if isinstance(event, SegmentStarted):
        segment = event.segment
        if segment.kind is Kind.SWITCH:
            return None
        if segment.kind is Kind.PREPARE:
            return "get_ready"
        if segment.kind in (Kind.REST, Kind.ROUND_REST):
            return "rest"
        return "go"
    if isinstance(event, Countdown):
        return "countdown_last" if event.number == 1 else "countdown"
    if isinstance(event, Halfway):
        return "halfway"
    if isinstance(event, RoundComplete):
        return "round_complete" if event.round < event.rounds else None   # the last round ends the workout
    if isinstance(event, Finished):
        return "workout_complete"
    if isinstance(event, Paused):
        return "paused"
    if isinstance(event, Resumed):
        return "resumed"
    return None


class CueChooser:
    """Turns the event stream into the cues to play, dropping a lesser cue that shares
    its instant with a greater one already chosen."""

    def __init__(self) -> None:
        self._last: tuple[float, str] | None = None

    def copy(self) -> CueChooser:
        """A chooser in the same state, to foresee cues without changing this one."""
        twin = CueChooser()
        twin._last = self._last
        return twin

    def choose(self, event: Event) -> str | None:
        name = cue_for(event)
        if name is None:
            return None
        if self._last is not None:
            at, last_name = self._last
            same_instant = abs(event.at - at) < SAME_INSTANT
            if same_instant and PRIORITY[last_name] >= ANNOUNCEMENT and PRIORITY[name] < PRIORITY[last_name]:
                return None
        self._last = (event.at, name)
        return name
