"""Which muscle groups the workouts trained, and what would balance them.

Work time per group comes from the exercises actually done: the circuit as run (swaps
applied), skipped sets left out, each side of a one-sided exercise counted once per side
(each side is its own segment). An exercise's time is shared equally among the muscles
tagged on it. The grouping of muscle names is data (`assets/muscle_groups.toml`), given
here as a GroupTable; a name it does not know counts as "other".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from postrun.core.circuit import Circuit
from postrun.core.timeline import Kind, build_timeline

OTHER = "other"
REP_SECONDS = 3.0       # a rep set with no measured time counts this much per rep
BALANCE_WEEKS = 4


@dataclass(frozen=True)
class GroupTable:
    order: tuple[str, ...]                        # display order; OTHER is added last
    of_muscle: Mapping[str, str]                  # casefolded muscle name -> group
    pair: tuple[str, str] = ("posterior chain", "quads")
    ratio: float = 1.5
    circuit_words: Mapping[str, str] = field(default_factory=dict)

    @property
    def groups(self) -> tuple[str, ...]:
        return (*self.order, OTHER)

    def group(self, muscle: str) -> str:
        return self.of_muscle.get(muscle.strip().casefold(), OTHER)

    def words_for(self, group: str) -> str:
        return self.circuit_words.get(group, f"a {group} circuit")


@dataclass(frozen=True)
class DoneWork:
    """What one workout did: which segments, and how long each took if measured."""

    circuit: Circuit
    completed: bool
    reached: int                                  # the segment it stopped in (ignored when completed)
    skipped: frozenset[int] = frozenset()
    spent: Mapping[int, float] = field(default_factory=dict)


def group_seconds(done: DoneWork, table: GroupTable) -> dict[str, float]:
    """Work seconds per group for one workout."""
    totals: dict[str, float] = {}
    for index, segment in enumerate(build_timeline(done.circuit).segments):
        if segment.kind is not Kind.WORK or segment.exercise is None or index in done.skipped:
            continue
        if not done.completed and index > done.reached:
            break
        if not done.completed and index == done.reached and index not in done.spent:
            continue                              # stopped in it, and how long is unknown
        seconds = done.spent.get(index)
        if seconds is None:
            seconds = float(segment.seconds) if segment.seconds is not None else REP_SECONDS * (segment.reps or 0)
        muscles = segment.exercise.muscles or ("",)
        share = seconds / len(muscles)
        for muscle in muscles:
            group = table.group(muscle) if muscle else OTHER
            totals[group] = totals.get(group, 0.0) + share
    return totals


def planned_seconds(circuit: Circuit, table: GroupTable) -> dict[str, float]:
    """Work seconds per group of one run of `circuit` as written."""
    return group_seconds(DoneWork(circuit, completed=True, reached=0), table)


def add(totals: Iterable[Mapping[str, float]], table: GroupTable) -> dict[str, float]:
    """Summed per group, every group present, in display order."""
    summed = dict.fromkeys(table.groups, 0.0)
    for one in totals:
        for group, seconds in one.items():
            summed[group] = summed.get(group, 0.0) + seconds
    return summed


def whole_minutes(seconds: float) -> int:
    """Minutes rounded half up (30 s is 1 min: Python's round would make it 0)."""
    return math.floor(seconds / 60 + 0.5)


def minutes_words(seconds: float) -> str:
    """'48 min', '1 h 5 min'; a little work is 'under 1 min', never '0 min'."""
    if 0 < seconds < 30:
        return "under 1 min"
    minutes = whole_minutes(seconds)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"


def _lopsidedness(by_group: Mapping[str, float], table: GroupTable) -> float:
    """How far apart the pair is, as |log(a/b)|: 0 is even; a minute's grace keeps a
    first small workout from reading as infinitely lopsided."""
    a, b = (by_group.get(g, 0.0) for g in table.pair)
    return abs(math.log((a + 60) / (b + 60)))


def lagging(by_group: Mapping[str, float], table: GroupTable) -> str | None:
    """The group of the pair that is behind by more than the table's ratio, or None."""
    a, b = (by_group.get(g, 0.0) for g in table.pair)
    if a == b == 0:
        return None
    if a > table.ratio * b and a - b >= 60:
        return table.pair[1]
    if b > table.ratio * a and b - a >= 60:
        return table.pair[0]
    return None


def sentence(by_group: Mapping[str, float], table: GroupTable, suggestion: str | None = None,
             weeks: int = BALANCE_WEEKS) -> str:
    """One plain sentence, e.g. "Last 4 weeks: posterior chain 48 min, quads 12 min. A
    quad circuit would balance it." `suggestion` names the circuit that would."""
    if not any(by_group.values()):
        return (f"No strength work in the last {weeks} weeks yet: after a workout, this shows the minutes "
                f"per muscle group and what would balance them.")
    first, second = table.pair
    lead = f"Last {weeks} weeks: {first} {minutes_words(by_group.get(first, 0))}, {second} " \
           f"{minutes_words(by_group.get(second, 0))}."
    if by_group.get(first, 0) < 60 and by_group.get(second, 0) < 60:
        # two zeros (or seconds) are not a balance: other groups were worked, not this pair
        return f"{lead} Not enough {first} or {second} work yet to say how they balance."
    behind = lagging(by_group, table)
    if behind is None:
        return f"{lead} Balanced between {first} and {second}."
    words = table.words_for(behind)
    named = f" (“{suggestion}”)" if suggestion else ""
    return f"{lead} {words[0].upper()}{words[1:]}{named} would balance it."


def suggest(by_group: Mapping[str, float], candidates: Mapping[str, Mapping[str, float]],
            table: GroupTable) -> str | None:
    """The candidate (key -> its planned seconds per group) that, done once more, brings the
    pair closest to even; None when already balanced or none of them helps."""
    behind = lagging(by_group, table)
    if behind is None:
        return None
    now = _lopsidedness(by_group, table)
    best: tuple[float, float, str] | None = None
    for key, profile in candidates.items():
        if profile.get(behind, 0.0) <= 0:
            continue
        after = {g: by_group.get(g, 0.0) + profile.get(g, 0.0) for g in table.pair}
        score = _lopsidedness(after, table)
        if score < now:
            option = (round(score, 6), sum(profile.values()), key)
            if best is None or option < best:
                best = option
    return best[2] if best else None


def works_text(circuit: Circuit, table: GroupTable) -> str:
    """What one run of `circuit` works, by its share of the work time: 'posterior chain
    70 %, core 30 %'; empty when no exercise has a muscle tagged."""
    planned = planned_seconds(circuit, table)
    tagged = {g: s for g, s in planned.items() if s > 0 and g != OTHER}
    total = sum(tagged.values())
    if not total:
        return ""
    ranked = sorted(tagged.items(), key=lambda item: (-item[1], table.groups.index(item[0])))
    return ", ".join(f"{group} {round(100 * seconds / total)} %" for group, seconds in ranked)
