"""The history as the window and `postrun history` show it: the weeks, the streak, this
month, the 4-week balance and the circuit that would restore it, from the workout log."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from postrun.core.balance import (
    BALANCE_WEEKS,
    DoneWork,
    GroupTable,
    add,
    group_seconds,
    minutes_words,
    planned_seconds,
    sentence,
)
from postrun.core.balance import suggest as suggest_circuit
from postrun.core.circuit import Circuit
from postrun.core.circuit_reader import circuit_from_snapshot
from postrun.core.segment_words import label_words, set_name
from postrun.core.set_states import SetState, set_outcomes
from postrun.core.timeline import build_timeline
from postrun.core.weeks import WeekTotal, month_total, streak, weekly
from postrun.store.library import LibraryEntry
from postrun.store.muscle_groups import group_table
from postrun.store.workout_log import WorkoutLog, WorkoutRecord

WEEK_RULE = ("weeks run Monday to Sunday; a workout counts when at least one set was done, "
             "and a week when it has one")


@dataclass(frozen=True)
class Overview:
    weeks: list[WeekTotal]               # the last 12, this week last
    streak: int                          # consecutive weeks with a workout
    month: tuple[int, float]             # this month's workouts and seconds
    balance: dict[str, float]            # group -> work seconds, last 4 weeks, display order
    suggestion: LibraryEntry | None      # the circuit that would best restore the balance
    sentence: str
    total_workouts: int

    @property
    def this_week(self) -> WeekTotal:
        return self.weeks[-1]


class CircuitCache:
    """Records of the same circuit share one parsed copy (a year of the same circuit is one parse)."""

    def __init__(self) -> None:
        self._parsed: dict[str, Circuit | None] = {}

    def circuit_of(self, record: WorkoutRecord) -> Circuit | None:
        try:
            key = json.dumps(record.circuit, sort_keys=True)
        except (TypeError, ValueError, RecursionError):
            return None
        if key not in self._parsed:
            self._parsed[key] = circuit_from_snapshot(record.circuit)   # None: no sets shown
        return self._parsed[key]


def done_work(record: WorkoutRecord, circuit: Circuit) -> DoneWork:
    return DoneWork(circuit, completed=record.status == "completed", reached=record.segment_index,
                    skipped=frozenset(record.skipped), spent=record.segment_seconds)


def balance_since(records: Iterable[WorkoutRecord], table: GroupTable,
                  cache: CircuitCache | None = None) -> dict[str, float]:
    cache = cache or CircuitCache()
    found = []
    for record in records:
        circuit = cache.circuit_of(record)
        if circuit is not None:
            found.append(group_seconds(done_work(record, circuit), table))
    return add(found, table)


def balance_start(today: date) -> date:
    """The first day of the balance window: 4 weeks back, today included."""
    return today - timedelta(days=7 * BALANCE_WEEKS - 1)


def recent_balance(log: WorkoutLog, library: Sequence[LibraryEntry], today: date,
                   table: GroupTable) -> tuple[dict[str, float], LibraryEntry | None]:
    """Work seconds per group over the last 4 weeks, and the circuit that would best
    restore the balance (what the picker marks). Reads only those 4 weeks of the log."""
    # from a day before the window's first, as text: the stored offsets may differ from today's
    since = (balance_start(today) - timedelta(days=1)).isoformat()
    recent = [r for r in log.records(since)
              if balance_start(today) <= r.local_date <= today and r.status != "in_progress"]
    by_group = balance_since(recent, table)
    profiles = {e.key: planned_seconds(e.circuit, table) for e in library if e.circuit is not None}
    best_key = suggest_circuit(by_group, profiles, table)
    return by_group, next((e for e in library if e.key == best_key), None)


def suggested(log: WorkoutLog, library: Sequence[LibraryEntry], today: date) -> LibraryEntry | None:
    return recent_balance(log, library, today, group_table())[1]


def overview(log: WorkoutLog, library: Sequence[LibraryEntry], today: date,
             table: GroupTable | None = None) -> Overview:
    table = table or group_table()
    days = log.days()
    by_group, best = recent_balance(log, library, today, table)
    return Overview(
        weeks=weekly(days, today), streak=streak((d for d, _ in days), today), month=month_total(days, today),
        balance=by_group, suggestion=best,
        sentence=sentence(by_group, table, best.circuit.name if best and best.circuit else None),
        total_workouts=len(days))


def this_week_text(view: Overview, today: date) -> str:
    """'This week: 2 workouts, 31 min · Streak: 5 weeks · November: 7 workouts, 2 h 5 min'."""
    week = view.this_week
    count, seconds = view.month
    return (f"This week: {_workouts(week.workouts)}, {minutes_words(week.seconds)} · "
            f"Streak: {view.streak} week{'s' if view.streak != 1 else ''} · "
            f"{today:%B}: {_workouts(count)}, {minutes_words(seconds)}")


def _workouts(count: int) -> str:
    return f"{count} workout{'s' if count != 1 else ''}"



def filtered(records: Iterable[WorkoutRecord], since: date | None = None,
             circuit: str | None = None) -> list[WorkoutRecord]:
    """For `postrun history`: started on or after `since` (local date), of a circuit
    (its file name or its name, any case), newest first; interrupted ones left out."""
    wanted = circuit.casefold() if circuit else None
    found = [r for r in records if r.status != "in_progress"
             and (since is None or r.local_date >= since)
             and (wanted is None or wanted in (r.circuit_key.casefold(), r.circuit_name.casefold()))]
    found.sort(key=lambda r: (r.started_at.timestamp(), r.id), reverse=True)
    return found





def outcome_text(status: str, segment_label: str, sets_done: int | None = None) -> str:
    """'completed', or where a workout stopped, in the run view's words: 'stopped at
    Swings (left), round 2', 'stopped at Get ready'; one stopped before any set was done
    says that it does not count (WEEK_RULE)."""
    if status == "completed":
        return "completed"
    if status == "in_progress":
        return "interrupted"
    text = f"stopped at {label_words(segment_label)}" if segment_label else "stopped part-way"
    return f"{text} (no set done)" if sets_done == 0 else text


def bar_lines(by_group: dict[str, float], width: int = 30) -> list[str]:
    """The balance bars as text: 'posterior chain  ██████████████  48 min'."""
    top = max(by_group.values(), default=0.0) or 1.0
    name_width = max((len(g) for g in by_group), default=0)
    lines = []
    for group, seconds in by_group.items():
        filled = round(width * seconds / top)
        lines.append(f"{group:<{name_width}}  {'█' * filled}{'·' * (width - filled)}  {minutes_words(seconds)}")
    return lines


@dataclass(frozen=True)
class SetLine:
    """One exercise set or stretch of a recorded workout, for its detail."""

    text: str          # 'Kettlebell swings (left), round 2'
    state: str         # 'done', 'skipped', 'stopped here' or 'not reached'
    seconds: float | None


def workout_sets(record: WorkoutRecord, circuit: Circuit) -> list[SetLine]:
    """Every exercise set and stretch of the workout as run, with what became of it."""
    lines = []
    for outcome in set_outcomes(build_timeline(circuit), record.segment_index, record.skipped,
                                record.status == "completed"):
        segment = outcome.segment
        planned = float(segment.seconds) if segment.seconds is not None else None
        seconds = record.segment_seconds.get(outcome.index, planned if outcome.state is SetState.DONE else None)
        lines.append(SetLine(set_name(segment), outcome.state.value, seconds))
    return lines
