"""What became of each exercise set and stretch of a workout, from where it ended: the one
rule behind the history's detail, the stop question's offer to discard, and which workouts
the week, the streak and the month count (those in which at least one set was done)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from postrun.core.timeline import Segment, Timeline


class SetState(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    STOPPED_HERE = "stopped here"
    NOT_REACHED = "not reached"


@dataclass(frozen=True)
class SetOutcome:
    index: int           # in the timeline
    segment: Segment
    state: SetState


_LAST: dict[tuple[int, int, frozenset[int], bool], tuple[Timeline, tuple[SetOutcome, ...]]] = {}


def set_outcomes(timeline: Timeline, reached: int, skipped: Collection[int], completed: bool) -> tuple[SetOutcome, ...]:
    """Every set of `timeline`: done when completed or passed before `reached` (the segment
    the workout was in when it ended or was last written) and not skipped. An import of
    years asks this of the same few circuits, most often whole and with nothing skipped:
    the answers are kept for the timeline object they were found for."""
    key = (id(timeline), -1 if completed else reached, frozenset(skipped), completed)
    known = _LAST.get(key)
    if known is not None and known[0] is timeline:
        return known[1]
    if len(_LAST) > 256:
        _LAST.clear()
    found = _outcomes(timeline, reached, skipped, completed)
    _LAST[key] = (timeline, found)
    return found


def _outcomes(timeline: Timeline, reached: int, skipped: Collection[int], completed: bool) -> tuple[SetOutcome, ...]:
    outcomes = []
    segments = timeline.segments
    for index in timeline.set_indexes:         # counts_as_a_set's, found once per timeline
        segment = segments[index]
        if index in skipped:
            state = SetState.SKIPPED
        elif completed or index < reached:
            state = SetState.DONE
        elif index == reached:
            state = SetState.STOPPED_HERE
        else:
            state = SetState.NOT_REACHED
        outcomes.append(SetOutcome(index, segment, state))
    return tuple(outcomes)


def sets_done(timeline: Timeline, reached: int, skipped: Collection[int], completed: bool) -> int:
    return sum(1 for o in set_outcomes(timeline, reached, skipped, completed) if o.state is SetState.DONE)

