"""What to lift today, and why, from the sets logged last time: the rules of
progression_rule applied to what was really done, snapped to the equipment owned.

What the strength loggers get wrong, each a test of ours:
- the step goes from the load that was lifted, not the one that was planned: a load the
  user lowered is not bumped back up (Liftosaur #345);
- the top of a range counts only when every set reached it: sets at the bottom of the
  range are not the top (openGym #278);
- two sessions in a row short of the range (or cut short, for time) step the load down;
- a one-sided exercise's sides are sets of their own: both must reach the top;
- volume counts both implements of a pair, and help from an assisted machine counts as
  less load, never as a negative weight (wger #1656, Flexify #137).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from postrun.core.circuit import Exercise
from postrun.core.equipment import Equipment, snapped, stepped
from postrun.core.load import Load, LoadType, heaviness, lifted, load_text
from postrun.core.progression_rule import Progression, RuleKind


@dataclass(frozen=True)
class LoggedSet:
    """One set as logged: its load, the reps done (a rep set) or the seconds worked and
    planned (a timed one), and whether it was done whole (not skipped, not cut short)."""

    load: Load | None
    reps: int | None = None
    seconds: float | None = None
    planned_seconds: int | None = None
    whole: bool = True


@dataclass(frozen=True)
class Session:
    """One workout's sets of one exercise (both sides of a one-sided one)."""

    sets: tuple[LoggedSet, ...]


class Change(StrEnum):
    FIRST = "first"        # nothing logged yet: the circuit's own
    UP = "up"
    SAME = "same"
    DOWN = "down"


@dataclass(frozen=True)
class Suggestion:
    load: Load | None
    reps: int | None          # the count to aim for in each set (a rep exercise)
    work: int | None          # seconds (a timed exercise)
    change: Change
    why: str                  # "every set reached 12 at 16 kg: try 20 kg for 8"
    last: str                 # "Last time 3 × 12 at 16 kg, every set at the top of the range"


def rule_of(exercise: Exercise) -> Progression:
    """The exercise's own rule, else: double for a rep range, time for a timed exercise
    with a load, none otherwise."""
    if exercise.progression is not None:
        return exercise.progression
    if exercise.reps_top is not None:
        return Progression(RuleKind.DOUBLE)
    if exercise.work is not None and exercise.load is not None and exercise.load.type is not LoadType.NONE:
        return Progression(RuleKind.TIME)
    return Progression(RuleKind.NONE)


def volume(session: Session, bodyweight: float | None = None) -> float:
    """Weight x reps over the sets: a pair counts both implements, assistance takes off and
    never makes it negative."""
    return sum(lifted(s.load, bodyweight) * (s.reps or 0) for s in session.sets if s.load is not None)


def _load_of(session: Session) -> Load | None:
    """The load the session was lifted at: the easiest of its sets (a set taken lighter
    than planned is what the body did)."""
    loads = [s.load for s in session.sets if s.load is not None]
    return min(loads, key=heaviness) if loads else None


def _words(load: Load | None) -> str:
    return load_text(load) if load is not None and load_text(load) else "bodyweight"


def last_text(session: Session, exercise: Exercise) -> str:
    """'Last time 3 × 12 at 16 kg kettlebell, every set at the top of the range'."""
    sets = session.sets
    load = _load_of(session)
    at = f" at {_words(load)}" if load is not None and load.type is not LoadType.NONE else ""
    if exercise.reps is not None:
        counts = [s.reps or 0 for s in sets]
        shape = f"{len(counts)} × {counts[0]}" if len(set(counts)) == 1 else " + ".join(map(str, counts))
        text = f"Last time {shape}{at}"
        top = exercise.reps_top
        if top is not None and counts and all(c >= top for c in counts):
            text += ", every set at the top of the range"
        elif counts and any(c < exercise.reps for c in counts):
            text += ", short of the range"
        return text
    seconds = [round(s.seconds or 0) for s in sets]
    shape = f"{len(seconds)} × {seconds[0]} s" if len(set(seconds)) == 1 else " + ".join(f"{s} s" for s in seconds)
    cut = "" if all(s.whole for s in sets) else ", cut short"
    return f"Last time {shape}{at}{cut}"


def _short(session: Session, exercise: Exercise) -> bool:
    if exercise.reps is not None:
        return any((s.reps or 0) < exercise.reps for s in session.sets)
    return not all(s.whole for s in session.sets)


