"""Words for segments, shared by the run view and the preview. No widgets here."""

from __future__ import annotations

from postrun.core.circuit import Exercise
from postrun.core.durations import format_duration
from postrun.core.timeline import Kind, Segment, Side, Timeline

KIND_WORDS = {
    Kind.PREPARE: "GET READY", Kind.WORK: "WORK", Kind.SWITCH: "SWITCH SIDES",
    Kind.REST: "REST", Kind.ROUND_REST: "ROUND REST", Kind.COOLDOWN: "COOL-DOWN",
}


def step_lines(timeline: Timeline) -> list[str]:
    """Every step as `postrun show` prints it (and the editor lists it): when it starts,
    what kind, how long, which round, what is done."""
    lines, at = [], 0
    for segment in timeline.segments:
        what = segment.name or ""
        if segment.side:
            what += f" ({segment.side.value})"
        length = format_duration(segment.seconds) if segment.seconds is not None else f"{segment.reps} reps"
        round_text = f"round {segment.round}" if segment.round else ""
        lines.append(f"{format_duration(at):>7}  {KIND_WORDS[segment.kind]:<12}  {length:>8}  {round_text:<8}  "
                     f"{what}".rstrip())
        at += segment.seconds or 0
    return lines


def seconds_text(seconds: float) -> str:
    """The countdown as printed: plain seconds under a minute (readable from afar), else m:ss."""
    whole = int(seconds)
    return str(whole) if whole < 60 else format_duration(whole)


def amount_text(exercise: Exercise) -> str:
    each = " each side" if exercise.one_sided else ""
    if exercise.reps is not None:
        return f"{exercise.reps} reps{each}"
    return f"{exercise.work} s{each}"


def title(segment: Segment) -> str:
    """The big line under the phase word: what the person is doing now."""
    if segment.kind is Kind.PREPARE:
        return "Get ready"
    if segment.kind in (Kind.REST, Kind.ROUND_REST):
        return "Rest" if segment.kind is Kind.REST else "Rest between rounds"
    name = segment.name or ""
    if segment.side is not None:
        return f"{name} — {segment.side.value.upper()}"
    return name


def next_text(segment: Segment | None) -> str:
    if segment is None:
        return "Next: finish"
    if segment.kind is Kind.SWITCH:
        return "Next: switch sides"
    if segment.kind in (Kind.REST, Kind.ROUND_REST):
        return f"Next: rest {segment.seconds} s"
    name = segment.name or ""
    side = ""
    if segment.side is Side.LEFT:
        side = ", left side first"
    elif segment.side is Side.RIGHT:
        side = ", right side"
    amount = f"{segment.reps} reps" if segment.reps is not None else f"{segment.seconds} s"
    return f"Next: {name}{side} · {amount}"
