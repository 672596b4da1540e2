"""A circuit expanded into the segments the engine walks through, in order."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property

from postrun.core.circuit import MAX_ROUNDS, MAX_WORKOUT_SECONDS, Circuit, Exercise, Stretch


class Kind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    SWITCH = "switch"
    REST = "rest"
    ROUND_REST = "round_rest"
    COOLDOWN = "cooldown"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Segment:
    """One stretch of the workout. `seconds` is None for a rep segment, which waits for done."""

    kind: Kind
    seconds: int | None
    reps: int | None = None
    exercise: Exercise | None = None
    stretch: Stretch | None = None
    side: Side | None = None
    round: int | None = None
    exercise_index: int | None = None
    ends_round: bool = False

    @property
    def timed(self) -> bool:
        return self.seconds is not None

    @property
    def name(self) -> str | None:
        """What the person is doing (or switching sides for): exercise or stretch name."""
        if self.exercise is not None:
            return self.exercise.name
        if self.stretch is not None:
            return self.stretch.name
        return None

    @property
    def tips(self) -> tuple[str, ...]:
        if self.exercise is not None:
            return self.exercise.tips
        if self.stretch is not None:
            return self.stretch.tips
        return ()


# what is listed as done or skipped: exercise sets and stretches (rests are not)
SET_KINDS = frozenset({Kind.WORK, Kind.COOLDOWN})


@dataclass(frozen=True)
class Timeline:
    circuit: Circuit
    segments: tuple[Segment, ...]

    def __len__(self) -> int:
        return len(self.segments)

    def __getitem__(self, index: int) -> Segment:
        return self.segments[index]

    @cached_property
    def _timed_after(self) -> tuple[int, ...]:
        """_timed_after[i]: known seconds of the segments after i (suffix sums, computed once)."""
        sums = [0] * (len(self.segments) + 1)
        for i in range(len(self.segments) - 1, -1, -1):
            sums[i] = sums[i + 1] + (self.segments[i].seconds or 0)
        return tuple(sums[1:])

    @cached_property
    def _reps_after(self) -> tuple[int, ...]:
        counts = [0] * (len(self.segments) + 1)
        for i in range(len(self.segments) - 1, -1, -1):
            counts[i] = counts[i + 1] + (0 if self.segments[i].timed else 1)
        return tuple(counts[1:])

    @cached_property
    def set_indexes(self) -> tuple[int, ...]:
        """The exercise sets and stretches (what is done or skipped; rests are not), once."""
        return tuple(i for i, s in enumerate(self.segments) if s.kind in SET_KINDS)

    @property
    def total_seconds(self) -> int:
        """Known time of the whole workout; rep segments are not in it (see rep_segments)."""
        return sum(s.seconds or 0 for s in self.segments)

    @property
    def rep_segments(self) -> int:
        """How many segments wait for 'done' and so have no known length."""
        return sum(1 for s in self.segments if not s.timed)

    def seconds_after(self, index: int) -> int:
        return self._timed_after[index]

    def rep_segments_after(self, index: int) -> int:
        return self._reps_after[index]


def max_rounds_for(circuit: Circuit) -> int:
    """The most rounds this circuit can be run for within the 4-hour limit (at least 1).

    The known time grows by the same amount with every round after the first, so two
    small timelines give it without building the long ones."""
    one = build_timeline(replace(circuit, rounds=1)).total_seconds
    per_round = build_timeline(replace(circuit, rounds=2)).total_seconds - one
    if per_round <= 0:
        return MAX_ROUNDS
    return max(1, min(MAX_ROUNDS, 1 + (MAX_WORKOUT_SECONDS - one) // per_round))


def build_timeline(circuit: Circuit) -> Timeline:
    segments: list[Segment] = []
    if circuit.prepare > 0:
        segments.append(Segment(Kind.PREPARE, circuit.prepare))
    count = len(circuit.exercises)
    for round_number in range(1, circuit.rounds + 1):
        last_round = round_number == circuit.rounds
        for index, exercise in enumerate(circuit.exercises):
            last_exercise = index == count - 1
            segments.extend(_exercise_segments(circuit, exercise, index, round_number, ends_round=last_exercise))
            if not last_exercise:
                gap = Segment(Kind.REST, circuit.rest, round=round_number) if circuit.rest > 0 else None
            elif not last_round:
                if circuit.round_rest > 0:
                    gap = Segment(Kind.ROUND_REST, circuit.round_rest, round=round_number)
                elif circuit.rest > 0:
                    gap = Segment(Kind.REST, circuit.rest, round=round_number)
                else:
                    gap = None
            else:
                gap = None if circuit.skip_last_rest or circuit.rest == 0 else Segment(
                    Kind.REST, circuit.rest, round=round_number)
            if gap is not None:
                segments.append(gap)
    for stretch in circuit.cooldown:
        if stretch.sides == "each":
            segments.append(Segment(Kind.COOLDOWN, stretch.hold, stretch=stretch, side=Side.LEFT))
            if circuit.switch > 0:
                segments.append(Segment(Kind.SWITCH, circuit.switch, stretch=stretch, side=Side.RIGHT))
            segments.append(Segment(Kind.COOLDOWN, stretch.hold, stretch=stretch, side=Side.RIGHT))
        else:
            segments.append(Segment(Kind.COOLDOWN, stretch.hold, stretch=stretch))
    return Timeline(circuit, tuple(segments))


def _exercise_segments(circuit: Circuit, exercise: Exercise, index: int, round_number: int,
                       *, ends_round: bool) -> list[Segment]:
    def work(side: Side | None, last: bool) -> Segment:
        return Segment(Kind.WORK, exercise.work, reps=exercise.reps, exercise=exercise, side=side,
                       round=round_number, exercise_index=index, ends_round=ends_round and last)

    if not exercise.one_sided:
        return [work(None, True)]
    parts = [work(Side.LEFT, False)]
    if circuit.switch > 0:
        parts.append(Segment(Kind.SWITCH, circuit.switch, exercise=exercise, side=Side.RIGHT,
                             round=round_number, exercise_index=index))
    parts.append(work(Side.RIGHT, True))
    return parts