def suggest(exercise: Exercise, history: Sequence[Session], equipment: Equipment) -> Suggestion:
    """Today's load and reps (or time) for `exercise`, from `history` (newest first)."""
    rule = rule_of(exercise)
    done = [s for s in history if s.sets]
    if not done:
        load = snapped(equipment, exercise.load) if exercise.load is not None else None
        return Suggestion(load, exercise.reps, exercise.work, Change.FIRST,
                          "first time: the circuit's own", "Not done before")
    last = done[0]
    base = _load_of(last)
    base = snapped(equipment, base) if base is not None else (
        snapped(equipment, exercise.load) if exercise.load is not None else None)
    said_last = last_text(last, exercise)
    work = _worked(last, exercise)
    if rule.kind is RuleKind.NONE:
        return Suggestion(base, exercise.reps, exercise.work, Change.SAME, "the same as last time", said_last)
    # two sessions in a row short of the range (or cut short) at this load: a step down
    if len(done) >= 2 and base is not None and _short(done[0], exercise) and _short(done[1], exercise):
        before = _load_of(done[1])
        if before is not None and snapped(equipment, before) == base:
            lower = stepped(equipment, base, -1)
            if lower is not None:
                return Suggestion(lower, exercise.reps, work, Change.DOWN,
                                  f"short two sessions in a row at {_words(base)}: try {_words(lower)}", said_last)
    if rule.kind is RuleKind.DOUBLE and exercise.reps is not None and exercise.reps_top is not None:
        return _double(exercise, last, base, equipment, said_last)
    if rule.kind is RuleKind.TIME and exercise.work is not None:
        return _time(exercise, rule, last, base, work, equipment, said_last)
    return Suggestion(base, exercise.reps, exercise.work, Change.SAME, "the same as last time", said_last)


def _worked(session: Session, exercise: Exercise) -> int | None:
    planned = [s.planned_seconds for s in session.sets if s.planned_seconds]
    return max(planned) if planned else exercise.work


def _double(exercise: Exercise, last: Session, base: Load | None, equipment: Equipment,
            said_last: str) -> Suggestion:
    bottom, top = exercise.reps or 1, exercise.reps_top or 1
    counts = [s.reps or 0 for s in last.sets]
    at = f" at {_words(base)}" if base is not None else ""
    if counts and all(c >= top for c in counts):
        heavier = stepped(equipment, base, 1) if base is not None else None
        if heavier is not None:
            return Suggestion(heavier, bottom, None, Change.UP,
                              f"every set reached {top}{at}: try {_words(heavier)} for {bottom}", said_last)
        return Suggestion(base, top, None, Change.SAME,
                          f"every set reached {top}{at}, and there is no heavier step owned: "
                          "stay, or add it on the Equipment page", said_last)
    aim = min(top, max(bottom, min(counts, default=bottom) + 1))
    return Suggestion(base, aim, None, Change.SAME,
                      f"not every set reached {top}{at} yet: aim for {aim} a set", said_last)


def _time(exercise: Exercise, rule: Progression, last: Session, base: Load | None, worked: int | None,
          equipment: Equipment, said_last: str) -> Suggestion:
    start = exercise.work or 0
    cap = rule.cap_for(start)
    now = worked or start
    at = f" at {_words(base)}" if base is not None else ""
    if not all(s.whole for s in last.sets):
        return Suggestion(base, None, now, Change.SAME, f"a set was cut short{at}: {now} s again", said_last)
    if now + rule.time_step <= cap:
        longer = now + rule.time_step
        return Suggestion(base, None, longer, Change.UP,
                          f"every set lasted {now} s{at}: try {longer} s", said_last)
    heavier = stepped(equipment, base, 1) if base is not None else None
    if heavier is not None:
        return Suggestion(heavier, None, start, Change.UP,
                          f"{now} s{at} is the cap: try {_words(heavier)} for {start} s", said_last)
    return Suggestion(base, None, now, Change.SAME, f"{now} s{at} is the cap, with no heavier step owned", said_last)


def suggestion_words(tip: Suggestion) -> str:
    """'20 kg kettlebell for 8', '35 s at bodyweight + 10 kg', 'bodyweight for 9'."""
    load = _words(tip.load)
    if tip.reps is not None:
        return f"{load} for {tip.reps}"
    if tip.work is not None:
        return f"{tip.work} s at {load}"
    return load


def went_up(name: str, before: Session | None, today: Session) -> str | None:
    """'Kettlebell swings: 20 kg kettlebell (was 16 kg kettlebell)', '… 45 s a set (was 40 s)',
    '… 11 reps at best (was 10)', when today's sets were heavier, longer or more than the
    last time; None otherwise (and the first time)."""
    if before is None or not before.sets or not today.sets:
        return None
    was, now = _load_of(before), _load_of(today)
    if was is not None and now is not None and was.type is now.type and heaviness(now) > heaviness(was):
        return f"{name}: {_words(now)} (was {_words(was)})"
    if was is not None and now is not None and heaviness(now) < heaviness(was):
        return None
    reps_was = max((s.reps or 0 for s in before.sets), default=0)
    reps_now = max((s.reps or 0 for s in today.sets), default=0)
    if reps_now > reps_was > 0:
        return f"{name}: {reps_now} reps at best (was {reps_was})"
    seconds_was = max((s.planned_seconds or 0 for s in before.sets), default=0)
    seconds_now = max((s.planned_seconds or 0 for s in today.sets), default=0)
    if seconds_now > seconds_was > 0:
        return f"{name}: {seconds_now} s a set (was {seconds_was} s)"
    return None
