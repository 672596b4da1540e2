"""An interrupted workout as the window offers it: where it left off, built from its record
in one place, with the circuit as it was run and the offer in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from postrun.core.circuit import Circuit
from postrun.core.segment_words import label_words
from postrun.store.workout_log import WorkoutRecord


@dataclass(frozen=True)
class ResumePoint:
    """Where an interrupted workout left off, from its record in the log."""

    record_id: int
    index: int
    active_seconds: float
    skipped: tuple[int, ...]
    started_at: datetime
    note: str = ""
    uuid: str = ""
    swaps: tuple[dict[str, object], ...] = ()
    segment_seconds: tuple[tuple[int, float], ...] = ()
    set_log: tuple[tuple[int, dict[str, object]], ...] = ()     # the sets' reps aimed for and corrections

    @classmethod
    def of(cls, record: WorkoutRecord) -> ResumePoint:
        return cls(record.id, record.segment_index, record.active_seconds, tuple(record.skipped),
                   record.started_at, record.note, record.uuid, tuple(record.swaps),
                   tuple(record.segment_seconds.items()), tuple(record.set_log.items()))


@dataclass(frozen=True)
class Interrupted:
    """The newest workout the program died in: what to offer, and what resuming needs."""

    record: WorkoutRecord
    circuit: Circuit | None          # None: its snapshot cannot be read, so it cannot be resumed

    @property
    def key(self) -> str:
        return self.record.circuit_key

    @property
    def point(self) -> ResumePoint:
        return ResumePoint.of(self.record)

    @property
    def offer(self) -> str:
        record = self.record
        where = label_words(record.segment_label) if record.segment_label else "the start"
        return (f"“{record.circuit_name}” was interrupted at {where} "
                f"({record.started_at:%a %d %b %H:%M}). Resume from that step?")
