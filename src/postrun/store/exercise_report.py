"""One exercise over the weeks, from its logged sets: each workout's load and sets, its
volume, the bests, and what to do next time (and why). The `postrun history --exercise`
command prints it; every number comes from rows of the sets table."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from postrun.core.circuit import Exercise
from postrun.core.circuit_reader import circuit_from_snapshot
from postrun.core.equipment import Equipment
from postrun.core.load import Load, heaviness, load_of, load_text
from postrun.core.progression import LoggedSet, Session, Suggestion, suggest, suggestion_words, volume
from postrun.store.library import LibraryEntry
from postrun.store.log_rows import json_or, moment_of
from postrun.store.workout_log import WorkoutLog


@dataclass(frozen=True)
class Day:
    """One workout's sets of the exercise."""

    started_at: datetime
    load: Load | None               # the easiest load of its sets (what the body did)
    reps: tuple[int, ...]           # a rep exercise's sets
    seconds: tuple[float, ...]      # a timed one's
    skipped: int
    volume: float                   # weight x reps, a pair counting both


@dataclass(frozen=True)
class ExerciseReport:
    name: str
    days: list[Day]                 # oldest first
    heaviest: tuple[Load, datetime] | None
    most_reps: tuple[int, Load | None] | None     # the most reps in one set, and its load
    next: Suggestion | None          # None: the exercise is in no circuit of yours
    workouts: int = 0                # all the workouts that did it (days may be the last few)


class UnknownExercise(Exception):
    """No logged exercise has that name; the message lists the names that do."""


