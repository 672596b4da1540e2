"""A run as JSON: what `postrun runs --json` prints and the history export carries in its
"runs" list, and reading one back from an export (another computer's file: every field
checked, a value no run can have refused with the field named)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from postrun.core.run import ImplausibleRun, Run, RunKind, checked
from postrun.core.text_rules import unreadable_character

MAX_TEXT = 200          # a device, a file name, a sport
MAX_YEAR = 2200


def run_item(run: Run) -> dict[str, Any]:
    return {"id": run.id, "started_at": run.started_at.isoformat(), "elapsed_seconds": run.elapsed_seconds,
            "moving_seconds": run.moving_seconds, "distance_m": run.distance_m, "sport": run.sport,
            "sub_sport": run.sub_sport, "average_heart_rate": run.average_heart_rate,
            "max_heart_rate": run.max_heart_rate, "training_effect": run.training_effect,
            "kind": run.kind.value if run.kind else None, "effort": run.effort, "device": run.device,
            "source": run.source}


def _number(item: dict[str, Any], key: str, whole: bool = False, optional: bool = True) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    kinds = (int,) if whole else (int, float)
    if type(value) not in kinds or value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f".{key}: must be {'a whole number' if whole else 'a number'}")
    return value


def _text(item: dict[str, Any], key: str, optional: bool = True) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError(f".{key}: must be text of at most {MAX_TEXT} characters")
    bad = unreadable_character(value)
    if bad is not None:
        raise ValueError(f".{key}: holds a character that is not text ({bad})")
    return value


def run_of_item(item: Any) -> Run:
    """A run of an export, or ValueError naming the field ('.distance_m: …')."""
    if not isinstance(item, dict):
        raise ValueError(": must be an object")
    started_text = _text(item, "started_at", optional=False)
    try:
        started = datetime.fromisoformat(started_text)
    except ValueError:
        raise ValueError(f".started_at: {started_text!r} is not a date and time") from None
    if started.tzinfo is None:
        raise ValueError(".started_at: needs its UTC offset")
    if started.year > MAX_YEAR:
        raise ValueError(f".started_at: {started:%Y} is not a year a run was done")
    kind = _text(item, "kind")
    if kind is not None and kind not in {k.value for k in RunKind}:
        raise ValueError(f".kind: {kind!r} is not one of {', '.join(k.value for k in RunKind)}")
    try:
        return checked(Run(
            started_at=started, elapsed_seconds=_number(item, "elapsed_seconds", optional=False),
            distance_m=_number(item, "distance_m"), moving_seconds=_number(item, "moving_seconds"),
            sport=_text(item, "sport") or "running", sub_sport=_text(item, "sub_sport"),
            average_heart_rate=_number(item, "average_heart_rate", whole=True),
            max_heart_rate=_number(item, "max_heart_rate", whole=True),
            training_effect=_number(item, "training_effect"), kind=RunKind(kind) if kind else None,
            effort=_number(item, "effort", whole=True), device=_text(item, "device") or "",
            source=_text(item, "source") or ""))
    except ImplausibleRun as exc:
        raise ValueError(f": {exc}") from None
