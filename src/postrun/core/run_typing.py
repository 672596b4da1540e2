"""A run typed in a few keys when there is no file: distance, time, kind and effort. Each
field is read as people write it ("8.2" or "8,2" km; "47:10", "1:32:05" or "47" minutes)
and each mistake is said beside its field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from postrun.core.run import MAX_DISTANCE_M, MAX_SECONDS, Run, RunKind


@dataclass(frozen=True)
class TypedRun:
    distance: str = ""        # km
    time: str = ""            # 47:10
    kind: str = ""            # a RunKind value, or ""
    effort: str = ""          # 1-10, or ""


def distance_m(text: str) -> float | None:
    """Metres from '8.2' or '8,2' (km); None when empty; ValueError with words."""
    text = text.strip().lower().removesuffix("km").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"distance: “{text}” is not a number of kilometres, such as 8.2") from None
    if not 0 < value * 1000 <= MAX_DISTANCE_M:
        raise ValueError(f"distance: more than 0 and at most {MAX_DISTANCE_M / 1000:g} km")
    return round(value * 1000, 1)          # 16.1 km is 16100 m, not 16100.000000000002


def seconds_of(text: str) -> float:
    """'47:10' -> 2830, '1:32:05' -> 5525, '47' -> 2820 (minutes); ValueError with words."""
    text = text.strip()
    if not text:
        raise ValueError("time: needed, such as 47:10 (or 47 for minutes)")
    parts = text.split(":")
    if not all(p.isdigit() and p.isascii() for p in parts) or len(parts) > 3:
        raise ValueError(f"time: “{text}” is not a time such as 47:10 or 1:32:05")
    numbers = [int(p) for p in parts]
    if len(numbers) == 1:
        total = numbers[0] * 60
    elif any(n >= 60 for n in numbers[1:]):
        raise ValueError(f"time: “{text}” has minutes or seconds of 60 or more")
    else:
        total = sum(n * 60 ** i for i, n in enumerate(reversed(numbers)))
    if not 0 < total <= MAX_SECONDS:
        raise ValueError("time: more than 0 and at most 48 hours")
    return float(total)


def typed_run(form: TypedRun, finished: datetime) -> Run:
    """The run typed just after it ended at `finished`: it started its time before."""
    seconds = seconds_of(form.time)
    metres = distance_m(form.distance)
    kind = None
    if form.kind.strip():
        try:
            kind = RunKind(form.kind.strip().lower())
        except ValueError:
            raise ValueError(f"kind: one of {', '.join(k.value for k in RunKind)}") from None
    effort = None
    if form.effort.strip():
        text = form.effort.strip()
        if not (text.isdigit() and text.isascii() and 1 <= int(text) <= 10):
            raise ValueError("effort: a whole number from 1 (easy) to 10 (all out)")
        effort = int(text)
    started = (finished - timedelta(seconds=seconds)).replace(microsecond=0)
    return Run(started, seconds, metres, seconds, kind=kind, effort=effort, device="typed", source="typed")