def matching_name(log: WorkoutLog, wanted: str) -> str:
    names = log.exercise_names()
    for test in (lambda n: n == wanted, lambda n: n.casefold() == wanted.casefold(),
                 lambda n: wanted.casefold() in n.casefold()):
        found = [n for n in names if test(n)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise UnknownExercise(f"“{wanted}” could be {', '.join(found)}: give more of the name")
    listed = ", ".join(names) if names else "none yet"
    raise UnknownExercise(f"no exercise called “{wanted}” has been logged; logged: {listed}")


def exercise_in(library: Sequence[LibraryEntry], name: str) -> Exercise | None:
    """The exercise as a circuit of yours defines it (or an alternative, as swapped in)."""
    for entry in library:
        if entry.circuit is None:
            continue
        for index, exercise in enumerate(entry.circuit.exercises):
            if exercise.name == name:
                return exercise
            for number, alternative in enumerate(exercise.alternatives):
                if alternative.name == name:
                    return entry.circuit.with_choices(swaps={index: number}).exercises[index]
    return None


def report(log: WorkoutLog, name: str, library: Sequence[LibraryEntry], equipment: Equipment,
           last: int | None = None) -> ExerciseReport:
    """The exercise's workouts (its `last` ones; all when None), its bests over all time and
    the next step. The bests are read as a few rows, however long the history."""
    days: list[Day] = []
    by_workout: dict[str, list[tuple[Any, ...]]] = {}
    known: dict[Any, Load | None] = {}         # a few distinct loads over thousands of sets: parsed once

    def parsed(text: Any) -> Load | None:
        if text not in known:
            known[text] = load_of(json_or(text, None))
        return known[text]

    for row in log.set_rows(name, last=last):
        by_workout.setdefault(row[1], []).append(row)
    for rows in by_workout.values():
        started = moment_of(rows[0][0])
        if started is None:
            continue
        done = [(r, parsed(r[6])) for r in rows if r[11] == "done"]
        loads = [load for _, load in done if load is not None]
        days.append(Day(
            started_at=started, load=min(loads, key=heaviness) if loads else None,
            reps=tuple(r[8] for r, _ in done if r[8] is not None),
            seconds=tuple(round(r[9] or 0.0, 1) for r, _ in done if r[8] is None),
            skipped=len(rows) - len(done),
            volume=volume(Session(tuple(LoggedSet(load, reps=r[8]) for r, load in done)))))
    days.sort(key=lambda d: d.started_at)
    count, loads_done, most_row = log.exercise_bests(name)
    heaviest: tuple[Load, datetime] | None = None
    for text, first in loads_done:
        load, when = parsed(text), moment_of(first)
        if load is not None and when is not None and (heaviest is None or heaviness(load) > heaviness(heaviest[0])):
            heaviest = (load, when)
    most = (int(most_row[0]), parsed(most_row[1])) if most_row is not None else None
    # as it was last done (its range and rule as they ran), else as a circuit of yours has it
    ran = log.last_circuit_with(name)
    circuit = circuit_from_snapshot(ran) if ran is not None else None
    exercise = next((e for e in circuit.exercises if e.name == name), None) if circuit is not None else None
    exercise = exercise or exercise_in(library, name)
    upcoming = suggest(exercise, log.exercise_sessions(name), equipment) if exercise is not None else None
    return ExerciseReport(name, days, heaviest, most, upcoming, count)


@dataclass(frozen=True)
class Step:
    """One step forward (or a load changed either way), as the page and the command say it."""

    started_at: datetime
    words: str                        # "16 kg kettlebell → 20 kg kettlebell", "8 → 9 reps a set at 16 kg …"

    def __str__(self) -> str:
        return f"{self.started_at:%d %b %Y}: {self.words}"


def steps(days: Sequence[Day]) -> list[Step]:
    """Each step in order: every change of load (up, or down on purpose), and at one load
    each new best of the reps every set reached (the fewest in a workout) or of the time
    held. A bad day after a good one is not a step, nor is getting back to where one was."""
    found: list[Step] = []
    load: Load | None = None
    best_reps = best_seconds = 0.0
    for day in days:
        if day.load is not None and load is not None and day.load != load:
            found.append(Step(day.started_at, f"{load_text(load)} → {load_text(day.load)}"))
            best_reps = best_seconds = 0.0
        at = f" at {load_text(day.load)}" if day.load is not None and load_text(day.load) else ""
        if day.reps:
            fewest = min(day.reps)
            if best_reps and fewest > best_reps:
                found.append(Step(day.started_at, f"{best_reps:g} → {fewest} reps a set{at}"))
            best_reps = max(best_reps, fewest)
        if day.seconds:
            held = round(min(day.seconds))
            if best_seconds and held > best_seconds:
                found.append(Step(day.started_at, f"{best_seconds:g} s → {held} s{at}"))
            best_seconds = max(best_seconds, held)
        load = day.load if day.load is not None else load
    return found


def report_lines(result: ExerciseReport) -> list[str]:
    lines = [f"{result.name}: {result.workouts} workout{'s' if result.workouts != 1 else ''}"]
    for day in result.days:
        load = load_text(day.load) if day.load is not None and load_text(day.load) else "bodyweight"
        sets = ", ".join(map(str, day.reps)) if day.reps else ", ".join(f"{s:g} s" for s in day.seconds)
        skipped = f"  ({day.skipped} skipped)" if day.skipped else ""
        volume = f"  volume {day.volume:g}" if day.volume else ""
        lines.append(f"{day.started_at:%Y-%m-%d}  {load:<24}  {sets}{skipped}{volume}")
    if result.heaviest is not None:
        lines.append(f"Heaviest: {load_text(result.heaviest[0])} ({result.heaviest[1]:%Y-%m-%d})")
    if result.most_reps is not None:
        at = f" at {load_text(result.most_reps[1])}" if result.most_reps[1] is not None else ""
        lines.append(f"Most reps in a set: {result.most_reps[0]}{at}")
    lines.extend(f"Step {step}" for step in steps(result.days))
    if result.next is not None:
        lines.append(f"Next time: {suggestion_words(result.next)} ({result.next.why})")
    return lines


def report_json(result: ExerciseReport) -> str:
    from postrun.core.circuit_toml import load_dict

    data = {
        "exercise": result.name,
        "workouts": [{"started_at": d.started_at.isoformat(), "load": load_dict(d.load), "reps": list(d.reps),
                      "seconds": list(d.seconds), "skipped": d.skipped, "volume": d.volume} for d in result.days],
        "heaviest": None if result.heaviest is None else {"load": load_dict(result.heaviest[0]),
                                                          "started_at": result.heaviest[1].isoformat()},
        "most_reps": None if result.most_reps is None else {"reps": result.most_reps[0],
                                                            "load": load_dict(result.most_reps[1])},
        "steps": [{"started_at": s.started_at.isoformat(), "step": s.words} for s in steps(result.days)],
        "next": None if result.next is None else {"load": load_dict(result.next.load), "reps": result.next.reps,
                                                  "work": result.next.work, "change": result.next.change.value,
                                                  "why": result.next.why},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
