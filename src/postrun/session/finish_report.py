"""What the finish screen says about a workout that just ended, as plain data and words
(no Qt): the finish view imports it cheaply, and tables test it."""

from __future__ import annotations

from dataclasses import dataclass

from postrun.core.circuit import Circuit
from postrun.core.durations import format_duration
from postrun.core.events import Abandoned, Finished
from postrun.core.segment_words import skipped_sets, title
from postrun.core.set_states import sets_done
from postrun.core.timeline import Kind, Timeline

SAVED = "Saved to your workout log."


@dataclass(frozen=True)
class SaveState:
    saved: bool
    text: str           # "Saved to your workout log." only when it is


def save_state(reason: str | None, also: str = "") -> SaveState:
    """`reason` the record is not on disk, or None when it is; `also` what else was done (a file)."""
    text = SAVED if reason is None else f"Not saved to your workout log: {reason}."
    return SaveState(reason is None, f"{text} {also}".strip())


@dataclass(frozen=True)
class FinishReport:
    completed: bool
    circuit_name: str
    active_seconds: float
    rounds: int
    skipped: list[str]
    stopped_at: str
    round_reached: int
    save: SaveState
    sets_done: int

    @property
    def heading(self) -> str:
        return "Workout complete" if self.completed else "Workout stopped"

    def lines(self) -> list[str]:
        if self.completed:
            progress = f"Rounds: {self.rounds}"
        else:
            progress = f"Stopped in round {self.round_reached} of {self.rounds}"
            if self.stopped_at:
                progress += f", at {self.stopped_at}"
        if self.skipped:
            skipped = f"Skipped: {', '.join(self.skipped)}"
        elif not self.completed and self.sets_done == 0:
            skipped = "No set done: it is in your log, and not counted as a workout"
        else:
            skipped = "Nothing skipped"
        return [self.circuit_name, f"Time: {format_duration(self.active_seconds)}   {progress}", skipped]


def finish_report(circuit: Circuit, timeline: Timeline, event: Finished | Abandoned, save: SaveState) -> FinishReport:
    segment = event.segment or timeline[event.index]
    return FinishReport(
        completed=isinstance(event, Finished), circuit_name=circuit.name, active_seconds=event.active_seconds,
        rounds=circuit.rounds, skipped=skipped_sets(timeline, event.skipped), stopped_at=title(segment),
        round_reached=round_reached(timeline, event.index), save=save,
        sets_done=sets_done(timeline, event.index, event.skipped, isinstance(event, Finished)))


def round_reached(timeline: Timeline, index: int) -> int:
    """The round a workout was in at segment `index`: get ready is before round 1, a
    stretch after the last round."""
    segment = timeline[index]
    if segment.round is not None:
        return segment.round
    if segment.kind is Kind.COOLDOWN:
        return timeline.circuit.rounds
    return 1
