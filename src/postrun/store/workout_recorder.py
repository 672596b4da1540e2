"""Writes a running workout to the log from the engine's events.

Each event updates a draft of the record with the facts it carries (taken at the event's
instant), then the draft is written whole. A checkpoint at every segment start means a
killed process loses at most the segment in progress; the completion is written the
instant the last segment ends, before the finish screen asks for a note.

A failing disk never stops the workout: a failed write is reported through `on_problem`
in words, the next write tries again (and reports the recovery with None), and `saved`
says whether the record as it stands is on disk: the finish screen says "Saved" only then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from postrun.core.clock import WallClock
from postrun.core.events import Abandoned, Event, Finished, SegmentSkipped, SegmentStarted
from postrun.core.segment_words import log_label
from postrun.core.timeline import Kind, Segment
from postrun.store.record_file import write_record_file
from postrun.store.workout_log import WorkoutDraft, WorkoutLog, explain

Defer = Callable[[Callable[[], object]], None]


class WorkoutRecorder:
    def __init__(self, log: WorkoutLog, circuit_key: str, circuit: dict[str, Any], *, now: WallClock,
                 record_id: int | None = None, started_at: datetime | None = None, note: str = "",
                 record_uuid: str | None = None, swaps: list[dict[str, Any]] | None = None,
                 segment_seconds: dict[int, float] | None = None, aims: dict[int, int] | None = None,
                 set_log: dict[int, dict[str, Any]] | None = None,
                 defer: Defer | None = None, on_problem: Callable[[str | None], None] | None = None) -> None:
        self.log = log
        self.now = now
        self.record_id = record_id
        self.draft = WorkoutDraft(circuit_key, circuit, started_at or now(), note=note,
                                  swaps=list(swaps or []), segment_seconds=dict(segment_seconds or {}),
                                  set_log={k: dict(v) for k, v in (set_log or {}).items()})
        if record_uuid:
            self.draft.uuid = record_uuid
        self._in_segment: tuple[int, float, Segment] | None = None    # (index, active seconds at its start, it)
        self._aims = dict(aims or {})    # exercise index -> the reps aimed for in each set (a range's aim)
        self._defer = defer              # None: write at once (command line, tests, the kill test's child)
        self._pending = False
        self._on_problem = on_problem
        self.problem: str | None = None  # why the last write failed, in words

    @property
    def saved(self) -> bool:
        """The record as it stands is on disk."""
        return (self.record_id is not None and not self._pending and self.problem is None
                and self.log.durable)

    @property
    def not_saved_reason(self) -> str | None:
        if self.saved:
            return None
        if self.problem is not None:
            return self.problem
        if not self.log.durable:
            return self.log.problem or "the workout log is kept in memory only"
        return "it has not been written yet"

    def __call__(self, event: Event) -> None:
        draft = self.draft
        if isinstance(event, SegmentStarted | Finished | Abandoned):
            self._time_segment(event.active_seconds)
        if isinstance(event, SegmentStarted):
            self._in_segment = (event.index, event.active_seconds, event.segment)
            draft.segment_index = event.index
            draft.segment_label = log_label(event.segment)
            draft.active_seconds = event.active_seconds
            draft.skipped = list(event.skipped)
        elif isinstance(event, SegmentSkipped):
            draft.skipped = list(event.skipped)
        elif isinstance(event, Finished | Abandoned):
            draft.status = "completed" if isinstance(event, Finished) else "abandoned"
            draft.finished_at = self.now()
            draft.active_seconds = event.active_seconds
            draft.segment_index = event.index
            if event.segment is not None:
                draft.segment_label = log_label(event.segment)
            draft.skipped = list(event.skipped)
        else:
            return
        self._schedule()

    def _time_segment(self, active_now: float) -> None:
        """The active time spent in the segment that just ended (rep sets have no planned
        time; the history's balance counts what was done)."""
        if self._in_segment is not None:
            index, began, segment = self._in_segment
            spent = max(0.0, active_now - began)
            self.draft.segment_seconds[index] = self.draft.segment_seconds.get(index, 0.0) + spent
            self._in_segment = None
            aim = self._aims.get(segment.exercise_index) if segment.exercise_index is not None else None
            if aim is not None and segment.reps is not None and segment.kind is Kind.WORK:
                # a set that went as planned needs no key: it did the reps aimed for
                self.draft.set_log.setdefault(index, {})["reps"] = aim

    def log_set(self, segment: int, entry: dict[str, Any]) -> None:
        """A set corrected (its reps, its load): written as every change is."""
        self.draft.set_log[segment] = entry
        self._schedule()

    def annotate(self, note: str, effort: int | None) -> bool:
        self.draft.note, self.draft.effort = note, effort
        return self.flush()

    def retry(self) -> bool:
        """Write again; a log kept in memory first tries its file (the disk may have been freed)."""
        if not self.log.durable:
            try:
                moved = self.log.reopen()
            except (sqlite3.Error, OSError) as exc:
                self._report(f"the workout log still cannot be written: "
                             f"{explain(exc, self.log.wanted)}")
                return False
            if self.record_id is not None:
                self.record_id = moved.get(self.record_id)
        return self.flush()

    def discard(self) -> str | None:
        """Take this workout out of the log (stopped before any set was done). None when it
        is gone; else why not, in words, with the record written as it stands."""
        self.flush_pending()
        if self.record_id is None:          # never written: nothing to take out
            return None
        try:
            self.log.delete(self.record_id)
        except (sqlite3.Error, OSError) as exc:
            return explain(exc, self.log.wanted)
        self.record_id = None
        return None

    def save_to_file(self, path: Path) -> None:
        """The record as a JSON file the user chose (raises OSError for the caller to word)."""
        write_record_file(path, self.draft)

    def _schedule(self) -> None:
        if self._defer is None:
            self.flush()
        elif not self._pending:
            self._pending = True
            self._defer(self.flush)

    def flush_pending(self) -> None:
        """Write now if a deferred write is waiting (the finish screen, a closing window)."""
        if self._pending:
            self.flush()

    def flush(self) -> bool:
        """Write the draft now (a pending deferred write included); True when it returned."""
        self._pending = False
        try:
            self.record_id = self.log.write(self.draft, self.record_id)
        except (sqlite3.Error, OSError) as exc:
            self._report(explain(exc, self.log.wanted))
            return False
        except Exception as exc:  # a deferred write has no listener isolation around it: say it, go on
            self._report(f"the record could not be written ({type(exc).__name__}: {exc})")
            return False
        if self.problem is not None:
            self.problem = None
            if self._on_problem is not None:
                self._on_problem(None)
        return True

    def _report(self, reason: str) -> None:
        first = self.problem is None
        self.problem = reason
        if first and self._on_problem is not None:
            self._on_problem(reason)
