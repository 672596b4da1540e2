"""Every way a segment is put into words, in one place: the log's label, the history's set
names, the finish screen's skipped list, the run view's title and next-up, the step list
of `postrun show` and the editor, and what the voice says. A new place that names a
segment calls one of these; it never formats a segment itself, so the run view, the
history and the command line cannot drift apart."""

from __future__ import annotations

from postrun.core.circuit import Exercise
from postrun.core.durations import format_duration
from postrun.core.events import Event, Finished, SegmentStarted, SwitchSides
from postrun.core.load import short_text
from postrun.core.timeline import SET_KINDS, Kind, Segment, Side, Timeline

KIND_WORDS = {
    Kind.PREPARE: "GET READY", Kind.WORK: "WORK", Kind.SWITCH: "SWITCH SIDES",
    Kind.REST: "REST", Kind.ROUND_REST: "ROUND REST", Kind.COOLDOWN: "COOL-DOWN",
}
SKIPPED_LISTED = 6      # the finish screen names this many skipped sets, then "and N more"


def counts_as_a_set(segment: Segment) -> bool:
    """Exercise sets and stretches: what is listed as done or skipped (rests are not)."""
    return segment.kind in SET_KINDS


def set_name(segment: Segment) -> str:
    """A set as the history lists it: 'Kettlebell swings (left), round 2'."""
    return set_words(segment.name or segment.kind.value, segment.side.value if segment.side else None, segment.round)


def set_words(name: str, side: str | None, round_number: int | None) -> str:
    text = name
    if side:
        text += f" ({side})"
    if round_number:
        text += f", round {round_number}"
    return text


def log_label(segment: Segment) -> str:
    """Where a workout is, as the log keeps it: 'work: Kettlebell swings (left), round 2'."""
    text = segment.kind.value.replace("_", " ")
    if segment.name:
        text += f": {segment.name}"
    if segment.side:
        text += f" ({segment.side.value})"
    if segment.round:
        text += f", round {segment.round}"
    return text


# a log label's kind (log_label's first word) in the words the run view uses
_LABEL_KINDS = {"prepare": "Get ready", "rest": "Rest", "round rest": "Rest between rounds",
                "switch": "Switch sides"}


def label_words(label: str) -> str:
    """A stored log label ('work: Swings (left), round 2', 'prepare') in the words the run
    view showed at that moment ('Swings (left), round 2', 'Get ready'). Labels of any age
    read; one that is not recognised is shown as it is."""
    kind, _, rest = label.partition(":")
    kind = kind.strip()
    if not rest:
        kind, comma, round_text = kind.partition(",")
        shown = _LABEL_KINDS.get(kind.strip())
        return f"{shown}{comma}{round_text}" if shown is not None else label
    if kind in ("work", "cooldown"):
        return rest.strip()
    shown = _LABEL_KINDS.get(kind)
    return f"{shown}: {rest.strip()}" if shown is not None else label


def skipped_sets(timeline: Timeline, skipped: tuple[int, ...] | list[int]) -> list[str]:
    """What was skipped that matters, for the finish screen: 'Kickbacks (left, round 1)'."""
    names: list[str] = []
    for index in skipped:
        segment = timeline[index]
        if counts_as_a_set(segment):
            side = segment.side.value if segment.side else "set"
            round_text = f", round {segment.round}" if segment.round else ""
            names.append(f"{segment.name} ({side}{round_text})")
    if len(names) > SKIPPED_LISTED:
        names = names[:SKIPPED_LISTED] + [f"and {len(names) - SKIPPED_LISTED} more"]
    return names


def step_lines(timeline: Timeline) -> list[str]:
    """Every step as `postrun show` prints it (and the editor lists it): when it starts,
    what kind, how long, which round, what is done."""
    lines, at = [], 0
    for segment in timeline.segments:
        what = segment.name or ""
        if segment.side:
            what += f" ({segment.side.value})"
        length = format_duration(segment.seconds) if segment.seconds is not None else f"{segment_reps(segment)} reps"
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
        return f"{reps_text(exercise.reps, exercise.reps_top)} reps{each}"
    return f"{exercise.work} s{each}"


def load_part(segment: Segment) -> str:
    """' · 20 kg', ' · 2×16 kg', ' · red band' after an exercise's name; '' without a load."""
    load = segment.exercise.load if segment.exercise is not None and segment.kind is Kind.WORK else None
    short = short_text(load) if load is not None else ""
    return f" · {short}" if short else ""


def reps_line(segment: Segment, aim: int | None) -> str:
    """The run view's line under a rep set: '10 reps (8–12) — press Enter when done'."""
    top = segment.exercise.reps_top if segment.exercise is not None else None
    if aim is not None and top is not None:
        return f"{aim} reps ({segment_reps(segment)}) — press Enter when done"
    return f"{segment_reps(segment)} reps — press Enter when done"


def segment_reps(segment: Segment) -> str:
    """A rep set's count as the run view says it: '12', '8–12'."""
    return reps_text(segment.reps, segment.exercise.reps_top if segment.exercise is not None else None)


def reps_text(reps: int | None, top: int | None) -> str:
    """'12', or a range '8–12'."""
    return f"{reps}–{top}" if top is not None else f"{reps}"


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
    """The run view's next-up line: 'Next: Kickbacks, left side first · 30 s'."""
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
    amount = f"{segment_reps(segment)} reps" if segment.reps is not None else f"{segment.seconds} s"
    return f"Next: {name}{side} · {amount}{load_part(segment)}"


def next_sentence(segment: Segment) -> str:
    """The next-up as the voice says it: 'Next: Kickbacks, 30 seconds, left side first'."""
    name = segment.name or "the next exercise"
    amount = f"{segment_reps(segment)} reps" if segment.reps is not None else f"{segment.seconds} seconds"
    side = ", left side first" if segment.side is Side.LEFT else ""
    return f"Next: {name}, {amount}{side}"


def spoken(event: Event, timeline: Timeline) -> str | None:
    """What the voice says for an event, if anything: the next-up during a get-ready or a
    rest, 'Switch sides', 'Last round', 'Workout complete'."""
    if isinstance(event, Finished):
        return "Workout complete"
    if isinstance(event, SwitchSides):
        return "Switch sides"
    if not isinstance(event, SegmentStarted):
        return None
    segment = event.segment
    if segment.kind in (Kind.PREPARE, Kind.REST, Kind.ROUND_REST):
        following = timeline[event.index + 1] if event.index + 1 < len(timeline) else None
        return next_sentence(following) if following is not None else None
    rounds = timeline.circuit.rounds
    first_of_round = segment.exercise_index == 0 and segment.side in (None, Side.LEFT)
    if segment.kind is Kind.WORK and rounds > 1 and segment.round == rounds and first_of_round:
        return "Last round"
    return None
