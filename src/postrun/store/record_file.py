"""One workout record as a JSON file: what the finish screen saves when the log cannot be
written, in the same shape a history export uses, so nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from postrun.store.atomic import write_atomically
from postrun.store.workout_log import WorkoutDraft

RECORD_FORMAT = 1


def record_document(draft: WorkoutDraft) -> dict[str, Any]:
    return {
        "format": RECORD_FORMAT,
        "kind": "postrun-workouts",
        "workouts": [{
            "circuit_key": draft.circuit_key,
            "circuit_name": draft.circuit_name,
            "started_at": draft.started_at.isoformat(),
            "finished_at": draft.finished_at.isoformat() if draft.finished_at else None,
            "status": draft.status,
            "active_seconds": round(draft.active_seconds, 3),
            "segment_index": draft.segment_index,
            "segment_label": draft.segment_label,
            "skipped": list(draft.skipped),
            "note": draft.note,
            "effort": draft.effort,
            "circuit": draft.circuit,
        }],
    }


def write_record_file(path: Path, draft: WorkoutDraft) -> None:
    """Atomic: the file holds the whole record or is left as it was. Raises OSError."""
    write_atomically(path, (json.dumps(record_document(draft), indent=2, ensure_ascii=False) + "\n").encode())
