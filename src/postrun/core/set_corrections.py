"""Correcting a logged set with single keys: digits type the reps done ("1", "0" is 10),
Backspace takes the last digit back, L and H make the load one step lighter or heavier.
Pure: a typed key and the set's entry in, the new entry out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from postrun.core.circuit_toml import load_dict
from postrun.core.load import Load, load_of, short_text
from postrun.core.segment_words import set_words
from postrun.core.set_log import SetRow

MAX_REPS_TYPED = 999
DIGITS = "0123456789"


@dataclass(frozen=True)
class Typing:
    """The digits typed for one set since it was chosen: a new set starts afresh."""

    segment: int | None = None
    digits: str = ""


def corrected(entry: Mapping[str, Any], row: SetRow, key: str, typing: Typing,
              step: Callable[[Load, int], Load | None]) -> tuple[dict[str, Any], Typing]:
    """The set's logged entry ({"reps", "load"}) after `key`, and the typing so far.
    `step(load, +1 or -1)` is the next weight owned (None when there is none)."""
    new = dict(entry)
    digits = typing.digits if typing.segment == row.segment else ""
    if key in DIGITS and row.reps is not None:
        digits = (digits + key).lstrip("0")[:3] or "0"
        new["reps"] = min(MAX_REPS_TYPED, int(digits))
    elif key == "backspace" and row.reps is not None and digits:
        digits = digits[:-1]
        new["reps"] = int(digits) if digits else 0
    elif key in ("lighter", "heavier"):
        current = load_of(entry["load"]) if "load" in entry else row.load
        moved = step(current, 1 if key == "heavier" else -1) if current is not None else None
        if moved is not None:
            new["load"] = load_dict(moved)
    return new, Typing(row.segment, digits)


def logged_words(row: SetRow) -> str:
    """'Kettlebell swings, round 2: 10 reps at 16 kg'; '40 s at 8 kg' for a timed set."""
    where = set_words(row.exercise, row.side, row.round)
    load = short_text(row.load) if row.load is not None else ""
    at = f" at {load}" if load else ""
    if row.reps is not None:
        return f"{where}: {row.reps} reps{at}"
    return f"{where}: {round(row.seconds or 0)} s{at}"
