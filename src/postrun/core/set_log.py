"""Every exercise set of a workout as logged: its load, the reps done (a rep set) or the
seconds worked, from where the workout ended and what the run recorded. The log keeps
these as a table of their own: an exercise's weeks, its last time and its bests are read
from it without opening the workouts."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

from postrun.core.load import Load, load_of
from postrun.core.set_states import SetState, set_outcomes
from postrun.core.timeline import Kind, Timeline

WHOLE_WITHIN = 0.5      # seconds: a timed set that ran to its end (less than this short of it)


class SetRow(NamedTuple):
    """One set. A named tuple, not a dataclass: an import of years makes a hundred and fifty
    thousand of them, and a tuple is made five times faster."""

    segment: int                  # its place in the workout's timeline
    exercise: str                 # the name as run (a swap's own name)
    exercise_index: int           # in the circuit, from 0
    round: int | None
    side: str | None
    load: Load | None
    reps: int | None              # a rep set: the reps done
    seconds: float | None         # the time it took
    planned_seconds: int | None   # a timed set's length as planned
    state: str                    # "done" or "skipped"

    @property
    def whole(self) -> bool:
        return is_whole(self.state == "done", self.seconds, self.planned_seconds)


def is_whole(done: bool, seconds: float | None, planned_seconds: int | None) -> bool:
    """Done to its end: a rep set done, a timed set not cut short."""
    if not done:
        return False
    return planned_seconds is None or (seconds or 0.0) >= planned_seconds - WHOLE_WITHIN


def set_rows(timeline: Timeline, *, completed: bool, reached: int, skipped: Collection[int],
             spent: Mapping[int, float], logged: Mapping[int, Mapping[str, Any]]) -> list[SetRow]:
    """The exercise sets (not stretches) done or skipped. `logged` holds what the run
    recorded beyond the plan, per segment: {"reps": 10, "load": {...}} (a correction, an
    aim within a range); otherwise a set did what its exercise said."""
    rows = []
    for outcome in set_outcomes(timeline, reached, skipped, completed):
        segment = outcome.segment
        if segment.kind is not Kind.WORK or segment.exercise is None:
            continue
        if outcome.state not in (SetState.DONE, SetState.SKIPPED):
            continue
        extra = logged.get(outcome.index, {})
        done = outcome.state is SetState.DONE
        reps = extra.get("reps", segment.reps) if segment.reps is not None else None
        load = load_of(extra["load"]) if "load" in extra else segment.exercise.load
        seconds = spent.get(outcome.index, float(segment.seconds) if done and segment.seconds else None)
        rows.append(SetRow(
            segment=outcome.index, exercise=segment.exercise.name, exercise_index=segment.exercise_index or 0,
            round=segment.round, side=segment.side.value if segment.side else None, load=load,
            reps=reps if isinstance(reps, int) and not isinstance(reps, bool) else None,
            seconds=seconds, planned_seconds=segment.seconds, state="done" if done else "skipped"))
    return rows
