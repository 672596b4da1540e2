"""Writes a running workout to the log from the engine's events.

A checkpoint at every segment start means a killed process loses at most the segment
in progress; the completion is written the instant the last segment ends, before the
finish screen asks for a note. A failing disk never stops the workout: the first
failure is reported through `on_error` and later writes are still tried.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from postrun.core.engine import Engine
from postrun.core.events import Abandoned, Event, Finished, SegmentStarted
from postrun.core.timeline import Segment
from postrun.store.workout_log import WorkoutLog, now_local


def segment_label(segment: Segment) -> str:
    """A short description for the log: 'work: Kettlebell swings (left), round 2'."""
    text = segment.kind.value.replace("_", " ")
    if segment.name:
        text += f": {segment.name}"
    if segment.side:
        text += f" ({segment.side.value})"
    if segment.round:
        text += f", round {segment.round}"
    return text


class WorkoutRecorder:
    def __init__(self, log: WorkoutLog, engine: Engine, circuit_key: str, circuit: dict[str, Any],
                 record_id: int | None = None, on_error: Callable[[str], None] | None = None) -> None:
        self.log = log
        self.engine = engine
        self.circuit_key = circuit_key
        self.circuit = circuit
        self.record_id = record_id
        self._on_error = on_error
        self._reported = False
        self.completed = False

    def __call__(self, event: Event) -> None:
        try:
            self._record(event)
        except sqlite3.Error as exc:
            if not self._reported and self._on_error is not None:
                self._reported = True
                self._on_error(f"Could not save to the workout log ({exc}). The workout goes on.")

    def _record(self, event: Event) -> None:
        if isinstance(event, SegmentStarted):
            if self.record_id is None:
                self.record_id = self.log.begin(self.circuit_key, self.circuit, now_local())
            active = self.engine.snapshot().workout_elapsed
            self.log.checkpoint(self.record_id, event.index, segment_label(event.segment), active,
                                list(self.engine.skipped))
        elif isinstance(event, Finished | Abandoned) and self.record_id is not None:
            index = self.engine.index
            status = "completed" if isinstance(event, Finished) else "abandoned"
            self.log.finish(self.record_id, status, now_local(), event.active_seconds, index,
                            segment_label(self.engine.timeline[index]), list(self.engine.skipped))
            self.completed = isinstance(event, Finished)
